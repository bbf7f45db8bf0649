using System;
using System.Text.Json;

namespace Flows.Runs;

/// <summary>What <see cref="FlowRunner"/> records of one run, through a <see cref="RunRecorder"/>: the run, and each task attempt when it starts and ends.</summary>
internal sealed class FlowRunRecording
{
    private readonly RunRecorder _recorder;
    private RunRecord _run;

    private FlowRunRecording(RunRecorder recorder, RunRecord run)
    {
        _recorder = recorder;
        _run = run;
        _recorder.Write(new RunStoreWrite.CreateRun(run));
    }

    /// <summary>Null when the options name no store.</summary>
    public static FlowRunRecording? Start(FlowDefinition flow, FlowRunContext context, FlowRunOptions options)
    {
        if (options.Store is null)
        {
            return null;
        }
        var started = DateTimeOffset.UtcNow;
        var run = new RunRecord(context.FlowRunId, flow.Name, RunParametersJson.Write(flow, options.Parameters),
            options.Location ?? RunLocation.FromContext(context.Environment), started, null, RunRecordState.Running, Heartbeat: started);
        return new FlowRunRecording(new RunRecorder(options.Store, run.RunId, options.HeartbeatInterval ?? RunHeartbeat.Interval), run);
    }

    public void AttemptStarted(TaskDefinition task, int attempt, DateTimeOffset started) =>
        _recorder.Write(new RunStoreWrite.RecordAttempt(new TaskAttemptRecord(_run.RunId, task.Name, attempt, TaskRunState.Running, started, null)));

    public void AttemptEnded(TaskDefinition task, int attempt, DateTimeOffset started, TaskRunState state, Exception? error, Func<object?> result) =>
        _recorder.Write(new RunStoreWrite.RecordAttempt(new TaskAttemptRecord(_run.RunId, task.Name, attempt, state, started, DateTimeOffset.UtcNow,
            error?.GetType().FullName, error?.Message, state == TaskRunState.Success ? ResultJson(task, result) : null)));

    /// <summary>A task its trigger decided not to run: attempt 0.</summary>
    public void NotRun(TaskDefinition task, TaskRunState state, string? reason)
    {
        var now = DateTimeOffset.UtcNow;
        _recorder.Write(new RunStoreWrite.RecordAttempt(new TaskAttemptRecord(_run.RunId, task.Name, 0, state, now, now, null, reason)));
    }

    /// <summary>Records the end and waits for every write; returns the recorder's warning, if any.</summary>
    public System.Threading.Tasks.Task<string?> EndAsync(FlowRunState state)
    {
        _run = _run with
        {
            Ended = DateTimeOffset.UtcNow,
            State = state switch
            {
                FlowRunState.Success => RunRecordState.Succeeded,
                FlowRunState.Cancelled => RunRecordState.Cancelled,
                _ => RunRecordState.Failed,
            },
        };
        _recorder.Write(new RunStoreWrite.UpdateRun(_run));
        return _recorder.CompleteAsync();
    }

    // Only with the JSON metadata the definition carries (no reflection); a task without it records no result.
    private static string? ResultJson(TaskDefinition task, Func<object?> result)
    {
        if (task.ResultJson is not { } typeInfo || result() is not { } value)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Serialize(value, typeInfo);
        }
        catch (Exception)
        {
            return null;
        }
    }
}
