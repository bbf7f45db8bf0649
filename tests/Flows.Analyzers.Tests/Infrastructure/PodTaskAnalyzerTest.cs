using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test of <see cref="PodTaskAnalyzer"/>, set up like <see cref="KubernetesJobAnalyzerTest"/> so pod-spec paths resolve.</summary>
internal sealed class PodTaskAnalyzerTest : CSharpAnalyzerTest<PodTaskAnalyzer, DefaultVerifier>
{
    public PodTaskAnalyzerTest()
    {
        ReferenceAssemblies = LocalReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(LocalReferences.All);
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.ProjectDir = {KubernetesJobAnalyzerTest.ProjectDirectory}\n"));
    }
}
