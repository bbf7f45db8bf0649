using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.Logging;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references test sources compile against, taken from this machine rather than downloaded:
/// the .NET reference pack of the installed SDK, the Flows runtime and its logging dependency.
/// </summary>
internal static class LocalReferences
{
    private const string TargetFramework = "net10.0";

    /// <summary>No reference package: everything comes from <see cref="All"/>.</summary>
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new(TargetFramework);

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var references = FrameworkReferenceAssemblies()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(FlowAttribute).Assembly.Location));
        references.Add(MetadataReference.CreateFromFile(typeof(ILogger).Assembly.Location));
        return references.ToImmutableArray();
    }

    private static string[] FrameworkReferenceAssemblies()
    {
        // The runtime lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/; the reference pack in <dotnet>/packs/.
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packRoot = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var directory = Directory.Exists(packRoot)
            ? Directory.GetDirectories(packRoot)
                .Select(version => Path.Combine(version, "ref", TargetFramework))
                .Where(Directory.Exists)
                .OrderByDescending(path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var v) ? v : new Version(0, 0))
                .FirstOrDefault()
            : null;
        if (directory is null)
        {
            throw new InvalidOperationException($"No {TargetFramework} reference pack under '{packRoot}': install the .NET 10 SDK.");
        }
        return Directory.GetFiles(directory, "*.dll");
    }
}
