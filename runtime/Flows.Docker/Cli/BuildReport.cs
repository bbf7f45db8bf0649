using System.Globalization;
using System.IO;
using Flows.Cli;
using Flows.Docker.Storage;

namespace Flows.Docker.Cli;

/// <summary>
/// What <c>build</c> prints on stdout: the image, how its tag was chosen, the check, the pushed reference
/// and digest, and the render/submit commands that run it, to paste as they are (this entrypoint as the user types it,
/// <see cref="EntrypointCommand.Prefix"/>; with <c>--image</c> and the digest reference when the image was pushed, else
/// the tag when it was derived, since the Job's image from [DockerStorage] then has no tag).
/// </summary>
internal static class BuildReport
{
    public static void Write(TextWriter output, FlowDefinition flow, DockerStorageDefinition storage, FlowImage image)
    {
        var size = (image.Size / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"image: {image.Reference}");
        output.WriteLine(image.TagIsDerived
            ? $"tag: {image.Tag} (derived from the build context, sha256:{image.ContextSha256}; the same input gives the same tag)"
            : $"tag: {image.Tag} (ImageTag of [DockerStorage])");
        output.WriteLine($"id: {image.ImageId} ({size} MB, base {storage.BaseImage})");
        output.WriteLine(image.CheckOutput is null ? "check: skipped (--no-check)" : "check: passed");
        if (image.PushedDigest is not null)
        {
            output.WriteLine($"pushed: {image.Reference}");
            output.WriteLine($"digest: {image.PushedDigest} ({image.PushedReference})");
        }
        // The exact image when the registry gave a digest (what was pushed is what runs), else the tag; the Job's image from
        // [DockerStorage] serves only when it is that tag and nothing was pushed.
        var runImage = image.PushedReference ?? image.Reference;
        var imageArgument = image.PushedDigest is not null || image.TagIsDerived ? " --image " + runImage : "";
        if (flow.KubernetesJob is not null)
        {
            var entrypoint = EntrypointCommand.Prefix;
            output.WriteLine($"render: {entrypoint} render --flow {ShellQuote(flow.Name)}{imageArgument}");
            output.WriteLine($"submit: {entrypoint} submit --flow {ShellQuote(flow.Name)}{imageArgument}");
        }
        output.WriteLine($"run: docker run --rm {runImage} run --flow {ShellQuote(flow.Name)}");
    }

    /// <summary>The text as one POSIX shell word.</summary>
    private static string ShellQuote(string text) =>
        text.Length > 0 && System.Linq.Enumerable.All(text, c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=')
            ? text
            : "'" + text.Replace("'", "'\\''") + "'";
}
