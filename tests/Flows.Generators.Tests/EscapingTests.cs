using System.Linq;
using Flows.Generators.Tests.Sources;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Tests;

public class EscapingTests
{
    [Fact]
    public void Names_with_quotes_markup_and_line_breaks_compile()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, OddNamesSource.Text);

        var (result, output, diagnostics) = GeneratorHarness.Run(compilation);

        Assert.Empty(diagnostics);
        var flow = result.Results.Single().GeneratedSources.Single(s => s.HintName == "Samples.Odd.OddFlow.Flow.g.cs").SourceText.ToString();
        Assert.Contains("name: \"first line\\nsecond <b>line</b> & \\\"quoted\\\" \\\\ back\\u2028slash\",", flow);
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, string.Join("\n", problems) + "\n" + flow);
    }
}
