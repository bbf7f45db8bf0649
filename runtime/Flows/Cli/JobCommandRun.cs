using Flows.Manifests;

namespace Flows.Cli;

/// <summary>A job command's flow, run id, and the <c>--namespace</c> and <c>--image</c> given (null: the flow's).</summary>
public sealed record JobCommandRun(FlowDefinition Flow, string FlowRunId, string? Namespace, string? Image)
{
    /// <summary>
    /// The flow's Kubernetes job; null after writing that it has none (<paramref name="alternative"/>, e.g.
    /// <c>", or give a Job with --file"</c>, is added to the advice). The exit code is then <see cref="ExitCodes.UsageError"/>.
    /// </summary>
    public KubernetesJobTemplate? JobTemplate(FlowsCommandLineContext context, string alternative = "")
    {
        if (Flow.KubernetesJob is { } template)
        {
            return template;
        }
        context.Error.WriteLine($"error: flow '{Flow.Name}' has no Kubernetes job environment: add [KubernetesJob(\"job_spec.yaml\")] and [DockerStorage(...)] to {Flow.TypeName}{alternative}.");
        return null;
    }

    /// <summary>The run of the flow's Job with this id, namespace and image; an <see cref="System.ArgumentException"/> when the namespace is not a namespace name.</summary>
    public KubernetesRunInfo CreateRun(KubernetesJobTemplate template) =>
        KubernetesRunInfo.Create(Flow, template, FlowRunId, Namespace).WithImage(Image);
}
