using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// <c>submit</c>'s Secret with the run's secret parameter values (<see cref="KubernetesRunInfo.ParameterSecretName"/>):
/// created before the Job, then owned by it, so it goes with the Job (<c>cleanup</c>, <c>ttlSecondsAfterFinished</c>, the end
/// of <c>submit --wait</c>). Until it is owned, a failed submission deletes it. Nothing is created when no secret value was given.
/// </summary>
internal sealed class JobParameterSecret
{
    private readonly KubernetesApi _api;
    private readonly KubernetesRunInfo _run;
    private readonly TextWriter _error;
    private bool _created;
    private bool _owned;

    public JobParameterSecret(KubernetesApi api, KubernetesRunInfo run, TextWriter error)
    {
        _api = api;
        _run = run;
        _error = error;
    }

    private string Where => $"Secret {_run.Namespace}/{_run.ParameterSecretName}";

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        if (!_run.Parameters.HasSecretValues)
        {
            return;
        }
        try
        {
            await RunSecrets.CreateAsync(_api, _run.Namespace, _run.Parameters.SecretManifest(_run), _run.Identifier, cancellationToken).ConfigureAwait(false);
            _created = true;
        }
        catch (KubernetesApiException conflict) when (conflict.StatusCode == 409)
        {
            throw new JobParameterSecretException(
                $"{Where} already exists: flow run id '{_run.FlowRunId}' was submitted before. Use another --flow-run-id, or remove the old run with: cleanup --flow-run-id {_run.FlowRunId} --namespace {_run.Namespace}",
                isUsageError: true);
        }
        catch (Exception failed) when (failed is KubernetesApiException || KubernetesApi.IsConnectionError(failed, cancellationToken))
        {
            throw new JobParameterSecretException($"could not create {Where} with the secret parameters at {_api.BaseUri}: {KubernetesApi.Describe(failed)}", isUsageError: false);
        }
    }

    /// <summary>Makes the created Job the Secret's owner; a failure is a warning (the Secret then outlives the Job until deleted by hand).</summary>
    public async Task OwnByAsync(JsonObject job, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            return;
        }
        try
        {
            await RunSecrets.OwnByAsync(_api, _run.Namespace, _run.ParameterSecretName, job, cancellationToken).ConfigureAwait(false);
            _owned = true;
        }
        catch (Exception failed) when (failed is KubernetesApiException or OperationCanceledException || KubernetesApi.IsConnectionError(failed, cancellationToken))
        {
            _error.WriteLine($"warning: could not make Job {_run.JobName} the owner of {Where}: {KubernetesApi.Describe(failed)}. " +
                $"Delete it when the run is over: kubectl delete secret -n {_run.Namespace} {_run.ParameterSecretName}");
        }
    }

    /// <summary>After the Job could not be created: the Secret would be left with nothing to own it.</summary>
    public async Task DeleteUnownedAsync()
    {
        if (!_created || _owned)
        {
            return;
        }
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await RunSecrets.DeleteAsync(_api, _run.Namespace, _run.ParameterSecretName, limit.Token).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is KubernetesApiException or OperationCanceledException || KubernetesApi.IsConnectionError(failed, CancellationToken.None))
        {
            _error.WriteLine($"warning: could not delete {Where}: {KubernetesApi.Describe(failed)}. Remove it with: kubectl delete secret -n {_run.Namespace} {_run.ParameterSecretName}");
        }
    }
}

/// <summary>The parameters' Secret could not be created: nothing of the run exists.</summary>
internal sealed class JobParameterSecretException : Exception
{
    public JobParameterSecretException(string message, bool isUsageError) : base(message) => IsUsageError = isUsageError;

    public bool IsUsageError { get; }
}
