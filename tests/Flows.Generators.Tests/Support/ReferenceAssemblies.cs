using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Tests.Support;

/// <summary>The references of a test compilation: the installed .NET reference pack, Flows and the logging abstractions.</summary>
internal static class ReferenceAssemblies
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Cached = new(Load);

    public static IReadOnlyList<MetadataReference> All => Cached.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var references = Directory.GetFiles(FindReferencePack(), "*.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(FlowAttribute).Assembly.Location));
        references.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));
        return references;
    }

    /// <summary>packs/Microsoft.NETCore.App.Ref/&lt;newest version&gt;/ref/net10.0 under the running .NET's root.</summary>
    private static string FindReferencePack()
    {
        // typeof(object) lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var roots = new[] { Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..")), Environment.GetEnvironmentVariable("DOTNET_ROOT"), "/usr/share/dotnet" };
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            var packs = Path.Combine(root!, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs))
            {
                continue;
            }
            var newest = Directory.GetDirectories(packs)
                .Select(directory => (Directory: directory, Version: Version.TryParse(Path.GetFileName(directory).Split('-')[0], out var v) ? v : null))
                .Where(pack => pack.Version is not null && Directory.Exists(Path.Combine(pack.Directory, "ref", "net10.0")))
                .OrderByDescending(pack => pack.Version)
                .FirstOrDefault();
            if (newest.Directory is not null)
            {
                return Path.Combine(newest.Directory, "ref", "net10.0");
            }
        }
        throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref pack with ref/net10.0 found under: {string.Join(", ", roots)}.");
    }
}
