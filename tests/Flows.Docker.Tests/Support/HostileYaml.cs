using System.Linq;
using System.Text;

namespace Flows.Docker.Tests.Support;

/// <summary>
/// Job specs shaped to take a YAML reader's memory or stack: each a few hundred bytes or kilobytes on disk. Shared by
/// the <c>run-job-locally --file</c> tests and the end-to-end build (linked into Flows.EndToEnd.Tests).
/// </summary>
internal static class HostileYaml
{
    private const string Header = "apiVersion: batch/v1\nkind: Job\n";

    /// <summary>
    /// Billion laughs: ten levels of ten aliases of the level below, 10¹⁰ scalars once expanded. Lines 1–3 are the
    /// header and <c>metadata:</c>/<c>annotations:</c>; level n is on line n + 4, so <c>*a3</c> (the first alias past
    /// 100,000 nodes) is on line 9.
    /// </summary>
    public static string AliasBomb()
    {
        var text = new StringBuilder(Header + "metadata:\n  annotations:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append($"    a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }
        return text.ToString();
    }

    /// <summary>An alias inside its own anchor (line 3): the document it stands for is infinite.</summary>
    public static string SelfReference() => Header + "metadata: &r {labels: *r}\n";

    /// <summary>100,000 nested flow lists on line 3, after "spec: ".</summary>
    public static string DeepNesting() => Header + "spec: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
}
