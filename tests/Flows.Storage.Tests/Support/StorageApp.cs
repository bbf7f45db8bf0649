using System;
using System.IO;
using System.Threading.Tasks;
using Flows.EndToEnd.Tests;

namespace Flows.Storage.Tests.Support;

/// <summary>The fixture application Fixtures/StorageApp: built with a real 'dotnet build', run through its generated entrypoint.</summary>
internal static class StorageApp
{
    public const string Succeeds = "storage-succeeds";
    public const string Fails = "storage-fails";
    public const string ChangedInput = "storage-changed-input";
    public const string BrokenBase = "storage-broken-base";

    /// <summary>The line the succeeding flow prints in the image: its ENV variable and its copied file.</summary>
    public const string ExpectedLine = "storage-test: hello from the image's environment / a file copied into the image";

    public static string ProjectFolder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Flows.Storage.Tests", "Fixtures", "StorageApp");

    private static string Dll => Path.Combine(ProjectFolder, "bin", "Debug", "net10.0", "StorageApp.dll");

    public static Task<ProcessResult> BuildAsync() =>
        ProcessRunner.RunAsync("dotnet", ["build", ProjectFolder, "-c", "Debug", "--nologo", "-clp:NoSummary"], ProjectFolder, StepLimits.DotnetBuild,
            step: "dotnet build of the fixture StorageApp");

    /// <summary>Runs the built entrypoint (dotnet StorageApp.dll ARGS), with the limit of its kind (build minutes, render a minute).</summary>
    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Dll, .. arguments], RepositoryPaths.Root, StepLimits.ForEntrypoint(arguments),
            step: "StorageApp " + (arguments.Length > 0 ? arguments[0] : ""));
}
