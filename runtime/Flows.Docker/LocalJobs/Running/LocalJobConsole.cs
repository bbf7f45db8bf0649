using System.IO;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// Where a local run writes, from several tasks at once: the primary container's stdout to the command's output and its
/// stderr to the command's error; progress, warnings and other containers' lines (<c>[name] ...</c>) to the error.
/// </summary>
public sealed class LocalJobConsole(TextWriter output, TextWriter error) : ILocalPodConsole
{
    private readonly object _lock = new();

    public void Info(string message) => Write(error, message);

    public void Warn(string message) => Write(error, "warning: " + message);

    public void Primary(ContainerLogLine line) => Write(line.Stream == ContainerLogStream.Stderr ? error : output, line.Text);

    public void Container(string name, ContainerLogLine line) => Write(error, $"[{name}] {line.Text}");

    private void Write(TextWriter writer, string text)
    {
        lock (_lock)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
