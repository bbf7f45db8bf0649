using System;
using System.IO;
using System.Linq;

namespace ClusterApp;

/// <summary>
/// What the kernel says about this process (/proc/self/status) and what its filesystem lets it do: the restricted
/// profile's settings as the container really got them, not as the spec asked for them.
/// </summary>
public static class ProcessSecurity
{
    public static string Describe()
    {
        var status = File.ReadAllLines("/proc/self/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        string First(string key) => status.TryGetValue(key, out var value) ? value.Split('\t', ' ')[0] : "?";
        return $"uid={First("Uid")} gid={First("Gid")} no_new_privs={First("NoNewPrivs")} seccomp={First("Seccomp")} " +
               $"cap_eff={First("CapEff")} root_fs={Probe("/flows-probe")} tmp={Probe("/tmp/flows-probe")}";
    }

    private static string Probe(string path)
    {
        try
        {
            File.WriteAllText(path, "x");
            File.Delete(path);
            return "writable";
        }
        catch (IOException failed) when (failed.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase))
        {
            return "read-only";
        }
        catch (UnauthorizedAccessException)
        {
            return "denied";
        }
    }
}
