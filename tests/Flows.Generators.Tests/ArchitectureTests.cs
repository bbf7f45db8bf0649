using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace Flows.Generators.Tests;

/// <summary>
/// Keeps docs/architecture.md true of the generator: its feature folders depend on each other only as the page draws
/// it, and the page names every folder.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>The arrows of docs/architecture.md ("Folders" → generators/Flows.Generators).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Flows"] = ["Jobs", "PodTasks", "Storage", "TaskData", "Diagnostics", "Core"],
        ["Jobs"] = ["Kubernetes", "Storage", "Diagnostics", "Core"],
        ["PodTasks"] = ["Kubernetes", "TaskData", "Diagnostics", "Core"],
        ["Kubernetes"] = ["Diagnostics", "Core"],
        ["Catalog"] = ["Core"],
        ["Storage"] = ["Core"],
        ["TaskData"] = ["Core"],
        ["Core"] = [],
        ["Diagnostics"] = [],
    };

    private static readonly Regex FeatureUsing = new(@"^using (?:static )?Flows\.Generators\.(?<feature>[A-Za-z]+)", RegexOptions.Multiline);

    [Fact]
    public void Feature_folders_depend_only_one_way_as_the_architecture_page_draws_it()
    {
        var wrong = new List<string>();
        foreach (var folder in FeatureFolders())
        {
            var feature = Path.GetFileName(folder);
            var allowed = Allowed.TryGetValue(feature, out var to) ? to : [];
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match use in FeatureUsing.Matches(File.ReadAllText(file)))
                {
                    var used = use.Groups["feature"].Value;
                    if (used != feature && !allowed.Contains(used))
                    {
                        wrong.Add($"{Path.GetRelativePath(GeneratorDirectory(), file)} uses {used}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, "Arrows not in docs/architecture.md:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_architecture_page_names_every_feature_folder()
    {
        var page = File.ReadAllText(Path.Combine(GeneratorDirectory(), "..", "..", "docs", "architecture.md"));
        var folders = FeatureFolders().Select(Path.GetFileName).ToList();
        Assert.NotEmpty(folders);
        Assert.All(folders, folder => Assert.Contains($"`{folder}/`", page));
        Assert.All(folders, folder => Assert.True(Allowed.ContainsKey(folder!), $"{folder}: add it to ArchitectureTests.Allowed and to the page's arrows"));
    }

    [Fact]
    public void An_arrow_against_the_direction_is_caught()
    {
        // The check above must see a using of one feature in another: a Core file that used Flows would be an arrow back.
        var sample = "using System;\nusing Flows.Generators.Flows;\n\nnamespace Flows.Generators.Core;";
        var used = FeatureUsing.Matches(sample).Select(m => m.Groups["feature"].Value).ToList();
        Assert.Equal(["Flows"], used);
        Assert.DoesNotContain("Flows", Allowed["Core"]);
    }

    private static IEnumerable<string> FeatureFolders() =>
        Directory.EnumerateDirectories(GeneratorDirectory())
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .OrderBy(d => d, StringComparer.Ordinal);

    private static string GeneratorDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "generators", "Flows.Generators"));
}
