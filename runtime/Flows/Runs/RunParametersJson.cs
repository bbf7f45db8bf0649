using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Flows.Runs;

/// <summary>A run's parameters as the store keeps them: a JSON object of the raw values given, without the flow's secret parameters.</summary>
public static class RunParametersJson
{
    public static string Write(FlowDefinition flow, FlowParameterValues values)
    {
        var secret = flow.Parameters.Where(p => p.IsSecret).Select(p => p.Name).ToHashSet();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in values.Names.Where(n => !secret.Contains(n)).Order(System.StringComparer.Ordinal))
            {
                values.TryGetRaw(name, out var value);
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
