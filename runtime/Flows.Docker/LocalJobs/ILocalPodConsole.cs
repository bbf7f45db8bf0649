namespace Flows.Docker.LocalJobs;

/// <summary>Where a <see cref="LocalPodRunner"/> reports: its progress and warnings, and the containers' output lines, from several tasks at once.</summary>
public interface ILocalPodConsole
{
    void Info(string message);

    void Warn(string message);

    /// <summary>A line of the primary container's output.</summary>
    void Primary(ContainerLogLine line);

    /// <summary>A line of another container's output (only with <see cref="LocalJobOptions.AllLogs"/>).</summary>
    void Container(string name, ContainerLogLine line);
}
