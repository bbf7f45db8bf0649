namespace Flows.Docker.Storage;

/// <summary>A flow image that <see cref="FlowImageBuilder"/> built.</summary>
/// <param name="Reference"><c>registry_url/image_name:image_tag</c>: what the Job's flow container runs.</param>
/// <param name="Tag">The tag: ImageTag from [DockerStorage], or the one derived from the build context.</param>
/// <param name="TagIsDerived">Whether <see cref="Tag"/> was derived (<c>sha-</c> + 12 hex of the context's SHA-256).</param>
/// <param name="ContextSha256">The SHA-256 of the build context: the same for the same input.</param>
/// <param name="ImageId">The engine's image id.</param>
/// <param name="Size">The image's size in bytes, base included.</param>
/// <param name="CheckOutput">What the health check printed; null when it did not run.</param>
/// <param name="PushedDigest">The registry's digest of the pushed image (<c>sha256:...</c>); null when not pushed.</param>
public sealed record FlowImage(
    string Reference,
    string Tag,
    bool TagIsDerived,
    string ContextSha256,
    string ImageId,
    long Size,
    string? CheckOutput,
    string? PushedDigest)
{
    /// <summary><c>repository@sha256:...</c> of the pushed image; null when not pushed.</summary>
    public string? PushedReference => PushedDigest is null ? null : ImageReferenceParts.Parse(Reference).Repository + "@" + PushedDigest;
}
