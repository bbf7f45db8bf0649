using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

/// <summary>
/// Packs the one Flows package, then builds and runs a project outside this repository that uses it
/// exactly as a user would: a PackageReference, nothing else.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PackageConsumerEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("flows-package-").FullName;
    private readonly string _version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    [Fact]
    public async Task The_package_carries_runtime_generator_and_analyzers_and_a_consumer_builds_and_runs()
    {
        var feed = Path.Combine(_work, "feed");
        var pack = await SampleApps.DotnetAsync(RepositoryPaths.Root,
            "pack", Path.Combine(RepositoryPaths.Root, "runtime", "Flows", "Flows.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + _version, "--nologo");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var package = Path.Combine(feed, $"Flows.{_version}.nupkg");
        using (var archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("lib/net10.0/Flows.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Flows.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Flows.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Flows.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("build/Flows.props", entries);
            Assert.Contains("buildTransitive/Flows.targets", entries);
        }

        var app = Path.Combine(_work, "ConsumerApp");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders />
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "ConsumerApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <FlowsGenerateEntryPoint>true</FlowsGenerateEntryPoint>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Flows" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Greeting.cs"), """
            using Flows;

            [Flow("Greeting")]
            public static partial class GreetingFlow
            {
                [FlowTask]
                public static string Compose([FlowParameter] string name = "world") => "hello, " + name;

                [FlowTask]
                public static void Print([FromTask(nameof(Compose))] string text) => System.Console.WriteLine(text);
            }
            """);

        var build = await ProcessRunner.RunAsync("dotnet", new[] { "build", "--nologo" }, app, SampleApps.BuildTimeout);
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = await ProcessRunner.RunAsync("dotnet", new[] { Path.Combine(app, "bin", "Debug", "net10.0", "ConsumerApp.dll"), "run", "--param", "name=package user" },
            app, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hello, package user", run.Output);

        // The analyzers come with the package too: a cycle is a build error.
        File.WriteAllText(Path.Combine(app, "Cycle.cs"), """
            using Flows;

            [Flow("Cycle")]
            public static partial class CycleFlow
            {
                [FlowTask, DependsOn(nameof(B))] public static void A() { }
                [FlowTask, DependsOn(nameof(A))] public static void B() { }
            }
            """);
        var broken = await ProcessRunner.RunAsync("dotnet", new[] { "build", "--nologo" }, app, SampleApps.BuildTimeout);
        Assert.True(broken.ExitCode != 0, broken.ToString());
        Assert.Contains("error FLOW011", broken.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
            var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), "flows", _version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
