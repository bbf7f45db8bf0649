using Flows;

namespace StorageApp;

/// <summary>Built on plain busybox, which has no glibc: the entrypoint cannot start, so the health check fails the build.</summary>
[Flow("storage-broken-base")]
[DockerStorage(RegistryUrl = StorageImage.Registry, ImageName = "flows/storage-test-broken", BaseImage = "localhost:5000/busybox:1")]
public static partial class BrokenBaseFlow
{
    [FlowTask]
    public static void Nothing()
    {
    }
}
