using System.IO;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Yaml;

/// <summary>
/// The one YAML loader of Flows, for the build-time checks (the generator and analyzers) and the run-time readers
/// (run-job-locally --file, the kubeconfig): YAML as kubectl reads it, within <see cref="YamlLimits"/>, with merge
/// keys applied, checked for cancellation as it goes. Never expands an alias bomb, never recurses past the depth limit.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class BoundedYaml
{
    /// <exception cref="YamlLimitException">Over a limit, or an alias inside its own anchor.</exception>
    /// <exception cref="YamlWithoutJsonException">YAML that kubectl cannot convert to JSON.</exception>
    /// <exception cref="YamlException">Not valid YAML.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static YamlStream Load(string text, CancellationToken cancellationToken = default) =>
        Load(text, YamlLimits.Default, cancellationToken);

    /// <inheritdoc cref="Load(string, CancellationToken)"/>
    public static YamlStream Load(string text, YamlLimits limits, CancellationToken cancellationToken = default)
    {
        if (text.Length > limits.MaxCharacters)
        {
            throw TooLong(text, limits);
        }
        var stream = new YamlStream();
        stream.Load(new LimitedYamlParser(new Parser(new StringReader(text)), limits, cancellationToken));
        YamlMergeKeys.Apply(stream, cancellationToken);
        return stream;
    }

    /// <summary>The error for text longer than the limit, at the first character past it.</summary>
    public static YamlLimitException TooLong(string text, YamlLimits limits)
    {
        var at = MarkAt(text, limits.MaxCharacters);
        return new YamlLimitException(at, at,
            $"the text is longer than the {limits.MaxCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters Flows reads (the API server takes at most 3 MiB in one request): shorten the file");
    }

    private static Mark MarkAt(string text, int index)
    {
        index = System.Math.Min(index, text.Length);
        long line = 1, column = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return new Mark(index, line, column);
    }
}
