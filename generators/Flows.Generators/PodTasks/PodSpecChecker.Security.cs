using System.Linq;
using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;
using Flows.Generators.Kubernetes.Validation;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.PodTasks;

/// <summary>The pod spec's and the attribute's security checks: Pod Security Standards (FLOW075, FLOW082), literal secrets (FLOW083), ':latest' (FLOW085).</summary>
internal sealed partial class PodSpecChecker
{
    private void CheckSecurity(YamlMappingNode root, bool isPod)
    {
        var document = new SpecNode(root, isPod ? FieldPath.Root : FieldPath.Of("spec"));
        var podSpec = isPod ? document["spec"] : document;
        var metadata = isPod ? document["metadata"] : new SpecNode(null, FieldPath.Of("metadata"));
        // The primary's env and image are the attribute's (FLOW064 says so when the spec sets them).
        SpecSecurity.Check(_problems, podSpec, metadata, DiagnosticDescriptors.PodInsecureSetting, "Pod", replacedEnv: PrimaryName, replacedImage: PrimaryName);
    }

    private void CheckAttributeSecurity()
    {
        for (var i = 0; i < _attribute.Environment.Count; i++)
        {
            var entry = _attribute.Environment[i];
            var separator = entry.IndexOf('=');
            if (separator > 0 && SecretEnvironment.IsSecretLiteral(entry.Substring(0, separator), entry.Substring(separator + 1))
                && !(_attribute.Kind == PodTaskModelKind.Container && ContainerArgv.Placeholders(entry.Substring(separator + 1)).Any()))
            {
                ReportOnAttribute(DiagnosticDescriptors.SecretLookingLiteralEnvironment, "Environment", i,
                    $"{AttributeName} on task '{_attribute.TaskName}'", entry.Substring(0, separator), "Pod",
                    $"load it with envFrom.secretRef on the container '{PrimaryName}' of the task's pod spec (an Environment entry is always a literal)");
            }
        }
        if (_attribute.Kind == PodTaskModelKind.Container && LatestImageTag.IsExplicitLatest(_attribute.Image))
        {
            ReportOnAttribute(DiagnosticDescriptors.ExplicitLatestImageTag, "Image", null, $"{AttributeName} on task '{_attribute.TaskName}'", _attribute.Image!.Trim());
        }
    }
}
