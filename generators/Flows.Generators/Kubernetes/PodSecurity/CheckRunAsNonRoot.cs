using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// check_runAsNonRoot.go (restricted, 1.35+): <c>runAsNonRoot: true</c> on the pod or on every container, and false
/// nowhere; anything goes in a user namespace (<c>hostUsers: false</c>).
/// </summary>
internal static class CheckRunAsNonRoot
{
    public const string Id = "runAsNonRoot";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Restricted, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        if (pod.InUserNamespace)
        {
            return;
        }
        var podLevel = pod.SecurityContext["runAsNonRoot"];
        if (podLevel.Boolean == false)
        {
            found.Add(Explicit(podLevel, "the pod"));
        }
        var explicitlyBad = false;
        var implicitlyBad = new List<PodContainer>();
        foreach (var container in pod.Containers)
        {
            var runAsNonRoot = container.SecurityContext["runAsNonRoot"];
            if (runAsNonRoot.Boolean is { } value)
            {
                if (!value)
                {
                    explicitlyBad = true;
                    found.Add(Explicit(runAsNonRoot, container.Label));
                }
            }
            else if (podLevel.Boolean != true)
            {
                implicitlyBad.Add(container);
            }
        }
        // As in Go, a container that is silent is only reported when nothing is set to false.
        if (podLevel.Boolean == false || explicitlyBad)
        {
            return;
        }
        foreach (var container in implicitlyBad)
        {
            found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Restricted, "runAsNonRoot != true", container.SecurityContext["runAsNonRoot"],
                $"the pod or {container.Label} must set securityContext.runAsNonRoot: true"));
        }
    }

    private static PodSecurityViolation Explicit(Validation.SpecNode field, string setter) =>
        new(Id, PodSecurityLevel.Restricted, "runAsNonRoot != true", field,
            $"{setter} sets securityContext.runAsNonRoot: false, so its containers may run as root: remove it or set it to true (with a non-zero runAsUser if the image's user is root)");
}
