using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// <c>submit</c> from start to end: create the Job; with <c>--wait</c>, follow it to its outcome, save the
/// evidence of a failed run, and delete the Job and its pods (unless <c>--keep</c>). Ctrl+C or SIGTERM
/// while waiting deletes the Job too (unless <c>--keep</c>) and says so; it never leaves a Job behind silently.
/// </summary>
internal sealed class FlowSubmission
{
    private readonly FlowsCommandLineContext _context;
    private readonly KubernetesCommandSettings _settings;

    private readonly TextWriter _error;

    public FlowSubmission(FlowsCommandLineContext context, KubernetesCommandSettings settings)
    {
        _context = context;
        _settings = settings;
        // The run monitor, the watchers and the log follower report from several threads.
        _error = TextWriter.Synchronized(context.Error);
    }

    private TextWriter Error => _error;

    public async Task<int> RunAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        using var api = KubernetesConnection.Open(_settings, Error);
        if (api is null)
        {
            return ExitCodes.UsageError;
        }
        var run = request.Run;
        var job = request.Template.CreateJob(run);
        if (PodTaskRbac.ServiceAccountOf(job) is { } account
            && await ServiceAccountCheck.ProblemAsync(api, request.Flow, run, account, cancellationToken).ConfigureAwait(false) is { } missingAccount)
        {
            Error.WriteLine(missingAccount);
            return ExitCodes.UsageError;
        }
        var parameterSecret = new JobParameterSecret(api, run, Error);
        JsonObject createdJob;
        try
        {
            // The Secret first: the Job's pod must never start without its secret parameters.
            await parameterSecret.CreateAsync(cancellationToken).ConfigureAwait(false);
            createdJob = await RunObjectCreation.CreateJobAsync(api, run, job, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Error.WriteLine($"Interrupted while creating Job {run.Namespace}/{run.JobName}.");
            await DeleteAfterInterruptAsync(api, request).ConfigureAwait(false);
            await parameterSecret.DeleteUnownedAsync().ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (JobParameterSecretException failed)
        {
            Error.WriteLine("error: " + failed.Message);
            return failed.IsUsageError ? ExitCodes.UsageError : ExitCodes.Failed;
        }
        catch (KubernetesApiException conflict) when (conflict.StatusCode == 409)
        {
            await parameterSecret.DeleteUnownedAsync().ConfigureAwait(false);
            Error.WriteLine($"error: Job {run.Namespace}/{run.JobName} already exists: flow run id '{run.FlowRunId}' was submitted before. "
                + $"Use another --flow-run-id, or remove the old run with: cleanup --flow-run-id {run.FlowRunId} --namespace {run.Namespace}");
            return ExitCodes.UsageError;
        }
        catch (Exception failed) when (failed is KubernetesApiException || KubernetesApi.IsConnectionError(failed, cancellationToken))
        {
            Error.WriteLine($"error: could not create Job {run.Namespace}/{run.JobName} at {api.BaseUri}: {KubernetesApi.Describe(failed)}");
            await parameterSecret.DeleteUnownedAsync().ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        await parameterSecret.OwnByAsync(createdJob, cancellationToken).ConfigureAwait(false);

        if (!request.Wait)
        {
            _context.Output.WriteLine(run.JobName);
            return ExitCodes.Success;
        }

        Error.WriteLine($"Submitted Job {run.Namespace}/{run.JobName} for flow '{run.FlowName}' (flow run id {run.FlowRunId}, label {RunLabels.IdentifierSelector(run.Identifier)}); waiting for it to finish.");
        var monitor = new JobRunMonitor(api, run, request.Template.PrimaryContainerName, request.FollowLog, _context.Output, Error, _settings);
        RunOutcome outcome;
        try
        {
            outcome = await monitor.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Error.WriteLine($"Interrupted (Ctrl+C or SIGTERM) while Job {run.Namespace}/{run.JobName} was running.");
            await DeleteAfterInterruptAsync(api, request).ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }

        Error.WriteLine(outcome.Succeeded ? $"The run succeeded: {outcome.Summary}." : $"The run failed: {outcome.Summary}.");
        if (!outcome.Succeeded)
        {
            await SaveEvidenceAsync(api, request, job, monitor, outcome, cancellationToken).ConfigureAwait(false);
        }
        await DeleteAtEndAsync(api, request).ConfigureAwait(false);
        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    private async Task SaveEvidenceAsync(KubernetesApi api, SubmitRequest request, JsonObject renderedJob, JobRunMonitor monitor, RunOutcome outcome, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(request.EvidenceFolder ?? Path.Combine(_settings.EvidenceRoot(), request.Run.JobName));
        try
        {
            var input = new EvidenceInput(request.Run, renderedJob, monitor.LastJob, monitor.LastPods.ToList(), monitor.ReportedProblems, outcome);
            var files = await EvidenceWriter.SaveAsync(api, input, folder, _settings, cancellationToken).ConfigureAwait(false);
            Error.WriteLine($"Evidence of the failed run saved in {folder} ({files.Count} files; start with summary.txt).");
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            Error.WriteLine($"warning: could not save the evidence in {folder}: {failed.Message}");
        }
    }

    private async Task DeleteAtEndAsync(KubernetesApi api, SubmitRequest request)
    {
        if (request.Keep)
        {
            Error.WriteLine($"Kept Job {request.Run.Namespace}/{request.Run.JobName} and its pods (--keep). {CleanupHint(request.Run)}");
            return;
        }
        await DeleteAsync(api, request.Run, "").ConfigureAwait(false);
    }

    private async Task DeleteAfterInterruptAsync(KubernetesApi api, SubmitRequest request)
    {
        if (request.Keep)
        {
            Error.WriteLine($"Kept Job {request.Run.Namespace}/{request.Run.JobName} as it is (--keep): it goes on running. {CleanupHint(request.Run)}");
            return;
        }
        await DeleteAsync(api, request.Run, "after the interruption ").ConfigureAwait(false);
    }

    /// <summary>Deletes with its own time limit: it also runs after Ctrl+C or SIGTERM cancelled everything else.</summary>
    private async Task DeleteAsync(KubernetesApi api, KubernetesRunInfo run, string when)
    {
        using var limit = new CancellationTokenSource(_settings.CleanupTimeout);
        try
        {
            var deleted = await RunDeletion.DeleteAsync(api, run.Namespace, run.Identifier, limit.Token).ConfigureAwait(false);
            Error.WriteLine(deleted.IsEmpty
                ? $"Nothing to delete {when}: no Job or pod has label {RunLabels.IdentifierSelector(run.Identifier)} in namespace {run.Namespace}."
                : $"Deleted {when}{deleted.Describe()} (propagationPolicy=Background).");
        }
        catch (Exception failed) when (failed is KubernetesApiException or OperationCanceledException || KubernetesApi.IsConnectionError(failed, CancellationToken.None))
        {
            Error.WriteLine($"error: could not delete Job {run.Namespace}/{run.JobName}: {KubernetesApi.Describe(failed)}. It may still be running. {CleanupHint(run)}");
        }
    }

    private static string CleanupHint(KubernetesRunInfo run) =>
        $"Remove it with: cleanup --flow-run-id {run.FlowRunId} --namespace {run.Namespace} (or kubectl delete jobs,pods -n {run.Namespace} -l {RunLabels.IdentifierSelector(run.Identifier)})";
}
