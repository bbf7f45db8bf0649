namespace Flows.Yaml;

/// <summary>
/// How much YAML Flows reads, at build time and at run time. No real Job, Pod or kubeconfig comes near these; a file
/// that does is hostile or broken (a billion-laughs alias bomb, 100,000 nested brackets), and loading it would take
/// the compiler's memory or stack.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
sealed class YamlLimits
{
    /// <summary>The limits used everywhere unless a test asks for smaller ones.</summary>
    public static readonly YamlLimits Default = new();

    /// <summary>
    /// Characters of text: 3 MiB, the API server's limit on one request body (a spec longer than that cannot be sent).
    /// </summary>
    public int MaxCharacters { get; init; } = 3 * 1024 * 1024;

    /// <summary>
    /// Nesting of mappings and lists: 100. The deepest field of a Job (a pod anti-affinity term's match expression
    /// values) is 15 levels down.
    /// </summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>
    /// Nodes (keys, values, items) with every alias counted as the copy of its anchor it stands for: 100,000. A Job
    /// with a thousand env variables has about 5,000.
    /// </summary>
    public long MaxNodes { get; init; } = 100_000;

    /// <summary>
    /// Characters of scalars with aliases expanded: 3 MiB, as for the text (the expanded document is what is sent).
    /// </summary>
    public long MaxExpandedCharacters { get; init; } = 3 * 1024 * 1024;
}
