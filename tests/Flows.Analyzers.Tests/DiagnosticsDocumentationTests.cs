using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flows.Analyzers.Tests;

/// <summary>Every diagnostic's help link is the absolute URL of its own section of docs/diagnostics.md, and that section exists.</summary>
public class DiagnosticsDocumentationTests
{
    public static TheoryData<string> Analyzers => new() { nameof(FlowAnalyzer), nameof(KubernetesJobAnalyzer), nameof(DockerStorageAnalyzer), nameof(PodTaskAnalyzer) };

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Every_diagnostic_has_a_section_that_its_help_link_points_at(string analyzer)
    {
        var headings = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"))
            .Where(line => line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => line.Substring(3).Trim())
            .ToList();
        DiagnosticAnalyzer instance = analyzer switch
        {
            nameof(FlowAnalyzer) => new FlowAnalyzer(),
            nameof(KubernetesJobAnalyzer) => new KubernetesJobAnalyzer(),
            nameof(PodTaskAnalyzer) => new PodTaskAnalyzer(),
            _ => new DockerStorageAnalyzer(),
        };
        foreach (var descriptor in instance.SupportedDiagnostics)
        {
            // An absolute link (the IDE opens it) to the page in the repository, at the section GitHub anchors as "#flow001".
            Assert.Equal("https://github.com/flows-dotnet/flows/blob/main/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            var link = new Uri(descriptor.HelpLinkUri);
            Assert.True(link.IsAbsoluteUri);
            Assert.Contains(link.Fragment.TrimStart('#'), headings.Select(heading => heading.ToLowerInvariant()));
        }
        Assert.Contains("FLOW000", headings);
    }

    [Fact]
    public void Every_graph_diagnostic_is_an_error_except_the_three_warnings()
    {
        var warnings = new FlowAnalyzer().SupportedDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning).Select(d => d.Id);
        Assert.Equal(new[] { "FLOW022", "FLOW023", "FLOW024" }, warnings.OrderBy(id => id));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Flows.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Flows.sln not found above " + AppContext.BaseDirectory);
    }
}
