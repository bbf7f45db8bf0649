using Flows;

namespace StorageApp;

/// <summary>The same application with another environment variable: another build context, so another derived tag.</summary>
[Flow("storage-changed-input")]
[DockerStorage(RegistryUrl = StorageImage.Registry, ImageName = StorageImage.Name,
    EnvironmentVariables = new[] { "GREETING=changed" }, Files = new[] { StorageImage.GreetingFile })]
public static partial class ChangedInputFlow
{
    [FlowTask]
    public static void Nothing()
    {
    }
}
