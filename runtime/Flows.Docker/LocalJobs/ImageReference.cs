namespace Flows.Docker.LocalJobs;

/// <summary>An image reference split as the engine's pull takes it: <c>localhost:5000/busybox:1</c> is repository <c>localhost:5000/busybox</c>, tag <c>1</c>.</summary>
public readonly record struct ImageReference(string Repository, string Tag)
{
    /// <summary>No tag means <c>latest</c>; a digest (<c>repo@sha256:...</c>) is kept as the tag, which the pull accepts.</summary>
    public static ImageReference Parse(string image)
    {
        var at = image.IndexOf('@');
        if (at > 0)
        {
            return new ImageReference(image[..at], image[(at + 1)..]);
        }
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') && colon > 0
            ? new ImageReference(image[..colon], image[(colon + 1)..])
            : new ImageReference(image, "latest");
    }

    public override string ToString() => Tag.Contains(':') ? $"{Repository}@{Tag}" : $"{Repository}:{Tag}";
}
