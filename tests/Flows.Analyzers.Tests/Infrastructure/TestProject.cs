using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>
/// The project every analyzer and code fix test compiles: against <see cref="LocalReferences"/>, with the global
/// analyzer config setting <c>build_property.ProjectDir</c> as MSBuild does, so job and pod spec paths resolve.
/// </summary>
internal static class TestProject
{
    /// <summary>The project folder the test's AdditionalFiles live in (rooted on every OS).</summary>
    public static readonly string ProjectDirectory = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "flows-analyzer-tests", "project")) + Path.DirectorySeparatorChar;

    /// <summary>The full path of <paramref name="relativePath"/> in <see cref="ProjectDirectory"/>.</summary>
    public static string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(ProjectDirectory, relativePath));

    public static void SetUp(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = LocalReferences.ReferenceAssemblies;
        test.TestState.AdditionalReferences.AddRange(LocalReferences.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.ProjectDir = {ProjectDirectory}\n"));
    }
}
