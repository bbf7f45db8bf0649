using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Flows.Docker;

/// <summary>
/// Removes a flow run's containers when the run ends, as each one's <see cref="ContainerCleanup"/> label
/// says: on every daemon the run created containers on, the containers labelled with the run id. Set
/// <c>FLOWS_DOCKER_KEEP_CONTAINERS=1</c> to keep them all (to look into a failed run).
/// </summary>
internal static class RunContainerCleanup
{
    public const string KeepContainersVariable = "FLOWS_DOCKER_KEEP_CONTAINERS";

    private static readonly TimeSpan CleanupLimit = TimeSpan.FromSeconds(60);
    private static readonly ConditionalWeakTable<FlowRunContext, RunRegistration> Registrations = new();
    private static readonly Lock Gate = new();

    /// <summary>Called before a task creates a container on <paramref name="endpoint"/>.</summary>
    public static void Track(TaskRunContext context, DockerEndpoint endpoint, ILogger logger)
    {
        RunRegistration registration;
        lock (Gate)
        {
            if (!Registrations.TryGetValue(context.Flow, out registration!))
            {
                registration = new RunRegistration(context.FlowRunId, logger);
                Registrations.Add(context.Flow, registration);
                context.Flow.OnRunEnded(registration.RunEndedAsync);
            }
        }
        registration.Add(endpoint);
    }

    private sealed class RunRegistration(string flowRunId, ILogger logger)
    {
        private readonly Dictionary<string, DockerEndpoint> _endpoints = new(StringComparer.Ordinal);

        public void Add(DockerEndpoint endpoint)
        {
            lock (_endpoints)
            {
                _endpoints.TryAdd(endpoint.ToString(), endpoint);
            }
        }

        public async ValueTask RunEndedAsync(FlowRunState state)
        {
            DockerEndpoint[] endpoints;
            lock (_endpoints)
            {
                endpoints = [.. _endpoints.Values];
            }
            var keepAll = Environment.GetEnvironmentVariable(KeepContainersVariable) is "1" or "true";
            foreach (var endpoint in endpoints)
            {
                using var limit = new CancellationTokenSource(CleanupLimit);
                try
                {
                    await RemoveContainersAsync(endpoint, state, keepAll, limit.Token).ConfigureAwait(false);
                }
                catch (Exception failure)
                {
                    logger.LogWarning(failure, "Could not remove the containers of flow run {FlowRunId} on the Docker daemon at {DockerUrl}: {Message}", flowRunId, endpoint.ToString(), failure.Message);
                }
            }
        }

        private async Task RemoveContainersAsync(DockerEndpoint endpoint, FlowRunState state, bool keepAll, CancellationToken cancellationToken)
        {
            using var client = DaemonConnector.CreateClient(endpoint);
            var containers = await client.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{FlowsContainerLabels.FlowRunId}={flowRunId}"] = true },
                },
            }, cancellationToken).ConfigureAwait(false);
            foreach (var container in containers)
            {
                IReadOnlyDictionary<string, string> labels = new Dictionary<string, string>(container.Labels ?? new Dictionary<string, string>());
                var cleanup = FlowsContainerLabels.ParseCleanup(labels.GetValueOrDefault(FlowsContainerLabels.Cleanup));
                var taskName = labels.GetValueOrDefault(FlowsContainerLabels.TaskName);
                if (!FlowsContainerLabels.ShouldRemove(cleanup, state))
                {
                    continue;
                }
                if (keepAll)
                {
                    logger.LogInformation("Keeping container {ContainerId} of task {TaskName} ({Variable} is set); the run ended {FlowRunState}", ContainerIds.Short(container.ID), taskName, KeepContainersVariable, state);
                    continue;
                }
                try
                {
                    await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Removed container {ContainerId} of task {TaskName}: the run ended {FlowRunState}", ContainerIds.Short(container.ID), taskName, state);
                }
                catch (Exception gone) when (gone is DockerContainerNotFoundException || (gone is DockerApiException { StatusCode: System.Net.HttpStatusCode.Conflict } conflict && conflict.Message.Contains("already in progress", StringComparison.Ordinal)))
                {
                    // Removed meanwhile, by the flow itself or by AutoRemove.
                }
            }
        }
    }
}
