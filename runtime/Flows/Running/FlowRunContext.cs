using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>What every task of one flow run shares.</summary>
public sealed class FlowRunContext
{
    private readonly List<Func<FlowRunState, ValueTask>> _runEndCallbacks = new();

    /// <summary>
    /// The context of a run of <paramref name="flowName"/> in this process: every <c>FLOWS__CONTEXT__*</c> variable of the
    /// process, the flow's name, and the run id: <paramref name="flowRunId"/>, else FLOWS__CONTEXT__FLOW_RUN_ID, else a new one.
    /// </summary>
    internal static FlowRunContext FromProcess(string flowName, string? flowRunId)
    {
        var environment = FlowContextVariables.ReadFromProcess();
        var runId = flowRunId
            ?? (environment.TryGetValue(FlowContextVariables.FlowRunId, out var fromEnvironment) && fromEnvironment.Length > 0 ? fromEnvironment : FlowRunIds.New());
        environment[FlowContextVariables.FlowName] = flowName;
        environment[FlowContextVariables.FlowRunId] = runId;
        return new FlowRunContext(flowName, runId, environment);
    }

    internal FlowRunContext(string flowName, string flowRunId, IReadOnlyDictionary<string, string> environment)
    {
        FlowName = flowName;
        FlowRunId = flowRunId;
        Environment = environment;
    }

    public string FlowName { get; }

    public string FlowRunId { get; }

    /// <summary>The <c>FLOWS__CONTEXT__*</c> configuration of the run.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>
    /// Registers work to do when the run has ended, with its final state: for example, a task library
    /// removing the containers the run created when it failed or was cancelled. Callbacks run in
    /// reverse order of registration; an exception in one is logged and does not stop the others.
    /// </summary>
    public void OnRunEnded(Func<FlowRunState, ValueTask> callback)
    {
        lock (_runEndCallbacks)
        {
            _runEndCallbacks.Add(callback);
        }
    }

    /// <summary>Runs (once) the callbacks registered so far with the run's final state, in reverse order; a failing one is logged as a warning.</summary>
    internal async Task RunEndCallbacksAsync(FlowRunState state, ILogger logger)
    {
        Func<FlowRunState, ValueTask>[] callbacks;
        lock (_runEndCallbacks)
        {
            callbacks = _runEndCallbacks.ToArray();
            _runEndCallbacks.Clear();
        }
        Array.Reverse(callbacks);
        foreach (var callback in callbacks)
        {
            try
            {
                await callback(state).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "A run-end callback of flow run {FlowRunId} failed: {Message}", FlowRunId, failure.Message);
            }
        }
    }
}
