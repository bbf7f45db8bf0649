using System;
using System.IO;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.Support;

/// <summary>A <see cref="StringWriter"/> whose <see cref="Seen"/> completes once <paramref name="awaited"/> has been written, so a script can act only after the command printed it.</summary>
internal sealed class SignallingStringWriter(string awaited) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override void Write(char value)
    {
        lock (this)
        {
            base.Write(value);
            Check();
        }
    }

    public override void Write(string? value)
    {
        lock (this)
        {
            base.Write(value);
            Check();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (this)
        {
            base.Write(buffer, index, count);
            Check();
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (this)
        {
            base.Write(buffer);
            Check();
        }
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        lock (this)
        {
            base.WriteLine(buffer);
            Check();
        }
    }

    public override void WriteLine(string? value)
    {
        lock (this)
        {
            base.WriteLine(value);
            Check();
        }
    }

    public override string ToString()
    {
        lock (this)
        {
            return base.ToString();
        }
    }

    private void Check()
    {
        if (!_seen.Task.IsCompleted && GetStringBuilder().ToString().Contains(awaited, StringComparison.Ordinal))
        {
            _seen.TrySetResult();
        }
    }
}
