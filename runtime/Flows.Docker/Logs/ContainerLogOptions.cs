namespace Flows.Docker;

/// <summary>Which logs to read.</summary>
public sealed record ContainerLogOptions
{
    /// <summary>Keep reading until the container stops (<c>docker logs -f</c>); otherwise read what is there now.</summary>
    public bool Follow { get; init; }

    public bool Stdout { get; init; } = true;

    public bool Stderr { get; init; } = true;

    /// <summary>Prefix each line with the daemon's RFC 3339 timestamp.</summary>
    public bool Timestamps { get; init; }

    /// <summary>Only the last this many lines; all when null.</summary>
    public int? Tail { get; init; }

    /// <summary>Also write each line to the task's logger as it arrives (Information for stdout, Warning for stderr).</summary>
    public bool WriteToLogger { get; init; }
}
