namespace StorageApp;

/// <summary>The [DockerStorage] values the fixture's flows share: one image for the application.</summary>
internal static class StorageImage
{
    public const string Registry = "127.0.0.1:5000";
    public const string Name = "flows/storage-test";
    public const string Greeting = "GREETING=hello from the image's environment";
    public const string GreetingFile = "greeting.txt:/etc/storage-test/greeting.txt";
}
