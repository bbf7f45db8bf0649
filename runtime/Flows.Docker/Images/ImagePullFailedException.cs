using System;

namespace Flows.Docker;

/// <summary>The daemon could not pull an image: it does not exist, the registry refused, or it is unreachable from the daemon.</summary>
public sealed class ImagePullFailedException : Exception
{
    public ImagePullFailedException(string image, DockerEndpoint endpoint, string reason, Exception? inner = null)
        : base($"Could not pull {image} (Docker daemon at {endpoint}): {reason.TrimEnd('.', '\n')}. Check the repository and tag, that the daemon can reach the registry, and the registry credentials.", inner)
    {
        Image = image;
        Reason = reason;
    }

    public string Image { get; }

    public string Reason { get; }
}
