using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace Flows.Docker.Storage;

/// <summary>Makes sure the engine has the base image (pulling it only when it does not) and returns its id.</summary>
internal static class BaseImage
{
    public static async Task<string> EnsureAsync(DockerEngine engine, string reference, TextWriter progress, CancellationToken cancellationToken)
    {
        try
        {
            return (await engine.Client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerImageNotFoundException)
        {
        }
        var parts = ImageReferenceParts.Parse(reference);
        progress.WriteLine($"base image {reference} is not in the engine: pulling it");
        try
        {
            // The Engine API takes a tag or a digest in the same parameter.
            await engine.PullImageAsync(parts.Repository, parts.Tag, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ImagePullFailedException failed)
        {
            throw new FlowImageBuildException(
                $"The base image {reference} is neither in the Docker engine nor pullable: {failed.Reason}. " +
                $"The default base ({DockerStorageAttribute.DefaultBaseImage}) is made by scripts/setup-docker.sh; or set BaseImage on [DockerStorage].", failed);
        }
        return (await engine.Client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).ID;
    }
}
