namespace Flows.Docker;

public enum ContainerLogStream
{
    Stdout,
    Stderr,
}

/// <summary>One line a container wrote, without its line break, and which stream it came on.</summary>
public readonly record struct ContainerLogLine(ContainerLogStream Stream, string Text)
{
    public override string ToString() => Text;
}
