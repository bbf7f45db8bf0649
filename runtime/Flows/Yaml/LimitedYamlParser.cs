using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Flows.Yaml;

/// <summary>
/// YamlDotNet's parser (iterative), with every event checked before the representation model (recursive) sees it:
/// nesting depth, nodes and scalar characters counted with each alias as the copy of its anchor it stands for, an
/// alias to a node that is still open (<c>&amp;r {self: *r}</c>) refused, and cancellation. So building the model
/// can neither overflow the stack nor expand without bound, and converting it to JSON is bounded by the same counts.
/// It also refuses what kubectl cannot convert (<c>.inf</c>, keys that are null or collections) and hands plain keys
/// on as the JSON keys kubectl makes of them (<c>yes:</c> is the key "true", <c>0x10:</c> "16").
/// </summary>
internal sealed class LimitedYamlParser : IParser
{
    private const string MergeTag = "tag:yaml.org,2002:merge";

    private readonly IParser _inner;
    private readonly YamlLimits _limits;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Frame> _open = new();
    private readonly Dictionary<string, Anchor> _anchors = new();
    private long _nodes;
    private long _characters;
    private ParsingEvent? _current;

    public LimitedYamlParser(IParser inner, YamlLimits limits, CancellationToken cancellationToken)
    {
        _inner = inner;
        _limits = limits;
        _cancellationToken = cancellationToken;
    }

    public ParsingEvent? Current => _current;

