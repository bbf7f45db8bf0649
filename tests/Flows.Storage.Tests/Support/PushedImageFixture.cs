using System;
using System.Linq;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;
using Flows.EndToEnd.Tests;

namespace Flows.Storage.Tests.Support;

/// <summary>
/// Shared by the Docker storage tests (<see cref="PushedImageCollection"/>), since a build takes a while: builds the fixture application, then runs
/// its <c>build --flow storage-succeeds --push</c> once. Without a Docker engine (outside CI) it does nothing and the tests skip.
/// </summary>
public sealed class PushedImageFixture : IAsyncLifetime
{
    private ProcessResult? _appBuild;
    private ProcessResult? _imageBuild;

    /// <summary>The output of <c>build --push</c>; fails the test when the app or the image could not be built.</summary>
    internal ProcessResult ImageBuild
    {
        get
        {
            Assert.True(_appBuild is { ExitCode: 0 }, $"dotnet build of the fixture application failed:\n{_appBuild}");
            Assert.True(_imageBuild is { ExitCode: 0 }, $"build --push failed:\n{_imageBuild}");
            return _imageBuild!;
        }
    }

    /// <summary>The value of an output line <c>name: value</c> of <c>build</c>.</summary>
    internal static string Line(ProcessResult build, string name) =>
        build.Output.Split('\n').Select(line => line.TrimEnd('\r')).FirstOrDefault(line => line.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..]
        ?? throw new Xunit.Sdk.XunitException($"build printed no '{name}:' line:\n{build}");

    public async Task InitializeAsync()
    {
        if (DockerFactAttribute.SkipReason(null) is not null)
        {
            return;
        }
        _appBuild = await StorageApp.BuildAsync();
        if (_appBuild.ExitCode == 0)
        {
            _imageBuild = await StorageApp.RunAsync("build", "--flow", StorageApp.Succeeds, "--push");
        }
    }

    /// <summary>Removes the images the tests built from the engine (the registry keeps what was pushed).</summary>
    public async Task DisposeAsync()
    {
        if (_appBuild is null)
        {
            return;
        }
        var images = await DockerCli.RunAsync("images", "--quiet", "--filter", "reference=127.0.0.1:5000/flows/storage-test*");
        var ids = images.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
        if (ids.Length > 0)
        {
            await DockerCli.RunAsync(["rmi", "--force", .. ids]);
        }
    }
}
