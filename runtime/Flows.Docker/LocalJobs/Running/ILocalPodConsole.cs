namespace Flows.Docker.LocalJobs.Running;

/// <summary>Where a <see cref="LocalPodRunner"/> reports: its progress and warnings, and the containers' output lines, from several tasks at once.</summary>
public interface ILocalPodConsole
{
    void Info(string message);

    void Warn(string message);

    /// <summary>
    /// What <see cref="LocalJobOptions.Keep"/> left on the engine (<paramref name="what"/>, e.g. "Kept the pod's 2 containers and
    /// 1 volume") and how to find and remove it (<paramref name="details"/>); shown whatever else is hidden.
    /// </summary>
    void Kept(string what, string details) => Info($"{what} (--keep): {details}");

    /// <summary>A line of the primary container's output.</summary>
    void Primary(ContainerLogLine line);

    /// <summary>A line of another container's output (only with <see cref="LocalJobOptions.AllLogs"/>).</summary>
    void Container(string name, ContainerLogLine line);
}
