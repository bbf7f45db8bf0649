using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;
using Flows.Generators.Kubernetes.Validation;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Jobs;

/// <summary>The job spec's security checks: Pod Security Standards (FLOW043, FLOW082), literal secrets (FLOW083), ':latest' (FLOW085).</summary>
internal sealed partial class JobSpecChecker
{
    private void CheckSecurity(YamlMappingNode job)
    {
        var template = new SpecNode(job, FieldPath.Root)["spec"]["template"];
        var podSpec = template["spec"];
        SpecSecurity.Check(_problems, podSpec, template["metadata"], DiagnosticDescriptors.InsecurePodSetting, "Job and its pods",
            replacedEnv: null, replacedImage: FlowContainerName(podSpec.Node as YamlMappingNode));
    }

    /// <summary>The flow's own image, from [DockerStorage] (its ImageTag "latest").</summary>
    private void CheckFlowImageTag()
    {
        if (LatestImageTag.IsExplicitLatest(_attribute.Image))
        {
            Report(DiagnosticDescriptors.ExplicitLatestImageTag, ProblemTarget.DockerStorageAttribute, $"Flow '{_flowName}'", _attribute.Image);
        }
    }
}
