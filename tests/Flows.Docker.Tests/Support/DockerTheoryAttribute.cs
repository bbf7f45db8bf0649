namespace Flows.Docker.Tests.Support;

/// <summary>A theory that needs the real Docker engine: skipped without one, failing under CI=true (as <see cref="DockerFactAttribute"/>).</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? DockerFactAttribute.SkipReason(null);
        set => base.Skip = value;
    }
}
