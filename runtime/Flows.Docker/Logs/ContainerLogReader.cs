using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace Flows.Docker;

/// <summary>
/// Reads the daemon's log stream (frames tagged stdout or stderr, or one raw stream for a TTY) and
/// yields whole lines per stream: a line split across frames is joined, and so is a UTF-8 character.
/// A line over <see cref="PodTaskOutputLimits.MaxLineBytes"/> is cut there (<see cref="LogLineSplitter"/>).
/// </summary>
internal static class ContainerLogReader
{
    public static async IAsyncEnumerable<ContainerLogLine> ReadLinesAsync(MultiplexedStream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var stdout = new LogLineSplitter();
        var stderr = new LogLineSplitter();
        var lines = new List<string>();
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }
            var isStderr = read.Target == MultiplexedStream.TargetStream.StandardError;
            (isStderr ? stderr : stdout).Add(buffer.AsSpan(0, read.Count), lines);
            foreach (var line in lines)
            {
                yield return new ContainerLogLine(isStderr ? ContainerLogStream.Stderr : ContainerLogStream.Stdout, line);
            }
            lines.Clear();
        }
        if (stdout.Flush() is { } lastOut)
        {
            yield return new ContainerLogLine(ContainerLogStream.Stdout, lastOut);
        }
        if (stderr.Flush() is { } lastErr)
        {
            yield return new ContainerLogLine(ContainerLogStream.Stderr, lastErr);
        }
    }
}
