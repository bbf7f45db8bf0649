using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;
using Flows.Generators.Kubernetes.Validation;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.PodTasks;

/// <summary>
/// Checks a pod task's pod spec (a YAML Pod or PodSpec) and the values on its attribute, and turns them
/// into a <see cref="PodSpecModel"/>. Every problem is reported at its YAML line or on the attribute.
/// </summary>
internal sealed partial class PodSpecChecker
{
    private const string EmptyPodJson = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":{\"containers\":[]}}";

    /// <summary>The fields of a v1 PodSpec that tell a bare PodSpec document from some other mapping.</summary>
    private static readonly HashSet<string> PodSpecFields = new(StringComparer.Ordinal)
    {
        "containers", "initContainers", "ephemeralContainers", "volumes", "restartPolicy", "serviceAccountName", "serviceAccount",
        "automountServiceAccountToken", "nodeSelector", "nodeName", "affinity", "tolerations", "securityContext", "imagePullSecrets",
        "hostNetwork", "hostPID", "hostIPC", "hostUsers", "shareProcessNamespace", "dnsPolicy", "dnsConfig", "hostname", "subdomain",
        "hostAliases", "priorityClassName", "priority", "preemptionPolicy", "schedulerName", "runtimeClassName", "overhead",
        "terminationGracePeriodSeconds", "activeDeadlineSeconds", "enableServiceLinks", "topologySpreadConstraints",
        "setHostnameAsFQDN", "os", "schedulingGates", "resourceClaims", "readinessGates", "resources",
    };

    private readonly PodTaskAttributeModel _attribute;
    private readonly string _fileName;
    private readonly SpecProblemReporter _problems;
    private readonly CancellationToken _cancellationToken;

    private PodSpecChecker(PodTaskAttributeModel attribute, Action<SpecProblem>? report, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _attribute = attribute;
        _fileName = attribute.PodSpecFile ?? "";
        _problems = new SpecProblemReporter(_fileName, "Pod", report, DiagnosticDescriptors.PodSpecNotAPod);
    }

    /// <param name="text">The pod spec's text; null when the attribute names no file or the file is not among the AdditionalFiles.</param>
    /// <returns>The model, or null when there are errors.</returns>
    public static PodSpecModel? Check(PodTaskAttributeModel attribute, string? text, Action<SpecProblem>? report, CancellationToken cancellationToken = default) =>
        new PodSpecChecker(attribute, report, cancellationToken).Check(text);

    private string PrimaryName =>
        (_attribute.Kind == PodTaskModelKind.Container ? PodTaskAttributeModel.ContainerTaskContainerName : _attribute.PrimaryContainer) ?? "";

    private PodSpecModel? Check(string? text)
    {
        CheckAttribute();
        string? podJson;
        if (_attribute.PodSpecFile is null)
        {
            podJson = EmptyPodJson;
        }
        else if (text is null)
        {
            ReportOnAttribute(DiagnosticDescriptors.PodSpecFileNotFound, "PodSpecFile", null, _fileName, _attribute.TaskName);
            return null;
        }
        else
        {
            podJson = CheckFile(text);
        }
        return _problems.HasErrors || podJson is null ? null : new PodSpecModel(podJson, PrimaryName, global::Flows.Manifests.TaskKubernetesNames.PodNamePart(_attribute.TaskName));
    }

    /// <summary>The whole Pod as JSON, or null when the file is not a Pod or PodSpec.</summary>
    private string? CheckFile(string text)
    {
        var stream = _problems.Load(text, DiagnosticDescriptors.PodSpecYamlSyntaxError, _cancellationToken);
        if (stream is null)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var rootNode = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            Report(DiagnosticDescriptors.PodSpecNotAPod, rootNode, _fileName,
                rootNode is null || YamlJson.IsNull(rootNode) ? "the file is empty" : $"the document is a {ShapeOf(rootNode)}, not a mapping");
            return null;
        }

