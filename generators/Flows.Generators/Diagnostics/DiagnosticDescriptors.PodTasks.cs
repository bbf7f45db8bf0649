using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>
/// The pod spec of a [PodTask] or [ContainerTask] and the values on the attribute: YAML problems point at
/// a line of the pod spec file, attribute problems at the argument. {0} of most messages is the file name.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor PodSpecFileNotFound = Error("FLOW060",
        "Pod spec file not found",
        "Pod spec '{0}' of task '{1}' is not an AdditionalFile of this project: fix the path (relative to the project folder), or add <AdditionalFiles Include=\"{0}\" /> to the project");

    public static readonly DiagnosticDescriptor PodSpecYamlSyntaxError = Error("FLOW061",
        "Pod spec YAML syntax error",
        "Pod spec '{0}' is not valid YAML: {1}");

    public static readonly DiagnosticDescriptor PodSpecNotAPod = Error("FLOW062",
        "Pod spec is neither a v1 Pod nor a PodSpec",
        "Pod spec '{0}' must be a Pod (apiVersion: v1, kind: Pod, spec: ...) or a bare PodSpec (containers:, volumes:, ...): {1}");

    public static readonly DiagnosticDescriptor InvalidPrimaryContainerName = Error("FLOW063",
        "Invalid primary container name",
        "Pod task '{0}': the primary container name {1}: name the container that runs the task's body with a DNS-1123 label, e.g. [PodTask(\"pod_spec.yaml\", \"primary\")]");

    public static readonly DiagnosticDescriptor PodPrimaryContainerFieldsOverwritten = Warning("FLOW064",
        "Primary container fields will be overwritten",
        "Pod spec '{0}': {1} of container '{2}' will be replaced for every run of task '{3}', since it runs the task ({4}): remove them from the pod spec");

    public static readonly DiagnosticDescriptor UndeclaredVolume = Error("FLOW065",
        "A volume mount names an undeclared volume",
        "Pod spec '{0}': container '{1}' mounts volume '{2}', which spec.volumes does not declare, so the API server rejects the Pod: declare it under volumes (e.g. '- name: {2}' with 'emptyDir: {{}}') or fix the name");

    public static readonly DiagnosticDescriptor PodContainerWithoutName = Error("FLOW066",
        "A pod spec container has no name",
        "Pod spec '{0}': {1} has no name: add 'name: ...' (a DNS-1123 label such as 'sidecar')");

    public static readonly DiagnosticDescriptor PodDuplicateContainerName = Error("FLOW067",
        "Duplicate container name in a pod spec",
        "Pod spec '{0}' has two containers named '{1}': container names must be unique in a pod, including init containers; rename one");

    public static readonly DiagnosticDescriptor PodInvalidContainerName = Error("FLOW068",
        "Invalid container name in a pod spec",
        "Pod spec '{0}': container name {1}");

    public static readonly DiagnosticDescriptor ContainerWithoutImage = Error("FLOW069",
        "A pod spec container has no image",
        "Pod spec '{0}': container '{1}' has no image, and only the task's own container '{2}' gets one from Flows: add 'image: ...' (e.g. busybox:1.36)");

    public static readonly DiagnosticDescriptor InvalidContainerTaskImage = Error("FLOW070",
        "Invalid container task image",
        "The image of container task '{0}', '{1}', is not a valid image reference: {2}");

    public static readonly DiagnosticDescriptor ContainerTaskImageWithoutTag = Info("FLOW071",
        "The container task's image has no tag",
        "The image of container task '{0}', '{1}', has no tag, so Kubernetes runs ':latest', which can change between runs: pin a tag or a digest, e.g. \"{1}:1.0\"");

    public static readonly DiagnosticDescriptor PodInvalidResourceQuantity = Error("FLOW072",
        "Invalid resource quantity in a pod task",
        "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidTaskEnvironmentEntry = Error("FLOW073",
        "Invalid Environment entry on a pod task",
        "Environment entry '{0}' of task '{1}' {2}: write NAME=value, NAME made of letters, digits, '_', '-' and '.', not starting with a digit");

    public static readonly DiagnosticDescriptor TaskEnvironmentNameCollision = Warning("FLOW074",
        "Environment name collides with a variable Flows sets",
        "Environment variable '{0}' of task '{1}' is also set by Flows for every run, and Kubernetes uses the last entry, which is Flows': rename or remove it");

    public static readonly DiagnosticDescriptor PodInsecureSetting = Warning("FLOW075",
        "A pod spec breaks the Pod Security Standards' baseline profile",
        "Pod spec '{0}': {1}. The Pod Security Standards 'baseline' profile forbids this (check {2}), so a namespace that enforces baseline or restricted rejects the pod; see the help page for the trade-offs and safer options");

    public static readonly DiagnosticDescriptor PodRestartPolicy = Error("FLOW076",
        "A pod task's restartPolicy must be Never",
        "Pod spec '{0}': restartPolicy is '{1}', {2}: set 'restartPolicy: Never' or leave it out (Flows sets Never, and retries a task in a new pod)");
}
