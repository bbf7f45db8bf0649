using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>The Kubernetes job environment's diagnostics: most point at a line of the job-spec YAML.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor JobSpecFileNotFound = Error("FLOW030",
        "Job spec file not found",
        "Job spec '{0}' of flow '{1}' is not an AdditionalFile of this project: fix the path (relative to the project folder), or add <AdditionalFiles Include=\"{0}\" /> to the project (the Flows package adds **/*.yaml and **/*.yml unless FlowsIncludeYamlAsAdditionalFiles is false)");

    public static readonly DiagnosticDescriptor JobSpecYamlSyntaxError = Error("FLOW031",
        "Job spec YAML syntax error",
        "Job spec '{0}' is not valid YAML: {1}");

    public static readonly DiagnosticDescriptor JobSpecNotAJob = Error("FLOW032",
        "Job spec is not a batch/v1 Job",
        "Job spec '{0}' must be a Kubernetes Job: {1}");

    public static readonly DiagnosticDescriptor JobSpecNoContainers = Error("FLOW033",
        "Job spec has no containers",
        "Job spec '{0}' has {1}: the flow runs in a container, so add spec.template.spec.containers with at least one container (name and, for the flow, an empty image: \"\")");

    public static readonly DiagnosticDescriptor ContainerWithoutName = Error("FLOW034",
        "A container has no name",
        "Container {0} of job spec '{1}' has no name: add 'name: ...' (a DNS-1123 label such as flow-container)");

    public static readonly DiagnosticDescriptor InvalidRestartPolicy = Error("FLOW035",
        "A Job's restartPolicy must be Never or OnFailure",
        "Job spec '{0}': {1}; set spec.template.spec.restartPolicy to Never (a failed flow is not re-run) or OnFailure");

    public static readonly DiagnosticDescriptor DuplicateContainerName = Error("FLOW036",
        "Duplicate container name",
        "Job spec '{0}' has two containers named '{1}': container names must be unique in a pod, including init containers");

    public static readonly DiagnosticDescriptor KubernetesJobWithoutStorage = Error("FLOW037",
        "A Kubernetes job environment needs Docker storage",
        "Flow '{0}' runs as a Kubernetes Job but has no image: add [DockerStorage(RegistryUrl = \"...\", ImageName = \"...\", ImageTag = \"...\")] to '{1}'");

    public static readonly DiagnosticDescriptor InvalidLabel = Error("FLOW038",
        "Invalid label",
        "Job spec '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidKubernetesName = Error("FLOW039",
        "Invalid Kubernetes name",
        "Job spec '{0}': {1}");

    public static readonly DiagnosticDescriptor PrimaryContainerFieldsOverwritten = Warning("FLOW040",
        "Flow container fields will be overwritten",
        "Job spec '{0}': {1} of the flow container '{2}' will be replaced for every run (image from storage, command and args start the flow): leave them empty");

    public static readonly DiagnosticDescriptor EnvironmentNameCollision = Warning("FLOW041",
        "Env name collides with a variable Flows appends",
        "Job spec '{0}': env '{1}' of the flow container '{2}' is also appended by Flows for every run, and Kubernetes uses the last one: rename or remove it");

    public static readonly DiagnosticDescriptor InvalidResourceQuantity = Error("FLOW042",
        "Invalid resource quantity",
        "Job spec '{0}': {1}");

    public static readonly DiagnosticDescriptor InsecurePodSetting = Warning("FLOW043",
        "The pod breaks the Pod Security Standards' baseline profile",
        "Job spec '{0}': {1}. The Pod Security Standards 'baseline' profile forbids this (check {2}), so a namespace that enforces baseline or restricted rejects the pod; see the help page for the trade-offs and safer options");

    public static readonly DiagnosticDescriptor DockerHostWithoutDaemon = Warning("FLOW044",
        "DOCKER_HOST points at a sidecar that is not there",
        "Job spec '{0}': container '{1}' sets DOCKER_HOST={2}, but no container of the pod serves a Docker daemon (a docker:dind image or dockerd): add the sidecar or change DOCKER_HOST");

    public static readonly DiagnosticDescriptor SidecarNeverExits = Warning("FLOW045",
        "A sidecar that never exits keeps the Job's pod running",
        "Job spec '{0}': container '{1}' ({2}) does not exit by itself, so the Job's pod keeps running after the flow ends: on Kubernetes 1.29 or newer move it to initContainers with 'restartPolicy: Always' (a native sidecar). Flows ends the run when the flow container ends in any case");

    public static readonly DiagnosticDescriptor InvalidImageReference = Error("FLOW046",
        "Invalid image reference",
        "The image of flow '{0}', '{1}', is not a valid image reference: {2}");

    public static readonly DiagnosticDescriptor MissingImageTag = Info("FLOW047",
        "The image has no tag",
        "The image of flow '{0}', '{1}', has no tag: 'build' derives one from the image's content and prints it; pass it to render and submit with --image, or set ImageTag on [DockerStorage] (without either, Kubernetes runs ':latest', which every build overwrites)");

    public static readonly DiagnosticDescriptor InvalidDockerStorageEntry = Error("FLOW049",
        "Invalid Docker storage entry",
        "Flow '{0}': {1}");

    public static readonly DiagnosticDescriptor PrimaryContainerNotFound = Error("FLOW048",
        "The named flow container is not in the job spec",
        "Job spec '{0}' has no container named '{1}' (PrimaryContainer of [KubernetesJob]); its containers are: {2}");
}
