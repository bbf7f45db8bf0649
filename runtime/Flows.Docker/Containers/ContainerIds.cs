namespace Flows.Docker;

internal static class ContainerIds
{
    /// <summary>The 12-character id docker ps shows.</summary>
    public static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
