using YamlDotNet.Core;

namespace Flows.Yaml;

/// <summary>
/// Valid YAML that kubectl cannot turn into JSON (sigs.k8s.io/yaml): a merge key (<c>&lt;&lt;</c>) whose value is not
/// a mapping or a list of mappings, <c>.inf</c> or <c>.nan</c>, or a key that is null, a list or a mapping.
/// Flows refuses it as kubectl does, instead of sending something else than what the file says.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
sealed class YamlWithoutJsonException : YamlException
{
    public YamlWithoutJsonException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
        Problem = message;
    }

    /// <summary>What is wrong and what to do, without the position (which <see cref="System.Exception.Message"/> starts with).</summary>
    public string Problem { get; }
}
