using System.Text;
using Flows.Generators.Core;

namespace Flows.Generators.Jobs;

/// <summary>The Job of a flow whose [KubernetesJob] names no spec file, as Prefect's DockerOnKubernetes environment made it.</summary>
internal static class DefaultJob
{
    public const string ContainerName = "flow";

    /// <summary>One container, restartPolicy Never, no retries by Kubernetes (the flow retries its own tasks), the identifier label.</summary>
    public static string Json(string baseName)
    {
        var json = new StringBuilder();
        json.Append("{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":");
        YamlJson.WriteString(json, baseName);
        json.Append(",\"labels\":{\"identifier\":\"\"}},\"spec\":{\"backoffLimit\":0,\"template\":{\"metadata\":{\"labels\":{\"identifier\":\"\"}},");
        json.Append("\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"").Append(ContainerName).Append("\",\"image\":\"\"}]}}}}");
        return json.ToString();
    }

    /// <summary>The flow's name made a DNS-1123 name: lowercase letters, digits and single dashes, at most 40 characters.</summary>
    public static string BaseName(string flowName)
    {
        var name = new StringBuilder();
        foreach (var c in flowName.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[name.Length - 1] != '-')
            {
                name.Append('-');
            }
            if (name.Length == 40)
            {
                break;
            }
        }
        var result = name.ToString().Trim('-');
        return result.Length == 0 ? "flow" : result;
    }
}
