using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Flows.Docker.LocalJobs.Manifests;
using Flows.Docker.LocalJobs.Pods;
using Flows.Docker.LocalJobs.Running;

namespace Flows.Docker.PodTasks;

/// <summary>
/// Runs each pod task's Pod on a local Docker engine as a kubelet would (the <c>run-job-locally</c> machinery: infra
/// container, emptyDir volumes, init containers and sidecars), with the primary container's terminationMessagePath bound
/// to a fresh host file that is read when the primary exits. The task ends when the primary exits; the sidecars, the
/// infra container and the volumes are then removed, also on failure and cancellation. Everything of one pod carries
/// the label <c>flows.local-job.identifier=POD-NAME</c> (the pod name is unique per run, task and attempt).
/// The engine must see this machine's files (a local socket or a loopback address) for the termination message.
/// </summary>
public sealed class LocalPodTaskRunner : IPodTaskRunner, IDisposable
{
    private readonly DockerConnectionOptions _connection;
    private readonly LocalJobOptions _options;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private DockerEngine? _docker;

    /// <param name="connection">The engine; default: DOCKER_HOST, else the local socket.</param>
    /// <param name="options">How pods run (infra image, grace period, <see cref="LocalJobOptions.Keep"/> for <c>--keep-pods</c>); the termination message is always read.</param>
    public LocalPodTaskRunner(DockerConnectionOptions? connection = null, LocalJobOptions? options = null)
    {
        _connection = connection ?? new DockerConnectionOptions();
        _options = (options ?? new LocalJobOptions()) with { ReadTerminationMessage = true };
        Endpoint = _connection.Endpoint ?? DockerEndpoint.Resolve(_connection.Url);
    }

    public DockerEndpoint Endpoint { get; }

    public string Description => $"on the local Docker engine at {Endpoint}";

    public async Task<PodTaskOutcome> RunAsync(PodTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pod = ReadPod(request);
        var where = $"Pod {pod.Name} of task '{request.Task.Name}'";
        var docker = await ConnectAsync(where, cancellationToken).ConfigureAwait(false);
        var console = new PodTaskConsole(request.Logger, request.CaptureLog);
        var runner = new LocalPodRunner(docker, pod, _options, console);
        LocalPrimaryExit exit;
        try
        {
            if (await runner.FindEarlierRunAsync(cancellationToken).ConfigureAwait(false) is { } leftovers)
            {
                throw new PodTaskException($"{where} cannot start on the local Docker engine: {leftovers}");
            }
            exit = await runner.RunToPrimaryExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ImagePullFailedException pull)
        {
            var users = pod.AllContainers.Where(c => ImageName(c.Image) == pull.Image).Select(c => $"'{c.Name}'").ToList();
            var of = users.Count == 0 ? "the pod's infra container" : (users.Count == 1 ? "container " : "containers ") + string.Join(", ", users);
            throw new PodTaskException($"{where} cannot run: the image {pull.Image} of {of} could not be pulled from {docker.Endpoint}: {pull.Reason.TrimEnd('.', '\n')}.", inner: pull);
        }
        catch (LocalJobRunException failed)
        {
            throw new PodTaskException($"{where} failed on the local Docker engine: {failed.Message.TrimEnd('.')}.", inner: failed);
        }
        catch (DockerRequestTimeoutException stuck)
        {
            throw new PodTaskException($"{where} failed: {stuck.Message}", inner: stuck);
        }
        catch (Exception failed) when (failed is DockerApiException or HttpRequestException or System.IO.IOException)
        {
            throw new PodTaskException($"{where} failed: the Docker engine at {docker.Endpoint} failed: {failed.Message}", inner: failed);
        }
        var message = exit.TerminationMessage;
        if (message is null && exit.ExitCode != 0 && pod.Primary.TerminationMessageFallbackToLogs)
        {
            message = console.FallbackMessage();
        }
        return new PodTaskOutcome((int)exit.ExitCode, exit.Reason, message, console.LastLines(PodTaskOutcome.LogTailLines), console.WholeLog(), console.WholeLogBytes());
    }

    /// <summary>The request's Pod as run-job-locally reads it, keyed by its own name rather than the run's identifier, which every pod task of the run shares.</summary>
    private static LocalPod ReadPod(PodTaskRequest request)
    {
        var manifest = (JsonObject)request.Pod.DeepClone();
        // The engine has no Secrets: the values go into the containers' env, which only the engine's users can read (docker inspect).
        request.Run.Secret.WriteValuesInto(manifest);
        manifest["apiVersion"] ??= "v1";
        manifest["kind"] ??= "Pod";
        try
        {
            var pod = PodSpecReader.Read(manifest, $"the pod of task '{request.Task.Name}'", request.PrimaryContainerName);
            return pod with { Identifier = pod.Name };
        }
        catch (InvalidLocalJobException invalid)
        {
            throw new PodTaskException($"The pod of task '{request.Task.Name}' cannot run on the local Docker engine:" + string.Concat(invalid.Problems.Select(p => "\n  - " + p)), inner: invalid);
        }
    }

    private async Task<DockerEngine> ConnectAsync(string where, CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _docker ??= await DockerEngine.ConnectAsync(_connection with { Endpoint = Endpoint }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerDaemonUnreachableException unreachable)
        {
            throw new PodTaskException($"{where} cannot run: {unreachable.Message}", inner: unreachable);
        }
        finally
        {
            _connecting.Release();
        }
    }

    private static string ImageName(string reference)
    {
        var parts = ImageReferenceParts.Parse(reference);
        return parts.Repository + ":" + parts.Tag;
    }

    public void Dispose()
    {
        _docker?.Dispose();
        _connecting.Dispose();
    }
}
