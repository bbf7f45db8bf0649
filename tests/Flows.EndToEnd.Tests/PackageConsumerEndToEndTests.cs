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
            Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
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
            [KubernetesJob("job_spec.yaml")]
            [DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/greeting", ImageTag = "1.0.0")]
            public static partial class GreetingFlow
            {
                [FlowTask]
                public static string Compose([FlowParameter] string name = "world") => "hello, " + name;

                [FlowTask]
                public static void Print([FromTask(nameof(Compose))] string text) => System.Console.WriteLine(text);
            }
            """);

        File.WriteAllText(Path.Combine(app, "job_spec.yaml"), """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: greeting
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: flow
                    image: ""
            """);

        var build = await ProcessRunner.RunAsync("dotnet", new[] { "build", "--nologo" }, app, SampleApps.BuildTimeout, step: "dotnet build of the package consumer");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = await ProcessRunner.RunAsync("dotnet", new[] { Path.Combine(app, "bin", "Debug", "net10.0", "ConsumerApp.dll"), "run", "--param", "name=package user" },
            app, StepLimits.Command);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hello, package user", run.Output);

        // The job spec was parsed at build time by the generator (with the YamlDotNet the package ships) and is patched per run.
        var render = await ProcessRunner.RunAsync("dotnet", new[] { Path.Combine(app, "bin", "Debug", "net10.0", "ConsumerApp.dll"), "render", "--flow-run-id", "package-run" },
            app, StepLimits.Command);
        Assert.True(render.ExitCode == 0, render.ToString());
        Assert.Contains("image: 127.0.0.1:5000/flows/greeting:1.0.0", render.Output);
        Assert.Contains("flow_run_id: package-run", render.Output);

        // ... and checked: a Job without restartPolicy is an error at its YAML line.
        File.WriteAllText(Path.Combine(app, "job_spec.yaml"), File.ReadAllText(Path.Combine(app, "job_spec.yaml")).Replace("      restartPolicy: Never\n", ""));
        var badSpec = await ProcessRunner.RunAsync("dotnet", new[] { "build", "--nologo" }, app, SampleApps.BuildTimeout, step: "dotnet build of the package consumer");
        Assert.True(badSpec.ExitCode != 0, badSpec.ToString());
        Assert.True(badSpec.Output.Contains("job_spec.yaml(8,7): error FLOW035", StringComparison.Ordinal), badSpec.ToString());
        File.WriteAllText(Path.Combine(app, "job_spec.yaml"), File.ReadAllText(Path.Combine(app, "job_spec.yaml")).Replace("    spec:\n      containers:", "    spec:\n      restartPolicy: Never\n      containers:"));

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
        var broken = await ProcessRunner.RunAsync("dotnet", new[] { "build", "--nologo" }, app, SampleApps.BuildTimeout, step: "dotnet build of the package consumer");
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
