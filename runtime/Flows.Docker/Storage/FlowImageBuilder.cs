using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace Flows.Docker.Storage;

/// <summary>
/// Docker storage (Prefect's <c>Docker</c> storage, <c>build(push=...)</c>): publishes the flow application,
/// builds its image on the Docker engine from a deterministic context (<see cref="FlowImageContext"/>),
/// tags it <c>registry_url/image_name:image_tag</c> (the tag derived from the context when ImageTag is not
/// set), runs the health check in it, and pushes it when asked. Progress goes to the writer given.
/// </summary>
public sealed class FlowImageBuilder
{
    private readonly TextWriter _progress;

    public FlowImageBuilder(TextWriter progress) => _progress = progress;

    /// <exception cref="FlowImageBuildException">A step failed; the message says which, with the output of the tool or container.</exception>
    /// <exception cref="DockerDaemonUnreachableException">No Docker engine answered.</exception>
    public async Task<FlowImage> BuildAsync(DockerStorageDefinition storage, FlowImageBuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        options ??= new FlowImageBuildOptions();
        var projectFile = ProjectFileOf(storage);

        using var engine = await DockerEngine.ConnectAsync(options.Docker, cancellationToken).ConfigureAwait(false);
        var work = Directory.CreateTempSubdirectory("flows-image-");
        try
        {
            var baseImageId = await BaseImage.EnsureAsync(engine, storage.BaseImage, _progress, cancellationToken).ConfigureAwait(false);
            var publishFolder = Path.Combine(work.FullName, "publish");
            await FlowAppPublisher.PublishAsync(projectFile, publishFolder, _progress, cancellationToken).ConfigureAwait(false);

            var context = FlowImageContext.Create(storage, publishFolder, Path.GetDirectoryName(projectFile)!, baseImageId, Path.Combine(work.FullName, "context.tar"));
            var tag = storage.ImageTag ?? context.DerivedTag;
            var reference = ImageReferenceWithTag(storage, tag);
            _progress.WriteLine($"building {reference} on {storage.BaseImage} (context sha256:{context.Sha256}, {new FileInfo(context.TarFile).Length / 1_000_000.0:0.0} MB)");
            var imageId = await EngineImageBuild.BuildAsync(engine, context, reference, _progress, cancellationToken).ConfigureAwait(false);
            var size = (await engine.Client.Images.InspectImageAsync(imageId, cancellationToken).ConfigureAwait(false)).Size;

            string? checkOutput = null;
            if (options.Check)
            {
                checkOutput = await ImageHealthCheck.RunAsync(engine, reference, storage, _progress, cancellationToken).ConfigureAwait(false);
            }
            string? digest = null;
            if (options.Push)
            {
                digest = await ImagePush.PushAsync(engine, reference, options.Credentials, _progress, cancellationToken).ConfigureAwait(false);
            }
            return new FlowImage(reference, tag, storage.ImageTag is null, context.Sha256, imageId, size, checkOutput, digest);
        }
        catch (DockerApiException refused)
        {
            throw new FlowImageBuildException($"The Docker engine at {engine.Endpoint} refused a request ({(int)refused.StatusCode}): {refused.ResponseBody?.Trim()}", refused);
        }
        catch (Exception lost) when (lost is System.Net.Http.HttpRequestException or System.Net.Sockets.SocketException)
        {
            throw new DockerDaemonUnreachableException(engine.Endpoint, TimeSpan.Zero, lost);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary><c>registry_url/image_name:tag</c>, from the storage's image without its tag.</summary>
    public static string ImageReferenceWithTag(DockerStorageDefinition storage, string tag)
    {
        var withoutTag = storage.ImageTag is null ? storage.Image : ImageReferenceParts.Parse(storage.Image).Repository;
        return withoutTag + ":" + tag;
    }

    private static string ProjectFileOf(DockerStorageDefinition storage)
    {
        if (storage.ProjectFile is not { Length: > 0 } projectFile)
        {
            throw new FlowImageBuildException("The application does not know its project file, so it cannot publish itself: it was built without Flows' build props (MSBuildProjectFullPath is not visible to the generator).");
        }
        if (!File.Exists(projectFile))
        {
            throw new FlowImageBuildException($"The project this application was built from, {projectFile}, is not here: run 'build' where the source is (the image is built from a fresh 'dotnet publish' of it).");
        }
        return projectFile;
    }
}
