using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
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

    [Fact]
    public async Task Keyword_named_flow_tasks_and_parameters_compile_and_run()
    {
        var flow = CompileAndLoad(KeywordNamesSource.Text, "Samples.namespace.record.params+static", out var generated);

        Assert.Contains("namespace Samples.@namespace.@record", generated);
        Assert.Contains("static partial class @params", generated);
        Assert.Contains("static partial class @static", generated);
        Assert.Contains(".@params.@static.@class(__parameter0, __parameter1)", generated);
        var result = await FlowRunner.RunAsync(flow, new FlowRunOptions { Parameters = FlowParameterValues.From(("event", "3")) });

        Assert.True(result.IsSuccess, string.Join("\n", result.Tasks.Select(t => $"{t.Name}: {t.State} {t.Message} {t.Error}")));
        Assert.Equal(31, result["class"].Result);    // 3 * 10 + @enum.@class (the default value, written with its @)
        Assert.Equal(32, result["return"].Result);   // + the attempt
        Assert.Equal("r32", result["record"].Result);
        Assert.Equal(["event", "enum", "string"], flow.Parameters.Select(p => p.Name));
    }

    [Fact]
    public async Task Keyword_named_pod_task_flow_compiles_and_moves_its_data_through_pods()
    {
        var flow = CompileAndLoad(KeywordNamesSource.PodTaskText, "Samples.event.fixed", out var generated,
            new InMemoryAdditionalText(KeywordNamesSource.PodSpecPath, KeywordNamesSource.PodSpec));

        Assert.Contains("public static partial string @lock(string @char)", generated);
        var result = await FlowRunner.RunAsync(flow, new FlowRunOptions { PodTaskRunner = new InProcessPods(), Parameters = FlowParameterValues.From(("char", "y")) });

        Assert.True(result.IsSuccess, string.Join("\n", result.Tasks.Select(t => $"{t.Name}: {t.State} {t.Message} {t.Error}")));
        Assert.Equal("c 2 ds 3 4 y", result["void"].Result);
    }

    /// <summary>Generates <paramref name="source"/>'s flow, asserts that it compiles without warnings, loads it and returns its definition.</summary>
    private static FlowDefinition CompileAndLoad(string source, string flowType, out string generated, params AdditionalText[] additionalTexts)
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, source);
        var (result, output, diagnostics) = GeneratorHarness.Run(compilation, additionalTexts: additionalTexts.ToImmutableArray());
        generated = string.Join("\n", result.GeneratedTrees.Select(t => t.GetText().ToString()));
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, string.Join("\n", problems) + "\n" + generated);

        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext("EscapingTests" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
        var type = assembly.GetType(flowType, throwOnError: true)!;
        return (FlowDefinition)type.GetProperty("Definition", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    /// <summary>
    /// Runs pods in this process: a sidecar task's body through the executor's data transfer, as <c>run-task</c> does in
    /// its pod (inputs from JSON, result to JSON); a container task's log is its primary container's args.
    /// </summary>
    private sealed class InProcessPods : IPodTaskRunner
    {
        public string Description => "in the test's process";

        public async Task<PodTaskOutcome> RunAsync(PodTaskRequest request, CancellationToken cancellationToken)
        {
            var primary = request.Pod["spec"]!["containers"]!.AsArray().Single(c => (string?)c!["name"] == request.PrimaryContainerName)!;
            if (request.Task.Pod!.Kind == PodTaskKind.Container)
            {
                var log = string.Join(" ", primary["args"]!.AsArray().Select(a => (string?)a));
                return new PodTaskOutcome(0, null, null, [], log);
            }
            var parameters = new FlowParameterValues(request.Run.Parameters.ToDictionary(p => p.Key, p => p.Value));
            var executor = request.Flow.CreateExecutor(parameters);
            var transfer = (ITaskDataTransfer)executor;
            transfer.ReadInputs(request.Task.Index, request.Run.InputsJson);
            await executor.InvokeAsync(request.Task.Index, null!, cancellationToken);   // the pod task takes no TaskRunContext
            return new PodTaskOutcome(0, null, PodTaskMessage.Success(transfer.WriteResult(request.Task.Index)), []);
        }
    }
}
