using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.PodTasks;

/// <summary>The pod spec's containers, volumes and pod settings.</summary>
internal sealed partial class PodSpecChecker
{
    private void CheckPodSpec(YamlMappingNode? podSpec)
    {
        var containers = ListOrEmpty(podSpec, "containers", "containers", itemsAreMappings: true);
        var initContainers = ListOrEmpty(podSpec, "initContainers", "initContainers", itemsAreMappings: true);
        var volumes = ListOrEmpty(podSpec, "volumes", "volumes", itemsAreMappings: true);
        var declaredVolumes = new HashSet<string>(volumes.Select(v => YamlJson.AsString(Child(v as YamlMappingNode, "name"))).OfType<string>());

        CheckContainerNames(containers, initContainers);
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
            else
            {
                CheckImage(container, name);
                foreach (var (quantity, detail) in ContainerRules.QuantityProblems(container, name, "the Pod"))
                {
                    Report(DiagnosticDescriptors.PodInvalidResourceQuantity, quantity, $"Pod spec '{_fileName}'", detail);
                }
            }
            CheckVolumeMounts(container, name, declaredVolumes);
        }
        CheckRestartPolicy(podSpec);
    }

    /// <summary>Names that are missing, not DNS-1123 labels, or used twice (init containers share the pod's name space).</summary>
    private void CheckContainerNames(IReadOnlyList<YamlNode> containers, IReadOnlyList<YamlNode> initContainers)
    {
        var seen = new HashSet<string>();
        var all = initContainers.Select((node, index) => (node, "init container " + index.ToString(CultureInfo.InvariantCulture)))
            .Concat(containers.Select((node, index) => (node, "container " + index.ToString(CultureInfo.InvariantCulture))));
        foreach (var (node, label) in all)
        {
            if (node is not YamlMappingNode container)
            {
                continue;
            }
            var nameNode = Child(container, "name");
            if (nameNode is null || YamlJson.IsNull(nameNode) || (nameNode is YamlScalarNode { Value: "" }))
            {
                Report(DiagnosticDescriptors.PodContainerWithoutName, nameNode ?? container, _fileName, label);
                continue;
            }
            if (YamlJson.AsString(nameNode) is not { } name)
            {
                Report(DiagnosticDescriptors.PodInvalidContainerName, nameNode, _fileName, nameNode is YamlScalarNode scalar
                    ? $"{scalar.Value} is read as a {ShapeOf(nameNode)}, not a string: quote it (name: \"{scalar.Value}\")"
                    : $"is a {ShapeOf(nameNode)}, but must be a string");
                continue;
            }
            if (KubernetesNames.Dns1123LabelProblem(name) is { } problem)
            {
                Report(DiagnosticDescriptors.PodInvalidContainerName, nameNode, _fileName, problem);
            }
            if (!seen.Add(name))
            {
                Report(DiagnosticDescriptors.PodDuplicateContainerName, nameNode, _fileName, name);
            }
        }
        // The patch adds the primary to containers when it is not there: an init container of that name would then be a duplicate.
        var primaryInContainers = containers.Any(c => YamlJson.AsString(Child(c as YamlMappingNode, "name")) == PrimaryName);
        var initNamedLikePrimary = initContainers.Select(c => Child(c as YamlMappingNode, "name")).FirstOrDefault(n => YamlJson.AsString(n) == PrimaryName);
        if (!primaryInContainers && initNamedLikePrimary is not null && PrimaryName.Length > 0)
        {
            Report(DiagnosticDescriptors.PodDuplicateContainerName, initNamedLikePrimary, _fileName, PrimaryName);
        }
    }

    private void CheckOverwrittenFields(YamlMappingNode primary, string name)
    {
        var fields = _attribute.Kind == PodTaskKindSpec.Sidecar
            ? new[] { "image", "command", "args", "resources", "env", "terminationMessagePolicy" }
            : new[] { "image", "command", "args", "resources", "env" };
        var overwritten = new List<string>();
        YamlNode? first = null;
        foreach (var field in fields)
        {
            var node = Child(primary, field);
            var isEmpty = node is null || YamlJson.IsNull(node)
                || (node is YamlScalarNode scalar && string.IsNullOrEmpty(scalar.Value))
                || (node is YamlSequenceNode sequence && sequence.Children.Count == 0)
                || (node is YamlMappingNode mapping && mapping.Children.Count == 0);
            if (!isEmpty)
            {
                overwritten.Add(field);
                first ??= node;
            }
        }
        if (overwritten.Count > 0)
        {
            var source = _attribute.Kind == PodTaskKindSpec.Sidecar
                ? "the image is the flow's, command and args run the task's body, resources and env come from [PodTask], and terminationMessagePolicy is File so its result can be read"
                : "the image, command, args, resources and env come from [ContainerTask]";
            Report(DiagnosticDescriptors.PodPrimaryContainerFieldsOverwritten, first, _fileName, string.Join(", ", overwritten), name, _attribute.TaskName, source);
        }
    }

    private void CheckImage(YamlMappingNode container, string name)
    {
        if (string.IsNullOrWhiteSpace(PrimaryName))
        {
            return; // FLOW063 is reported; which container was meant to be the primary, and so needs no image, is unknown.
        }
        var image = Child(container, "image");
        if (image is null || YamlJson.IsNull(image) || (image is YamlScalarNode { Value: "" }))
        {
            Report(DiagnosticDescriptors.ContainerWithoutImage, image ?? Child(container, "name") ?? container, _fileName, name, PrimaryName);
        }
    }

    private void CheckVolumeMounts(YamlMappingNode container, string name, HashSet<string> declaredVolumes)
    {
        foreach (var mount in ListOrEmpty(container, "volumeMounts", $"volumeMounts of container '{name}'", itemsAreMappings: true))
        {
            var volumeNode = Child(mount as YamlMappingNode, "name");
            if (YamlJson.AsString(volumeNode) is { Length: > 0 } volume && !declaredVolumes.Contains(volume))
            {
                Report(DiagnosticDescriptors.UndeclaredVolume, volumeNode, _fileName, name, volume);
            }
        }
    }

    private void CheckRestartPolicy(YamlMappingNode? podSpec)
    {
        var policy = Child(podSpec, "restartPolicy");
        if (policy is null || YamlJson.IsNull(policy) || YamlJson.AsString(policy) == "Never")
        {
            return;
        }
        var value = ScalarText(policy);
        var consequence = value switch
        {
            "Always" => $"so the kubelet restarts the primary container '{PrimaryName}' each time it ends, even after it succeeds, and the task never ends",
            "OnFailure" => $"so the kubelet restarts a failed primary container '{PrimaryName}' in the same pod, outside the task's Retries, and the task does not end while it keeps failing",
            _ => "which is not a restart policy (Always, OnFailure or Never)",
        };
        Report(DiagnosticDescriptors.PodRestartPolicy, policy, _fileName, value, consequence);
    }
}
