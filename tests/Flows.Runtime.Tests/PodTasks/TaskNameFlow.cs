namespace Flows.Runtime.Tests.PodTasks;

/// <summary>Container tasks whose names lose something on the way to a Kubernetes name: case, '_', non-ASCII letters, length.</summary>
[Flow("task names")]
public static partial class TaskNameFlow
{
    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial void LoadData();

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial void Load_Data();

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial void loadData();

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial void Größe();

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial void _hidden();

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial void ReadTheQuarterlyReportsOfEveryRegionAndMergeThem();

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial void ReadTheQuarterlyReportsOfEveryRegionAndMergeThose();
}
