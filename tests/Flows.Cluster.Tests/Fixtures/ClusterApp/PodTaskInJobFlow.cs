using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows;

namespace ClusterApp;

/// <summary>
/// A flow that runs as a Job and creates its pod task's Pod from inside the cluster (in-cluster config, the Job's
/// service account): the pod task waits for its sidecar's file on a shared volume and returns a record, which
/// crosses back through the termination message to the next task, in the Job.
/// </summary>
[Flow("cluster-pod-task-in-job")]
[KubernetesJob("podtask_job.yaml")]
[DockerStorage(RegistryUrl = LaneImage.Registry, ImageName = LaneImage.Name)]
public static partial class PodTaskInJobFlow
{
    public const string ReportPrefix = "pod-task-report:";

    [FlowTask]
    public static int Seed() => 20;

    [FlowTask(TimeoutSeconds = 120)]
    [PodTask("podtask_pod.yaml", "primary", MemoryLimit = "256Mi")]
    public static async Task<PodReport> InPod([FromTask(nameof(Seed))] int seed, CancellationToken cancellationToken)
    {
        while (!File.Exists("/shared/ready"))
        {
            await Task.Delay(100, cancellationToken);
        }
        return new PodReport(Environment.MachineName, seed + 1, (await File.ReadAllTextAsync("/shared/ready", cancellationToken)).Trim());
    }

    [FlowTask]
    public static void Report([FromTask(nameof(InPod))] PodReport report) =>
        Console.WriteLine($"{ReportPrefix} pod={report.Pod} value={report.Value} sidecar={report.Sidecar}");
}

/// <summary>What the pod task saw, sent back as JSON.</summary>
public sealed record PodReport(string Pod, int Value, string Sidecar);
