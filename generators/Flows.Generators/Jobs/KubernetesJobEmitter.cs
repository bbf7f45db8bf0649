using Flows.Generators.Core;

namespace Flows.Generators.Jobs;

/// <summary>
/// Writes a flow's Kubernetes job: the user's job spec as embedded JSON, and the generated code that
/// patches it for one run. It touches exactly these paths: metadata.name, metadata.namespace (when
/// the spec has one), the identifier and flow_run_id labels of the Job and of the pod template, the
/// flow container's image, command, args and appended env, spec.ttlSecondsAfterFinished when the
/// spec has none, and the restricted-profile settings the spec is silent on (RestrictedPodDefaults).
/// </summary>
internal static class KubernetesJobEmitter
{
    public const string TtlSecondsAfterFinished = "3600";

    private const string Patching = "global::Flows.Manifests.JobSpecPatching";

    public static string TemplateExpression(JobSpecModel job) =>
        $"new global::Flows.Manifests.KubernetesJobTemplate({GeneratedCode.Literal(job.JobSpecFile)}, {GeneratedCode.Literal(job.PrimaryContainerName)}, " +
        $"{GeneratedCode.Literal(job.Image)}, {GeneratedCode.Literal(job.Namespace)}, {GeneratedCode.Literal(job.JobBaseName)}, __CreateKubernetesJob)";

    /// <param name="hasPodTasks">The flow creates pod tasks through the API from inside the Job: its pod keeps the service account token and runs under the flow's own account.</param>
    public static void EmitMembers(SourceWriter writer, JobSpecModel job, bool hasPodTasks)
    {
        writer.Line($"/// <summary>The job spec {GeneratedCode.XmlText(job.JobSpecFile ?? "(default job)")} as checked at build time, before patching.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"private const string __JobSpecJson = {GeneratedCode.Literal(job.JobJson)};");
        writer.Line();
        writer.Line(GeneratedCode.Attribute);
        writer.Open("private static global::System.Text.Json.Nodes.JsonObject __CreateKubernetesJob(global::Flows.Manifests.KubernetesRunInfo run)");
        writer.Line($"var job = {Patching}.Parse(__JobSpecJson);");
        writer.Line($"var metadata = {Patching}.ObjectAt(job, \"metadata\");");
        writer.Line("metadata[\"name\"] = run.JobName;");
        if (job.HasNamespace)
        {
            writer.Line("metadata[\"namespace\"] = run.Namespace;");
        }
        writer.Line($"{Patching}.SetRunLabels(metadata, run);");
        writer.Line($"var spec = {Patching}.ObjectAt(job, \"spec\");");
        writer.Line($"{Patching}.SetRunLabels({Patching}.ObjectAt({Patching}.ObjectAt(spec, \"template\"), \"metadata\"), run);");
        writer.Line($"var container = {Patching}.Container(job, {job.PrimaryContainerIndex}); // {job.PrimaryContainerName}");
        writer.Line("container[\"image\"] = run.Image;");
        writer.Line($"container[\"command\"] = {Patching}.Strings({GeneratedCode.Literal(job.EntryPointPath)});");
        writer.Line($"container[\"args\"] = {Patching}.Strings(\"run\", \"--flow\", {GeneratedCode.Literal(job.FlowName)});");
        writer.Line($"{Patching}.AppendRunEnvironment(container, run);");
        writer.Line($"global::Flows.Manifests.RestrictedPodDefaults.ApplyToJob(job, container, usesApi: {(hasPodTasks ? "true" : "false")});");
        if (!job.HasTtlSecondsAfterFinished)
        {
            writer.Line($"spec[\"ttlSecondsAfterFinished\"] = {TtlSecondsAfterFinished};");
        }
        if (hasPodTasks)
        {
            // Its process creates the pod tasks' pods: the flow's own account, which render --rbac grants exactly that.
            writer.Line("global::Flows.Manifests.JobServiceAccount.UseFlowAccountUnlessNamed(job, run);");
        }
        writer.Line("return job;");
        writer.Close();
    }
}
