using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;
using Flows.Generators.Kubernetes.Validation;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Jobs;

/// <summary>
/// Checks a flow's Kubernetes job environment — the job-spec YAML and the image from storage — against
/// what the API server and a Job's lifecycle need, and turns it into a <see cref="JobSpecModel"/>.
/// Every problem that can be seen in the file is reported here, at its YAML line, not when a run fails.
/// </summary>
internal sealed partial class JobSpecChecker
{
    /// <summary>The variables the patch appends to the flow container's env (KubernetesRunInfo.Environment in the runtime).</summary>
    internal static readonly string[] AppendedEnvironment =
    {
        "FLOWS__CONTEXT__FLOW_RUN_ID", "FLOWS__CONTEXT__FLOW_NAME", "FLOWS__CONTEXT__NAMESPACE",
        "FLOWS__CONTEXT__IMAGE", "FLOWS__CONTEXT__IDENTIFIER", "FLOWS__CONTEXT__JOB_NAME",
    };

    private static readonly string[] DaemonHints = { "dind", "dockerd" };
    private static readonly string[] LongRunningImageHints = { "dind", "docker:", "envoy", "istio", "proxy", "nginx", "redis", "postgres", "mysql", "memcached", "haproxy", "linkerd" };
    private static readonly string[] LongRunningCommandHints = { "sleep infinity", "tail -f /dev/null", "dockerd", "sleep inf" };

    private readonly KubernetesJobModel _attribute;
    private readonly string _flowName;
    private readonly string _fileName;
    private readonly SpecProblemReporter _problems;
    private readonly CancellationToken _cancellationToken;

    private JobSpecChecker(KubernetesJobModel attribute, string flowName, Action<SpecProblem>? report, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _attribute = attribute;
        _flowName = flowName;
        _fileName = attribute.JobSpecFile ?? "(default job)";
        _problems = new SpecProblemReporter(_fileName, "Job", report, DiagnosticDescriptors.JobSpecNotAJob, DiagnosticDescriptors.PrimaryContainerNotFound);
    }

    /// <param name="text">The job spec's text, or null when it is not among the AdditionalFiles.</param>
    public static JobSpecModel? Check(KubernetesJobModel attribute, string flowName, string flowTypeName, string? text, Action<SpecProblem>? report, CancellationToken cancellationToken = default) =>
        new JobSpecChecker(attribute, flowName, report, cancellationToken).Check(flowTypeName, text);

    private void Report(DiagnosticDescriptor descriptor, YamlNode? node, params object?[] arguments) => _problems.Report(descriptor, node, arguments);

    /// <summary>A problem of the [KubernetesJob] or [DockerStorage] attribute.</summary>
    private void Report(DiagnosticDescriptor descriptor, ProblemTarget target, params object?[] arguments) =>
        _problems.Report(descriptor, target, Mark.Empty, Mark.Empty, arguments);

    private JobSpecModel? Check(string flowTypeName, string? text)
    {
        CheckStorage(flowTypeName);
        if (!string.IsNullOrEmpty(_attribute.Namespace) && KubernetesNames.Dns1123LabelProblem(_attribute.Namespace!) is { } attributeNamespaceProblem)
        {
            Report(DiagnosticDescriptors.InvalidKubernetesName, ProblemTarget.KubernetesJobAttribute, _fileName, "Namespace " + attributeNamespaceProblem);
        }
        var ns = string.IsNullOrEmpty(_attribute.Namespace) ? "default" : _attribute.Namespace!;
        var entryPoint = "/app/" + _attribute.AssemblyName;
        if (_attribute.JobSpecFile is null)
        {
            // The default Job has one container; a PrimaryContainer naming another would be ignored silently.
            if (_attribute.PrimaryContainer is { Length: > 0 } wanted && wanted != DefaultJob.ContainerName)
            {
                Report(DiagnosticDescriptors.PrimaryContainerNotFound, ProblemTarget.KubernetesJobAttribute, _fileName, wanted, DefaultJob.ContainerName);
            }
            var baseName = DefaultJob.BaseName(_flowName);
            return _problems.HasErrors ? null : new JobSpecModel(null, DefaultJob.Json(baseName), 0, DefaultJob.ContainerName, baseName, false, false, _attribute.Image, ns, entryPoint, _flowName);
        }
        if (text is null)
        {
            Report(DiagnosticDescriptors.JobSpecFileNotFound, ProblemTarget.KubernetesJobAttribute, _attribute.JobSpecFile, _flowName);
            return null;
        }

        if (_problems.Load(text, DiagnosticDescriptors.JobSpecYamlSyntaxError, _cancellationToken) is not { } stream)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode job)
        {
            Report(DiagnosticDescriptors.JobSpecNotAJob, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, _fileName, "the file must hold one YAML mapping with apiVersion: batch/v1 and kind: Job");
            return null;
        }

