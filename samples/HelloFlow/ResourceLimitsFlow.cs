using System;
using Flows;

namespace Samples.HelloFlow;

/// <summary>
/// The flow of Prefect's "Kubernetes Job Environment w/ Resource Requests &amp; Limits" example:
/// get_value -> output_value, with output_value's parameter bound to get_value's result.
/// </summary>
[Flow("Kubernetes Job Environment w/ Resource Requests & Limits", Description = "get_value -> output_value (Prefect's KubernetesJobEnvironment example)")]
[KubernetesJob("job_spec.yaml")]
[DockerStorage(RegistryUrl = "127.0.0.1:5000/", ImageName = "flows/hello-flow", ImageTag = "0.1.0")]
public static partial class ResourceLimitsFlow
{
    [FlowTask]
    public static string GetValue() => "Example!";

    [FlowTask]
    public static void OutputValue([FromTask(nameof(GetValue))] string value) => Console.WriteLine(value);
}
