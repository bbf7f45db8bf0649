using System.Collections.Generic;

namespace Flows;

/// <summary>What to do with a task once every upstream task has finished.</summary>
internal readonly record struct TriggerDecision(TaskRunState? FinalState, string? Reason)
{
    public static TriggerDecision Run { get; } = new(null, null);

    public bool ShouldRun => FinalState is null;

    public static TriggerDecision End(TaskRunState state, string reason) => new(state, reason);

    /// <summary>
    /// Prefect's triggers, with one deliberate difference: a failure trigger (all_failed, any_failed)
    /// whose upstream tasks succeeded ends Skipped ("not needed"), not TriggerFailed, so that a
    /// failure handler does not fail a run that went well.
    /// </summary>
    public static TriggerDecision Decide(TaskDefinition task, IReadOnlyList<TaskDefinition> tasks, TaskRunState[] states, bool flowCancelled)
    {
        if (flowCancelled && task.Trigger != TaskTrigger.AllFinished)
        {
            return End(TaskRunState.Cancelled, "the flow run was cancelled");
        }

        var upstream = task.Upstream;
        if (upstream.Count > 0)
        {
            var decision = DecideByTrigger(task, tasks, states);
            if (!decision.ShouldRun)
            {
                return decision;
            }
        }

        foreach (var edge in upstream)
        {
            if (edge.Kind != TaskEdgeKind.Data || states[edge.UpstreamIndex] == TaskRunState.Success)
            {
                continue;
            }
            var from = tasks[edge.UpstreamIndex].Name;
            var state = states[edge.UpstreamIndex];
            return state == TaskRunState.Skipped
                ? End(TaskRunState.Skipped, $"input '{edge.ParameterName}' comes from '{from}', which was skipped")
                : End(TaskRunState.TriggerFailed, $"input '{edge.ParameterName}' has no value: upstream '{from}' ended {state}");
        }
        return Run;
    }

    private static TriggerDecision DecideByTrigger(TaskDefinition task, IReadOnlyList<TaskDefinition> tasks, TaskRunState[] states)
    {
        int failed = -1, succeeded = -1, skipped = -1, cancelled = -1;
        var allFailed = true;
        foreach (var edge in task.Upstream)
        {
            var index = edge.UpstreamIndex;
            var state = states[index];
            if (state.IsFailed()) { if (failed < 0) failed = index; }
            else allFailed = false;
            if (state.IsSuccessful() && succeeded < 0) succeeded = index;
            if (state == TaskRunState.Skipped && skipped < 0) skipped = index;
            if (state == TaskRunState.Cancelled && cancelled < 0) cancelled = index;
        }

        var cancelledByUpstream = cancelled >= 0 ? End(TaskRunState.Cancelled, $"upstream '{tasks[cancelled].Name}' was cancelled") : Run;
        switch (task.Trigger)
        {
            case TaskTrigger.AllSuccessful:
                if (cancelled >= 0) return cancelledByUpstream;
                if (failed >= 0) return End(TaskRunState.TriggerFailed, $"trigger AllSuccessful not met: upstream '{tasks[failed].Name}' ended {states[failed]}");
                if (skipped >= 0) return End(TaskRunState.Skipped, $"upstream '{tasks[skipped].Name}' was skipped");
                return Run;
            case TaskTrigger.AllFinished:
                return Run;
            case TaskTrigger.AllFailed:
                if (allFailed) return Run;
                return cancelled >= 0 ? cancelledByUpstream : End(TaskRunState.Skipped, "trigger AllFailed not needed: not every upstream task failed");
            case TaskTrigger.AnySuccessful:
                if (succeeded >= 0) return Run;
                return cancelled >= 0 ? cancelledByUpstream : End(TaskRunState.TriggerFailed, "trigger AnySuccessful not met: no upstream task succeeded");
            case TaskTrigger.AnyFailed:
                if (failed >= 0) return Run;
                return cancelled >= 0 ? cancelledByUpstream : End(TaskRunState.Skipped, "trigger AnyFailed not needed: no upstream task failed");
            default:
                return End(TaskRunState.TriggerFailed, $"unknown trigger {task.Trigger}");
        }
    }
}
