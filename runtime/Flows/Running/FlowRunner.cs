using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flows;

/// <summary>
/// Runs a flow in-process: each task starts as soon as its upstream tasks have finished and its
/// trigger allows, with at most <see cref="FlowRunOptions.MaxParallelism"/> tasks running at once.
/// </summary>
public static class FlowRunner
{
    public static async Task<FlowRunResult> RunAsync(FlowDefinition flow, FlowRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FlowRunOptions();
        if (options.MaxParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxParallelism, "MaxParallelism must be at least 1.");
        }
        if (options.HeartbeatInterval is { } heartbeat && !Runs.RunHeartbeat.IsValidInterval(heartbeat))
        {
            throw new ArgumentOutOfRangeException(nameof(options), heartbeat, "HeartbeatInterval must be more than 0 and at most a day.");
        }

        var executor = flow.CreateExecutor(options.Parameters);
        var run = new FlowRun(flow, executor, FlowRunContext.FromProcess(flow.Name, options.FlowRunId), options, cancellationToken);
        return await run.ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>The state of one run; its scheduling loop is the only writer of the task states.</summary>
    private sealed class FlowRun
    {
        private readonly FlowDefinition _flow;
        private readonly IFlowRunExecutor _executor;
        private readonly FlowRunContext _context;
        private readonly FlowRunOptions _options;
        private readonly CancellationToken _cancellation;
        private readonly ILoggerFactory _loggerFactory;
        private readonly ILogger _logger;
        private readonly TaskRunState[] _states;
        private readonly TaskOutcome[] _outcomes;
        private readonly int[] _waitingFor;
        private readonly List<int>[] _downstream;
        private readonly PriorityQueue<int, int> _ready = new();
        private readonly int[] _rank;
        private readonly Runs.FlowRunRecording? _recording;
        private readonly Channel<TaskOutcome> _finished = Channel.CreateUnbounded<TaskOutcome>(new UnboundedChannelOptions { SingleReader = true });

        public FlowRun(FlowDefinition flow, IFlowRunExecutor executor, FlowRunContext context, FlowRunOptions options, CancellationToken cancellation)
        {
            _flow = flow;
            _executor = executor;
            _context = context;
            _options = options;
            _cancellation = cancellation;
            _loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
            _logger = _loggerFactory.CreateLogger("Flows.FlowRunner");
            _recording = Runs.FlowRunRecording.Start(flow, context, options);

            var count = flow.Tasks.Count;
            _states = new TaskRunState[count];
            _outcomes = new TaskOutcome[count];
            _waitingFor = new int[count];
            _downstream = new List<int>[count];
            _rank = new int[count];
            for (var i = 0; i < count; i++)
            {
                _downstream[i] = new List<int>();
            }
            for (var position = 0; position < flow.TopologicalOrder.Count; position++)
            {
                _rank[flow.TopologicalOrder[position]] = position;
            }
            foreach (var task in flow.Tasks)
            {
                var seen = new HashSet<int>();
                foreach (var edge in task.Upstream)
                {
                    if (seen.Add(edge.UpstreamIndex))
                    {
                        _downstream[edge.UpstreamIndex].Add(task.Index);
                        _waitingFor[task.Index]++;
                    }
                }
            }
        }

