namespace Flows.Cluster.Tests.Support;

/// <summary>A theory of the real-Kubernetes lane: runs and skips as <see cref="ClusterFactAttribute"/> says.</summary>
public sealed class ClusterTheoryAttribute : TheoryAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? (ClusterFactAttribute.Enabled ? null : ClusterFactAttribute.Reason);
        set => base.Skip = value;
    }
}
