using System;
using Flows;

namespace StorageApp;

/// <summary>Its only task fails, so the run exits 1.</summary>
[Flow("storage-fails")]
[KubernetesJob]
[DockerStorage(RegistryUrl = StorageImage.Registry, ImageName = StorageImage.Name,
    EnvironmentVariables = new[] { StorageImage.Greeting }, Files = new[] { StorageImage.GreetingFile })]
public static partial class FailingFlow
{
    [FlowTask]
    public static void Fail() => throw new InvalidOperationException("storage-test: this task fails on purpose");
}
