using System;
using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// One validation of one document: where findings go, what Flows overwrites, and the node to report at when a
/// field is missing. The rules are static methods per object kind (JobValidation, PodSpecValidation,
/// ContainerValidation, VolumeValidation, ...), each ported from the function of the same name in Kubernetes'
/// pkg/apis/core/validation or pkg/apis/batch/validation (1.20).
/// </summary>
internal sealed class SpecValidation
{
    private readonly HashSet<string> _overwritten = new(StringComparer.Ordinal);

    public SpecValidation(SpecOptions options, YamlNode document)
    {
        Options = options;
        Document = document;
    }

    public SpecErrors Errors { get; } = new();

    public SpecOptions Options { get; }

    /// <summary>The whole document: where a finding goes when neither its field nor any parent is in the file.</summary>
    public YamlNode Document { get; }

    /// <summary>Marks <paramref name="path"/> as a field Flows replaces: it is neither decoded nor validated.</summary>
    public void Overwrite(FieldPath path) => _overwritten.Add(path.ToString());

    public bool IsOverwritten(FieldPath path) => _overwritten.Contains(path.ToString());

    /// <summary>True when <paramref name="container"/> is the one Flows runs the flow or task in.</summary>
    public bool IsFlowsContainer(SpecNode container) =>
        Options.FlowsContainer is { Length: > 0 } name
            ? container["name"].String == name
            : Options.FlowsContainerIndex is { } index && container.Path.ToString().EndsWith(".containers[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", System.StringComparison.Ordinal)
              && !container.Path.ToString().EndsWith("initContainers[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", System.StringComparison.Ordinal);
}
