using System;
using System.IO;
using System.Linq;

namespace Flows.Cli;

/// <summary>
/// How a user types this entrypoint again, for the commands that Flows prints to paste (<c>build</c>'s render and submit
/// lines, the <c>run --pod-tasks</c> hint): <c>dotnet run --project &lt;folder&gt; --</c> when the application runs from a
/// project's build output (<c>&lt;project&gt;/bin/...</c>, as <c>dotnet run</c> runs it), the folder relative to the current
/// directory; otherwise the application's own path (a published app, <c>/app/Name</c> in an image), or
/// <c>dotnet &lt;dll&gt;</c> when the dotnet host runs it.
/// </summary>
public static class EntrypointCommand
{
    private static readonly Lazy<string> Current = new(() => Describe(AppContext.BaseDirectory, Environment.CurrentDirectory, Environment.ProcessPath,
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name));

    /// <summary>The words that start a command of this entrypoint, e.g. <c>dotnet run --project samples/HelloFlow --</c> or <c>/app/HelloFlow</c>.</summary>
    public static string Prefix => Current.Value;

    /// <summary>The prefix for an application in <paramref name="baseDirectory"/>, typed in <paramref name="currentDirectory"/>.</summary>
    /// <param name="processPath">The process's executable (the apphost, or the dotnet host).</param>
    /// <param name="assemblyName">The entry assembly's name (its dll is <c>&lt;name&gt;.dll</c> in <paramref name="baseDirectory"/>).</param>
    public static string Describe(string baseDirectory, string currentDirectory, string? processPath, string? assemblyName)
    {
        if (ProjectFolderOf(baseDirectory) is { } project)
        {
            var relative = Path.GetRelativePath(currentDirectory, project);
            return $"dotnet run --project {ShellWord(relative)} --";
        }
        var isDotnetHost = processPath is not null
            && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if ((processPath is null || isDotnetHost) && assemblyName is not null)
        {
            return "dotnet " + ShellWord(Path.Combine(baseDirectory, assemblyName + ".dll"));
        }
        return ShellWord(processPath ?? assemblyName ?? "app");
    }

    /// <summary>The project folder whose build output <paramref name="baseDirectory"/> is: the parent of its nearest <c>bin</c> ancestor, when that holds a project file.</summary>
    private static string? ProjectFolderOf(string baseDirectory)
    {
        for (var folder = new DirectoryInfo(Path.TrimEndingDirectorySeparator(baseDirectory)); folder?.Parent is { } parent; folder = parent)
        {
            if (folder.Name == "bin")
            {
                try
                {
                    return parent.EnumerateFiles("*.csproj").Any() ? parent.FullName : null;
                }
                catch (IOException)
                {
                    return null;
                }
                catch (UnauthorizedAccessException)
                {
                    return null;
                }
            }
        }
        return null;
    }

    /// <summary>The text as one POSIX shell word.</summary>
    internal static string ShellWord(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or '+' or ',')
            ? text
            : "'" + text.Replace("'", "'\\''") + "'";
}
