using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Flows;

namespace ClusterApp;

/// <summary>
/// The restricted defaults and a secret parameter on the real cluster: the Job's flow container and a pod task's
/// primary each report the security settings the kernel gave them, and each receives the secret parameter, through
/// the Job's and the Pod's Secrets, and reports only its hash. The pod task waits a little, so that a test can read
/// the Pods and Job while they exist.
/// </summary>
[Flow("cluster-restricted")]
[KubernetesJob("podtask_job.yaml")]
[DockerStorage(RegistryUrl = LaneImage.Registry, ImageName = LaneImage.Name)]
public static partial class RestrictedFlow
{
    public const string ReportPrefix = "restricted-report:";

    [FlowTask]
    public static string InJob([FlowParameter("apiToken", Secret = true)] string apiToken) =>
        ProcessSecurity.Describe() + " token=" + Hash(apiToken);

    [FlowTask(TimeoutSeconds = 120)]
    [PodTask("restricted_pod.yaml", "primary", MemoryLimit = "256Mi")]
    public static async Task<string> InPod([FlowParameter("apiToken", Secret = true)] string apiToken, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
        return ProcessSecurity.Describe() + " token=" + Hash(apiToken);
    }

    [FlowTask]
    public static void Report([FromTask(nameof(InJob))] string job, [FromTask(nameof(InPod))] string pod)
    {
        Console.WriteLine($"{ReportPrefix} job {job}");
        Console.WriteLine($"{ReportPrefix} pod {pod}");
    }

    public static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}

/// <summary>A container task whose spec asks for runAsNonRoot while its image (busybox) runs as root: the kubelet refuses it.</summary>
[Flow("cluster-refused-root")]
public static partial class RefusedRootFlow
{
    [FlowTask(TimeoutSeconds = 300)]
    [ContainerTask("localhost:5000/busybox:1", Command = new[] { "echo", "ran" }, PodSpecFile = "nonroot_pod.yaml")]
    public static partial void AsNonRoot();
}
