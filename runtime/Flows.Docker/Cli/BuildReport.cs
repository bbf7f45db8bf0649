using System.Globalization;
using System.IO;
using Flows.Docker.Storage;

namespace Flows.Docker.Cli;

/// <summary>
/// What <c>build</c> prints on stdout: the image, how its tag was chosen, the check, the pushed reference
/// and digest, and the exact render/submit commands that run it (with <c>--image</c> when the tag was derived,
/// since the Job's image from [DockerStorage] then has no tag).
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
        var imageArgument = image.TagIsDerived ? " --image " + image.Reference : "";
        if (flow.KubernetesJob is not null)
        {
            output.WriteLine($"render: {storage.AssemblyName} render --flow {ShellQuote(flow.Name)}{imageArgument}");
            output.WriteLine($"submit: {storage.AssemblyName} submit --flow {ShellQuote(flow.Name)}{imageArgument}");
        }
        output.WriteLine($"run: docker run --rm {image.Reference} run --flow {ShellQuote(flow.Name)}");
    }

    /// <summary>The text as one POSIX shell word.</summary>
    private static string ShellQuote(string text) =>
        text.Length > 0 && System.Linq.Enumerable.All(text, c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=')
            ? text
            : "'" + text.Replace("'", "'\\''") + "'";
}
