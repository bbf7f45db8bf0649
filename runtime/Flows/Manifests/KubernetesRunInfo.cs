using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Flows.Manifests;

/// <summary>What the patch of a Job needs for one run. Everything derives from the flow run id, so a run's Job is reproducible.</summary>
public sealed record KubernetesRunInfo(string FlowName, string FlowRunId, string Identifier, string Namespace, string JobName, string Image)
{
    private const int MaxNameLength = 63;

    public static KubernetesRunInfo Create(FlowDefinition flow, KubernetesJobTemplate template, string flowRunId, string? @namespace)
    {
        CheckFlowRunId(flowRunId);
        var ns = string.IsNullOrEmpty(@namespace) ? template.DefaultNamespace : @namespace!;
        CheckNamespace(ns);
        var identifier = IdentifierFor(flowRunId);
        return new KubernetesRunInfo(flow.Name, flowRunId, identifier, ns, NameWithSuffix(template.JobBaseName, "-" + identifier.Substring(0, 10)), template.Image);
    }

    /// <summary>The flow run id becomes the <c>flow_run_id</c> label: an <see cref="ArgumentException"/> saying what a label value may be when it cannot.</summary>
    internal static void CheckFlowRunId(string flowRunId)
    {
        if (!IsValidLabelValue(flowRunId))
        {
            throw new ArgumentException(
                $"The flow run id {Quoted(flowRunId)} cannot be a Kubernetes label value: use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
                nameof(flowRunId));
        }
    }

    /// <summary>An <see cref="ArgumentException"/> saying what a namespace name may be, when <paramref name="namespace"/> is not one.</summary>
    internal static void CheckNamespace(string @namespace)
    {
        if (!KubernetesNameRules.IsDns1123Label(@namespace))
        {
            throw new ArgumentException(
                $"The namespace {Quoted(@namespace)} is not a Kubernetes namespace name: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.",
                nameof(@namespace));
        }
    }

    /// <summary>A value in quotes for a message, with a control character (a trailing newline) shown as an escape rather than printed.</summary>
    internal static string Quoted(string value)
    {
        var text = new StringBuilder("'");
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return text.Append('\'').ToString();
    }

    /// <summary><paramref name="baseName"/> + <paramref name="suffix"/>, the base cut so that the name has at most 63 characters.</summary>
    internal static string NameWithSuffix(string baseName, string suffix) =>
        (baseName.Length + suffix.Length > MaxNameLength ? baseName.Substring(0, MaxNameLength - suffix.Length).TrimEnd('-', '.') : baseName) + suffix;

    /// <summary>The flow parameters the Job passes to its flow container (<c>render</c> and <c>submit</c> <c>--param</c>, secrets by reference).</summary>
    public JobParameters Parameters { get; init; } = JobParameters.None;

    /// <summary>This run with <paramref name="values"/> as its flow parameters.</summary>
    public KubernetesRunInfo WithParameters(FlowDefinition flow, FlowParameterValues values) => this with { Parameters = JobParameters.Of(flow, values) };

    /// <summary>The Secret that holds the run's secret parameter values: the Job's name + <c>-params</c>.</summary>
    public string ParameterSecretName => JobParameters.SecretNameFor(JobName);

    /// <summary>This run with the flow container's image <paramref name="image"/> (render and submit <c>--image</c>); unchanged when it is null or blank.</summary>
    public KubernetesRunInfo WithImage(string? image) => string.IsNullOrWhiteSpace(image) ? this : this with { Image = image.Trim() };

    /// <summary>The <c>identifier</c> label: unique per run (a hash of the flow run id), used to find and clean up the run's Job and pods.</summary>
    public static string IdentifierFor(string flowRunId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(flowRunId));
        return Convert.ToHexStringLower(hash, 0, 8);
    }

    /// <summary>The variables appended to the flow container's env, in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment => new KeyValuePair<string, string>[]
    {
        new(FlowContextVariables.FlowRunId, FlowRunId),
        new(FlowContextVariables.FlowName, FlowName),
        new(FlowContextVariables.Namespace, Namespace),
        new(FlowContextVariables.Image, Image),
        new(FlowContextVariables.Identifier, Identifier),
        new(FlowContextVariables.JobName, JobName),
    };

    public static bool IsValidLabelValue(string value) => KubernetesNameRules.IsLabelValue(value);
}
