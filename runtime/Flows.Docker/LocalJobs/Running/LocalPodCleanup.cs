using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>Finds and removes what a local run created, by its identifier label: containers (with the infra container) and volumes.</summary>
public static class LocalPodCleanup
{
    /// <summary>The ids of the containers (running or not) labelled with the run's identifier.</summary>
    public static async Task<IReadOnlyList<string>> FindContainersAsync(DockerClient client, string identifier, CancellationToken cancellationToken)
    {
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter(identifier) }, cancellationToken).ConfigureAwait(false);
        return containers.Select(c => c.ID).ToList();
    }

    /// <summary>The names of the volumes labelled with the run's identifier.</summary>
    public static async Task<IReadOnlyList<string>> FindVolumesAsync(DockerClient client, string identifier, CancellationToken cancellationToken)
    {
        var volumes = await client.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter(identifier) }, cancellationToken).ConfigureAwait(false);
        return (volumes.Volumes ?? []).Select(v => v.Name).ToList();
    }

    /// <summary>Removes the given containers and volumes, then anything else still labelled with the identifier; returns what was removed.</summary>
    public static async Task<(int Containers, int Volumes, IReadOnlyList<string> Failures)> RemoveAsync(
        DockerClient client, string identifier, IEnumerable<string> containerIds, IEnumerable<string> volumeNames, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var removedContainers = 0;
        var removedVolumes = 0;
        // The run's own, then a sweep by label: a container whose create was interrupted is there without its id known.
        var containers = containerIds.ToList();
        containers.AddRange((await FindContainersAsync(client, identifier, cancellationToken).ConfigureAwait(false)).Except(containers));
        foreach (var id in containers)
        {
            try
            {
                await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
                removedContainers++;
            }
            catch (DockerContainerNotFoundException)
            {
            }
            catch (Exception failed) when (failed is DockerApiException or System.Net.Http.HttpRequestException or System.IO.IOException)
            {
                failures.Add($"container {ContainerIds.Short(id)}: {failed.Message}");
            }
        }
        var volumes = volumeNames.ToList();
        volumes.AddRange((await FindVolumesAsync(client, identifier, cancellationToken).ConfigureAwait(false)).Except(volumes));
        foreach (var name in volumes)
        {
            try
            {
                await client.Volumes.RemoveAsync(name, force: true, cancellationToken).ConfigureAwait(false);
                removedVolumes++;
            }
            catch (DockerApiException notFound) when (notFound.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
            }
            catch (Exception failed) when (failed is DockerApiException or System.Net.Http.HttpRequestException or System.IO.IOException)
            {
                failures.Add($"volume {name}: {failed.Message}");
            }
        }
        return (removedContainers, removedVolumes, failures);
    }

    /// <summary>The commands that remove a run's leftovers by hand.</summary>
    public static string RemoveCommand(string identifier) =>
        $"docker rm -f $(docker ps -aq --filter label={LocalJobLabels.Filter(identifier)}); docker volume rm $(docker volume ls -q --filter label={LocalJobLabels.Filter(identifier)})";

    private static IDictionary<string, IDictionary<string, bool>> LabelFilter(string identifier) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [LocalJobLabels.Filter(identifier)] = true },
        };
}
