using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using Flows.Generators.Tests.Sources;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Generators.Tests.Kubernetes;

/// <summary>
/// The generator, which runs inside the compiler (and the IDE's compiler host), gets through every hostile job spec
/// quickly and leaves the flow out (the analyzer reports FLOW080/FLOW081): no out-of-memory, no stack overflow, no
/// exception. A value out of float range is the string it is written as, never Infinity in the generated JSON.
/// </summary>
public sealed class HostileYamlGeneratorTests
{
    private const string Header = "apiVersion: batch/v1\nkind: Job\n";

    public static TheoryData<string, string> HostileSpecs()
    {
        var laughs = new StringBuilder(Header + "metadata:\n  annotations:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            laughs.Append($"    a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }
        return new TheoryData<string, string>
        {
            { "billion laughs", laughs.ToString() },
            { "self-referencing alias", Header + "metadata: &r {labels: *r}\n" },
            { "100,000-deep nesting", Header + "spec: " + new string('[', 100_000) + new string(']', 100_000) + "\n" },
            { "1,500-deep block nesting", Header + string.Concat(Enumerable.Range(0, 1500).Select(level => new string(' ', level) + "a:\n")) },
            { "over 3 MiB", Header + "metadata:\n  annotations:\n    big: \"" + new string('x', 3 * 1024 * 1024) + "\"\n" },
            { "Infinity", Header + "spec:\n  backoffLimit: .inf\n" },
            { "a merge of a scalar", Header + "spec:\n  <<: 5\n" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileSpecs))]
    public void The_generator_leaves_the_flow_out_at_once_without_an_exception(string form, string jobSpec)
    {
        var clock = Stopwatch.StartNew();
        var (result, _) = Generate(jobSpec);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{form}: took {clock.Elapsed}");
        Assert.Null(result.Results.Single().Exception);
        // The flow is left out of Kubernetes: no job template is generated for a spec that was not loaded.
        Assert.DoesNotContain(result.GeneratedTrees, tree => tree.FilePath.EndsWith("ResourceLimitsFlow.Flow.g.cs", StringComparison.Ordinal) && tree.ToString().Contains("__CreateKubernetesJob", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_out_of_float_range_is_sent_as_the_string_it_is_not_as_Infinity()
    {
        var jobSpec = KubernetesJobSources.JobSpec.Replace("    team: data\n", "    team: data\n  annotations:\n    ratio: 1e99999\n", StringComparison.Ordinal);
        Assert.Contains("ratio: 1e99999", jobSpec);
        var json = JobSpecJson(jobSpec);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("1e99999", document.RootElement.GetProperty("metadata").GetProperty("annotations").GetProperty("ratio").GetString());
    }

    [Fact]
    public void Merge_keys_are_applied_in_the_generated_Job()
    {
        var jobSpec = KubernetesJobSources.JobSpec
            .Replace("  labels:\n    identifier: \"\"\n    team: data\n", "  labels: &labels\n    identifier: \"\"\n    team: data\n", StringComparison.Ordinal)
            .Replace("      labels:\n        identifier: \"\"\n", "      labels:\n        <<: *labels\n        team: web\n", StringComparison.Ordinal);
        Assert.Contains("<<: *labels", jobSpec);
        using var document = JsonDocument.Parse(JobSpecJson(jobSpec));
        var labels = document.RootElement.GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels");
        Assert.Equal("{\"identifier\":\"\",\"team\":\"web\"}", labels.GetRawText());
    }

    private static string JobSpecJson(string jobSpec)
    {
        var (result, _) = Generate(jobSpec);
        Assert.Null(result.Results.Single().Exception);
        var flow = result.GeneratedTrees.Single(tree => tree.FilePath.EndsWith("ResourceLimitsFlow.Flow.g.cs", StringComparison.Ordinal));
        var field = flow.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == "__JobSpecJson");
        return ((LiteralExpressionSyntax)field.Initializer!.Value).Token.ValueText;
    }

    private static (GeneratorDriverRunResult Result, Compilation Output) Generate(string jobSpec)
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, KubernetesJobSources.Text);
        var (result, output, _) = GeneratorHarness.Run(compilation,
            additionalTexts: ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(KubernetesJobSources.JobSpecPath, jobSpec)));
        return (result, output);
    }
}
