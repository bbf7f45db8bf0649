using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.LocalJobs.Pods;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// The kubelet's check of <c>runAsNonRoot</c> against the image's user (verifyRunAsNonRoot), for a container that sets no
/// <c>runAsUser</c>: an image that runs as root (no USER, or uid 0) or as a name (which cannot be verified) is refused
/// with the kubelet's own message, as <c>CreateContainerConfigError</c>.
/// </summary>
internal static class RunAsNonRootCheck
{
    /// <summary>The kubelet's message when the container would be refused; null when it may run.</summary>
    public static async Task<string?> ProblemAsync(DockerEngine docker, LocalPod pod, LocalContainer container, CancellationToken cancellationToken)
    {
        if (!container.RunAsNonRoot)
        {
            return null;
        }
        var inspected = await docker.Client.Images.InspectImageAsync(container.Image, cancellationToken).ConfigureAwait(false);
        return Problem(inspected.Config?.User, pod, container.Name);
    }

    /// <param name="imageUser">The image's <c>USER</c>: empty (root), <c>uid[:gid]</c> or <c>name[:group]</c>.</param>
    public static string? Problem(string? imageUser, LocalPod pod, string containerName)
    {
        var user = (imageUser ?? "").Split(':')[0];
        var podText = $"{pod.Name}_{pod.Namespace}({pod.Uid})";
        if (user.Length == 0 || (long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid == 0))
        {
            return $"container has runAsNonRoot and image will run as root (pod: \"{podText}\", container: {containerName})";
        }
        if (!long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"container has runAsNonRoot and image has non-numeric user ({user}), cannot verify user is non-root (pod: \"{podText}\", container: {containerName})";
        }
        return null;
    }
}
