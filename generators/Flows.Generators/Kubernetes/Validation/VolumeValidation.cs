using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>ValidateVolumes and the volume sources of pkg/apis/core/validation (1.20).</summary>
internal static class VolumeValidation
{
    /// <summary>ValidateVolumes: the pod's volumes by name (for the containers' volumeMounts and volumeDevices).</summary>
    public static IReadOnlyDictionary<string, SpecNode> ValidateVolumes(SpecValidation validation, SpecNode volumes, SpecNode podMetadata)
    {
        var byName = new Dictionary<string, SpecNode>();
        foreach (var volume in volumes.Items)
        {
            if (volume["name"].String is { Length: > 0 } name && !byName.ContainsKey(name))
            {
                byName[name] = volume;
            }
        }
        return byName;
    }
}
