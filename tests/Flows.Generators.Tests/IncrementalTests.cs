using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Flows.Generators.Tests.Sources;
using Flows.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flows.Generators.Tests;

/// <summary>The generator's pipeline caches: an edit that does not change a flow's shape regenerates nothing.</summary>
public class IncrementalTests
{
    /// <summary>Every constant of <see cref="FlowGenerator.StepNames"/>, so that a new step is checked too.</summary>
    private static readonly string[] StepNames = typeof(FlowGenerator.StepNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void The_named_steps_include_the_documented_ones()
    {
        Assert.Contains(FlowGenerator.StepNames.FlowModels, StepNames);
        Assert.Contains(FlowGenerator.StepNames.ValidFlowModels, StepNames);
        Assert.Contains(FlowGenerator.StepNames.FlowReferences, StepNames);
        Assert.Contains(FlowGenerator.StepNames.EntryPointEnabled, StepNames);
    }

    [Fact]
    public void An_edit_inside_a_task_body_leaves_every_step_and_output_cached()
    {
        Assert.NotEqual(Seed001Source.Text, Seed001Source.WithBodyEdit);

        var result = RunTwice(Seed001Source.Text, Seed001Source.WithBodyEdit);

        foreach (var name in StepNames)
        {
            AssertReasons(result, name, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }
        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void An_edit_inside_a_pod_task_body_leaves_every_step_and_output_cached()
    {
        var edited = PodTaskSources.Text.Replace("=> Task.FromResult(greeting);", "=> Task.FromResult(greeting + \"!\");");
        Assert.NotEqual(PodTaskSources.Text, edited);

        var result = RunTwice(PodTaskSources.Text, edited, podSpec: true);

        foreach (var name in StepNames)
        {
            AssertReasons(result, name, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("__CreatePod1", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_a_task_reruns_the_flow_but_not_the_entrypoint_option()
    {
        Assert.NotEqual(Seed001Source.Text, Seed001Source.WithNewTask);

        var result = RunTwice(Seed001Source.Text, Seed001Source.WithNewTask);

        AssertReasons(result, FlowGenerator.StepNames.FlowModels, IncrementalStepRunReason.Modified);
        AssertReasons(result, FlowGenerator.StepNames.EntryPointEnabled, IncrementalStepRunReason.Cached);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("\"Measure\"", StringComparison.Ordinal));
    }

    [Fact]
    public void No_step_output_holds_symbols_syntax_or_compilations()
    {
        var result = RunTwice(Seed001Source.Text, Seed001Source.WithNewTask, ParametersSource.Text, DockerShapeSource.Text, PodTaskSources.Text);

        var found = new List<string>();
        foreach (var name in StepNames)
        {
            var outputs = result.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            for (var i = 0; i < outputs.Count; i++)
            {
                found.AddRange(ForbiddenOutputTypes.Find(outputs[i].Value, $"{name}[{i}]"));
            }
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void The_forbidden_type_walk_finds_a_symbol_nested_in_a_record()
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, Seed001Source.Text);
        var symbol = compilation.GetTypeByMetadataName("Samples.HelloFlow.ResourceLimitsFlow");

        var found = ForbiddenOutputTypes.Find(new { Name = "x", Items = new object?[] { 1, (symbol, "y") } }, "value");

        Assert.Single(found);
    }

    /// <summary>Runs the generator over <paramref name="before"/>, then again after replacing its tree with <paramref name="after"/>.</summary>
    private static GeneratorRunResult RunTwice(string before, string after, params string[] others) => RunTwice(before, after, podSpec: true, others);

    private static GeneratorRunResult RunTwice(string before, string after, bool podSpec, params string[] others)
    {
        var compilation = GeneratorHarness.Compile(OutputKind.DynamicallyLinkedLibrary, [before, .. others]);
        var additionalTexts = podSpec
            ? System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(PodTaskSources.PodSpecPath, PodTaskSources.PodSpec))
            : default;
        var driver = GeneratorHarness.CreateDriver(trackSteps: true, additionalTexts: additionalTexts).RunGenerators(compilation);
        var oldTree = compilation.SyntaxTrees.First();
        var newTree = CSharpSyntaxTree.ParseText(after, GeneratorHarness.ParseOptions, path: oldTree.FilePath);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private static void AssertReasons(GeneratorRunResult result, string stepName, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(stepName, out var steps), $"Step {stepName} was not tracked.");
        var reasons = steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.True(reasons.All(allowed.Contains), $"Step {stepName}: [{string.Join(", ", reasons)}], expected only [{string.Join(", ", allowed)}].");
    }
}
