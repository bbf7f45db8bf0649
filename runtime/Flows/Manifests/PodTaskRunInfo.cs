using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows.Manifests;

/// <summary>What the generated code needs to build a pod task's Pod for one attempt of one run.</summary>
/// <param name="PodName">Unique per run and attempt: the task's DNS name, 10 hex of the run's identifier, the attempt.</param>
/// <param name="Image">The image of a sidecar task's primary container (the flow's image); a container task's own image is fixed at build time.</param>
/// <param name="InputsJson">The task's upstream results and flow parameters as a JSON object (<see cref="ITaskDataTransfer.WriteInputs"/>).</param>
/// <param name="Parameters">The run's raw values of its flow parameters that are not secret, passed on to <c>run-task</c> as <c>--param</c>.</param>
public sealed record PodTaskRunInfo(
    string FlowName,
    string FlowRunId,
    string Identifier,
    string Namespace,
    string PodName,
    string Image,
    string TaskName,
    int Attempt,
    string InputsJson,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string? JobName = null)
{
    /// <param name="namespace">null: FLOWS__CONTEXT__NAMESPACE (set inside a Flows Job), else the flow's job namespace, else "default".</param>
    /// <param name="image">null: FLOWS__CONTEXT__IMAGE (set inside a Flows Job), else the flow's [DockerStorage] image.</param>
    public static PodTaskRunInfo Create(FlowDefinition flow, TaskDefinition task, string flowRunId, string? @namespace, string? image, int attempt,
        string inputsJson, FlowParameterValues parameters, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (task.Pod is not { } pod)
        {
            throw new ArgumentException($"Task '{task.Name}' of flow '{flow.Name}' is not a pod task.", nameof(task));
        }
        KubernetesRunInfo.CheckFlowRunId(flowRunId);
        string? FromEnvironment(string name) => environment is not null && environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var ns = @namespace is { Length: > 0 } ? @namespace
            : FromEnvironment(FlowContextVariables.Namespace) ?? flow.KubernetesJob?.DefaultNamespace ?? "default";
        KubernetesRunInfo.CheckNamespace(ns);
        var flowImage = image is { Length: > 0 } ? image.Trim()
            : FromEnvironment(FlowContextVariables.Image) ?? flow.KubernetesJob?.Image ?? flow.DockerStorage?.Image ?? "";
        if (pod.Kind == PodTaskKind.Sidecar && flowImage.Length == 0)
        {
            throw new ArgumentException(
                $"Pod task '{task.Name}' runs in the flow's image, and flow '{flow.Name}' has none: add [DockerStorage(...)] to {flow.TypeName} or give --image.",
                nameof(image));
        }
        var identifier = KubernetesRunInfo.IdentifierFor(flowRunId);
        var podName = KubernetesRunInfo.NameWithSuffix(pod.PodBaseName,
            "-" + identifier.Substring(0, 10) + "-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var secretNames = flow.Parameters.Where(p => p.IsSecret).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var parameterList = parameters.Names.OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new KeyValuePair<string, string>(n, parameters.TryGetRaw(n, out var raw) ? raw : ""))
            .ToList();
        return new PodTaskRunInfo(flow.Name, flowRunId, identifier, ns, podName, pod.Kind == PodTaskKind.Container ? pod.Image ?? "" : flowImage,
            task.Name, attempt, inputsJson, parameterList.Where(p => !secretNames.Contains(p.Key)).ToList(), FromEnvironment(FlowContextVariables.JobName))
        {
            SecretParameters = parameterList.Where(p => secretNames.Contains(p.Key)).ToList(),
        };
    }

    /// <summary>The run's raw values of its secret flow parameters: a sidecar task's primary reads them from <c>FLOWS__PARAM__*</c>, through <see cref="Secret"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SecretParameters { get; init; } = [];

    private PodTaskSecret? _secret;

    /// <summary>The values the Pod reads from its Kubernetes Secret, filled in while the Pod is built (<see cref="PodTaskPatching.SetEnvironment"/>).</summary>
    public PodTaskSecret Secret => _secret ??= new PodTaskSecret(PodTaskSecret.NameFor(PodName));

    /// <summary>The <c>flows_task</c> label: the task's name when it is a valid label value, else its pod name part (<see cref="TaskKubernetesNames.LabelValue"/>).</summary>
    public string TaskLabel => TaskKubernetesNames.LabelValue(TaskName);

    /// <summary>The run's context variables, appended to the primary container's env in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment
    {
        get
        {
            var variables = new List<KeyValuePair<string, string>>
            {
                new(FlowContextVariables.FlowRunId, FlowRunId),
                new(FlowContextVariables.FlowName, FlowName),
                new(FlowContextVariables.Namespace, Namespace),
                new(FlowContextVariables.Image, Image),
                new(FlowContextVariables.Identifier, Identifier),
                new(FlowContextVariables.TaskName, TaskName),
                new(FlowContextVariables.TaskRunAttempt, Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            if (JobName is not null)
            {
                variables.Add(new(FlowContextVariables.JobName, JobName));
            }
            return variables;
        }
    }

    /// <summary>The args of a sidecar task's primary container: the entrypoint runs this one task.</summary>
    public IReadOnlyList<string> TaskArguments
    {
        get
        {
            var arguments = new List<string> { "run-task", "--flow", FlowName, "--task", TaskName };
            foreach (var (name, value) in Parameters)
            {
                arguments.Add("--param");
                arguments.Add(name + "=" + value);
            }
            return arguments;
        }
    }
}