    public bool MoveNext()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!_inner.MoveNext())
        {
            _current = null;
            return false;
        }
        _current = Check(_inner.Current!);
        return true;
    }

    private ParsingEvent Check(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case DocumentStart:
                // Anchors belong to their document.
                _anchors.Clear();
                return parsingEvent;
            case Scalar scalar:
                return CheckScalar(scalar);
            case AnchorAlias alias:
                CheckAlias(alias);
                return parsingEvent;
            case MappingStart or SequenceStart:
                Open((NodeEvent)parsingEvent, parsingEvent is MappingStart);
                return parsingEvent;
            case MappingEnd or SequenceEnd:
                Close();
                return parsingEvent;
            default:
                return parsingEvent;
        }
    }

    private ParsingEvent CheckScalar(Scalar scalar)
    {
        var isKey = TakeSlot();
        var value = scalar.Value ?? "";
        Count(scalar.Start, scalar.End, 1, value.Length, "this value");
        if (!scalar.Anchor.IsEmpty)
        {
            _anchors[scalar.Anchor.Value] = new Anchor { Nodes = 1, Characters = value.Length };
        }
        if (!YamlScalarResolver.IsResolved(scalar.Style, scalar.Tag))
        {
            return scalar;
        }
        if (!isKey)
        {
            if (YamlScalarResolver.KindOfPlain(value) == YamlScalarKind.NotJson)
            {
                throw YamlScalarResolver.NotJson(scalar.Start, scalar.End, value);
            }
            return scalar;
        }
        if (value == "<<" || (!scalar.Tag.IsEmpty && scalar.Tag.Value == MergeTag))
        {
            return scalar;
        }
        var key = YamlScalarResolver.JsonKey(value)
            ?? throw new YamlWithoutJsonException(scalar.Start, scalar.End,
                $"the key '{value}' is {(YamlScalarResolver.KindOfPlain(value) == YamlScalarKind.Null ? "null" : "an integer past 64 bits")}, which kubectl cannot make a JSON key of; quote it (\"{value}\") or remove it");
        return key == value
            ? scalar
            : new Scalar(scalar.Anchor, scalar.Tag, key, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true, scalar.Start, scalar.End, isKey: true);
    }

    private void CheckAlias(AnchorAlias alias)
    {
        var isKey = TakeSlot();
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var anchor))
        {
            // YamlDotNet's own error (and message) for it, which the build-time explanation of syntax errors knows.
            throw new AnchorNotFoundException(alias.Start, alias.End, $"The anchor '{name}' does not exists");
        }
        if (anchor.IsOpen)
        {
            throw new YamlLimitException(alias.Start, alias.End,
                $"the alias *{name} is inside the node it refers to (&{name} at line {anchor.Start.Line}), so the document would be infinite: replace the alias with the values it should stand for");
        }
        if (isKey && anchor.IsCollection)
        {
            throw new YamlWithoutJsonException(alias.Start, alias.End, $"the alias *{name} makes a mapping or list a key, which kubectl cannot make a JSON key of: use a text key");
        }
        Count(alias.Start, alias.End, anchor.Nodes, anchor.Characters, $"the alias *{name}");
    }

    private void Open(NodeEvent start, bool isMapping)
    {
        if (TakeSlot())
        {
            throw new YamlWithoutJsonException(start.Start, start.End, $"this key is a {(isMapping ? "mapping" : "list")}, which kubectl cannot make a JSON key of: use a text key");
        }
        if (_open.Count >= _limits.MaxDepth)
        {
            throw new YamlLimitException(start.Start, start.End,
                $"the {(isMapping ? "mapping" : "list")} here is nested {_open.Count + 1} levels deep, more than the {_limits.MaxDepth} Flows reads (a Job's deepest field is 15 levels down): flatten the document");
        }
        // Counted in the totals now, and in the enclosing collection with its contents when it closes.
        CountTotals(start.Start, start.End, 1, 0, "this " + (isMapping ? "mapping" : "list"));
        Anchor? anchor = null;
        if (!start.Anchor.IsEmpty)
        {
            anchor = new Anchor { IsOpen = true, IsCollection = true, Start = start.Start };
            _anchors[start.Anchor.Value] = anchor;
        }
        _open.Add(new Frame { IsMapping = isMapping, ExpectsKey = isMapping, Anchor = anchor, Nodes = 1 });
    }

    private void Close()
    {
        var frame = _open[_open.Count - 1];
        _open.RemoveAt(_open.Count - 1);
        if (frame.Anchor is { } anchor)
        {
            anchor.IsOpen = false;
            anchor.Nodes = frame.Nodes;
            anchor.Characters = frame.Characters;
        }
        if (_open.Count > 0)
        {
            _open[_open.Count - 1].Nodes += frame.Nodes;
            _open[_open.Count - 1].Characters += frame.Characters;
        }
    }

    /// <summary>A node begins in the open collection: true when it is a mapping's key.</summary>
    private bool TakeSlot()
    {
        if (_open.Count == 0 || !_open[_open.Count - 1].IsMapping)
        {
            return false;
        }
        var frame = _open[_open.Count - 1];
        var isKey = frame.ExpectsKey;
        frame.ExpectsKey = !isKey;
        return isKey;
    }

    /// <summary>Adds a node (or an alias's copy of its anchor) to the totals and to the open collection.</summary>
    private void Count(Mark start, Mark end, long nodes, long characters, string what)
    {
        CountTotals(start, end, nodes, characters, what);
        if (_open.Count > 0)
        {
            _open[_open.Count - 1].Nodes += nodes;
            _open[_open.Count - 1].Characters += characters;
        }
    }

    private void CountTotals(Mark start, Mark end, long nodes, long characters, string what)
    {
        _nodes += nodes;
        _characters += characters;
        if (_nodes > _limits.MaxNodes)
        {
            throw new YamlLimitException(start, end,
                $"{what} makes the document more than {_limits.MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} nodes with aliases expanded (a Job with a thousand env variables has about 5,000): write fewer aliases or split the file");
        }
        if (_characters > _limits.MaxExpandedCharacters)
        {
            throw new YamlLimitException(start, end,
                $"{what} makes the document's text more than {_limits.MaxExpandedCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters with aliases expanded, more than the API server takes in one request: write fewer aliases or shorter values");
        }
    }

    private sealed class Frame
    {
        public bool IsMapping;
        public bool ExpectsKey;
        public Anchor? Anchor;
        public long Nodes;
        public long Characters;
    }

    private sealed class Anchor
    {
        public bool IsOpen;
        public bool IsCollection;
        public Mark Start;
        public long Nodes;
        public long Characters;
    }
}