        CheckKind(job);
        var metadata = Child(job, "metadata") as YamlMappingNode;
        var jobName = YamlJson.AsString(Child(metadata, "name"));
        // The spec's own namespace is the default when [KubernetesJob] names none (it used to be replaced by "default").
        var specNamespace = YamlJson.AsString(Child(metadata, "namespace"));
        if (specNamespace is { Length: > 0 } && NameRules.IsDns1123Label(specNamespace).Count == 0 && string.IsNullOrEmpty(_attribute.Namespace))
        {
            ns = specNamespace;
        }
        var spec = Child(job, "spec") as YamlMappingNode;
        var template = Child(spec, "template") as YamlMappingNode;
        var podSpec = Child(template, "spec") as YamlMappingNode;
        var primary = CheckContainers(podSpec);
        CheckSecurity(job);
        CheckAgainstApiServer(job, primary?.Name ?? FlowContainerName(podSpec));

        if (_problems.HasErrors || primary is null)
        {
            return null;
        }
        return new JobSpecModel(
            _attribute.JobSpecFile,
            YamlJson.ToJson(job, _cancellationToken),
            primary.Value.Index,
            primary.Value.Name,
            jobName is { Length: > 0 } ? jobName : DefaultJob.BaseName(_flowName),
            HasNamespace: Child(metadata, "namespace") is not null,
            HasTtlSecondsAfterFinished: Child(spec, "ttlSecondsAfterFinished") is not null,
            _attribute.Image,
            ns,
            entryPoint,
            _flowName);
    }

    /// <summary>
    /// The API server's own rules (Kubernetes/Validation), on the Job as Flows sends it: the flow container's image,
    /// command and args are Flows'. The rules of names, labels, containers, quantities and restartPolicy have
    /// diagnostics of their own; every other rejection is FLOW077, and a field the server would drop is FLOW078.
    /// </summary>
    private void CheckAgainstApiServer(YamlMappingNode job, string? flowContainer)
    {
        if (_problems.HasShapeErrors)
        {
            return;
        }
        var findings = KubernetesValidator.ValidateJob(job, new SpecOptions { FlowsContainer = flowContainer, FlowsContainerIndex = flowContainer is null ? 0 : null });
        var podSpec = new SpecNode(job, FieldPath.Root)["spec"]["template"]["spec"];
        SpecFindings.Report(findings, _problems, finding => OwnDiagnostic(finding, FindingContainer.Of(podSpec, finding)));
    }

    private FindingDiagnostic? OwnDiagnostic(SpecError finding, FindingContainer? container) => finding.Rule switch
    {
        SpecRule.ContainersMissing => new(DiagnosticDescriptors.JobSpecNoContainers, finding.Node, _fileName,
            finding.Node is YamlSequenceNode ? "an empty spec.template.spec.containers list" : "no spec.template.spec.containers"),
        SpecRule.ContainerNameMissing when container is { } c => new(DiagnosticDescriptors.ContainerWithoutName, finding.Node,
            c.IsInit ? c.Index.ToString(CultureInfo.InvariantCulture) + " of initContainers"
            : c.Index == 0 ? "0 (the first, which runs the flow unless PrimaryContainer names another)" : c.Index.ToString(CultureInfo.InvariantCulture),
            _fileName),
        SpecRule.ContainerNameInvalid => new(DiagnosticDescriptors.InvalidKubernetesName, finding.Node, _fileName, "container name " + FindingContainer.NameProblem(finding)),
        SpecRule.Other when container is { } c && c.IsNameOfWrongType(finding) =>
            new(DiagnosticDescriptors.InvalidKubernetesName, finding.Node, _fileName, "container name " + FindingContainer.NameProblem(finding)),
        // Two containers without a name: FLOW034 says so for each.
        SpecRule.ContainerNameDuplicate => YamlJson.AsString(finding.Node) is { Length: > 0 } name
            ? new(DiagnosticDescriptors.DuplicateContainerName, finding.Node, _fileName, name)
            : FindingDiagnostic.None,
        SpecRule.Quantity => new(DiagnosticDescriptors.InvalidResourceQuantity, finding.Node, _fileName, container?.QuantityProblem(finding, "the Job") ?? finding.Message),
        SpecRule.ObjectName => new(DiagnosticDescriptors.InvalidKubernetesName, finding.Node, _fileName, finding.Message),
        SpecRule.Label => new(DiagnosticDescriptors.InvalidLabel, finding.Node, _fileName, finding.Message),
        SpecRule.RestartPolicy => new(DiagnosticDescriptors.InvalidRestartPolicy, finding.Node, _fileName, finding.Message),
        _ => null,
    };

    /// <summary>The container that will run the flow: PrimaryContainer, else the first.</summary>
    private string? FlowContainerName(YamlMappingNode? podSpec) =>
        _attribute.PrimaryContainer is { Length: > 0 } wanted
            ? wanted
            : YamlJson.AsString(Child((Child(podSpec, "containers") as YamlSequenceNode)?.Children.FirstOrDefault() as YamlMappingNode, "name"));

    private void CheckStorage(string flowTypeName)
    {
        if (!_attribute.HasStorage)
        {
            Report(DiagnosticDescriptors.KubernetesJobWithoutStorage, ProblemTarget.KubernetesJobAttribute, _flowName, flowTypeName);
            return;
        }
        if (ImageReference.Problem(_attribute.Image, out var missingTag) is { } problem)
        {
            Report(DiagnosticDescriptors.InvalidImageReference, ProblemTarget.DockerStorageAttribute, _flowName, _attribute.Image, problem);
        }
        else if (missingTag)
        {
            Report(DiagnosticDescriptors.MissingImageTag, ProblemTarget.DockerStorageAttribute, _flowName, _attribute.Image);
        }
        else
        {
            CheckFlowImageTag();
        }
    }

    private void CheckKind(YamlMappingNode job)
    {
        var apiVersion = Child(job, "apiVersion");
        var kind = Child(job, "kind");
        if (YamlJson.AsString(apiVersion) != "batch/v1")
        {
            Report(DiagnosticDescriptors.JobSpecNotAJob, apiVersion ?? job, _fileName,
                apiVersion is null ? "apiVersion is missing: add 'apiVersion: batch/v1'" : $"apiVersion is '{(apiVersion as YamlScalarNode)?.Value}': write 'apiVersion: batch/v1'");
        }
        if (YamlJson.AsString(kind) != "Job")
        {
            Report(DiagnosticDescriptors.JobSpecNotAJob, kind ?? job, _fileName,
                kind is null ? "kind is missing: add 'kind: Job'" : $"kind is '{(kind as YamlScalarNode)?.Value}': write 'kind: Job' (a CronJob or Pod is not a job spec)");
        }
    }

    /// <summary>The flow container and the Flows checks of the containers; the API server's rules of containers (FLOW033, FLOW034, FLOW036, FLOW039, FLOW042) are the port's.</summary>
    private (int Index, string Name)? CheckContainers(YamlMappingNode? podSpec)
    {
        if (Child(podSpec, "containers") is not YamlSequenceNode { Children.Count: > 0 } containers)
        {
            return null;
        }
        var initContainers = Child(podSpec, "initContainers") as YamlSequenceNode;
        int primaryIndex;
        if (_attribute.PrimaryContainer is { Length: > 0 } wanted)
        {
            primaryIndex = containers.Children.ToList().FindIndex(c => YamlJson.AsString(Child(c as YamlMappingNode, "name")) == wanted);
            if (primaryIndex < 0)
            {
                var allNames = containers.Children.Select(c => YamlJson.AsString(Child(c as YamlMappingNode, "name"))).Where(name => !string.IsNullOrEmpty(name));
                Report(DiagnosticDescriptors.PrimaryContainerNotFound, ProblemTarget.KubernetesJobAttribute, _fileName, wanted, string.Join(", ", allNames));
                return null;
            }
        }
        else
        {
            primaryIndex = 0;
        }
        if (containers.Children[primaryIndex] is not YamlMappingNode primary || YamlJson.AsString(Child(primary, "name")) is not { } primaryName)
        {
            return null;
        }

        CheckOverwrittenFields(primary, primaryName);
        CheckEnvironment(primary, primaryName);
        var serversDocker = containers.Children.Concat(initContainers?.Children ?? Enumerable.Empty<YamlNode>()).Any(c => ServesDocker(c as YamlMappingNode));
        for (var i = 0; i < containers.Children.Count; i++)
        {
            var container = containers.Children[i] as YamlMappingNode;
            var name = YamlJson.AsString(Child(container, "name")) ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            CheckDockerHost(container, name, serversDocker);
            if (i != primaryIndex && LongRunningReason(container) is { } reason)
            {
                Report(DiagnosticDescriptors.SidecarNeverExits, Child(container, "name") ?? containers.Children[i], _fileName, name, reason);
            }
        }
        return (primaryIndex, primaryName);
    }

    private void CheckOverwrittenFields(YamlMappingNode primary, string name)
    {
        var overwritten = YamlSpecText.WrittenFields(primary, new[] { "image", "command", "args" });
        if (overwritten.Count > 0)
        {
            Report(DiagnosticDescriptors.PrimaryContainerFieldsOverwritten, overwritten[0].Node, _fileName, string.Join(", ", overwritten.Select(f => f.Field)), name);
        }
    }

    private void CheckEnvironment(YamlMappingNode primary, string name)
    {
        foreach (var variable in (Child(primary, "env") as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>())
        {
            var nameNode = Child(variable as YamlMappingNode, "name");
            if (YamlJson.AsString(nameNode) is { } variableName && Array.IndexOf(AppendedEnvironment, variableName) >= 0)
            {
                Report(DiagnosticDescriptors.EnvironmentNameCollision, nameNode, _fileName, variableName, name);
            }
        }
    }

    private void CheckDockerHost(YamlMappingNode? container, string name, bool podServesDocker)
    {
        foreach (var variable in (Child(container, "env") as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>())
        {
            var entry = variable as YamlMappingNode;
            if (YamlJson.AsString(Child(entry, "name")) != "DOCKER_HOST")
            {
                continue;
            }
            var value = YamlJson.AsString(Child(entry, "value")) ?? "";
            if (!podServesDocker && (value.StartsWith("tcp://localhost:", StringComparison.Ordinal) || value.StartsWith("tcp://127.0.0.1:", StringComparison.Ordinal)))
            {
                Report(DiagnosticDescriptors.DockerHostWithoutDaemon, Child(entry, "value"), _fileName, name, value);
            }
        }
    }

    private static bool ServesDocker(YamlMappingNode? container)
    {
        var text = DescribeProcess(container);
        return DaemonHints.Any(hint => text.IndexOf(hint, StringComparison.OrdinalIgnoreCase) >= 0);
    }

    private static string? LongRunningReason(YamlMappingNode? container)
    {
        var image = YamlJson.AsString(Child(container, "image")) ?? "";
        var command = string.Join(" ", CommandWords(container));
        var daemonImage = LongRunningImageHints.FirstOrDefault(hint => image.IndexOf(hint, StringComparison.OrdinalIgnoreCase) >= 0);
        if (daemonImage is not null)
        {
            return $"image '{image}' runs a server";
        }
        var daemonCommand = LongRunningCommandHints.FirstOrDefault(hint => command.IndexOf(hint, StringComparison.OrdinalIgnoreCase) >= 0);
        return daemonCommand is null ? null : $"its command runs '{daemonCommand}'";
    }

    private static string DescribeProcess(YamlMappingNode? container) =>
        (YamlJson.AsString(Child(container, "image")) ?? "") + " " + string.Join(" ", CommandWords(container));

    private static IEnumerable<string> CommandWords(YamlMappingNode? container) =>
        new[] { "command", "args" }
            .SelectMany(field => (Child(container, field) as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>())
            .Select(node => (node as YamlScalarNode)?.Value ?? "");

    private static YamlNode? Child(YamlMappingNode? mapping, string key) => YamlSpecText.Child(mapping, key);
}
