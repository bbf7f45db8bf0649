using System;
using Flows;

namespace Samples.BrokenJobSpec;

/// <summary>A flow whose job spec and pod spec the Kubernetes API server would reject: the build fails at their YAML lines.</summary>
[Flow("Broken job spec")]
[KubernetesJob("job_spec.yaml")]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/broken-job-spec", ImageTag = "1")]
public static partial class BrokenJobSpecFlow
{
    [FlowTask]
    public static string Extract() => "data";

    [FlowTask]
    [PodTask("pod_spec.yaml", "primary")]
    public static void Load([FromTask(nameof(Extract))] string data) => Console.WriteLine(data);
}
