using System;
using System.IO;
using Flows;

namespace StorageApp;

/// <summary>Runs in the image and prints a known line from the image's environment variable and copied file.</summary>
[Flow("storage-succeeds")]
[KubernetesJob]
[DockerStorage(RegistryUrl = StorageImage.Registry, ImageName = StorageImage.Name,
    EnvironmentVariables = new[] { StorageImage.Greeting }, Files = new[] { StorageImage.GreetingFile })]
public static partial class SucceedingFlow
{
    [FlowTask]
    public static string ReadGreeting() => File.ReadAllText("/etc/storage-test/greeting.txt").Trim();

    [FlowTask]
    public static void PrintGreeting([FromTask(nameof(ReadGreeting))] string fileText) =>
        Console.WriteLine($"storage-test: {Environment.GetEnvironmentVariable("GREETING")} / {fileText}");
}