        public async Task<FlowRunResult> ExecuteAsync()
        {
            _logger.LogDebug("Flow run {FlowRunId} of '{FlowName}' started", _context.FlowRunId, _context.FlowName);
            var stopwatch = Stopwatch.StartNew();
            foreach (var task in _flow.Tasks)
            {
                Report(task.Index, TaskRunState.Pending, 0, null);
                if (_waitingFor[task.Index] == 0)
                {
                    _ready.Enqueue(task.Index, _rank[task.Index]);
                }
            }

            if (_options.PodTaskRunner is null && _flow.Tasks.Any(t => t.Pod?.Kind == PodTaskKind.Sidecar))
            {
                _logger.LogInformation("Pod tasks {Tasks} run their bodies in this process (no pod runner: '--pod-tasks local' runs their pods on the local Docker engine, '--pod-tasks kubernetes' on a cluster)",
                    string.Join(", ", _flow.Tasks.Where(t => t.Pod?.Kind == PodTaskKind.Sidecar).Select(t => t.Name)));
            }

            var running = 0;
            var remaining = _flow.Tasks.Count;
            while (remaining > 0)
            {
                while (running < _options.MaxParallelism && _ready.TryDequeue(out var index, out _))
                {
                    var decision = TriggerDecision.Decide(_flow.Tasks[index], _flow.Tasks, _states, _cancellation.IsCancellationRequested);
                    if (decision.ShouldRun)
                    {
                        running++;
                        _ = Task.Run(() => RunTaskAsync(index));
                    }
                    else
                    {
                        remaining--;
                        _recording?.NotRun(_flow.Tasks[index], decision.FinalState!.Value, decision.Reason);
                        Finish(new TaskOutcome(index, decision.FinalState!.Value, 0, TimeSpan.Zero, decision.Reason, null));
                    }
                }
                if (remaining == 0)
                {
                    break;
                }
                var outcome = await _finished.Reader.ReadAsync().ConfigureAwait(false);
                running--;
                remaining--;
                Finish(outcome);
            }

            // Cancelled only when the cancellation stopped a task; a Ctrl+C during the last always_run task of a run that went well changes nothing.
            var cancelled = _cancellation.IsCancellationRequested && _outcomes.Any(o => o.State == TaskRunState.Cancelled);
            var flowState = cancelled ? FlowRunState.Cancelled : FlowRunState.Success;
            var results = new List<TaskRunResult>(_flow.Tasks.Count);
            foreach (var index in _flow.TopologicalOrder)
            {
                var outcome = _outcomes[index];
                if (!cancelled && outcome.State is not (TaskRunState.Success or TaskRunState.Skipped))
                {
                    flowState = FlowRunState.Failed;
                }
                var result = outcome.State == TaskRunState.Success ? _executor.GetResult(index) : null;
                results.Add(new TaskRunResult(_flow.Tasks[index].Name, outcome.State, outcome.Attempts, outcome.Duration, outcome.Message, outcome.Error, result));
            }
            await _context.RunEndCallbacksAsync(flowState, _logger).ConfigureAwait(false);
            var storeWarning = _recording is null ? null : await _recording.EndAsync(flowState).ConfigureAwait(false);
            if (storeWarning is not null)
            {
                _logger.LogWarning("{StoreWarning}", storeWarning);
            }
            stopwatch.Stop();
            _logger.LogDebug("Flow run {FlowRunId} of '{FlowName}' finished: {State}", _context.FlowRunId, _context.FlowName, flowState);
            return new FlowRunResult(_context.FlowName, _context.FlowRunId, flowState, results, stopwatch.Elapsed, storeWarning);
        }

        private void Finish(TaskOutcome outcome)
        {
            var index = outcome.TaskIndex;
            _outcomes[index] = outcome;
            _states[index] = outcome.State;
            Report(index, outcome.State, outcome.Attempts, outcome.Message);
            foreach (var downstream in _downstream[index])
            {
                if (--_waitingFor[downstream] == 0)
                {
                    _ready.Enqueue(downstream, _rank[downstream]);
                }
            }
        }

        private async Task RunTaskAsync(int index)
        {
            TaskOutcome outcome;
            try
            {
                outcome = await RunAttemptsAsync(_flow.Tasks[index]).ConfigureAwait(false);
            }
            catch (Exception unexpected)
            {
                outcome = new TaskOutcome(index, TaskRunState.Failed, 1, TimeSpan.Zero, unexpected.Message, unexpected);
            }
            _finished.Writer.TryWrite(outcome);
        }

        private async Task<TaskOutcome> RunAttemptsAsync(TaskDefinition task)
        {
            var taskLogger = _loggerFactory.CreateLogger("Flows.Task." + task.Name);
            using var scope = taskLogger.BeginScope(new FlowLogScope(_context.FlowName, _context.FlowRunId, task.Name));
            // always_run tasks are clean-up: they still run, to the end, after the run is cancelled.
            var runCancellation = task.Trigger == TaskTrigger.AllFinished ? CancellationToken.None : _cancellation;
            var started = Stopwatch.GetTimestamp();
            for (var attempt = 1; ; attempt++)
            {
                Report(task.Index, TaskRunState.Running, attempt, null);
                var attemptStarted = DateTimeOffset.UtcNow;
                _recording?.AttemptStarted(task, attempt, attemptStarted);
                var (state, error) = await RunAttemptAsync(task, attempt, taskLogger, runCancellation).ConfigureAwait(false);
                _recording?.AttemptEnded(task, attempt, attemptStarted, state, error, () => _executor.GetResult(task.Index));
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (state is TaskRunState.Failed or TaskRunState.TimedOut && attempt <= task.Retries && !runCancellation.IsCancellationRequested)
                {
                    var message = $"attempt {attempt} {(state == TaskRunState.TimedOut ? "timed out" : "failed")}: {error?.Message}; retrying in {task.RetryDelay.TotalSeconds:0.###}s";
                    taskLogger.LogWarning(error, "Task {TaskName} {Message}", task.Name, message);
                    Report(task.Index, TaskRunState.Retrying, attempt, message);
                    try
                    {
                        await Task.Delay(task.RetryDelay, runCancellation).ConfigureAwait(false);
                        continue;
                    }
                    catch (OperationCanceledException)
                    {
                        return new TaskOutcome(task.Index, TaskRunState.Cancelled, attempt, Stopwatch.GetElapsedTime(started), "cancelled while waiting to retry", error);
                    }
                }
                if (state == TaskRunState.Failed)
                {
                    taskLogger.LogError(error, "Task {TaskName} failed: {Message}", task.Name, error?.Message);
                }
                return new TaskOutcome(task.Index, state, attempt, elapsed, error?.Message, state == TaskRunState.Skipped ? null : error);
            }
        }

