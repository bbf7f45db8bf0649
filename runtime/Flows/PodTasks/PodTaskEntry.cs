using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>
/// The pod's side of a sidecar task (<c>run-task</c>): reads the task's inputs from its environment,
/// runs the task's body once, and writes the result (or the error) to the termination message.
/// Retries and timeouts belong to the run that created the pod.
/// </summary>
public static class PodTaskEntry
{
    /// <returns>0 when the task succeeded or skipped, 1 when it failed, 2 for bad input.</returns>
    public static async Task<int> RunAsync(FlowDefinition flow, string taskName, FlowParameterValues parameters, ILoggerFactory loggerFactory,
        TextWriter error, CancellationToken cancellationToken)
    {
        if (!flow.TryGetTask(taskName, out var task))
        {
            error.WriteLine($"error: flow '{flow.Name}' has no task named '{taskName}'.");
            return 2;
        }
        var path = Environment.GetEnvironmentVariable(PodTaskVariables.TerminationMessagePath) is { Length: > 0 } configured
            ? configured
            : PodTaskVariables.DefaultTerminationMessagePath;
        var runContext = FlowRunContext.FromProcess(flow.Name, flowRunId: null);
        var attempt = runContext.Environment.TryGetValue(FlowContextVariables.TaskRunAttempt, out var rawAttempt)
            && int.TryParse(rawAttempt, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;

        var logger = loggerFactory.CreateLogger("Flows.Task." + task.Name);
        using var scope = logger.BeginScope(new FlowLogScope(flow.Name, runContext.FlowRunId, task.Name));
        string message;
        var exitCode = 0;
        var state = FlowRunState.Success;
        try
        {
            var executor = flow.CreateExecutor(parameters);
            var transfer = executor as ITaskDataTransfer
                ?? throw new InvalidOperationException($"The executor of flow '{flow.Name}' cannot read task data; rebuild the project with the current Flows generator.");
            transfer.ReadInputs(task.Index, Environment.GetEnvironmentVariable(PodTaskVariables.Inputs) is { Length: > 0 } inputs ? inputs : "{}");
            var context = new TaskRunContext(runContext, task.Name, attempt, logger, cancellationToken);
            await executor.InvokeAsync(task.Index, context, cancellationToken).ConfigureAwait(false);
            message = PodTaskMessage.Success(transfer.WriteResult(task.Index));
            var bytes = PodTaskMessage.ByteCount(message);
            if (bytes > PodTaskMessage.MaxBytes)
            {
                var tooLarge = new PodTaskException(PodTaskMessage.TooLarge(task.Name, bytes));
                message = PodTaskMessage.Error(tooLarge);
                error.WriteLine("error: " + tooLarge.Message);
                exitCode = 1;
                state = FlowRunState.Failed;
            }
        }
        catch (SkipTaskException skip)
        {
            message = PodTaskMessage.Skipped(skip.Message);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Task {TaskName} failed: {Message}", task.Name, failure.Message);
            message = PodTaskMessage.Error(failure);
            exitCode = 1;
            state = cancellationToken.IsCancellationRequested ? FlowRunState.Cancelled : FlowRunState.Failed;
        }
        await runContext.RunEndCallbacksAsync(state, logger).ConfigureAwait(false);
        try
        {
            await File.WriteAllTextAsync(path, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception cannotWrite) when (cannotWrite is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the task's result to {path} ({PodTaskVariables.TerminationMessagePath}): {cannotWrite.Message}");
            return 1;
        }
        return exitCode;
    }
}
