using System.Linq;
using Flows.Generators.Tests.Sources;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Tests;

/// <summary>A flow with errors is left to the analyzer: the generator emits nothing for it and does not throw.</summary>
public class BrokenFlowTests
{
    [Fact]
    public void A_cyclic_flow_gets_no_flow_file_and_no_generator_failure()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, CycleSource.Text);

        var (result, output, diagnostics) = GeneratorHarness.Run(compilation);

        var run = result.Results.Single();
        Assert.Null(run.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Equal(["Flows.Registration.g.cs"], run.GeneratedSources.Select(s => s.HintName));
        Assert.DoesNotContain("CycleFlow", run.GeneratedSources[0].SourceText.ToString());
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Fact]
    public void A_broken_flow_next_to_a_good_one_leaves_the_good_one_registered()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, CycleSource.Text, Seed001Source.Text);

        var (result, _, _) = GeneratorHarness.Run(compilation);

        var run = result.Results.Single();
        Assert.Equal(
            ["Flows.Registration.g.cs", "Samples.HelloFlow.ResourceLimitsFlow.Flow.g.cs"],
            run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        var registration = run.GeneratedSources.Single(s => s.HintName == "Flows.Registration.g.cs").SourceText.ToString();
        Assert.Contains("ResourceLimitsFlow.Definition", registration);
        Assert.DoesNotContain("CycleFlow", registration);
    }

    [Fact]
    public void A_flow_without_tasks_only_warns_so_its_code_is_generated_and_compiles()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, """
            using Flows;

            [Flow("empty")]
            internal static partial class EmptyFlow
            {
            }
            """);

        var (result, output, diagnostics) = GeneratorHarness.Run(compilation);

        Assert.Empty(diagnostics);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "EmptyFlow.Flow.g.cs");
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("a wrong placeholder", """ "echo \"$1\"", "sh", "{mesage}" """, "")]
    [InlineData("a placeholder in a shell script (FLOW079)", """ "echo {message}" """, "")]
    [InlineData("a pod spec with errors", PodTaskSources.ShoutArgs, "containers: [{name: sidecar}]")]
    public void A_broken_flow_still_gets_its_container_task_implementations_so_that_the_analyzers_run(string _, string args, string podSpec)
    {
        Assert.Contains(PodTaskSources.ShoutArgs, PodTaskSources.Text);
        var source = PodTaskSources.Text.Replace(PodTaskSources.ShoutArgs, args.Trim());
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, source);
        var additionalTexts = System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText(PodTaskSources.PodSpecPath, podSpec.Length == 0 ? PodTaskSources.PodSpec : podSpec));

        var (result, output, _) = GeneratorHarness.Run(compilation, false, additionalTexts);

        var run = result.Results.Single();
        Assert.Null(run.Exception);
        Assert.Contains("Samples.SharedVolumeFlow.ContainerTasks.g.cs", run.GeneratedSources.Select(s => s.HintName));
        Assert.DoesNotContain("Samples.SharedVolumeFlow.Flow.g.cs", run.GeneratedSources.Select(s => s.HintName));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8795");
    }
}
