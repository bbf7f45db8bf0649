using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// The build-time port of the API server's checks of what Flows creates: a batch/v1 Job (a flow's job spec) and a
/// v1 Pod (a pod task's pod spec, a container task's Pod). First the document is decoded against the 1.20 schema
/// (types, unknown fields), then validated as pkg/apis/batch/validation and pkg/apis/core/validation do, after the
/// server's defaulting. Each error is one the server would answer with; warnings are fields it drops.
/// </summary>
internal static class KubernetesValidator
{
    /// <param name="job">The job spec's root mapping (apiVersion: batch/v1, kind: Job).</param>
    public static SpecErrors ValidateJob(YamlMappingNode job, SpecOptions options)
    {
        var validation = new SpecValidation(options, job);
        var root = new SpecNode(job, FieldPath.Root);
        MarkOverwritten(validation, root["spec"]["template"]["spec"]);
        SchemaCheck.Object(root, KubernetesSchema.Job, validation);
        JobValidation.ValidateJob(validation, root);
        return validation.Errors;
    }

    /// <param name="pod">The Pod's root mapping (apiVersion: v1, kind: Pod, spec: ...); a bare PodSpec is wrapped by the caller.</param>
    public static SpecErrors ValidatePod(YamlMappingNode pod, SpecOptions options)
    {
        var validation = new SpecValidation(options, pod);
        var root = new SpecNode(pod, FieldPath.Root);
        MarkOverwritten(validation, root["spec"]);
        SchemaCheck.Object(root, KubernetesSchema.Pod, validation);
        PodValidation.ValidatePod(validation, root);
        return validation.Errors;
    }

    /// <summary>A bare PodSpec document (a pod task's file without apiVersion/kind/metadata), validated as the spec of a Pod.</summary>
    public static SpecErrors ValidatePodSpecDocument(YamlMappingNode podSpec, SpecOptions options)
    {
        var validation = new SpecValidation(options, podSpec);
        var spec = new SpecNode(podSpec, FieldPath.Of("spec"));
        MarkOverwritten(validation, spec);
        SchemaCheck.Object(spec, KubernetesSchema.PodSpec, validation);
        PodValidation.ValidateBarePodSpec(validation, spec);
        return validation.Errors;
    }

    private static void MarkOverwritten(SpecValidation validation, SpecNode podSpec)
    {
        foreach (var container in podSpec["containers"].Items)
        {
            if (validation.IsFlowsContainer(container))
            {
                foreach (var field in validation.Options.OverwrittenFields)
                {
                    validation.Overwrite(container[field].Path);
                }
            }
        }
    }
}