        private async Task<(TaskRunState State, Exception? Error)> RunAttemptAsync(TaskDefinition task, int attempt, ILogger taskLogger, CancellationToken runCancellation)
        {
            using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
            if (task.Timeout is { } timeout)
            {
                attemptCancellation.CancelAfter(timeout);
            }
            var context = new TaskRunContext(_context, task.Name, attempt, taskLogger, attemptCancellation.Token);
            try
            {
                // WaitAsync stops waiting at the timeout or cancellation even when the body ignores its token. A task with a
                // timeout starts its body on another thread-pool thread, so that even a body that blocks synchronously cannot
                // hold the attempt past it; without a timeout the body starts inline (this is already a pool thread), which
                // saves a hop per task.
                if (task.Pod is not null && (_options.PodTaskRunner is not null || task.Pod.Kind == PodTaskKind.Container))
                {
                    await InvokeInPodAsync(task, context, attemptCancellation.Token).ConfigureAwait(false);
                }
                else if (task.Timeout is null)
                {
                    var inline = _executor.InvokeAsync(task.Index, context, attemptCancellation.Token);
                    if (!inline.IsCompletedSuccessfully)
                    {
                        await inline.AsTask().WaitAsync(attemptCancellation.Token).ConfigureAwait(false);
                    }
                }
                else
                {
                    var invocation = Task.Run(() => _executor.InvokeAsync(task.Index, context, attemptCancellation.Token).AsTask(), CancellationToken.None);
                    await invocation.WaitAsync(attemptCancellation.Token).ConfigureAwait(false);
                }
                return (TaskRunState.Success, null);
            }
            catch (SkipTaskException skip)
            {
                return (TaskRunState.Skipped, skip);
            }
            catch (OperationCanceledException cancelled) when (attemptCancellation.IsCancellationRequested)
            {
                if (runCancellation.IsCancellationRequested)
                {
                    return (TaskRunState.Cancelled, cancelled);
                }
                return (TaskRunState.TimedOut, new TimeoutException($"Task '{task.Name}' did not finish within {task.Timeout!.Value.TotalSeconds:0.###}s.", cancelled));
            }
            catch (Exception failure)
            {
                return (TaskRunState.Failed, failure);
            }
        }

        private async Task InvokeInPodAsync(TaskDefinition task, TaskRunContext context, CancellationToken cancellationToken)
        {
            if (_options.PodTaskRunner is null)
            {
                throw new PodTaskException(
                    $"Container task '{task.Name}' runs {task.Pod!.Image} in its own pod, and this run has no pod runner: run it with " +
                    "'--pod-tasks local' (the local Docker engine, Flows.Docker) or '--pod-tasks kubernetes' (Flows.Kubernetes), or set FlowRunOptions.PodTaskRunner.");
            }
            // No WaitAsync here: the pod runner honours the token itself and must finish removing the Pod before the attempt ends.
            await PodTaskInvoker.InvokeAsync(_flow, task, _executor, _options, context, cancellationToken).ConfigureAwait(false);
        }

        private void Report(int index, TaskRunState state, int attempt, string? message)
        {
            _options.OnTaskStateChanged?.Invoke(new TaskStateChange(_flow.Tasks[index].Name, state, attempt, DateTimeOffset.UtcNow, message));
        }
    }

    private readonly record struct TaskOutcome(int TaskIndex, TaskRunState State, int Attempts, TimeSpan Duration, string? Message, Exception? Error);
}
