using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>The runner's side of a pod task attempt: builds the Pod, has the pod runner run it, and turns how the primary ended into the task's result or error.</summary>
internal static class PodTaskInvoker
{
    public static async ValueTask InvokeAsync(FlowDefinition flow, TaskDefinition task, IFlowRunExecutor executor, FlowRunOptions options,
        TaskRunContext context, CancellationToken cancellationToken)
    {
        var pod = task.Pod!;
        var runner = options.PodTaskRunner!;
        var transfer = executor as ITaskDataTransfer
            ?? throw new InvalidOperationException($"The executor of flow '{flow.Name}' cannot move task data into a pod; rebuild the project with the current Flows generator.");
        var run = PodTaskRunInfo.Create(flow, task, context.FlowRunId, options.PodTaskNamespace, options.PodTaskImage, context.Attempt,
            transfer.WriteInputs(task.Index), options.Parameters, context.Flow.Environment);
        var manifest = pod.CreatePod(run);
        PodTaskInputLimits.Check(task, run, manifest);
        context.Logger.LogInformation("Task {TaskName} runs in pod {PodName} ({Image}) {Where}", task.Name, run.PodName, run.Image, runner.Description);
        var outcome = await runner.RunAsync(new PodTaskRequest(flow, task, run, manifest, context.Logger, pod.ResultIsLog), cancellationToken).ConfigureAwait(false);

        if (pod.Kind == PodTaskKind.Container)
        {
            if (outcome.ExitCode != 0)
            {
                throw new PodTaskException(
                    $"Container task '{task.Name}' ({run.Image}) exited with code {outcome.ExitCode}{Reason(outcome)} in pod {run.PodName}.{Tail(outcome)}", outcome.ExitCode);
            }
            if (pod.ResultIsLog)
            {
                var logBytes = System.Math.Max(outcome.LogBytes, outcome.Log is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(outcome.Log));
                if (logBytes > PodTaskOutputLimits.MaxResultBytes)
                {
                    throw new PodTaskException(PodTaskOutputLimits.ResultTooLarge(task.Name, run.Image, run.PodName, logBytes), outcome.ExitCode);
                }
                transfer.ReadResult(task.Index, JsonString(outcome.Log ?? string.Join("\n", outcome.LogTail)));
            }
            return;
        }

        PodTaskMessageContent? content = null;
        try
        {
            content = PodTaskMessage.Read(task.Name, outcome.TerminationMessage);
        }
        catch (PodTaskException) when (outcome.ExitCode != 0)
        {
            // The exit code and the log say more than a missing or broken message.
        }
        if (outcome.ExitCode != 0 || content?.Error is not null)
        {
            var error = content?.Error is { } message ? ": " + (content.ErrorType is { } type ? type + ": " : "") + message : "";
            throw new PodTaskException(
                $"Task '{task.Name}' failed in pod {run.PodName}: container '{pod.PrimaryContainerName}' exited with code {outcome.ExitCode}{Reason(outcome)}{error}.{Tail(outcome)}",
                outcome.ExitCode);
        }
        if (content!.SkipReason is { } reason)
        {
            throw new SkipTaskException(reason);
        }
        if (content.ResultJson is { } result)
        {
            transfer.ReadResult(task.Index, result);
        }
        else if (task.ResultTypeName is not null)
        {
            throw new PodTaskException($"Task '{task.Name}' ended in pod {run.PodName} without its result ({task.ResultTypeName}).");
        }
    }

    private static string Reason(PodTaskOutcome outcome) => outcome.Reason is { Length: > 0 } reason ? $" ({reason})" : "";

    private static string Tail(PodTaskOutcome outcome) =>
        outcome.LogTail.Count == 0 ? " Its log is empty." : " Last lines of its log:" + string.Concat(outcome.LogTail.Select(line => "\n  | " + line));

    private static string JsonString(string text) =>
        "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";
}
