namespace Flows;

/// <summary>What runs in a pod task's primary container.</summary>
public enum PodTaskKind
{
    /// <summary>[PodTask]: the task's C# body, in the flow's image, beside the pod spec's sidecars.</summary>
    Sidecar,

    /// <summary>[ContainerTask]: a given image with its command and args; no C# body.</summary>
    Container,
}
