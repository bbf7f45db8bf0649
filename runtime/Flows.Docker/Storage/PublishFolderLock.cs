using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker.Storage;

/// <summary>
/// Holds a project's image artifacts folder for one publish at a time, across processes: two <c>build</c> commands of
/// the same project (two terminals, parallel test runs) would otherwise restore into the same folder at once, and
/// NuGet fails on a file the other restore has just written. The lock is a file opened with <see cref="FileShare.None"/>,
/// which .NET enforces between processes; the operating system releases it when its holder exits.
/// </summary>
public sealed class PublishFolderLock : IDisposable
{
    public const string FileName = ".flows-publish.lock";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _file;

    private PublishFolderLock(FileStream file) => _file = file;

    /// <summary>Waits until no other publish holds <paramref name="artifactsFolder"/>, saying once on <paramref name="progress"/> that it waits.</summary>
    public static async Task<PublishFolderLock> AcquireAsync(string artifactsFolder, TextWriter progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(artifactsFolder);
        var path = Path.Combine(artifactsFolder, FileName);
        var said = false;
        while (true)
        {
            try
            {
                return new PublishFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException held) when (IsHeldByAnother(held))
            {
                if (!said)
                {
                    progress.WriteLine($"waiting: another build is publishing into {artifactsFolder}");
                    said = true;
                }
                await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>The lock is taken: flock's EWOULDBLOCK (11 on Linux, 35 on macOS), or Windows' ERROR_SHARING_VIOLATION.</summary>
    private static bool IsHeldByAnother(IOException error) =>
        OperatingSystem.IsWindows() ? (error.HResult & 0xFFFF) == 32 : error.HResult is 11 or 35;
}
