using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>Build-time security checks of job specs, pod specs and pod-task attributes (FLOW043 and FLOW075 extend the Pod Security Standards' baseline checks).</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor RestrictedProfileViolation = Warning("FLOW082",
        "The spec keeps the pod from passing the Pod Security Standards' restricted profile",
        "{0}: {1}. The Pod Security Standards 'restricted' profile forbids this (check {2}), and Flows' restricted defaults never replace a value the spec writes: a namespace that enforces restricted rejects the pod");

    public static readonly DiagnosticDescriptor SecretLookingLiteralEnvironment = Warning("FLOW083",
        "An env variable that looks secret has a literal value",
        "{0} sets env '{1}' to a literal value, which anyone who can read the {2} sees (kubectl get -o yaml, the API server's storage, evidence files): put the value in a Kubernetes Secret and {3}");

    public static readonly DiagnosticDescriptor TaskKubernetesNameCollision = Error("FLOW084",
        "Two tasks get the same Kubernetes name",
        "Tasks '{0}' and '{1}' of flow '{2}' both get the pod name '{3}', so the second pod of a run would be refused (409 Conflict): rename '{1}', for example to a PascalCase name of ASCII letters and digits, which keeps its own dashed pod name");

    public static readonly DiagnosticDescriptor ExplicitLatestImageTag = Warning("FLOW085",
        "An image is pinned to ':latest'",
        "{0} uses the image '{1}', whose tag ':latest' moves with every push: Kubernetes then pulls it on every start (imagePullPolicy Always) and two runs can get different images. Pin a version tag or a digest (image@sha256:...)");

    public static readonly DiagnosticDescriptor SecretParameterInContainerArgs = Error("FLOW086",
        "A secret parameter is written into a container task's Command or Args",
        "Container task '{0}' writes the secret flow parameter '{1}' into its {2} through '{{{3}}}', and a Pod's command and args are shown by 'kubectl get pods -o yaml' and in the node's process list: pass it through Environment instead (Environment = new[] {{ \"{4}={{{3}}}\" }}), which travels in a Secret, and read the variable in the container");

    /// <summary>
    /// The security warnings: advice about a field the API server may also reject (a sysctl's name, an image), so a
    /// spec checker does not let them hide the server's error at the same node.
    /// </summary>
    public static bool IsSecurityAdvice(DiagnosticDescriptor descriptor) =>
        ReferenceEquals(descriptor, InsecurePodSetting) || ReferenceEquals(descriptor, PodInsecureSetting) || ReferenceEquals(descriptor, RestrictedProfileViolation)
        || ReferenceEquals(descriptor, SecretLookingLiteralEnvironment) || ReferenceEquals(descriptor, ExplicitLatestImageTag);
}
