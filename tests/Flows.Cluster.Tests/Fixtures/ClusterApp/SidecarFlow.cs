using System;
using Flows;

namespace ClusterApp;

/// <summary>The seed 000 shape without Docker: the flow container ends, its sidecar never does (sidecar_job.yaml).</summary>
[Flow("cluster-sidecar")]
[KubernetesJob("sidecar_job.yaml")]
[DockerStorage(RegistryUrl = LaneImage.Registry, ImageName = LaneImage.Name)]
public static partial class SidecarFlow
{
    public const string Line = "the flow is done; its sidecar is not";

    [FlowTask]
    public static void Work() => Console.WriteLine(Line);
}
