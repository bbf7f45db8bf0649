using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;

namespace Flows.Docker.Storage;

/// <summary>
/// Writes a tar archive whose bytes depend only on the entries' paths, contents and executable bits:
/// entries sorted by path (ordinal), every time the Unix epoch, owner and group 0 with no names,
/// mode 0755 for folders and executables and 0644 for other files. The same input gives the same bytes,
/// on any machine, whenever the files were written and whoever owns them.
/// </summary>
public static class DeterministicTar
{
    /// <summary>The time every entry carries.</summary>
    public static readonly DateTimeOffset EntryTime = DateTimeOffset.UnixEpoch;

    private const UnixFileMode Folder = (UnixFileMode)0b111_101_101;        // 0755
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;    // 0755
    private const UnixFileMode Regular = (UnixFileMode)0b110_100_100;       // 0644
    private const UnixFileMode AnyExecuteBit = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Writes <paramref name="entries"/>, with a folder entry for every parent folder they need, to <paramref name="output"/>.</summary>
    public static void Write(Stream output, IEnumerable<TarContextEntry> entries)
    {
        var files = new SortedDictionary<string, TarContextEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var path = Normalize(entry.Path);
            if (!files.TryAdd(path, entry))
            {
                throw new ArgumentException($"Two entries of the archive have the path '{path}'.", nameof(entries));
            }
        }
        var folders = new SortedSet<string>(files.Keys.SelectMany(ParentFolders), StringComparer.Ordinal);
        var all = folders.Select(folder => (Path: folder + "/", Entry: (TarContextEntry?)null))
            .Concat(files.Select(file => (file.Key, (TarContextEntry?)file.Value)))
            .OrderBy(item => item.Item1, StringComparer.Ordinal);

        using var writer = new TarWriter(output, TarEntryFormat.Gnu, leaveOpen: true);
        foreach (var (path, entry) in all)
        {
            if (entry is null)
            {
                writer.WriteEntry(Fixed(new GnuTarEntry(TarEntryType.Directory, path), Folder));
                continue;
            }
            using var content = entry.Open();
            var tarEntry = Fixed(new GnuTarEntry(TarEntryType.RegularFile, path), entry.IsExecutable ? Executable : Regular);
            tarEntry.DataStream = content;
            writer.WriteEntry(tarEntry);
        }
    }

    /// <summary>Whether a file on disk has any execute bit (always false where Unix modes do not exist).</summary>
    public static bool IsExecutableOnDisk(string file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & AnyExecuteBit) != 0;

    private static GnuTarEntry Fixed(GnuTarEntry entry, UnixFileMode mode)
    {
        entry.Mode = mode;
        entry.ModificationTime = EntryTime;
        entry.AccessTime = EntryTime;
        entry.ChangeTime = EntryTime;
        entry.Uid = 0;
        entry.Gid = 0;
        entry.UserName = "";
        entry.GroupName = "";
        return entry;
    }

    private static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/').Trim('/');
        if (normalized.Length == 0 || normalized.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a relative path inside the archive.", nameof(path));
        }
        return normalized;
    }

    private static IEnumerable<string> ParentFolders(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path.Substring(0, slash);
        }
    }
}

/// <summary>One file of a <see cref="DeterministicTar"/>: its path in the archive, where its bytes come from, and whether it is executable.</summary>
public sealed record TarContextEntry(string Path, Func<Stream> Open, bool IsExecutable)
{
    /// <summary>A file on disk, executable when it has an execute bit.</summary>
    public static TarContextEntry FromFile(string path, string file) =>
        new(path, () => File.OpenRead(file), DeterministicTar.IsExecutableOnDisk(file));

    /// <summary>Text written as UTF-8 without a byte-order mark.</summary>
    public static TarContextEntry FromText(string path, string text) =>
        new(path, () => new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(text)), false);
}
