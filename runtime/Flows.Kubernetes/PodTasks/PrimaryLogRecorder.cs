namespace Flows.Kubernetes;

/// <summary>The writer <see cref="ContainerLogFollower"/> prints the primary container's log to: each whole line goes to the task's <see cref="PodTaskLog"/>.</summary>
internal sealed class PrimaryLogRecorder : LineWriter
{
    public PrimaryLogRecorder(PodTaskLog log) => Log = log;

    public PodTaskLog Log { get; }

    protected override void WriteCompleteLine(string line) => Log.Add(line);
}
