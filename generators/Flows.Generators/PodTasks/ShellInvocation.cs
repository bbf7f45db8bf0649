using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.PodTasks;

/// <summary>How a shell turns its script argument into commands, which decides the safe way to give it an input.</summary>
internal enum ShellFamily
{
    /// <summary>sh, bash, ash, dash, zsh, ksh...: the arguments after the script are <c>$0</c>, <c>$1</c>, ...</summary>
    Posix,

    /// <summary>csh, tcsh, fish: a script, but with other positional syntax.</summary>
    OtherUnix,

    /// <summary>pwsh and powershell: after <c>-Command</c> every argument is part of the script.</summary>
    PowerShell,

    /// <summary>cmd: after <c>/c</c> or <c>/k</c> every argument is part of the command line it parses.</summary>
    Cmd,
}

/// <summary>
/// A shell run with a script argument inside a container's argv (command then args): <c>sh -c SCRIPT</c>, also when
/// reached through <c>env</c>, <c>busybox</c> or an absolute path, <c>pwsh -Command ...</c>, <c>cmd /c ...</c>.
/// The shell parses the script's text as code, so a placeholder pasted into it is code too.
/// </summary>
/// <param name="ShellIndex">Where the shell's name is in the argv.</param>
/// <param name="ScriptStart">The first argv element that is script text.</param>
/// <param name="ScriptEnd">After the last one (PowerShell's -Command and cmd's /c take every argument that follows).</param>
internal sealed record ShellInvocation(string Shell, ShellFamily Family, int ShellIndex, int ScriptStart, int ScriptEnd)
{
    private static readonly HashSet<string> PosixShells = new(StringComparer.Ordinal)
    {
        "sh", "bash", "ash", "dash", "zsh", "ksh", "ksh93", "mksh", "pdksh", "hush", "yash", "posh", "rbash",
    };

    private static readonly HashSet<string> OtherUnixShells = new(StringComparer.Ordinal) { "csh", "tcsh", "fish" };

    /// <summary>Windows PowerShell's parameters that take a value (so that the value is not read as the command).</summary>
    private static readonly HashSet<string> PowerShellValueParameters = new(StringComparer.Ordinal)
    {
        "executionpolicy", "ex", "ep", "workingdirectory", "wd", "outputformat", "of", "o", "inputformat", "if", "in",
        "configurationname", "config", "settingsfile", "settings", "windowstyle", "w", "custompipename", "psconsolefile", "version", "v",
    };

    /// <summary>Whether the argv before the shell only picks the program (env, busybox, their options and NAME=value), so the args after the script are the shell's.</summary>
    public bool IsWholeCommand { get; init; }

    /// <summary>The first shell invocation with a script in <paramref name="argv"/>, or null.</summary>
    public static ShellInvocation? Find(IReadOnlyList<string> argv)
    {
        for (var i = 0; i < argv.Count; i++)
        {
            var name = ProgramName(argv[i]);
            var found = PosixShells.Contains(name) ? Posix(argv, i, name, ShellFamily.Posix)
                : OtherUnixShells.Contains(name) ? Posix(argv, i, name, ShellFamily.OtherUnix)
                : name is "pwsh" or "powershell" ? PowerShell(argv, i, name)
                : name == "cmd" ? Cmd(argv, i, name)
                : null;
            if (found is not null)
            {
                return found with { IsWholeCommand = argv.Take(i).All(IsLauncher) };
            }
        }
        return null;
    }

    /// <summary>Whether argv element <paramref name="index"/> is script text.</summary>
    public bool IsScript(int index) => index >= ScriptStart && index < ScriptEnd;

    /// <summary>The shell's name as a program: no folder, lower case for Windows names, no .exe.</summary>
    private static string ProgramName(string element)
    {
        var name = element.Substring(element.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(".exe", StringComparison.Ordinal))
        {
            return lower.Substring(0, lower.Length - 4);
        }
        // Unix names are case-sensitive (SH is not sh); Windows ones are not.
        return lower is "cmd" or "pwsh" or "powershell" ? lower : name;
    }

    private static bool IsLauncher(string element) =>
        ProgramName(element) is "env" or "busybox" || element.StartsWith("-", StringComparison.Ordinal) || element.IndexOf('=') > 0;

    /// <summary><c>sh [options] -c [options] SCRIPT [NAME [ARG...]]</c>: options may be clustered (<c>-ec</c>), <c>-o</c>/<c>-O</c> take a value.</summary>
    private static ShellInvocation? Posix(IReadOnlyList<string> argv, int shell, string name, ShellFamily family)
    {
        var hasScriptOption = false;
        var i = shell + 1;
        while (i < argv.Count)
        {
            var a = argv[i];
            if (a is "--" or "-")
            {
                i++;
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                hasScriptOption |= a == "--command";
                i += a is "--rcfile" or "--init-file" or "--init-command" ? 2 : 1;
                continue;
            }
            if (a.Length < 2 || (a[0] != '-' && a[0] != '+'))
            {
                break;
            }
            var letters = a.Substring(1);
            hasScriptOption |= a[0] == '-' && letters.IndexOf('c') >= 0;
            i += 1 + letters.Count(l => l is 'o' or 'O');
        }
        return hasScriptOption && i < argv.Count ? new ShellInvocation(name, family, shell, i, i + 1) : null;
    }

    /// <summary>
    /// <c>pwsh [parameters] -Command TEXT...</c> (any prefix of -Command, with -, -- or /): the rest is the script.
    /// <c>-CommandWithArgs SCRIPT ARG...</c> takes one. Windows PowerShell also reads a first bare argument as -Command.
    /// </summary>
    private static ShellInvocation? PowerShell(IReadOnlyList<string> argv, int shell, string name)
    {
        for (var i = shell + 1; i < argv.Count; i++)
        {
            var a = argv[i];
            var key = a.TrimStart('-', '/').ToLowerInvariant();
            if (key.Length == a.Length)
            {
                return name == "powershell" && i < argv.Count ? new ShellInvocation(name, ShellFamily.PowerShell, shell, i, argv.Count) : null;
            }
            if (key is "cwa" || (key.Length > "command".Length && "commandwithargs".StartsWith(key, StringComparison.Ordinal)))
            {
                return i + 1 < argv.Count ? new ShellInvocation(name, ShellFamily.PowerShell, shell, i + 1, i + 2) : null;
            }
            if (key.Length > 0 && "command".StartsWith(key, StringComparison.Ordinal))
            {
                return i + 1 < argv.Count ? new ShellInvocation(name, ShellFamily.PowerShell, shell, i + 1, argv.Count) : null;
            }
            if (key is "file" or "f")
            {
                return null;
            }
            if (PowerShellValueParameters.Contains(key))
            {
                i++;
            }
        }
        return null;
    }

    /// <summary><c>cmd [/s /q /d /v:on ...] /c COMMAND...</c> (also <c>/k</c>, <c>/r</c>, and the command glued on: <c>/cecho</c>).</summary>
    private static ShellInvocation? Cmd(IReadOnlyList<string> argv, int shell, string name)
    {
        for (var i = shell + 1; i < argv.Count; i++)
        {
            var a = argv[i];
            if (a.Length < 2 || a[0] != '/')
            {
                return null;
            }
            if (char.ToLowerInvariant(a[1]) is 'c' or 'k' or 'r')
            {
                var start = a.Length > 2 ? i : i + 1;
                return start < argv.Count ? new ShellInvocation(name, ShellFamily.Cmd, shell, start, argv.Count) : null;
            }
        }
        return null;
    }
}
