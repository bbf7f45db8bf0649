namespace ClusterApp;

/// <summary>The [DockerStorage] values the lane's flows share: one image (derived tag) for the application.</summary>
internal static class LaneImage
{
    public const string Registry = "127.0.0.1:5000";
    public const string Name = "flows/cluster-lane";
}
