using System.IO;
using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>Runs the build-time port of the API server's validation on YAML text, as the checkers do, without a build.</summary>
internal static class SpecValidationKit
{
    /// <summary>A v1 Pod (apiVersion, kind, metadata, spec).</summary>
    public static SpecErrors Pod(string yaml, SpecOptions? options = null) =>
        KubernetesValidator.ValidatePod(Root(yaml), options ?? new SpecOptions());

    /// <summary>A batch/v1 Job.</summary>
    public static SpecErrors Job(string yaml, SpecOptions? options = null) =>
        KubernetesValidator.ValidateJob(Root(yaml), options ?? new SpecOptions());

    /// <summary>A Pod whose spec is <paramref name="specYaml"/> (indented as a top-level mapping).</summary>
    public static SpecErrors PodSpec(string specYaml, SpecOptions? options = null)
    {
        var indented = string.Join("\n", specYaml.Replace("\r", "").Split('\n').Select(line => "  " + line));
        return Pod("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + indented + "\n", options);
    }

    public static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The errors' messages (warnings left out), for assertions and test output.</summary>
    public static string[] Errors(this SpecErrors errors) => errors.All.Where(e => !e.IsWarning).Select(e => e.Message).ToArray();

    public static string[] Warnings(this SpecErrors errors) => errors.All.Where(e => e.IsWarning).Select(e => e.Message).ToArray();

    /// <summary>Asserts exactly one error at <paramref name="path"/> of <paramref name="type"/>, and returns it.</summary>
    public static SpecError Single(this SpecErrors errors, string path, SpecErrorType type)
    {
        var found = errors.All.Where(e => e.Path.ToString() == path && e.Type == type).ToArray();
        Assert.True(found.Length == 1, $"expected one {type} at {path}; got:\n  " + string.Join("\n  ", errors.All.Select(e => e.Message)));
        return found[0];
    }

    /// <summary>Asserts there are no errors (warnings allowed).</summary>
    public static void AssertValid(this SpecErrors errors) =>
        Assert.True(!errors.HasErrors, "expected no errors; got:\n  " + string.Join("\n  ", errors.Errors()));
}
