using System;
using Flows;

namespace ClusterApp;

/// <summary>A run whose second task fails with a known message: the lane checks exit 1, the task and error in the output, and the evidence.</summary>
[Flow("cluster-fails")]
[KubernetesJob]
[DockerStorage(RegistryUrl = LaneImage.Registry, ImageName = LaneImage.Name)]
public static partial class FailingFlow
{
    public const string Error = "row 42 of the lane's input is malformed";

    [FlowTask]
    public static int ReadRows() => 42;

    [FlowTask]
    public static void ParseRows([FromTask(nameof(ReadRows))] int rows) => throw new InvalidOperationException(Error + $" (of {rows})");
}
