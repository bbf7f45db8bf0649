using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_windowsHostProcess.go (baseline): no Windows HostProcess container, on the pod or on a container.</summary>
internal static class CheckWindowsHostProcess
{
    public const string Id = "windowsHostProcess";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        var setters = new List<(string, Validation.SpecNode)> { ("the pod", pod.SecurityContext) };
        foreach (var container in pod.Containers)
        {
            setters.Add((container.Label, container.SecurityContext));
        }
        foreach (var (setter, securityContext) in setters)
        {
            var hostProcess = securityContext["windowsOptions"]["hostProcess"];
            if (hostProcess.Boolean == true)
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "hostProcess", hostProcess,
                    $"{setter} sets securityContext.windowsOptions.hostProcess: true, which runs it as a process of the Windows node"));
            }
        }
    }
}
