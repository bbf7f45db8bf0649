using System.Collections.Generic;
using System.Linq;

namespace Flows.Docker;

/// <summary>
/// A container's output, stdout and stderr apart, and all lines in the order they arrived: each stream in
/// order, the two streams interleaved as the daemon read them (separate pipes, so not always as written).
/// </summary>
public sealed record ContainerLogs(IReadOnlyList<ContainerLogLine> Lines)
{
    /// <summary>The stdout lines, each ending in a line break.</summary>
    public string Stdout => Join(ContainerLogStream.Stdout);

    /// <summary>The stderr lines, each ending in a line break.</summary>
    public string Stderr => Join(ContainerLogStream.Stderr);

    /// <summary>Both streams interleaved as they arrived, each line ending in a line break.</summary>
    public override string ToString() => string.Concat(Lines.Select(line => line.Text + "\n"));

    private string Join(ContainerLogStream stream) =>
        string.Concat(Lines.Where(line => line.Stream == stream).Select(line => line.Text + "\n"));
}
