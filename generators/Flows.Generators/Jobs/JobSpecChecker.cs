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

    private readonly KubernetesAttributeSpec _attribute;
    private readonly string _flowName;
    private readonly string _fileName;
    private readonly Action<JobSpecProblem>? _report;
    private bool _hasErrors;

    /// <summary>The file is not the kind of object it must be: the API server's finer rules would only add noise.</summary>
    private bool _hasShapeErrors;

    /// <summary>The YAML nodes that have a diagnostic already (by start offset): the API server's rules add none there.</summary>
    private readonly HashSet<long> _reportedNodes = new();

    private readonly CancellationToken _cancellationToken;

    private JobSpecChecker(KubernetesAttributeSpec attribute, string flowName, Action<JobSpecProblem>? report, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _attribute = attribute;
        _flowName = flowName;
        _fileName = attribute.JobSpecFile ?? "(default job)";
        _report = report;
    }

    /// <param name="text">The job spec's text, or null when it is not among the AdditionalFiles.</param>
    public static JobSpecModel? Check(KubernetesAttributeSpec attribute, string flowName, string flowTypeName, string? text, Action<JobSpecProblem>? report, CancellationToken cancellationToken = default) =>
        new JobSpecChecker(attribute, flowName, report, cancellationToken).Check(flowTypeName, text);

    private void Report(DiagnosticDescriptor descriptor, YamlNode? node, params object?[] arguments) =>
        Report(descriptor, ProblemTarget.Yaml, node?.Start ?? Mark.Empty, node?.End ?? Mark.Empty, arguments);

    private void Report(DiagnosticDescriptor descriptor, ProblemTarget target, Mark start, Mark end, params object?[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }
        if (descriptor == DiagnosticDescriptors.JobSpecNotAJob || descriptor == DiagnosticDescriptors.PrimaryContainerNotFound)
        {
            _hasShapeErrors = true;
        }
        if (target == ProblemTarget.Yaml && start.Index >= 0 && !ReferenceEquals(descriptor, DiagnosticDescriptors.SpecRejectedByApiServer) && !ReferenceEquals(descriptor, DiagnosticDescriptors.SpecFieldIgnored)
            && !DiagnosticDescriptors.IsSecurityAdvice(descriptor))
        {
            _reportedNodes.Add(start.Index);
        }
        _report?.Invoke(new JobSpecProblem(descriptor, target, start, end, arguments));
    }

    private JobSpecModel? Check(string flowTypeName, string? text)
    {
        CheckStorage(flowTypeName);
        if (!string.IsNullOrEmpty(_attribute.Namespace) && KubernetesNames.Dns1123LabelProblem(_attribute.Namespace!) is { } attributeNamespaceProblem)
        {
            Report(DiagnosticDescriptors.InvalidKubernetesName, ProblemTarget.KubernetesJobAttribute, Mark.Empty, Mark.Empty, _fileName, "Namespace " + attributeNamespaceProblem);
        }
        var ns = string.IsNullOrEmpty(_attribute.Namespace) ? "default" : _attribute.Namespace!;
        var entryPoint = "/app/" + _attribute.AssemblyName;
        if (_attribute.JobSpecFile is null)
        {
            // The default Job has one container; a PrimaryContainer naming another would be ignored silently.
            if (_attribute.PrimaryContainer is { Length: > 0 } wanted && wanted != DefaultJob.ContainerName)
            {
                Report(DiagnosticDescriptors.PrimaryContainerNotFound, ProblemTarget.KubernetesJobAttribute, Mark.Empty, Mark.Empty, _fileName, wanted, DefaultJob.ContainerName);
            }
            var baseName = DefaultJob.BaseName(_flowName);
            return _hasErrors ? null : new JobSpecModel(null, DefaultJob.Json(baseName), 0, DefaultJob.ContainerName, baseName, false, false, _attribute.Image, ns, entryPoint, _flowName);
        }
        if (text is null)
        {
            Report(DiagnosticDescriptors.JobSpecFileNotFound, ProblemTarget.KubernetesJobAttribute, Mark.Empty, Mark.Empty, _attribute.JobSpecFile, _flowName);
            return null;
        }

        if (Load(text) is not { } stream)
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
        var primary = CheckContainers(podSpec, template ?? spec ?? (YamlNode)job);
        CheckSecurity(job);
        CheckAgainstApiServer(job, primary?.Name ?? FlowContainerName(podSpec));

        if (_hasErrors || primary is null)
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

    /// <summary>The parsed stream, or null after reporting FLOW031 (syntax), FLOW080 (over a limit) or FLOW081 (no JSON form).</summary>
    private YamlStream? Load(string text) =>
        YamlSpecText.Load(text, (start, end, message) => Report(DiagnosticDescriptors.JobSpecYamlSyntaxError, ProblemTarget.Yaml, start, end, _fileName, message),
            (refusal, start, end, message) => Report(refusal == YamlRefusal.OverLimit ? DiagnosticDescriptors.YamlOverLimit : DiagnosticDescriptors.YamlWithoutJson, ProblemTarget.Yaml, start, end, $"Job spec '{_fileName}'", message),
            _cancellationToken);

    /// <summary>
    /// The API server's own rules (Kubernetes/Validation), on the Job as Flows sends it: the flow container's image,
    /// command and args are Flows'. A few rules keep the diagnostics they had before the port (names, labels,
    /// restartPolicy); every other rejection is FLOW077, and a field the server would drop is FLOW078.
    /// </summary>
    private void CheckAgainstApiServer(YamlMappingNode job, string? flowContainer)
    {
        if (_hasShapeErrors)
        {
            return;
        }
        var findings = KubernetesValidator.ValidateJob(job, new SpecOptions { FlowsContainer = flowContainer, FlowsContainerIndex = flowContainer is null ? 0 : null });
        foreach (var finding in findings.All)
        {
            if (finding.Node is not null && !finding.IsAtEnclosingNode && _reportedNodes.Contains(finding.Node.Start.Index))
            {
                continue;
            }
            switch (finding.Rule)
            {
                case SpecRule.ContainersMissing or SpecRule.ContainerNameMissing or SpecRule.ContainerNameInvalid or SpecRule.ContainerNameDuplicate or SpecRule.Quantity:
                    continue; // still reported by CheckContainers (FLOW033, FLOW034, FLOW036, FLOW039) and CheckResources (FLOW042)
                case SpecRule.ObjectName:
                    Report(DiagnosticDescriptors.InvalidKubernetesName, finding.Node, _fileName, finding.Message);
                    break;
                case SpecRule.Label:
                    Report(DiagnosticDescriptors.InvalidLabel, finding.Node, _fileName, finding.Message);
                    break;
                case SpecRule.RestartPolicy:
                    Report(DiagnosticDescriptors.InvalidRestartPolicy, finding.Node, _fileName, finding.Message);
                    break;
                default:
                    if (finding.IsWarning)
                    {
                        Report(DiagnosticDescriptors.SpecFieldIgnored, finding.Node, $"Job spec '{_fileName}'", finding.Message);
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.SpecRejectedByApiServer, finding.Node, $"Job spec '{_fileName}'", finding.Message, "Job");
                    }
                    break;
            }
        }
    }

    /// <summary>The container that will run the flow: PrimaryContainer, else the first.</summary>
    private string? FlowContainerName(YamlMappingNode? podSpec) =>
        _attribute.PrimaryContainer is { Length: > 0 } wanted
            ? wanted
            : YamlJson.AsString(Child((Child(podSpec, "containers") as YamlSequenceNode)?.Children.FirstOrDefault() as YamlMappingNode, "name"));

    private void CheckStorage(string flowTypeName)
    {
        if (!_attribute.HasStorage)
        {
            Report(DiagnosticDescriptors.KubernetesJobWithoutStorage, ProblemTarget.KubernetesJobAttribute, Mark.Empty, Mark.Empty, _flowName, flowTypeName);
            return;
        }
        if (ImageReference.Problem(_attribute.Image, out var missingTag) is { } problem)
        {
            Report(DiagnosticDescriptors.InvalidImageReference, ProblemTarget.DockerStorageAttribute, Mark.Empty, Mark.Empty, _flowName, _attribute.Image, problem);
        }
        else if (missingTag)
        {
            Report(DiagnosticDescriptors.MissingImageTag, ProblemTarget.DockerStorageAttribute, Mark.Empty, Mark.Empty, _flowName, _attribute.Image);
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

    private (int Index, string Name)? CheckContainers(YamlMappingNode? podSpec, YamlNode fallback)
    {
        var containers = Child(podSpec, "containers") as YamlSequenceNode;
        if (containers is null || containers.Children.Count == 0)
        {
            Report(DiagnosticDescriptors.JobSpecNoContainers, (YamlNode?)Child(podSpec, "containers") ?? (YamlNode?)podSpec ?? fallback, _fileName,
                containers is null ? "no spec.template.spec.containers" : "an empty spec.template.spec.containers list");
            return null;
        }

        var names = new Dictionary<string, YamlNode>();
        var initContainers = Child(podSpec, "initContainers") as YamlSequenceNode;
        foreach (var init in initContainers?.Children ?? Enumerable.Empty<YamlNode>())
        {
            var initNameNode = Child(init as YamlMappingNode, "name");
            if (YamlJson.AsString(initNameNode) is { Length: > 0 } initName)
            {
                if (names.ContainsKey(initName))
                {
                    Report(DiagnosticDescriptors.DuplicateContainerName, initNameNode, _fileName, initName);
                }
                else
                {
                    names[initName] = initNameNode!;
                }
            }
        }

        var allNames = new List<string>();
        for (var i = 0; i < containers.Children.Count; i++)
        {
            var container = containers.Children[i] as YamlMappingNode;
            var nameNode = Child(container, "name");
            var name = YamlJson.AsString(nameNode);
            if (string.IsNullOrEmpty(name))
            {
                Report(DiagnosticDescriptors.ContainerWithoutName, (YamlNode?)nameNode ?? containers.Children[i], i == 0 ? "0 (the first, which runs the flow unless PrimaryContainer names another)" : i.ToString(System.Globalization.CultureInfo.InvariantCulture), _fileName);
                continue;
            }
            allNames.Add(name!);
            if (KubernetesNames.Dns1123LabelProblem(name!) is { } problem)
            {
                Report(DiagnosticDescriptors.InvalidKubernetesName, nameNode, _fileName, "container name " + problem);
            }
            if (names.ContainsKey(name!))
            {
                Report(DiagnosticDescriptors.DuplicateContainerName, nameNode, _fileName, name);
            }
            else
            {
                names[name!] = nameNode!;
            }
        }

        int primaryIndex;
        if (_attribute.PrimaryContainer is { Length: > 0 } wanted)
        {
            primaryIndex = containers.Children.ToList().FindIndex(c => YamlJson.AsString(Child(c as YamlMappingNode, "name")) == wanted);
            if (primaryIndex < 0)
            {
                Report(DiagnosticDescriptors.PrimaryContainerNotFound, ProblemTarget.KubernetesJobAttribute, Mark.Empty, Mark.Empty, _fileName, wanted, string.Join(", ", allNames));
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
            CheckResources(container, name);
            CheckDockerHost(container, name, serversDocker);
            if (i != primaryIndex && LongRunningReason(container) is { } reason)
            {
                Report(DiagnosticDescriptors.SidecarNeverExits, Child(container, "name") ?? containers.Children[i], _fileName, name, reason);
            }
        }
        foreach (var init in initContainers?.Children ?? Enumerable.Empty<YamlNode>())
        {
            var container = init as YamlMappingNode;
            var name = YamlJson.AsString(Child(container, "name")) ?? "init";
            CheckResources(container, name);
        }
        return (primaryIndex, primaryName);
    }

    private void CheckOverwrittenFields(YamlMappingNode primary, string name)
    {
        var overwritten = new List<string>();
        YamlNode? first = null;
        foreach (var field in new[] { "image", "command", "args" })
        {
            var node = Child(primary, field);
            var isEmpty = node is null || YamlJson.IsNull(node)
                || (node is YamlScalarNode scalar && string.IsNullOrEmpty(scalar.Value))
                || (node is YamlSequenceNode sequence && sequence.Children.Count == 0);
            if (!isEmpty)
            {
                overwritten.Add(field);
                first ??= node;
            }
        }
        if (overwritten.Count > 0)
        {
            Report(DiagnosticDescriptors.PrimaryContainerFieldsOverwritten, first, _fileName, string.Join(", ", overwritten), name);
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

    private void CheckResources(YamlMappingNode? container, string name)
    {
        foreach (var (node, detail) in ContainerRules.QuantityProblems(container, name, "the Job"))
        {
            Report(DiagnosticDescriptors.InvalidResourceQuantity, node, _fileName, detail);
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
