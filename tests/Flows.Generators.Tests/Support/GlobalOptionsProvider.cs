using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flows.Generators.Tests.Support;

/// <summary>Global analyzer config options, i.e. the build_property.* values MSBuild hands to generators.</summary>
internal sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private readonly Options _options = new(values);

    public static GlobalOptionsProvider WithEntryPoint(bool enabled) =>
        new(new Dictionary<string, string>
        {
            ["build_property.FlowsGenerateEntryPoint"] = enabled ? "true" : "false",
            ["build_property.ProjectDir"] = GeneratorHarness.ProjectDirectory,
        });

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
