using System.Linq;
using Flows.Generators.Tests.Sources;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Tests;

/// <summary>The generated code enables nullable annotations itself, so it must not warn for code written without them.</summary>
public class NullableContextTests
{
    [Fact]
    public void A_flow_written_without_nullable_annotations_compiles_without_warnings()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, NullableDisabledSource.Text);
        Assert.Empty(GeneratorHarness.Problems(compilation));

        var (result, output, diagnostics) = GeneratorHarness.Run(compilation);

        Assert.Empty(diagnostics);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "Samples.Legacy.LegacyFlow.Flow.g.cs");
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }
}
