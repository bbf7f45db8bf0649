using System.Text;

namespace Flows.Manifests;

/// <summary>
/// The names a task gets in Kubernetes: the part of its Pod names before the per-run suffix, and its <c>flows_task</c>
/// label value. One rule for the build-time check (this file is also compiled into the generator, for netstandard2.0)
/// and for the Pods built at run time, so both sides compute the same name.
/// </summary>
/// <remarks>
/// A PascalCase ASCII name keeps its dashed form (<c>LoadData</c> → <c>load-data</c>): from that form the name can be
/// read back, so two such names never share it. Any other name loses something on the way (case, <c>_</c>, a non-ASCII
/// letter, length) and gets 8 hex of a hash of the whole name (<c>Load_Data</c> → <c>load-data-1b7d3c29</c>). Only
/// ASCII is classified, so the result does not depend on the Unicode tables of the .NET that runs the compiler.
/// </remarks>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class TaskKubernetesNames
{
    /// <summary>At most this long, so that the per-run suffix (<c>-</c>, 10 hex, <c>-</c>, the attempt) fits in 63.</summary>
    public const int MaxPodNamePartLength = 40;

    private const int HashLength = 8;

    /// <summary>The task's Pod name before the per-run suffix: a DNS-1123 label of at most <see cref="MaxPodNamePartLength"/> characters.</summary>
    public static string PodNamePart(string taskName)
    {
        var dashed = Dashed(taskName);
        if (IsPascalCase(taskName) && dashed.Length <= MaxPodNamePartLength)
        {
            return dashed;
        }
        var room = MaxPodNamePartLength - HashLength - 1;
        var cut = dashed.Length > room ? dashed.Substring(0, room).TrimEnd('-') : dashed;
        return (cut.Length == 0 ? "task" : cut) + "-" + Hash(taskName);
    }

    /// <summary>The task's <c>flows_task</c> label value: the name itself when it is a valid label value, else <see cref="PodNamePart"/>.</summary>
    /// <remarks>A method name has no '-', and a hashed name always has one, so the two kinds never meet.</remarks>
    public static string LabelValue(string taskName) => KubernetesNameRules.IsLabelValue(taskName) ? taskName : PodNamePart(taskName);

    /// <summary>8 lowercase hex of the 32-bit FNV-1a hash of the name's UTF-8 bytes: small, and the same on netstandard2.0 and net10.0.</summary>
    public static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>WaitForMessage</c> → <c>wait-for-message</c>: lower case, '-' before an inner capital and for every run of other characters.</summary>
    private static string Dashed(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            var isUpper = c is >= 'A' and <= 'Z';
            if (isUpper && text.Length > 0 && text[text.Length - 1] != '-')
            {
                text.Append('-');
            }
            if (isUpper)
            {
                text.Append((char)(c + ('a' - 'A')));
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[text.Length - 1] != '-')
            {
                text.Append('-');
            }
        }
        return text.ToString().Trim('-');
    }

    /// <summary>An ASCII capital, then ASCII letters and digits: every capital starts a word, so the dashed form gives the name back.</summary>
    private static bool IsPascalCase(string name)
    {
        if (name.Length == 0 || name[0] is < 'A' or > 'Z')
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
