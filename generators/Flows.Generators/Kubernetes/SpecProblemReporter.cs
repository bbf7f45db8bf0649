using System;
using System.Collections.Generic;
using System.Threading;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>
/// Where a spec checker's problems go (a job spec's or a pod spec's), and what the checker needs to know of them
/// afterwards: whether any is an error, whether the file is not the kind of object it must be, and which YAML nodes
/// have a diagnostic already.
/// </summary>
/// <param name="objectKind">What the file describes: "Job" or "Pod".</param>
/// <param name="shapeErrors">The diagnostics that say the file is not a <paramref name="objectKind"/> at all.</param>
internal sealed class SpecProblemReporter(string fileName, string objectKind, Action<SpecProblem>? report, params DiagnosticDescriptor[] shapeErrors)
{
    /// <summary>The start offsets of the nodes with a diagnostic that the API server's other findings must not repeat.</summary>
    private readonly HashSet<long> _diagnosedNodes = new();

    /// <summary>Every YAML diagnostic, as its node's start offset and its ID.</summary>
    private readonly HashSet<(long Start, string Id)> _reported = new();

    public string FileName { get; } = fileName;

    public string ObjectKind { get; } = objectKind;

    /// <summary>How messages name the file: <c>Job spec 'job_spec.yaml'</c>.</summary>
    public string Document => $"{ObjectKind} spec '{FileName}'";

    public bool HasErrors { get; private set; }

    /// <summary>The file is not the kind of object it must be: the API server's rules would only add noise.</summary>
    public bool HasShapeErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, YamlNode? node, params object?[] arguments) =>
        Report(descriptor, ProblemTarget.Yaml, node?.Start ?? Mark.Empty, node?.End ?? Mark.Empty, arguments);

    public void Report(DiagnosticDescriptor descriptor, ProblemTarget target, Mark start, Mark end, object?[] arguments, string? argumentName = null, int? elementIndex = null)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }
        if (Array.IndexOf(shapeErrors, descriptor) >= 0)
        {
            HasShapeErrors = true;
        }
        if (target == ProblemTarget.Yaml && start.Index >= 0)
        {
            _reported.Add((start.Index, descriptor.Id));
            if (!ReferenceEquals(descriptor, DiagnosticDescriptors.SpecRejectedByApiServer) && !ReferenceEquals(descriptor, DiagnosticDescriptors.SpecFieldIgnored)
                && !DiagnosticDescriptors.IsSecurityAdvice(descriptor))
            {
                _diagnosedNodes.Add(start.Index);
            }
        }
        report?.Invoke(new SpecProblem(descriptor, target, start, end, arguments, argumentName, elementIndex));
    }

    /// <summary>The node has a diagnostic that is not the API server's FLOW077 or FLOW078, nor security advice.</summary>
    public bool IsDiagnosed(YamlNode node) => _diagnosedNodes.Contains(node.Start.Index);

    public bool IsReported(DiagnosticDescriptor descriptor, YamlNode node) => _reported.Contains((node.Start.Index, descriptor.Id));

    /// <summary>The parsed stream, or null after reporting <paramref name="syntaxError"/> (FLOW031 or FLOW061), FLOW080 (over a limit) or FLOW081 (no JSON form).</summary>
    public YamlStream? Load(string text, DiagnosticDescriptor syntaxError, CancellationToken cancellationToken) =>
        YamlSpecText.Load(text,
            (start, end, message) => Report(syntaxError, ProblemTarget.Yaml, start, end, new object?[] { FileName, message }),
            (refusal, start, end, message) => Report(refusal == YamlRefusal.OverLimit ? DiagnosticDescriptors.YamlOverLimit : DiagnosticDescriptors.YamlWithoutJson,
                ProblemTarget.Yaml, start, end, new object?[] { Document, message }),
            cancellationToken);
}
