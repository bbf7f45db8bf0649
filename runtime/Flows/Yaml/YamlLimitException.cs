using YamlDotNet.Core;

namespace Flows.Yaml;

/// <summary>
/// The YAML is over one of the <see cref="YamlLimits"/>, or an alias refers to the node it is inside (which would
/// make the document infinite). <see cref="YamlException.Start"/> is where: the node, alias or character at fault.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
sealed class YamlLimitException : YamlException
{
    public YamlLimitException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
        Problem = message;
    }

    /// <summary>What is wrong and what to do, without the position (which <see cref="System.Exception.Message"/> starts with).</summary>
    public string Problem { get; }
}
