using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.PodTasks;

/// <summary>A container task's argv as [ContainerTask] writes it: its Command's elements, then its Args' (either may be absent).</summary>
internal sealed class ContainerArgv
{
    private ContainerArgv(IReadOnlyList<string> values, int commandCount, bool hasArgs)
    {
        Values = values;
        CommandCount = commandCount;
        HasArgs = hasArgs;
    }

    public IReadOnlyList<string> Values { get; }

    public int CommandCount { get; }

    /// <summary>Whether the attribute sets Args (then new arguments go at its end, else at Command's).</summary>
    public bool HasArgs { get; }

    public static ContainerArgv Of(AttributeData attribute)
    {
        var command = Strings(attribute, "Command") ?? new List<string>();
        var args = Strings(attribute, "Args");
        return new ContainerArgv(command.Concat(args ?? new List<string>()).ToList(), command.Count, args is not null);
    }

    /// <summary>The named argument and element index that argv element <paramref name="index"/> comes from.</summary>
    public (string Argument, int Element) Source(int index) => index < CommandCount ? ("Command", index) : ("Args", index - CommandCount);

    /// <summary>The names of the <c>{name}</c> placeholders in one element, in order, without repeats.</summary>
    public static IEnumerable<string> Placeholders(string element) =>
        global::Flows.Manifests.InputPlaceholders.Parse(element).Where(p => p.IsPlaceholder).Select(p => p.Text).Distinct();

    private static List<string>? Strings(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                return argument.Value.Values.Select(v => v.Value as string ?? "").ToList();
            }
        }
        return null;
    }
}
