using Flows.Generators.Kubernetes;

namespace Flows.Generators.Emit;

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

    private const string Patching = "global::Flows.Kubernetes.JobSpecPatching";

    public static string TemplateExpression(JobSpecModel job) =>
        $"new global::Flows.Kubernetes.KubernetesJobTemplate({GeneratedCode.Literal(job.JobSpecFile)}, {GeneratedCode.Literal(job.PrimaryContainerName)}, " +
        $"{GeneratedCode.Literal(job.Image)}, {GeneratedCode.Literal(job.Namespace)}, {GeneratedCode.Literal(job.JobBaseName)}, __CreateKubernetesJob)";

    /// <param name="usesApi">The flow has pod tasks, which it creates through the API from inside the Job: its pod keeps the service account token.</param>
    public static void EmitMembers(SourceWriter writer, JobSpecModel job, bool usesApi)
    {
        writer.Line($"/// <summary>The job spec {GeneratedCode.XmlText(job.JobSpecFile ?? "(default job)")} as checked at build time, before patching.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"private const string __JobSpecJson = {GeneratedCode.Literal(job.JobJson)};");
        writer.Line();
        writer.Line(GeneratedCode.Attribute);
        writer.Open("private static global::System.Text.Json.Nodes.JsonObject __CreateKubernetesJob(global::Flows.Kubernetes.KubernetesRunInfo run)");
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
        writer.Line($"global::Flows.Kubernetes.RestrictedPodDefaults.ApplyToJob(job, container, usesApi: {(usesApi ? "true" : "false")});");
        if (!job.HasTtlSecondsAfterFinished)
        {
            writer.Line($"spec[\"ttlSecondsAfterFinished\"] = {TtlSecondsAfterFinished};");
        }
        writer.Line("return job;");
        writer.Close();
    }
}
