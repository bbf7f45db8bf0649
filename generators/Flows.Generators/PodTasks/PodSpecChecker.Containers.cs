using System.Globalization;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.PodTasks;

/// <summary>
/// The pod spec's shape, the primary's fields and the restart policy. The API server's rules of containers and
/// volume mounts (FLOW065–FLOW069, FLOW072) are the port's (see CheckAgainstApiServer).
/// </summary>
internal sealed partial class PodSpecChecker
{
    /// <summary>The primary's fields that Flows sets for every run.</summary>
    private string[] OverwrittenFields => _attribute.Kind == PodTaskModelKind.Sidecar
        ? new[] { "image", "command", "args", "resources", "env", "terminationMessagePolicy" }
        : new[] { "image", "command", "args", "resources", "env" };

    private void CheckPodSpec(YamlMappingNode? podSpec)
    {
        var containers = ListOrEmpty(podSpec, "containers", "containers", itemsAreMappings: true);
        var initContainers = ListOrEmpty(podSpec, "initContainers", "initContainers", itemsAreMappings: true);
        ListOrEmpty(podSpec, "volumes", "volumes", itemsAreMappings: true);

        var all = initContainers.Select((node, index) => (Node: node, Label: "init container " + index.ToString(CultureInfo.InvariantCulture), IsInit: true))
            .Concat(containers.Select((node, index) => (Node: node, Label: "container " + index.ToString(CultureInfo.InvariantCulture), IsInit: false)));
        foreach (var (node, label, isInit) in all)
        {
            if (node is not YamlMappingNode container)
            {
                continue;
            }
            var name = YamlJson.AsString(Child(container, "name")) is { Length: > 0 } written ? written : label;
            if (!isInit && name == PrimaryName)
            {
                CheckOverwrittenFields(container, name);
            }
            ListOrEmpty(container, "volumeMounts", $"volumeMounts of container '{name}'", itemsAreMappings: true);
        }
        CheckRestartPolicy(podSpec);
    }

    private void CheckOverwrittenFields(YamlMappingNode primary, string name)
    {
        var overwritten = YamlSpecText.WrittenFields(primary, OverwrittenFields);
        if (overwritten.Count > 0)
        {
            var source = _attribute.Kind == PodTaskModelKind.Sidecar
                ? "the image is the flow's, command and args run the task's body, resources and env come from [PodTask], and terminationMessagePolicy is File so its result can be read"
                : "the image, command, args, resources and env come from [ContainerTask]";
            Report(DiagnosticDescriptors.PodPrimaryContainerFieldsOverwritten, overwritten[0].Node, _fileName, string.Join(", ", overwritten.Select(f => f.Field)), name, _attribute.TaskName, source);
        }
    }

    /// <summary>Always and OnFailure, which the API server accepts, would restart the primary; a value it rejects is the port's finding.</summary>
    private void CheckRestartPolicy(YamlMappingNode? podSpec)
    {
        var policy = Child(podSpec, "restartPolicy");
        var value = YamlJson.AsString(policy);
        var consequence = value switch
        {
            "Always" => $"so the kubelet restarts the primary container '{PrimaryName}' each time it ends, even after it succeeds, and the task never ends",
            "OnFailure" => $"so the kubelet restarts a failed primary container '{PrimaryName}' in the same pod, outside the task's Retries, and the task does not end while it keeps failing",
            _ => null,
        };
        if (consequence is not null)
        {
            Report(DiagnosticDescriptors.PodRestartPolicy, policy, _fileName, value, consequence);
        }
    }
}
