using System.Linq;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flows.Generators.Tests.PodTasks;

/// <summary>A flow whose only pod task is a void container task has no pod result to read: its generated code must still compile cleanly.</summary>
public class VoidContainerTaskTests
{
    private const string Source = """
        using Flows;

        namespace Samples;

        [Flow("Touch")]
        public static partial class TouchFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1.36", Command = new[] { "touch", "/tmp/done" })]
            public static partial void Touch();
        }
        """;

    [Fact]
    public void The_generated_code_compiles_with_warnings_as_errors()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, Source)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999));

        var (result, output, diagnostics) = GeneratorHarness.Run(compilation);

        Assert.Empty(diagnostics);
        Assert.Null(result.Results.Single().Exception);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
