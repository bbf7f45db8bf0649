using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// The host file a kubelet binds at a container's terminationMessagePath: created empty and writable by every user (the
/// container need not run as root), read after the container exits, at most <see cref="MaxBytes"/> bytes as the kubelet reads it.
/// </summary>
internal sealed class TerminationMessageFile : IDisposable
{
    /// <summary>The kubelet keeps at most this many bytes of a container's termination message.</summary>
    public const int MaxBytes = 4096;

    private readonly string _folder;

    private TerminationMessageFile(string folder)
    {
        _folder = folder;
        HostPath = Path.Combine(folder, "termination-log");
    }

    public string HostPath { get; }

    public static TerminationMessageFile Create(string podName)
    {
        var file = new TerminationMessageFile(Directory.CreateTempSubdirectory($"flows-pod-{podName}-").FullName);
        File.WriteAllBytes(file.HostPath, []);
        if (!OperatingSystem.IsWindows())
        {
            // Set explicitly: the umask would take write access from the container's user.
            File.SetUnixFileMode(file.HostPath,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        }
        return file;
    }

    /// <summary>The message, cut at <see cref="MaxBytes"/> bytes; null when the container wrote nothing.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes];
        var length = 0;
        await using (var stream = new FileStream(HostPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true))
        {
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            // A file left in the temp folder is not worth failing the run for.
        }
    }
}
