using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Flows.Docker.LocalJobs.Pods;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// Runs one <see cref="LocalPod"/> on a Docker engine the way a kubelet runs a pod: images pulled as their policy says,
/// emptyDir volumes created, an infra container holding the pod's namespaces, init containers run to completion in
/// order (native sidecars started and left running), then the containers started in order. The primary container's
/// output is streamed as it runs; when it exits, the other containers are stopped (the sidecar trap, handled as Flyte's
/// pod plugin does: only the primary decides the result), and everything the run created is removed unless kept.
/// </summary>
public sealed class LocalPodRunner
{
    private static readonly TimeSpan LogDrainTimeout = TimeSpan.FromSeconds(10);

    private readonly DockerEngine _docker;
    private readonly LocalPod _pod;
    private readonly LocalJobOptions _options;
    private readonly ILocalPodConsole _console;
    private readonly List<string> _createdContainers = new();
    private readonly Dictionary<string, CreatedVolume> _volumes = new();
    private readonly Dictionary<string, string> _ids = new();
    private readonly List<Task> _background = new();
    private string? _infraId;
    private Task? _primaryLogs;
    private int _primaryLinesShown;
    private TerminationMessageFile? _terminationMessage;
    private volatile bool _stopping;

    public LocalPodRunner(DockerEngine docker, LocalPod pod, LocalJobOptions options, ILocalPodConsole console)
    {
        _docker = docker;
        _pod = pod;
        _options = options;
        _console = console;
    }

    private DockerClient Client => _docker.Client;

    /// <summary>Runs the pod to the primary container's end (or the deadline, or <paramref name="cancellationToken"/>), then stops and removes it.</summary>
    public async Task<LocalJobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (await FindEarlierRunAsync(cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return new LocalJobOutcome(LocalJobResult.AlreadyExists, Message: earlier);
        }
        try
        {
            var primary = await RunToPrimaryExitAsync(cancellationToken).ConfigureAwait(false);
            return primary.ExitCode == 0
                ? new LocalJobOutcome(LocalJobResult.Succeeded, 0)
                : new LocalJobOutcome(LocalJobResult.Failed, primary.ExitCode, "the primary " + primary.Describe());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new LocalJobOutcome(LocalJobResult.Cancelled, Message: "interrupted (Ctrl+C or SIGTERM)");
        }
        catch (Exception failure)
        {
            return new LocalJobOutcome(LocalJobResult.Failed, Message: Describe(failure));
        }
    }