        var isPod = new[] { "apiVersion", "kind", "metadata", "spec" }.Any(key => Child(root, key) is not null);
        YamlMappingNode? podSpec;
        if (isPod)
        {
            CheckPodHeader(root);
            podSpec = MappingOrNull(root, "spec", "spec");
        }
        else if (!root.Children.Keys.Any(key => key is YamlScalarNode scalar && PodSpecFields.Contains(scalar.Value ?? "")))
        {
            Report(DiagnosticDescriptors.PodSpecNotAPod, root, _fileName,
                "the mapping has none of the PodSpec fields (containers, initContainers, volumes, restartPolicy, ...); for a Pod, add 'apiVersion: v1' and 'kind: Pod'");
            return null;
        }
        else
        {
            podSpec = root;
        }
        CheckPodSpec(podSpec);
        CheckSecurity(root, isPod);
        CheckAgainstApiServer(root, isPod);
        return isPod
            ? YamlJson.ToJson(root, _cancellationToken)
            : "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":" + YamlJson.ToJson(root, _cancellationToken) + "}";
    }

    /// <summary>
    /// The API server's own rules (Kubernetes/Validation), on the Pod as Flows sends it: the primary's image, command,
    /// args, resources and env (and for a sidecar task its termination message policy) are Flows', the primary is
    /// added when missing, and restartPolicy is Never when the spec has none. The rules of containers, volume mounts,
    /// quantities and restartPolicy have diagnostics of their own; every other rejection is FLOW077, and a field the
    /// server would drop is FLOW078.
    /// </summary>
    private void CheckAgainstApiServer(YamlMappingNode root, bool isPod)
    {
        var options = new SpecOptions
        {
            FlowsContainer = PrimaryName,
            OverwrittenFields = OverwrittenFields,
            FlowsAddsContainer = true,
            FlowsDefaultsRestartPolicyToNever = true,
        };
        if (_problems.HasShapeErrors)
        {
            return;
        }
        var findings = isPod ? KubernetesValidator.ValidatePod(root, options) : KubernetesValidator.ValidatePodSpecDocument(root, options);
        var podSpec = isPod ? new SpecNode(root, FieldPath.Root)["spec"] : new SpecNode(root, FieldPath.Of("spec"));
        SpecFindings.Report(findings, _problems, finding => OwnDiagnostic(finding, FindingContainer.Of(podSpec, finding)));
    }

    private FindingDiagnostic? OwnDiagnostic(SpecError finding, FindingContainer? container) => finding.Rule switch
    {
        SpecRule.ContainerNameMissing when container is { } c => new(DiagnosticDescriptors.PodContainerWithoutName, finding.Node, _fileName, c.Label),
        SpecRule.ContainerNameInvalid => new(DiagnosticDescriptors.PodInvalidContainerName, finding.Node, _fileName, FindingContainer.NameProblem(finding)),
        SpecRule.Other when container is { } c && c.IsNameOfWrongType(finding) =>
            new(DiagnosticDescriptors.PodInvalidContainerName, finding.Node, _fileName, FindingContainer.NameProblem(finding)),
        // Two containers without a name: FLOW066 says so for each.
        SpecRule.ContainerNameDuplicate => YamlJson.AsString(finding.Node) is { Length: > 0 } name
            ? new(DiagnosticDescriptors.PodDuplicateContainerName, finding.Node, _fileName, name)
            : FindingDiagnostic.None,
        // Without a primary name (FLOW063) the container meant to be the primary, which needs no image, is unknown.
        SpecRule.ImageMissing when string.IsNullOrWhiteSpace(PrimaryName) => FindingDiagnostic.None,
        SpecRule.ImageMissing when container is { } c => new(DiagnosticDescriptors.ContainerWithoutImage,
            finding.IsAtEnclosingNode ? c.Node["name"].Node ?? finding.Node : finding.Node, _fileName, c.Label, PrimaryName),
        SpecRule.Quantity => new(DiagnosticDescriptors.PodInvalidResourceQuantity, finding.Node, _problems.Document, container?.QuantityProblem(finding, "the Pod") ?? finding.Message),
        // A mount without a volume name: its Required finding says so.
        SpecRule.UndeclaredVolume => YamlJson.AsString(finding.Node) is { Length: > 0 } volume && container is { } c
            ? new(DiagnosticDescriptors.UndeclaredVolume, finding.Node, _fileName, c.Label, volume)
            : FindingDiagnostic.None,
        SpecRule.RestartPolicy => new(DiagnosticDescriptors.PodRestartPolicy, finding.Node, _fileName,
            finding.Node is null ? "" : ScalarText(finding.Node), "which is not a restart policy (Always, OnFailure or Never)"),
        _ => null,
    };

    private void CheckPodHeader(YamlMappingNode pod)
    {
        var kind = Child(pod, "kind");
        if (YamlJson.AsString(kind) != "Pod")
        {
            Report(DiagnosticDescriptors.PodSpecNotAPod, kind ?? pod, _fileName, kind is null
                ? "kind is missing: add 'kind: Pod' (or leave apiVersion, kind, metadata and spec out and write the PodSpec's fields only)"
                : $"kind is '{ScalarText(kind)}': write 'kind: Pod' (a Job or Deployment is not a pod spec; take its pod template's spec)");
        }
        var apiVersion = Child(pod, "apiVersion");
        if (YamlJson.AsString(apiVersion) != "v1")
        {
            Report(DiagnosticDescriptors.PodSpecNotAPod, apiVersion ?? pod, _fileName,
                apiVersion is null ? "apiVersion is missing: add 'apiVersion: v1'" : $"apiVersion is '{ScalarText(apiVersion)}': write 'apiVersion: v1'");
        }
        MappingOrNull(pod, "metadata", "metadata");
    }

    /// <summary>The mapping at <paramref name="key"/>; null when absent or null, and reported when it is something else.</summary>
    private YamlMappingNode? MappingOrNull(YamlMappingNode? parent, string key, string path)
    {
        var node = Child(parent, key);
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }
        if (node is not null && !YamlJson.IsNull(node))
        {
            Report(DiagnosticDescriptors.PodSpecNotAPod, node, _fileName, $"{path} is a {ShapeOf(node)}, but must be a mapping");
        }
        return null;
    }

    /// <summary>The items of the list at <paramref name="key"/>; reported when it is not a list or an item is not a mapping.</summary>
    private IReadOnlyList<YamlNode> ListOrEmpty(YamlMappingNode? parent, string key, string path, bool itemsAreMappings)
    {
        var node = Child(parent, key);
        if (node is YamlSequenceNode sequence)
        {
            if (itemsAreMappings)
            {
                foreach (var item in sequence.Children.Where(item => item is not YamlMappingNode))
                {
                    Report(DiagnosticDescriptors.PodSpecNotAPod, item, _fileName, $"an item of {path} is a {ShapeOf(item)}, but must be a mapping (name: ..., ...)");
                }
            }
            return sequence.Children.ToList();
        }
        if (node is not null && !YamlJson.IsNull(node))
        {
            Report(DiagnosticDescriptors.PodSpecNotAPod, node, _fileName, $"{path} is a {ShapeOf(node)}, but must be a list ('- name: ...' items)");
        }
        return Array.Empty<YamlNode>();
    }

    private static string ShapeOf(YamlNode node) => YamlSpecText.ShapeOf(node);

    private static string ScalarText(YamlNode node) => (node as YamlScalarNode)?.Value ?? "(" + ShapeOf(node) + ")";

    private static YamlNode? Child(YamlMappingNode? mapping, string key) => YamlSpecText.Child(mapping, key);

    private void Report(DiagnosticDescriptor descriptor, YamlNode? node, params object?[] arguments) => _problems.Report(descriptor, node, arguments);

    private void ReportOnAttribute(DiagnosticDescriptor descriptor, string argumentName, int? elementIndex, params object?[] arguments) =>
        _problems.Report(descriptor, ProblemTarget.PodTaskAttribute, Mark.Empty, Mark.Empty, arguments, argumentName, elementIndex);
}
