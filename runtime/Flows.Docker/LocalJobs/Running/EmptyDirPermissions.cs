using System;
using System.IO;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// A kubelet makes every emptyDir mode 0777, so a container that runs as a non-root user (as Flows' own containers do)
/// can write to it. A Docker volume starts as root's 0755: a Memory one gets <c>mode=0777</c> as a tmpfs option, a
/// disk one has its folder opened up on the engine's host when that host is this machine.
/// </summary>
internal static class EmptyDirPermissions
{
    public const string TmpfsMode = "mode=0777";

    /// <returns>False when the volume's folder is not reachable from here (a remote or rootless engine): it stays root's.</returns>
    public static bool OpenUp(string mountpoint)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(mountpoint) || !Directory.Exists(mountpoint))
        {
            return false;
        }
        try
        {
            File.SetUnixFileMode(mountpoint, (UnixFileMode)0b111_111_111);
            return true;
        }
        catch (Exception failed) when (failed is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