    /// <summary>
    /// Runs the pod until its primary container exits (sidecars may still run), then stops and removes everything the
    /// run created (unless kept), also when it fails or is cancelled, before returning or throwing.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="LocalJobRunException">An init container failed, the deadline passed, or the engine refused a container.</exception>
    /// <exception cref="ImagePullFailedException">An image could not be pulled.</exception>
    public async Task<LocalPrimaryExit> RunToPrimaryExitAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource();
        if (_pod.ActiveDeadline is { } limit)
        {
            deadline.CancelAfter(limit);
        }
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var background = new CancellationTokenSource();
        try
        {
            return await RunPodAsync(run.Token, background.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (OperationCanceledException pastDeadline) when (deadline.IsCancellationRequested)
        {
            throw new LocalJobRunException(
                $"DeadlineExceeded: the {(_pod.IsBarePod ? "Pod" : "Job")} was active longer than its activeDeadlineSeconds ({_pod.ActiveDeadline!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)",
                pastDeadline);
        }
        finally
        {
            _stopping = true;
            using var cleanup = new CancellationTokenSource(_options.CleanupTimeout);
            await StopAsync(cleanup.Token).ConfigureAwait(false);
            if (_primaryLogs is { IsCompleted: false })
            {
                // Interrupted or past the deadline: what the primary printed while stopping still comes out.
                await DrainAsync(_pod.Primary, _primaryLogs).ConfigureAwait(false);
            }
            background.Cancel();
            await Task.WhenAll(_background).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            await RemoveOrKeepAsync(cleanup.Token).ConfigureAwait(false);
            if (!_options.Keep)
            {
                _terminationMessage?.Dispose();
            }
        }
    }

    private async Task<LocalPrimaryExit> RunPodAsync(CancellationToken cancellationToken, CancellationToken background)
    {
        _console.Info($"Running {(_pod.IsBarePod ? "Pod" : "the pod of Job")} {_pod.Namespace}/{_pod.JobName} as {_pod.Name} on the Docker engine at {_docker.Endpoint} "
            + $"(label {LocalJobLabels.Filter(_pod.Identifier)}); primary container '{_pod.PrimaryContainerName}'.");
        foreach (var warning in _pod.Warnings)
        {
            _console.Warn(warning);
        }
        await LocalPodImages.EnsureAsync(_docker, _pod, _options.InfraImage, _console, cancellationToken).ConfigureAwait(false);
        await CreateVolumesAsync(cancellationToken).ConfigureAwait(false);
        await StartInfraAsync(cancellationToken).ConfigureAwait(false);

        foreach (var init in _pod.InitContainers)
        {
            var id = await CreateAndStartAsync(init, cancellationToken).ConfigureAwait(false);
            var logs = _options.AllLogs ? Follow(init, id, background) : null;
            if (init.Role == LocalContainerRole.Sidecar)
            {
                Watch(init, id, background);
                _console.Info($"Started sidecar '{init.Name}' (an init container with restartPolicy: Always).");
                continue;
            }
            var code = await WaitAsync(id, cancellationToken).ConfigureAwait(false);
            if (logs is not null)
            {
                await DrainAsync(init, logs).ConfigureAwait(false);
            }
            if (code != 0)
            {
                if (!_options.AllLogs)
                {
                    await PrintLastLinesAsync(init, id, cancellationToken).ConfigureAwait(false);
                }
                throw new LocalJobRunException($"init container '{init.Name}' exited with code {code}, so the containers did not start");
            }
            _console.Info($"Init container '{init.Name}' completed.");
        }

        string? primaryId = null;
        foreach (var container in _pod.Containers)
        {
            if (container.Name == _pod.PrimaryContainerName)
            {
                _terminationMessage = _options.ReadTerminationMessage ? TerminationMessageFile.Create(_pod.Name) : null;
                primaryId = await CreateAndStartAsync(container, cancellationToken, _terminationMessage?.HostPath).ConfigureAwait(false);
                _console.Info($"Started container '{container.Name}' (primary; its output follows).");
                _primaryLogs = Follow(container, primaryId, background, primary: true);
            }
            else
            {
                var id = await CreateAndStartAsync(container, cancellationToken).ConfigureAwait(false);
                Watch(container, id, background);
                if (_options.AllLogs)
                {
                    _ = Follow(container, id, background);
                }
                _console.Info($"Started container '{container.Name}'.");
            }
        }

        var exitCode = await WaitAsync(primaryId!, cancellationToken).ConfigureAwait(false);
        await DrainAsync(_pod.Primary, _primaryLogs!).ConfigureAwait(false);
        await CatchUpPrimaryLogsAsync(primaryId!, cancellationToken).ConfigureAwait(false);
        var inspected = await Client.Containers.InspectContainerAsync(primaryId!, cancellationToken).ConfigureAwait(false);
        var message = _terminationMessage is null ? null : await _terminationMessage.ReadAsync(cancellationToken).ConfigureAwait(false);
        var exit = new LocalPrimaryExit(_pod.PrimaryContainerName, exitCode, inspected.State?.OOMKilled == true, message);
        _console.Info($"The primary {exit.Describe()}.");
        return exit;
    }

    /// <summary>
    /// Why this run cannot start: containers or volumes with its identifier are still on the engine (an earlier run
    /// with --keep), which it would take for its own; null when there are none.
    /// </summary>
    public async Task<string?> FindEarlierRunAsync(CancellationToken cancellationToken)
    {
        var containers = await LocalPodCleanup.FindContainersAsync(Client, _pod.Identifier, cancellationToken).ConfigureAwait(false);
        var volumes = await LocalPodCleanup.FindVolumesAsync(Client, _pod.Identifier, cancellationToken).ConfigureAwait(false);
        if (containers.Count == 0 && volumes.Count == 0)
        {
            return null;
        }
        return $"{Count(containers.Count, "container")} and {Count(volumes.Count, "volume")} of a run with identifier {_pod.Identifier} are still on the engine (an earlier run with --keep?), "
            + $"and this run would take them for its own. Remove them with: {LocalPodCleanup.RemoveCommand(_pod.Identifier)}";
    }

    private async Task CreateVolumesAsync(CancellationToken cancellationToken)
    {
        foreach (var volume in _pod.Volumes.Where(v => v.Kind == LocalVolumeKind.EmptyDir))
        {
            var options = new Dictionary<string, string>();
            if (volume.InMemory)
            {
                options["type"] = "tmpfs";
                options["device"] = "tmpfs";
                options["o"] = EmptyDirPermissions.TmpfsMode
                    + (volume.SizeLimitBytes is { } size ? ",size=" + size.ToString(CultureInfo.InvariantCulture) : "");
            }
            var created = await Client.Volumes.CreateAsync(new VolumesCreateParameters
            {
                Name = $"{_pod.Name}_{volume.Name}",
                Driver = "local",
                DriverOpts = options,
                Labels = LocalJobLabels.For(_pod, "volume"),
            }, cancellationToken).ConfigureAwait(false);
            _volumes[volume.Name] = new CreatedVolume(created.Name, created.Mountpoint);
            if (!volume.InMemory && !EmptyDirPermissions.OpenUp(created.Mountpoint))
            {
                _console.Warn($"emptyDir '{volume.Name}' is writable by root only: its folder on the engine's host ({created.Mountpoint}) is not reachable from here to make it 0777 as a kubelet does.");
            }
        }
    }

    private async Task StartInfraAsync(CancellationToken cancellationToken)
    {
        var hasEntrypoint = await LocalPodImages.HasEntrypointAsync(_docker, _options.InfraImage, cancellationToken).ConfigureAwait(false);
        var created = await Client.Containers.CreateContainerAsync(
            LocalContainerParameters.Infra(_pod, _options.InfraImage, hasEntrypoint, _volumes), cancellationToken).ConfigureAwait(false);
        _createdContainers.Add(created.ID);
        _infraId = created.ID;
        try
        {
            await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException refused)
        {
            throw new LocalJobRunException($"the pod's infra container ({_options.InfraImage}) could not start: {DaemonMessage(refused)}", refused);
        }
    }

    private async Task<string> CreateAndStartAsync(LocalContainer container, CancellationToken cancellationToken, string? terminationMessageFile = null)
    {
        if (await RunAsNonRootCheck.ProblemAsync(_docker, _pod, container, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            throw new LocalJobRunException($"CreateContainerConfigError: container '{container.Name}': {refusal}");
        }
        CreateContainerResponse created;
        try
        {
            created = await Client.Containers.CreateContainerAsync(
                LocalContainerParameters.For(_pod, container, _infraId!, _volumes, terminationMessageFile), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException refused)
        {
            throw new LocalJobRunException($"the engine refused to create container '{container.Name}': {DaemonMessage(refused)}", refused);
        }
        _createdContainers.Add(created.ID);
        _ids[container.Name] = created.ID;
        foreach (var warning in created.Warnings ?? [])
        {
            _console.Warn($"container '{container.Name}': {warning}");
        }
        try
        {
            await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException refused)
        {
            throw new LocalJobRunException($"container '{container.Name}' could not start: {DaemonMessage(refused)}", refused);
        }
        return created.ID;
    }

    private async Task<long> WaitAsync(string id, CancellationToken cancellationToken) =>
        (await Client.Containers.WaitContainerAsync(id, cancellationToken).ConfigureAwait(false)).StatusCode;

    /// <summary>Reports a container other than the primary that ends while the pod runs (it is not restarted).</summary>
    private void Watch(LocalContainer container, string id, CancellationToken cancellationToken) =>
        _background.Add(Task.Run(async () =>
        {
            try
            {
                var code = await WaitAsync(id, cancellationToken).ConfigureAwait(false);
                if (!_stopping)
                {
                    _console.Info($"Container '{container.Name}' exited with code {code}; it is not restarted (only the primary decides the run).");
                }
            }
            catch (Exception)
            {
                // Stopped watching: the pod is being stopped, or the engine went away (the primary's wait reports that).
            }
        }, CancellationToken.None));

    /// <summary>Streams a container's output as it comes: the primary's to the command's stdout and stderr, another's prefixed to stderr.</summary>
    private Task Follow(LocalContainer container, string id, CancellationToken cancellationToken, bool primary = false)
    {
        var follow = Task.Run(async () =>
        {
            try
            {
                await foreach (var line in _docker.StreamContainerLogsAsync(id, new ContainerLogOptions { Follow = true }, cancellationToken).ConfigureAwait(false))
                {
                    if (primary)
                    {
                        _console.Primary(line);
                        _primaryLinesShown++;
                    }
                    else
                    {
                        _console.Container(container.Name, line);
                    }
                }
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                _console.Warn($"the output of container '{container.Name}' broke off: {failed.Message}");
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        if (!primary)
        {
            _background.Add(follow);
        }
        return follow;
    }

    private async Task DrainAsync(LocalContainer container, Task logs)
    {
        try
        {
            await logs.WaitAsync(LogDrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _console.Warn($"the output of container '{container.Name}' did not end within {LogDrainTimeout.TotalSeconds} s of its exit; going on.");
        }
    }

    /// <summary>
    /// Engine 20.10's followed log can end at the container's exit before its last message is read (a last line without a
    /// line break, printed just before exiting, is the usual loss). The whole log, read again once the container has
    /// stopped, is complete: what the follow missed is the part past the lines it showed.
    /// </summary>
    private async Task CatchUpPrimaryLogsAsync(string id, CancellationToken cancellationToken)
    {
        if (_primaryLogs is not { IsCompleted: true })
        {
            return;
        }
        var index = 0;
        try
        {
            await foreach (var line in _docker.StreamContainerLogsAsync(id, new ContainerLogOptions(), cancellationToken).ConfigureAwait(false))
            {
                if (index++ >= _primaryLinesShown)
                {
                    _console.Primary(line);
                    _primaryLinesShown++;
                }
            }
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            _console.Warn($"the end of the output of container '{_pod.Primary.Name}' could not be read again: {failed.Message}");
        }
    }

    private async Task PrintLastLinesAsync(LocalContainer container, string id, CancellationToken cancellationToken)
    {
        // Streamed, not held: 30 lines of up to 64 KiB each may be more than GetContainerLogsAsync takes.
        await foreach (var line in _docker.StreamContainerLogsAsync(id, new ContainerLogOptions { Tail = 30 }, cancellationToken).ConfigureAwait(false))
        {
            _console.Container(container.Name, line);
        }
    }

    /// <summary>
    /// Stops what still runs: the containers (and an init container still running after an interruption) at once,
    /// then the native sidecars in reverse order, within one grace period; then the infra container.
    /// </summary>
    private async Task StopAsync(CancellationToken cancellationToken)
    {
        var grace = _options.GracePeriod ?? _pod.TerminationGracePeriod ?? _options.DefaultGracePeriod;
        var until = DateTime.UtcNow + grace;
        var first = _pod.AllContainers.Where(c => c.Role != LocalContainerRole.Sidecar && _ids.ContainsKey(c.Name));
        await Task.WhenAll(first.Select(c => StopAsync(c.Name, _ids[c.Name], until, cancellationToken))).ConfigureAwait(false);
        foreach (var sidecar in _pod.InitContainers.Where(c => c.Role == LocalContainerRole.Sidecar && _ids.ContainsKey(c.Name)).Reverse())
        {
            await StopAsync(sidecar.Name, _ids[sidecar.Name], until, cancellationToken).ConfigureAwait(false);
        }
        if (_infraId is not null)
        {
            await StopAsync(null, _infraId, DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopAsync(string? name, string id, DateTime until, CancellationToken cancellationToken)
    {
        var seconds = (uint)Math.Max(0, Math.Ceiling((until - DateTime.UtcNow).TotalSeconds));
        try
        {
            // The client leaves a wait of 0 out of the request, which the engine reads as its default (10 s): kill instead.
            var stopped = seconds > 0
                ? await Client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, cancellationToken).ConfigureAwait(false)
                : await KillAsync(id, cancellationToken).ConfigureAwait(false);
            if (stopped && name is not null)
            {
                _console.Info(seconds > 0
                    ? $"Stopped container '{name}' (it was still running; SIGTERM, then SIGKILL after {seconds} s)."
                    : $"Stopped container '{name}' (it was still running; SIGKILL).");
            }
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (Exception failed)
        {
            _console.Warn($"could not stop container {(name is null ? "POD (infra)" : "'" + name + "'")}: {Describe(failed)}");
        }
    }

    /// <summary>SIGKILL; false when the container was not running.</summary>
    private async Task<bool> KillAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await Client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = "SIGKILL" }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException notRunning) when (notRunning.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private async Task RemoveOrKeepAsync(CancellationToken cancellationToken)
    {
        var filter = LocalJobLabels.Filter(_pod.Identifier);
        if (_options.Keep)
        {
            _console.Kept($"Kept the pod's {Count(_createdContainers.Count, "container")} and {Count(_volumes.Count, "volume")}",
                $"docker ps -a --filter label={filter}. Remove them with: {LocalPodCleanup.RemoveCommand(_pod.Identifier)}");
            return;
        }
        try
        {
            var (containers, volumes, failures) = await LocalPodCleanup.RemoveAsync(Client, _pod.Identifier, _createdContainers, _volumes.Values.Select(v => v.DockerName), cancellationToken).ConfigureAwait(false);
            if (containers + volumes > 0)
            {
                _console.Info($"Removed the pod's {Count(containers, "container")} and {Count(volumes, "volume")}.");
            }
            foreach (var failure in failures)
            {
                _console.Warn($"could not remove {failure}. Remove what is left with: {LocalPodCleanup.RemoveCommand(_pod.Identifier)}");
            }
        }
        catch (Exception failed)
        {
            _console.Warn($"could not remove the pod's containers and volumes: {Describe(failed)}. Remove them with: {LocalPodCleanup.RemoveCommand(_pod.Identifier)}");
        }
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Describe(Exception failure) => failure switch
    {
        DockerApiException api => DaemonMessage(api),
        OperationCanceledException => "the Docker engine did not answer in time",
        _ => failure.Message,
    };

    private static string DaemonMessage(DockerApiException failure)
    {
        var body = failure.ResponseBody?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            return failure.StatusCode.ToString();
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }
        return body;
    }
}
