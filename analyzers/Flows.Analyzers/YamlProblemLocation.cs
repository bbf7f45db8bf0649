using System;
using Flows.Generators.Kubernetes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Flows.Analyzers;

/// <summary>Where a job-spec or pod-spec problem is in its YAML file, for a Diagnostic.</summary>
internal static class YamlProblemLocation
{
    /// <summary>The problem's span of the file; YamlDotNet's marks are 1-based lines and columns with a 0-based Index.</summary>
    public static Location Of(string path, SourceText text, SpecProblem problem)
    {
        var start = (int)Math.Max(0, Math.Min(problem.Start.Index, text.Length));
        var end = (int)Math.Max(start, Math.Min(problem.End.Index, text.Length));
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
