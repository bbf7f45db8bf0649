using System.Collections.Generic;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes;

/// <summary>Env variables whose names look like secrets (<c>*TOKEN*</c>, <c>*PASSWORD*</c>, <c>*SECRET*</c>, <c>*KEY*</c>) but whose values are written in the spec.</summary>
internal static class SecretEnvironment
{
    private static readonly string[] SecretWords = { "TOKEN", "PASSWORD", "PASSWD", "SECRET", "KEY", "CREDENTIAL" };

    public static bool LooksSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        foreach (var word in SecretWords)
        {
            if (upper.Contains(word))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A literal that is a value: an empty one holds no secret.</summary>
    public static bool IsSecretLiteral(string name, string? value) => !string.IsNullOrEmpty(value) && LooksSecret(name);

    /// <summary>
    /// The env entries of every container (init, regular, ephemeral) of <paramref name="podSpec"/> with a secret-looking
    /// name and a literal, non-empty <c>value</c>; <paramref name="replacedEnv"/> names a container whose env Flows replaces.
    /// </summary>
    public static IEnumerable<(string Container, string Name, SpecNode Value)> LiteralSecrets(SpecNode podSpec, string? replacedEnv)
    {
        foreach (var field in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            foreach (var container in podSpec[field].Items)
            {
                var containerName = container["name"].StringOrEmpty;
                if (field == "containers" && containerName == replacedEnv)
                {
                    continue;
                }
                foreach (var variable in container["env"].Items)
                {
                    var name = variable["name"].StringOrEmpty;
                    var value = variable["value"];
                    if (IsSecretLiteral(name, value.String ?? value.Json))
                    {
                        yield return (containerName, name, value);
                    }
                }
            }
        }
    }
}
