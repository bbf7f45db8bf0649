using System;
using System.IO;
using Flows.Cli;

namespace Flows.Runtime.Tests.Cli;

/// <summary>How the commands Flows prints to paste start: dotnet run --project for a project's build output, else the app.</summary>
public sealed class EntrypointCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flows-entrypoint-" + Guid.NewGuid().ToString("N")[..8]);

    public EntrypointCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "samples", "My Flow", "bin", "Debug", "net10.0"));
        File.WriteAllText(Path.Combine(_root, "samples", "My Flow", "MyFlow.csproj"), "<Project />");
        Directory.CreateDirectory(Path.Combine(_root, "publish"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_project_build_output_gives_dotnet_run_with_the_project_folder_relative_to_the_current_directory()
    {
        var output = Path.Combine(_root, "samples", "My Flow", "bin", "Debug", "net10.0") + Path.DirectorySeparatorChar;

        Assert.Equal("dotnet run --project 'samples/My Flow' --", EntrypointCommand.Describe(output, _root, "/usr/bin/dotnet", "MyFlow"));
        Assert.Equal("dotnet run --project . --", EntrypointCommand.Describe(output, Path.Combine(_root, "samples", "My Flow"), Path.Combine(output, "MyFlow"), "MyFlow"));
        Assert.Equal("dotnet run --project '../My Flow' --", EntrypointCommand.Describe(output, Path.Combine(_root, "samples", "Other"), "/usr/bin/dotnet", "MyFlow"));
    }

    [Fact]
    public void A_published_app_gives_its_own_path_or_dotnet_and_its_dll()
    {
        var publish = Path.Combine(_root, "publish");

        Assert.Equal("/app/MyFlow", EntrypointCommand.Describe("/app/", "/app", "/app/MyFlow", "MyFlow"));
        Assert.Equal("dotnet " + Path.Combine(publish, "MyFlow.dll"), EntrypointCommand.Describe(publish, _root, "/usr/share/dotnet/dotnet", "MyFlow"));
    }
}
