using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows;

/// <summary>
/// The flows of the running application. The Flows source generator registers every flow of an
/// assembly from a module initializer, so no reflection is needed to find them.
/// </summary>
public static class FlowCatalog
{
    private static readonly object Gate = new();
    private static readonly List<FlowDefinition> Registered = new();

    public const string GeneratorMissingMessage =
        "No generated flow code was found. The Flows source generator did not run for the assembly that declares the flows: " +
        "check that the build uses the .NET SDK 8.0.100 / Visual Studio 17.8 or newer (an older compiler skips the generator with warning CS9057), " +
        "that the Flows package (or, in this repository, the analyzer project references) is referenced by that project, and that the flow classes have no FLOW build errors.";

    public static IReadOnlyList<FlowDefinition> All
    {
        get
        {
            lock (Gate)
            {
                return Registered.ToArray();
            }
        }
    }

    /// <summary>Called by generated module initializers.</summary>
    public static void Register(FlowDefinition flow)
    {
        lock (Gate)
        {
            if (!Registered.Any(f => ReferenceEquals(f, flow)))
            {
                Registered.Add(flow);
            }
        }
    }

    public static FlowDefinition Get(string name)
    {
        var all = All;
        if (all.Count == 0)
        {
            throw new InvalidOperationException(GeneratorMissingMessage);
        }
        return all.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException($"No flow named '{name}'. Flows: {string.Join(", ", all.Select(f => "'" + f.Name + "'"))}.", nameof(name));
    }
}
