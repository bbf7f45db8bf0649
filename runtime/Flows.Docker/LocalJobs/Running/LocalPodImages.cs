using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Flows.Docker.LocalJobs.Pods;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// Makes sure the engine has every image of the pod before anything is created: <c>Always</c> pulls, <c>IfNotPresent</c>
/// pulls only what is missing, <c>Never</c> needs the image to be there. A container without a policy gets the API
/// server's default (<c>Always</c> for <c>:latest</c> or no tag, else <c>IfNotPresent</c>), so a local run uses the
/// image the cluster would use.
/// </summary>
internal static class LocalPodImages
{
    public static async Task EnsureAsync(DockerEngine docker, LocalPod pod, string infraImage, ILocalPodConsole console, CancellationToken cancellationToken)
    {
        var images = pod.AllContainers
            .Select(c => (Image: c.Image, PullPolicy: c.PullPolicy, Defaulted: c.PullPolicyIsDefault))
            .Append((Image: infraImage, PullPolicy: LocalPullPolicy.IfNotPresent, Defaulted: false))
            .GroupBy(i => i.Image)
            // One container that pulls Always is enough to pull; one that never pulls does not stop the others.
            .Select(g => (Image: g.Key, Policy: g.Any(i => i.PullPolicy == LocalPullPolicy.Always) ? LocalPullPolicy.Always
                : g.Any(i => i.PullPolicy == LocalPullPolicy.IfNotPresent) ? LocalPullPolicy.IfNotPresent : LocalPullPolicy.Never,
                Defaulted: g.Where(i => i.PullPolicy == LocalPullPolicy.Always).All(i => i.Defaulted)));
        foreach (var (image, policy, defaulted) in images)
        {
            if (policy != LocalPullPolicy.Always && await HasImageAsync(docker, image, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            if (policy == LocalPullPolicy.Never)
            {
                throw new LocalJobRunException($"the engine does not have image {image}, and its imagePullPolicy is Never.");
            }
            var reference = ImageReferenceParts.Parse(image);
            console.Info($"Pulling {image}...");
            try
            {
                await docker.PullImageAsync(reference.Repository, reference.Tag, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ImagePullFailedException failed) when (policy == LocalPullPolicy.Always && defaulted)
            {
                throw new ImagePullFailedException(failed.Image, docker.Endpoint,
                    failed.Reason.TrimEnd('.', '\n') + $" (no imagePullPolicy, and {image} has {(reference.Tag == "latest" && !image.EndsWith(":latest", System.StringComparison.Ordinal) ? "no tag" : "the tag latest")}, so it is pulled every time, as Kubernetes does: "
                    + "give the image a tag of its own, or set imagePullPolicy: IfNotPresent to use the engine's copy)", failed);
            }
        }
    }

    /// <summary>Whether the image has an ENTRYPOINT of its own (a pause image does; busybox does not).</summary>
    public static async Task<bool> HasEntrypointAsync(DockerEngine docker, string image, CancellationToken cancellationToken)
    {
        var inspected = await docker.Client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
        return inspected.Config?.Entrypoint is { Count: > 0 };
    }

    private static async Task<bool> HasImageAsync(DockerEngine docker, string image, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }
}
