using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using YamlDotNet.RepresentationModel;

namespace Flows.Yaml;

/// <summary>
/// Applies YAML merge keys (<c>&lt;&lt;: *base</c>, <c>&lt;&lt;: [*a, *b]</c>) to a loaded stream exactly as kubectl's
/// go-yaml v2 does, so that what Flows checks at build time is what it sends: a mapping's entries are applied in
/// order, each <c>&lt;&lt;</c> copying its mapping's entries (of a list, the earlier mappings win), each later entry
/// replacing an earlier one with its key. So an explicit key after <c>&lt;&lt;</c> wins over the merged one, and
/// one before it is replaced by it. A merge value that is not a mapping or a list of mappings is refused, as by
/// kubectl ("map merge requires map or sequence of maps as the value"). Only a plain <c>&lt;&lt;</c> (or one tagged
/// <c>!!merge</c>) is a merge key; <c>"&lt;&lt;"</c> is the text.
/// </summary>
internal static class YamlMergeKeys
{
    private const string MergeTag = "tag:yaml.org,2002:merge";

    public static void Apply(YamlStream stream, CancellationToken cancellationToken)
    {
        // Aliases share nodes, so the documents are a graph without cycles (the loader refuses an alias inside its
        // anchor): each mapping is merged once, after the mappings it contains or merges.
        var entered = new HashSet<YamlNode>(ReferenceComparer.Instance);
        var pending = new Stack<(YamlNode Node, bool ChildrenDone)>();
        foreach (var document in stream.Documents)
        {
            pending.Push((document.RootNode, false));
        }
        var steps = 0;
        while (pending.Count > 0)
        {
            if (++steps % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var (node, childrenDone) = pending.Pop();
            if (childrenDone)
            {
                if (node is YamlMappingNode mapping)
                {
                    Merge(mapping);
                }
                continue;
            }
            if (!entered.Add(node))
            {
                continue;
            }
            pending.Push((node, true));
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Children)
                    {
                        pending.Push((entry.Key, false));
                        pending.Push((entry.Value, false));
                    }
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        pending.Push((item, false));
                    }
                    break;
            }
        }
    }

    public static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode scalar && scalar.Value == "<<"
        && ((scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Tag.IsEmpty) || (!scalar.Tag.IsEmpty && scalar.Tag.Value == MergeTag));

    private static void Merge(YamlMappingNode mapping)
    {
        var hasMergeKey = false;
        foreach (var key in mapping.Children.Keys)
        {
            hasMergeKey |= IsMergeKey(key);
        }
        if (!hasMergeKey)
        {
            return;
        }
        var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
        var positions = new Dictionary<YamlNode, int>();
        void Set(KeyValuePair<YamlNode, YamlNode> entry)
        {
            if (positions.TryGetValue(entry.Key, out var position))
            {
                entries[position] = entry;
            }
            else
            {
                positions[entry.Key] = entries.Count;
                entries.Add(entry);
            }
        }
        foreach (var entry in mapping.Children)
        {
            if (!IsMergeKey(entry.Key))
            {
                Set(entry);
                continue;
            }
            switch (entry.Value)
            {
                case YamlMappingNode source:
                    foreach (var merged in source.Children)
                    {
                        Set(merged);
                    }
                    break;
                case YamlSequenceNode sources:
                    // go-yaml steps backwards: the earlier mappings take precedence.
                    for (var i = sources.Children.Count - 1; i >= 0; i--)
                    {
                        if (sources.Children[i] is not YamlMappingNode source)
                        {
                            throw NotAMapping(sources.Children[i], "this item of the merge key's list");
                        }
                        foreach (var merged in source.Children)
                        {
                            Set(merged);
                        }
                    }
                    break;
                default:
                    throw NotAMapping(entry.Value, "the value of the merge key <<");
            }
        }
        mapping.Children.Clear();
        foreach (var entry in entries)
        {
            mapping.Children.Add(entry);
        }
    }

    private static YamlWithoutJsonException NotAMapping(YamlNode node, string what) =>
        new(node.Start, node.End,
            $"{what} is {(node is YamlSequenceNode ? "a list" : node is YamlScalarNode scalar && YamlScalarResolver.KindOf(scalar) == YamlScalarKind.Null ? "null" : "not a mapping")}, and kubectl refuses the file (map merge requires map or sequence of maps as the value): merge a mapping (<<: *base) or a list of mappings (<<: [*a, *b]), or quote \"<<\" if it is a key");

    private sealed class ReferenceComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode node) => RuntimeHelpers.GetHashCode(node);
    }
}
