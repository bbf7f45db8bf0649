using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test of <see cref="DockerStorageAnalyzer"/> that compiles against <see cref="LocalReferences"/>.</summary>
internal sealed class DockerStorageAnalyzerTest : CSharpAnalyzerTest<DockerStorageAnalyzer, DefaultVerifier>
{
    public DockerStorageAnalyzerTest()
    {
        ReferenceAssemblies = LocalReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(LocalReferences.All);
    }
}
