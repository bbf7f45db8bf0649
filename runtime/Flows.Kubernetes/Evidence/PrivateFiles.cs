using System;
using System.IO;
using System.Text;

namespace Flows.Kubernetes;

/// <summary>
/// Folders only their owner may enter (0700) and files only their owner may read (0600), as ssh keeps ~/.ssh: for the
/// evidence of a failed run, which holds logs and object specs. On Windows the folder's inherited ACL applies.
/// </summary>
internal static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="folder"/> (and missing parents) 0700; an existing folder is made 0700.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder));
        if (parent is not null && !Directory.Exists(parent))
        {
            CreateFolder(parent);
        }
        Directory.CreateDirectory(folder, FolderMode);
        File.SetUnixFileMode(folder, FolderMode);
    }

    /// <summary>Writes <paramref name="content"/> as UTF-8 to a file created 0600 (an existing one is made 0600 before it is written).</summary>
    public static void WriteText(string path, string content)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, FileMode);
            }
        }
        using var writer = new StreamWriter(path, new UTF8Encoding(false), options);
        writer.Write(content);
    }
}
