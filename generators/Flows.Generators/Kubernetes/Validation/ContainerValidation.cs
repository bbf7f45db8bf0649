using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>validateContainers, validateInitContainers and everything of a container in pkg/apis/core/validation (1.20).</summary>
internal static class ContainerValidation
{
    /// <summary>validateContainers (isInitContainers false).</summary>
    public static void ValidateContainers(SpecValidation validation, SpecNode containers, IReadOnlyDictionary<string, SpecNode> volumes, SpecNode podSpec)
    {
    }

    /// <summary>validateInitContainers.</summary>
    public static void ValidateInitContainers(SpecValidation validation, SpecNode initContainers, SpecNode containers, IReadOnlyDictionary<string, SpecNode> volumes, SpecNode podSpec)
    {
    }
}
