using System.Collections.Generic;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>What a check looks at: a pod's metadata and spec (for a Job, its pod template's), and its containers.</summary>
internal sealed class PodSecurityInput
{
    public PodSecurityInput(SpecNode podMetadata, SpecNode podSpec)
    {
        Metadata = podMetadata;
        Spec = podSpec;
        var containers = new List<PodContainer>();
        // visitor.go's visitContainers: init containers, containers, ephemeral containers.
        foreach (var field in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            foreach (var container in podSpec[field].Items)
            {
                containers.Add(new PodContainer(container));
            }
        }
        Containers = containers;
    }

    public SpecNode Metadata { get; }

    public SpecNode Spec { get; }

    public SpecNode SecurityContext => Spec["securityContext"];

    public IReadOnlyList<PodContainer> Containers { get; }

    /// <summary>helpers.go's relaxPolicyForUserNamespacePod: <c>hostUsers: false</c> runs the pod in a user namespace.</summary>
    public bool InUserNamespace => Spec["hostUsers"].Boolean == false;

    /// <summary><c>os.name: windows</c>, which the restricted checks of Linux-only fields skip (1.25+).</summary>
    public bool IsWindows => Spec["os"]["name"].String == "windows";
}

/// <summary>One container of the pod, with its name for messages.</summary>
internal readonly struct PodContainer
{
    public PodContainer(SpecNode node)
    {
        Node = node;
    }

    public SpecNode Node { get; }

    public string Name => Node["name"].String is { Length: > 0 } name ? name : Node.Path.ToString();

    public SpecNode SecurityContext => Node["securityContext"];

    /// <summary>"container 'name'", as the messages say it.</summary>
    public string Label => $"container '{Name}'";
}
