using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flows.Generators.Core;

/// <summary>The MSBuild properties the generator and the analyzers read (made visible through CompilerVisibleProperty).</summary>
internal static class BuildProperties
{
    /// <summary>ProjectDir: where relative spec file paths start.</summary>
    public static string? ProjectDirectory(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.ProjectDir", out var directory) ? directory : null;

    /// <summary>The project's folder, and its file unless FlowsEmbedProjectPath=false keeps the path out of the assembly.</summary>
    public static ProjectPaths ProjectPaths(AnalyzerConfigOptions options) =>
        new(ProjectDirectory(options),
            options.TryGetValue("build_property.MSBuildProjectFullPath", out var file) && file.Length > 0 && !IsFalse(options, "build_property.FlowsEmbedProjectPath")
                ? file
                : null);

    /// <summary>FlowsGenerateEntryPoint=true: the generator writes a console Main.</summary>
    public static bool GenerateEntryPoint(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.FlowsGenerateEntryPoint", out var value)
        && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsFalse(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(name, out var value) && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
