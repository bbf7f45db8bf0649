using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.PodTasks;

/// <summary>What FLOW079's message says to do, by shell: the safe way to hand an input to that shell's script.</summary>
internal static class ShellScriptAdvice
{
    /// <summary>The shell as written up to its script, e.g. <c>sh -c</c> or <c>/bin/busybox sh -ec</c>.</summary>
    public static string Describe(ShellInvocation shell, IReadOnlyList<string> argv) =>
        string.Join(" ", argv.Skip(shell.ShellIndex).Take(System.Math.Max(1, shell.ScriptStart - shell.ShellIndex)));

    public static string For(ShellInvocation shell, string placeholder)
    {
        var name = EnvironmentName(placeholder);
        return shell.Family switch
        {
            ShellFamily.Posix =>
                $"pass it as its own argument after the script and write \"$1\" in the script (for example: \"{shell.Shell}\", \"-c\", \"echo \\\"$1\\\"\", \"{shell.Shell}\", \"{{{placeholder}}}\"; " +
                $"the first argument after the script is $0), or set Environment = new[] {{ \"{name}={{{placeholder}}}\" }} and write \"${name}\" in the script",
            ShellFamily.PowerShell =>
                $"set Environment = new[] {{ \"{name}={{{placeholder}}}\" }} and write $env:{name} in the script",
            ShellFamily.Cmd =>
                $"cmd parses an expanded variable as commands too, so there is no safe way to give it an input: run the program without cmd /c and give '{{{placeholder}}}' as an element of its own",
            _ =>
                $"set Environment = new[] {{ \"{name}={{{placeholder}}}\" }} and write \"${name}\" in the script",
        };
    }

    /// <summary>An environment variable name for the input: its name in upper snake case (<c>fileName</c> → <c>FILE_NAME</c>).</summary>
    public static string EnvironmentName(string placeholder)
    {
        var name = new System.Text.StringBuilder();
        for (var i = 0; i < placeholder.Length; i++)
        {
            var c = placeholder[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(placeholder[i - 1]))
            {
                name.Append('_');
            }
            name.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return name.ToString();
    }
}
