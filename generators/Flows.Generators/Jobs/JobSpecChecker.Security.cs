using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;
using Flows.Generators.Kubernetes.PodSecurity;
using Flows.Generators.Kubernetes.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Jobs;

/// <summary>The job spec's security checks: Pod Security Standards (FLOW043, FLOW082), literal secrets (FLOW083), ':latest' (FLOW085).</summary>
internal sealed partial class JobSpecChecker
{
    private void CheckSecurity(YamlMappingNode job)
    {
        var template = new SpecNode(job, FieldPath.Root)["spec"]["template"];
        var podSpec = template["spec"];
        var (baseline, restricted) = PodSecurityFindings.Of(podSpec, template["metadata"]);
        foreach (var violation in baseline)
        {
            Report(DiagnosticDescriptors.InsecurePodSetting, violation.Node, _fileName, violation.Detail, violation.CheckId);
        }
        foreach (var violation in restricted)
        {
            Report(DiagnosticDescriptors.RestrictedProfileViolation, violation.Node, $"Job spec '{_fileName}'", violation.Detail, violation.CheckId);
        }
        foreach (var (container, name, value) in SecretEnvironment.LiteralSecrets(podSpec, replacedEnv: null))
        {
            Report(DiagnosticDescriptors.SecretLookingLiteralEnvironment, value.Node, $"Job spec '{_fileName}': container '{container}'", name, "Job and its pods",
                "write valueFrom.secretKeyRef (the Secret's name and key) instead of value");
        }
        var flowContainer = FlowContainerName(podSpec.Node as YamlMappingNode);
        foreach (var (container, image) in LatestImageTag.Find(podSpec, flowContainer))
        {
            Report(DiagnosticDescriptors.ExplicitLatestImageTag, image.Node, $"Job spec '{_fileName}': container '{container}'", image.String);
        }
    }

    /// <summary>The flow's own image, from [DockerStorage] (its ImageTag "latest").</summary>
    private void CheckFlowImageTag()
    {
        if (LatestImageTag.IsExplicitLatest(_attribute.Image))
        {
            Report(DiagnosticDescriptors.ExplicitLatestImageTag, ProblemTarget.DockerStorageAttribute, Mark.Empty, Mark.Empty, $"Flow '{_flowName}'", _attribute.Image);
        }
    }
}
