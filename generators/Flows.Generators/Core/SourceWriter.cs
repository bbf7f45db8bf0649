using System;
using System.Text;

namespace Flows.Generators.Core;

/// <summary>A StringBuilder that indents lines, for emitting C#; every block opened must be closed before <see cref="Finish"/>.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }
        _text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Close without an open block.");
        }
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>The finished source: throws when a block is still open, which is an emitter's bug.</summary>
    public string Finish() =>
        _indent == 0 ? _text.ToString() : throw new InvalidOperationException($"{_indent} block(s) still open at the end of the source.");

    /// <summary>The text so far, balanced or not (for debugging).</summary>
    public override string ToString() => _text.ToString();
}
