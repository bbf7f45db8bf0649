using System;
using System.Collections.Generic;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes;

/// <summary>Image references that name the tag <c>latest</c> explicitly (and no digest, which would pin them).</summary>
internal static class LatestImageTag
{
    public static bool IsExplicitLatest(string? image)
    {
        // A digest pins the image whatever its tag says.
        var reference = (image ?? "").Trim();
        return reference.IndexOf('@') < 0 && string.Equals(global::Flows.Manifests.ImagePullPolicyDefault.ExplicitTagOf(reference), "latest", StringComparison.Ordinal);
    }

    /// <summary>The <c>image</c> fields of the pod's containers that are <c>:latest</c>; <paramref name="replacedImage"/> names the container whose image Flows sets.</summary>
    public static IEnumerable<(string Container, SpecNode Image)> Find(SpecNode podSpec, string? replacedImage)
    {
        foreach (var field in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            foreach (var container in podSpec[field].Items)
            {
                var name = container["name"].StringOrEmpty;
                if (field == "containers" && name == replacedImage)
                {
                    continue;
                }
                if (IsExplicitLatest(container["image"].String))
                {
                    yield return (name, container["image"]);
                }
            }
        }
    }
}
