using System.IO;
using System.Text;

namespace Flows.Kubernetes;

/// <summary>A writer that hands on whole lines: what the log follower and the problem reporter write, one line at a time.</summary>
internal abstract class LineWriter : TextWriter
{
    private readonly StringBuilder _partial = new();

    protected object Gate { get; } = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (Gate)
        {
            if (value == '\n')
            {
                EndLine();
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (Gate)
        {
            _partial.Append(value);
            EndLine();
        }
    }

    /// <summary>Called under <see cref="Gate"/>.</summary>
    protected abstract void WriteCompleteLine(string line);

    private void EndLine()
    {
        if (_partial.Length > 0 && _partial[^1] == '\r')
        {
            _partial.Length--;
        }
        var line = _partial.ToString();
        _partial.Clear();
        WriteCompleteLine(line);
    }
}
