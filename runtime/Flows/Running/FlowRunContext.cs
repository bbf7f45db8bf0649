using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Flows;

/// <summary>What every task of one flow run shares.</summary>
public sealed class FlowRunContext
{
    private readonly List<Func<FlowRunState, ValueTask>> _runEndCallbacks = new();

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

    internal Func<FlowRunState, ValueTask>[] TakeRunEndCallbacks()
    {
        lock (_runEndCallbacks)
        {
            var callbacks = _runEndCallbacks.ToArray();
            _runEndCallbacks.Clear();
            Array.Reverse(callbacks);
            return callbacks;
        }
    }
}
