using System;
using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Tests.Sources;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Tests;

/// <summary>
/// The generated code of representative flows, compared with Expected/&lt;case&gt;/ (regenerate with
/// FLOWS_UPDATE_EXPECTED=1), and compiled together with the user code without errors or warnings.
/// </summary>
public class SnapshotTests
{
    public static TheoryData<string> Cases => new(CaseSources.Keys);

    private static readonly Dictionary<string, (string[] Sources, bool EntryPoint)> CaseSources = new(StringComparer.Ordinal)
    {
        ["KubernetesJob"] = ([KubernetesJobSources.Text], false),
        ["Seed001"] = ([Seed001Source.Text], false),
        ["DockerShape"] = ([DockerShapeSource.Text], false),
        ["Parameters"] = ([ParametersSource.Text], false),
        ["ReturnKinds"] = ([ReturnKindsSource.Text], false),
        ["RegistrationAndEntryPoint"] = ([Seed001Source.Text, EntryPointSources.GlobalNamespaceFlow], true),
        ["PodTasks"] = ([PodTaskSources.Text], false),
        ["PodTasksInJob"] = ([PodTasksInJobSource.Text], false),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_matches_the_expected_files(string caseName)
    {
        var (result, _, _) = Generate(caseName);

        ExpectedFiles.Verify(caseName, result.GeneratedTrees.ToDictionary(t => System.IO.Path.GetFileName(t.FilePath), t => t.GetText().ToString()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_compiles_with_the_user_code_without_warnings(string caseName)
    {
        var (result, output, diagnostics) = Generate(caseName);

        Assert.Empty(diagnostics);
        Assert.Null(result.Results.Single().Exception);
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith(".Flow.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void The_entrypoint_is_generated_only_when_the_project_asks()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, Seed001Source.Text);

        var (without, _, _) = GeneratorHarness.Run(compilation, entryPoint: false);
        var (with, _, _) = GeneratorHarness.Run(compilation, entryPoint: true);

        Assert.DoesNotContain(without.Results.Single().GeneratedSources, s => s.HintName == "Flows.EntryPoint.g.cs");
        Assert.Contains(with.Results.Single().GeneratedSources, s => s.HintName == "Flows.EntryPoint.g.cs");
    }

    [Theory]
    [InlineData("Flows.Kubernetes", "KubernetesCommandLineExtension")]
    [InlineData("Flows.Docker.Cli", "DockerCommandLineExtension")]
    [InlineData("Flows.Runs.PostgreSql", "PostgreSqlCommandLineExtension")]
    public void The_entrypoint_passes_each_command_line_extension_the_project_references(string ns, string type)
    {
        // The generator looks the extension up by name; the stub stands for the referenced assembly's type.
        var extension = $"namespace {ns} {{ public sealed class {type} {{ }} }}";
        var without = GeneratorHarness.Compile(OutputKind.ConsoleApplication, Seed001Source.Text);
        var with = GeneratorHarness.Compile(OutputKind.ConsoleApplication, Seed001Source.Text, extension);

        string EntryPoint(Compilation compilation) =>
            GeneratorHarness.Run(compilation, entryPoint: true).Result.Results.Single().GeneratedSources.Single(s => s.HintName == "Flows.EntryPoint.g.cs").SourceText.ToString();

        Assert.DoesNotContain(type, EntryPoint(without));
        Assert.Contains($"new global::{ns}.{type}()", EntryPoint(with));
    }

    private static (GeneratorDriverRunResult Result, Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics) Generate(string caseName)
    {
        var (sources, entryPoint) = CaseSources[caseName];
        var compilation = GeneratorHarness.Compile(entryPoint ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, sources);
        var userProblems = GeneratorHarness.Problems(compilation).Where(d => !IsMissingGeneratedMember(d)).ToList();
        Assert.True(userProblems.Count == 0, "The test source itself has problems:\n" + string.Join("\n", userProblems));
        var additionalTexts = caseName switch
        {
            "KubernetesJob" => System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(KubernetesJobSources.JobSpecPath, KubernetesJobSources.JobSpec)),
            "PodTasks" => System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(PodTaskSources.PodSpecPath, PodTaskSources.PodSpec)),
            _ => default,
        };
        return GeneratorHarness.Run(compilation, entryPoint, additionalTexts);
    }

    /// <summary>Before generation a console application has no Main yet (CS5001), and a container task has no implementation yet (CS8795).</summary>
    private static bool IsMissingGeneratedMember(Diagnostic diagnostic) => diagnostic.Id is "CS5001" or "CS8795";
}
