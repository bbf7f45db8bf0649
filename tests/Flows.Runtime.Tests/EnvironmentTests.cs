using System;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;

namespace Flows.Runtime.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Tests that set FLOWS__CONTEXT__* variables of the process; they run alone.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class EnvironmentTests
{
    [Fact]
    public async Task Without_an_id_the_run_id_comes_from_FLOWS__CONTEXT__FLOW_RUN_ID()
    {
        using var runId = new EnvironmentVariable(FlowContextVariables.FlowRunId, "from-the-job-1");

        var result = await ContextFlow.RunAsync();

        Assert.Equal("from-the-job-1", result.FlowRunId);
        Assert.Equal("from-the-job-1", Assert.IsType<ContextSnapshot>(result["Inspect"].Result).FlowRunId);
    }

    [Fact]
    public async Task Without_an_id_or_the_variable_each_run_gets_a_new_id()
    {
        using var runId = new EnvironmentVariable(FlowContextVariables.FlowRunId, null);

        var first = await ContextFlow.RunAsync();
        var second = await ContextFlow.RunAsync();

        Assert.False(string.IsNullOrWhiteSpace(first.FlowRunId));
        Assert.NotEqual(first.FlowRunId, second.FlowRunId);
    }

    [Fact]
    public async Task An_id_in_the_options_wins_over_the_variable()
    {
        using var runId = new EnvironmentVariable(FlowContextVariables.FlowRunId, "from-the-job-2");

        var result = await ContextFlow.RunAsync(new FlowRunOptions { FlowRunId = "explicit" });

        Assert.Equal("explicit", result.FlowRunId);
        var environment = Assert.IsType<ContextSnapshot>(result["Inspect"].Result).Environment;
        Assert.Equal("explicit", environment[FlowContextVariables.FlowRunId]);
    }

    [Fact]
    public async Task Other_context_variables_of_the_process_are_handed_to_tasks()
    {
        using var ns = new EnvironmentVariable(FlowContextVariables.Namespace, "flows-test");
        using var other = new EnvironmentVariable("FLOWS_NOT_CONTEXT", "ignored");

        var result = await ContextFlow.RunAsync();

        var environment = Assert.IsType<ContextSnapshot>(result["Inspect"].Result).Environment;
        Assert.Equal("flows-test", environment[FlowContextVariables.Namespace]);
        Assert.False(environment.ContainsKey("FLOWS_NOT_CONTEXT"));
    }

    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
