using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_procMount_restricted.go (restricted, 1.35+; replaces procMount): procMount unset or Default, even in a user namespace.</summary>
internal static class CheckProcMountRestricted
{
    public const string Id = "procMount_restricted";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Restricted, Run, CheckProcMountBaseline.Id);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found) =>
        CheckProcMountBaseline.Find(pod, Id, PodSecurityLevel.Restricted, found);
}
