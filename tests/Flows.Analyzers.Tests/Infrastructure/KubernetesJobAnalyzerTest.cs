using System.IO;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer test of <see cref="KubernetesJobAnalyzer"/>: compiled against <see cref="LocalReferences"/>, with the
/// global analyzer config setting <c>build_property.ProjectDir</c> as MSBuild does, so job-spec paths resolve.
/// </summary>
internal sealed class KubernetesJobAnalyzerTest : CSharpAnalyzerTest<KubernetesJobAnalyzer, DefaultVerifier>
{
    /// <summary>The project folder the test's AdditionalFiles live in (rooted on every OS).</summary>
    public static readonly string ProjectDirectory = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "flows-analyzer-tests", "project")) + Path.DirectorySeparatorChar;

    public KubernetesJobAnalyzerTest()
    {
        ReferenceAssemblies = LocalReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(LocalReferences.All);
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.ProjectDir = {ProjectDirectory}\n"));
    }

    /// <summary>The full path of <paramref name="relativePath"/> in <see cref="ProjectDirectory"/>.</summary>
    public static string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(ProjectDirectory, relativePath));
}
