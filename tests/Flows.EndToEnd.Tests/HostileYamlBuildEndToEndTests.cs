using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;
using Flows.Yaml;

namespace Flows.EndToEnd.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a flow project whose job specs are hostile YAML (an alias bomb, a self-referencing
/// alias, 100,000-deep nesting), with the compiler in its own process (<c>UseSharedCompilation=false</c>) and its
/// heap capped at 512 MiB: the build fails with FLOW080 at each spec's line, and the compiler neither crashes nor runs
/// out of memory or stack.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class HostileYamlBuildEndToEndTests
{
    /// <summary>The compiler's heap: 512 MiB, a few times what this project needs and far from what an expanded bomb would take.</summary>
    private const string CompilerHeapLimit = "0x20000000";

    /// <summary>A heap csc cannot start a compilation in (4 MiB; with 16 MiB it sometimes gets through): the control that the cap reaches csc.</summary>
    private const string StarvedCompilerHeapLimit = "0x400000";

    /// <summary>A hang guard, not a speed test: the build of this project and its references takes under a minute here.</summary>
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Hostile_job_specs_fail_the_capped_build_with_FLOW080_at_their_lines()
    {
        var project = Directory.CreateTempSubdirectory("flows-hostile-yaml-").FullName;
        try
        {
            WriteProject(project);

            var clock = Stopwatch.StartNew();
            var build = await BuildAsync(project, CompilerHeapLimit);
            clock.Stop();

            Assert.True(build.ExitCode != 0, build.ToString());
            foreach (var (file, line, column, problem) in new[]
            {
                ("laughs.yaml", 9, 49, "the alias *a3 makes the document more than 100,000 nodes with aliases expanded"),
                ("self.yaml", 3, 23, "the alias *r is inside the node it refers to (&r at line 3), so the document would be infinite"),
                ("deep.yaml", 3, 106, "the list here is nested 101 levels deep, more than the 100 Flows reads"),
            })
            {
                Assert.Contains($"{file}({line},{column}): error FLOW080: Job spec '{file}' is not loaded: {problem}", build.Output);
                // The run-time loader (the same files, linked into the generator) stops at the same place.
                var atRunTime = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(File.ReadAllText(Path.Combine(project, file))));
                Assert.Equal((line, column), ((int)atRunTime.Start.Line, (int)atRunTime.Start.Column));
            }
            // Nothing else: one FLOW080 per spec (MSBuild may repeat each error in its summary).
            Assert.Equal(3, build.Output.Split('\n').Where(line => line.Contains("error ", StringComparison.Ordinal)).Select(line => line.Trim()).Distinct().Count());
            foreach (var crash in new[] { "CS8785", "AD0001", "OutOfMemory", "Out of memory", "StackOverflow", "Stack overflow", "error CS" })
            {
                Assert.DoesNotContain(crash, build.All, StringComparison.OrdinalIgnoreCase);
            }
            Assert.True(clock.Elapsed < BuildLimit, $"the build took {clock.Elapsed}");

            // Control: the same build with the same property starving csc's heap fails in csc for lack of memory, so
            // the 512 MiB above was csc's limit and not a setting csc ignored. The references are built already.
            var starved = await BuildAsync(project, StarvedCompilerHeapLimit, "-p:BuildProjectReferences=false");

            Assert.True(starved.ExitCode != 0, starved.ToString());
            // csc says "Out of memory." when it runs out while compiling, or its runtime fails to set up a heap that small
            // (E_OUTOFMEMORY), or, out of memory while formatting its own exception, that it cannot print it.
            Assert.True(new[] { "Out of memory", "OutOfMemory", "0x8007000E", "GC heap initialization failed", "Cannot print exception string because Exception.ToString() failed" }
                .Any(starved.All.Contains), starved.ToString());
            Assert.DoesNotContain("FLOW080", starved.Output);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    /// <summary>
    /// <c>dotnet build</c> with csc in a process of its own whose environment has <c>DOTNET_GCHeapHardLimit</c>. The
    /// Csc task passes <c>$(CscEnvironment)</c> to that process; MSBuild itself keeps its normal heap. Everything is
    /// built under the project's folder (<c>--artifacts-path</c>), away from the repository's obj folders.
    /// </summary>
    private static Task<ProcessResult> BuildAsync(string project, string heapLimit, params string[] more) =>
        SampleApps.DotnetAsync(project, BuildLimit,
        [
            "build", Path.Combine(project, "HostileSpecs.csproj"), "--nologo", "-clp:NoSummary",
            "--artifacts-path", Path.Combine(project, "artifacts"),
            "-p:UseSharedCompilation=false", $"-p:CscEnvironment=DOTNET_GCHeapHardLimit={heapLimit}", .. more,
        ]);

    /// <summary>Three flows, each with its own hostile job spec; the repository's settings and Flows from source.</summary>
    private static void WriteProject(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), $"""
            <Project>
              <Import Project="{Path.Combine(RepositoryPaths.Root, "Directory.Build.props")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "HostileSpecs.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <FlowsGenerateEntryPoint>true</FlowsGenerateEntryPoint>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <Import Project="$(RepoRoot)runtime/Flows/FlowsFromSource.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "HostileFlows.cs"), """
            using Flows;

            namespace HostileSpecs;

            [Flow("Alias bomb")]
            [KubernetesJob("laughs.yaml")]
            [DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/hostile", ImageTag = "1")]
            public static partial class AliasBombFlow
            {
                [FlowTask]
                public static string Extract() => "data";
            }

            [Flow("Self reference")]
            [KubernetesJob("self.yaml")]
            [DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/hostile", ImageTag = "1")]
            public static partial class SelfReferenceFlow
            {
                [FlowTask]
                public static string Extract() => "data";
            }

            [Flow("Deep nesting")]
            [KubernetesJob("deep.yaml")]
            [DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/hostile", ImageTag = "1")]
            public static partial class DeepNestingFlow
            {
                [FlowTask]
                public static string Extract() => "data";
            }
            """);
        File.WriteAllText(Path.Combine(folder, "laughs.yaml"), HostileYaml.AliasBomb());
        File.WriteAllText(Path.Combine(folder, "self.yaml"), HostileYaml.SelfReference());
        File.WriteAllText(Path.Combine(folder, "deep.yaml"), HostileYaml.DeepNesting());
    }
}
