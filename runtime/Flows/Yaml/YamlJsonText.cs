using System.Text;
using System.Threading;
using YamlDotNet.RepresentationModel;

namespace Flows.Yaml;

/// <summary>
/// The JSON text of a YAML node as kubectl makes it (see <see cref="YamlScalarResolver"/>): the one conversion for
/// the build-time checks, the generated Job and Pod templates, and the run-time readers. Loaded by
/// <see cref="BoundedYaml"/>, the node's size is bounded, and so is this text.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class YamlJsonText
{
    /// <exception cref="YamlWithoutJsonException">A key that is a mapping or list, or <c>.inf</c>/<c>.nan</c>, in a node the loader did not check.</exception>
    public static string Write(YamlNode node, CancellationToken cancellationToken = default)
    {
        var json = new StringBuilder();
        var written = 0;
        Write(json, node, ref written, cancellationToken);
        return json.ToString();
    }

    private static void Write(StringBuilder json, YamlNode node, ref int written, CancellationToken cancellationToken)
    {
        if (++written % 1024 == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        switch (node)
        {
            case YamlMappingNode mapping:
                json.Append('{');
                var first = true;
                foreach (var entry in mapping.Children)
                {
                    if (!first)
                    {
                        json.Append(',');
                    }
                    first = false;
                    if (entry.Key is not YamlScalarNode key)
                    {
                        throw new YamlWithoutJsonException(entry.Key.Start, entry.Key.End, "this key is a mapping or list, which kubectl cannot make a JSON key of: use a text key");
                    }
                    YamlScalarResolver.AppendJsonString(json, key.Value ?? "");
                    json.Append(':');
                    Write(json, entry.Value, ref written, cancellationToken);
                }
                json.Append('}');
                break;
            case YamlSequenceNode sequence:
                json.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        json.Append(',');
                    }
                    Write(json, sequence.Children[i], ref written, cancellationToken);
                }
                json.Append(']');
                break;
            case YamlScalarNode scalar:
                json.Append(YamlScalarResolver.Json(scalar));
                break;
            default:
                json.Append("null");
                break;
        }
    }
}
