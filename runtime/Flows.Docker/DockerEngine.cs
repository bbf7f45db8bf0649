using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flows.Docker;

/// <summary>
/// A connection to one Docker daemon, for task bodies: pull an image, create a container, start it,
/// wait for it, read its logs, remove it. Connected for a task (<see cref="ConnectAsync(TaskRunContext, DockerConnectionOptions?)"/>),
/// it logs to the task's logger, uses the task's cancellation by default, labels every container it
/// creates with the flow run id and task name, and has the runtime remove them when the run fails or
/// is cancelled (see <see cref="ContainerSpec.Cleanup"/>).
/// </summary>
public sealed class DockerEngine : IDisposable
{
    private readonly TaskRunContext? _task;
    private readonly ILogger _logger;
    private readonly CancellationToken _defaultCancellation;

    private DockerEngine(DockerClient client, DockerEndpoint endpoint, TaskRunContext? task, ILogger logger, CancellationToken defaultCancellation)
    {
        Client = client;
        Endpoint = endpoint;
        _task = task;
        _logger = logger;
        _defaultCancellation = defaultCancellation;
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The Docker.DotNet client, for what this class does not wrap.</summary>
    public DockerClient Client { get; }

    /// <summary>Connects for a task: its logger, its cancellation, its run's labels and clean-up.</summary>
    /// <exception cref="DockerDaemonUnreachableException">The daemon did not answer (within <see cref="DockerConnectionOptions.WaitForDaemon"/>).</exception>
    public static async Task<DockerEngine> ConnectAsync(TaskRunContext context, DockerConnectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        options ??= new DockerConnectionOptions();
        var endpoint = options.Endpoint ?? DockerEndpoint.Resolve(options.Url);
        var client = await DaemonConnector.ConnectAsync(endpoint, options, context.Logger, context.CancellationToken).ConfigureAwait(false);
        return new DockerEngine(client, endpoint, context, context.Logger, context.CancellationToken);
    }

    /// <summary>Connects for a task to <paramref name="url"/> (null or empty: <c>DOCKER_HOST</c>, else the local socket).</summary>
    public static Task<DockerEngine> ConnectAsync(TaskRunContext context, string? url) => ConnectAsync(context, DockerConnectionOptions.For(url));

    /// <summary>Connects outside a flow run: containers get no run labels and no clean-up.</summary>
    public static async Task<DockerEngine> ConnectAsync(DockerConnectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DockerConnectionOptions();
        var endpoint = options.Endpoint ?? DockerEndpoint.Resolve(options.Url);
        var logger = options.Logger ?? NullLogger.Instance;
        var client = await DaemonConnector.ConnectAsync(endpoint, options, logger, cancellationToken).ConfigureAwait(false);
        return new DockerEngine(client, endpoint, null, logger, cancellationToken);
    }

    /// <summary>Pulls <c>repository:tag</c>, reporting progress to the logger; returns that image name.</summary>
    /// <exception cref="ImagePullFailedException">No such image, or the registry refused or could not be reached.</exception>
    public async Task<string> PullImageAsync(string repository, string tag = "latest", RegistryCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var image = $"{repository}:{tag}";
        var progress = new PullProgressLogger(_logger, image);
        _logger.LogInformation("Pulling {Image} (Docker daemon at {DockerUrl})", image, Endpoint.ToString());
        try
        {
            await Call(() => Client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = repository, Tag = tag },
                credentials?.ToAuthConfig(),
                progress,
                Token(cancellationToken))).ConfigureAwait(false);
        }
        catch (DockerApiException refused)
        {
            throw new ImagePullFailedException(image, Endpoint, DaemonMessage(refused), refused);
        }
        if (progress.Error is { } error)
        {
            throw new ImagePullFailedException(image, Endpoint, error);
        }
        return image;
    }

    /// <summary>Creates a container; returns its id. Inside a flow run it carries <see cref="FlowsContainerLabels"/>.</summary>
    public async Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_task is not null)
        {
            RunContainerCleanup.Track(_task, Endpoint, _logger);
        }
        var parameters = CreateContainerParametersMapping.From(spec, _task);
        CreateContainerResponse created;
        try
        {
            created = await Call(() => Client.Containers.CreateContainerAsync(parameters, Token(cancellationToken))).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException missing)
        {
            throw new InvalidOperationException($"Cannot create a container from {spec.Image}: the Docker daemon at {Endpoint} does not have that image. Pull it first (PullImageAsync).", missing);
        }
        foreach (var warning in created.Warnings ?? [])
        {
            _logger.LogWarning("Docker: {Warning}", warning);
        }
        _logger.LogInformation("Created container {ContainerId} from {Image}", ContainerIds.Short(created.ID), spec.Image);
        return created.ID;
    }

    public async Task StartContainerAsync(string containerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        var started = await Call(() => Client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), Token(cancellationToken))).ConfigureAwait(false);
        _logger.LogInformation(started ? "Started container {ContainerId}" : "Container {ContainerId} was already running", ContainerIds.Short(containerId));
    }

    /// <summary>Waits until the container stops; returns its exit code.</summary>
    /// <param name="failOnNonZeroExitCode">Throw <see cref="ContainerExitCodeException"/> when the exit code is not 0 (fails the task).</param>
    public async Task<long> WaitContainerAsync(string containerId, bool failOnNonZeroExitCode = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        var response = await Call(() => Client.Containers.WaitContainerAsync(containerId, Token(cancellationToken))).ConfigureAwait(false);
        var error = response.Error?.Message;
        _logger.LogInformation("Container {ContainerId} exited with code {ExitCode}", ContainerIds.Short(containerId), response.StatusCode);
        if (failOnNonZeroExitCode && response.StatusCode != 0)
        {
            throw new ContainerExitCodeException(containerId, response.StatusCode, error);
        }
        return response.StatusCode;
    }

    /// <summary>
    /// Reads the container's logs, stdout and stderr apart; with <see cref="ContainerLogOptions.Follow"/>, until it stops.
    /// At most <see cref="PodTaskOutputLimits.MaxResultBytes"/> are held: past it this fails (a long log is read line by line with
    /// <see cref="StreamContainerLogsAsync"/>, or only its end with <see cref="ContainerLogOptions.Tail"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The logs are over <see cref="PodTaskOutputLimits.MaxResultBytes"/>.</exception>
    public async Task<ContainerLogs> GetContainerLogsAsync(string containerId, ContainerLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var lines = new List<ContainerLogLine>();
        long bytes = 0;
        await foreach (var line in StreamContainerLogsAsync(containerId, options, cancellationToken).ConfigureAwait(false))
        {
            bytes += System.Text.Encoding.UTF8.GetByteCount(line.Text) + 1;
            if (bytes > PodTaskOutputLimits.MaxResultBytes)
            {
                throw new InvalidOperationException(
                    $"The logs of container {ContainerIds.Short(containerId)} are over {PodTaskOutputLimits.MaxResultBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, more than GetContainerLogsAsync holds in memory. " +
                    "Read them line by line as they come with StreamContainerLogsAsync, or only their end with ContainerLogOptions.Tail; write large output to a file or volume instead of the log.");
            }
            lines.Add(line);
        }
        return new ContainerLogs(lines);
    }

    /// <summary>The container's log lines as they come; with <see cref="ContainerLogOptions.Follow"/>, until it stops.</summary>
    public async IAsyncEnumerable<ContainerLogLine> StreamContainerLogsAsync(string containerId, ContainerLogOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        options ??= new ContainerLogOptions();
        var token = Token(cancellationToken);
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = options.Stdout,
            ShowStderr = options.Stderr,
            Follow = options.Follow,
            Timestamps = options.Timestamps,
            Tail = options.Tail?.ToString(CultureInfo.InvariantCulture) ?? "all",
        };
        using var stream = await Call(() => Client.Containers.GetContainerLogsAsync(containerId, parameters, token)).ConfigureAwait(false);
        await foreach (var line in ContainerLogReader.ReadLinesAsync(stream, token).ConfigureAwait(false))
        {
            if (options.WriteToLogger)
            {
                _logger.Log(line.Stream == ContainerLogStream.Stderr ? LogLevel.Warning : LogLevel.Information, "[{ContainerId} {Stream}] {Line}", ContainerIds.Short(containerId), line.Stream == ContainerLogStream.Stderr ? "stderr" : "stdout", line.Text);
            }
            yield return line;
        }
    }

    /// <summary>Removes the container; returns false when there was none with that id.</summary>
    /// <param name="force">Kill it first if it is running.</param>
    /// <param name="removeVolumes">Also remove its anonymous volumes.</param>
    public async Task<bool> RemoveContainerAsync(string containerId, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        try
        {
            await Call(() => Client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = force, RemoveVolumes = removeVolumes }, Token(cancellationToken))).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            _logger.LogInformation("Container {ContainerId} was already gone", ContainerIds.Short(containerId));
            return false;
        }
        _logger.LogInformation("Removed container {ContainerId}", ContainerIds.Short(containerId));
        return true;
    }

    /// <summary>Create, start, wait, read the logs and remove: <c>docker run --rm</c>.</summary>
    public async Task<ContainerRun> RunContainerAsync(ContainerSpec spec, bool failOnNonZeroExitCode = false, CancellationToken cancellationToken = default)
    {
        var id = await CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        try
        {
            await StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
            var exitCode = await WaitContainerAsync(id, failOnNonZeroExitCode: false, cancellationToken).ConfigureAwait(false);
            var logs = await GetContainerLogsAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (failOnNonZeroExitCode && exitCode != 0)
            {
                throw new ContainerExitCodeException(id, exitCode, logs.Stderr.Length > 0 ? logs.Stderr.TrimEnd('\n') : null);
            }
            return new ContainerRun(id, exitCode, logs);
        }
        finally
        {
            await RemoveContainerAsync(id, force: true, removeVolumes: true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The ids of the containers (running or not) labelled with <paramref name="flowRunId"/>.</summary>
    public async Task<IReadOnlyList<string>> FindContainersOfRunAsync(string flowRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        var containers = await Call(() => Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{FlowsContainerLabels.FlowRunId}={flowRunId}"] = true },
            },
        }, Token(cancellationToken))).ConfigureAwait(false);
        return containers.Select(container => container.ID).ToList();
    }

    public void Dispose() => Client.Dispose();

    private CancellationToken Token(CancellationToken given) => given.CanBeCanceled ? given : _defaultCancellation;

    /// <summary>Runs a daemon call; a failure to reach the daemon becomes <see cref="DockerDaemonUnreachableException"/>.</summary>
    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not DockerApiException and not OperationCanceledException && TransportFailure.Is(failure))
        {
            throw new DockerDaemonUnreachableException(Endpoint, TimeSpan.Zero, failure);
        }
    }

    private async Task Call(Func<Task> call) => await Call(async () => { await call().ConfigureAwait(false); return true; }).ConfigureAwait(false);

    private static string DaemonMessage(DockerApiException failure)
    {
        var body = failure.ResponseBody?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            return failure.StatusCode.ToString();
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return body;
    }
}
