using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

internal static class ContainerTestKit
{
    /// <summary>Asserts an error of <paramref name="type"/> at <paramref name="path"/> (one per message of the rule, as the server), and no error elsewhere.</summary>
    public static void Expect(this SpecErrors errors, string path, SpecErrorType type)
    {
        var all = string.Join("\n  ", errors.All.Select(e => e.Message));
        Assert.True(errors.All.Any(e => e.Path.ToString() == path && e.Type == type), $"expected {type} at {path}; got:\n  " + all);
        Assert.True(errors.All.Where(e => !e.IsWarning).All(e => e.Path.ToString() == path), $"expected errors only at {path}; got:\n  " + all);
    }
}
