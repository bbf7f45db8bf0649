namespace Flows.Generators.Kubernetes.Validation;

// Not checked at build time, and why:
// - that the ConfigMaps and Secrets named by configMapKeyRef, secretKeyRef, configMapRef and secretRef exist, and
//   have the keys: that is cluster state (the kubelet reports it when the pod starts, unless `optional: true`).
// - hugepages in resourceFieldRef (requests.hugepages-*, limits.hugepages-*): DownwardAPIHugePages is Alpha (off) in
//   1.20, so the server takes no prefixes, as here.

/// <summary>ValidateEnv, validateEnvVarValueFrom and ValidateEnvFrom of pkg/apis/core/validation (1.20).</summary>
internal static class EnvValidation
{
    /// <summary>validEnvDownwardAPIFieldPathExpressions.</summary>
    public static readonly string[] ValidEnvDownwardApiFieldPathExpressions =
    {
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.podIP", "status.podIPs",
    };

    /// <summary>validContainerResourceFieldPathExpressions.</summary>
    public static readonly string[] ValidContainerResourceFieldPathExpressions =
    {
        "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory",
    };

    /// <summary>validContainerResourceFieldPathPrefixes (without DownwardAPIHugePages, off in 1.20: none).</summary>
    public static readonly string[] ValidContainerResourceFieldPathPrefixes = { };

    /// <summary>ValidateEnv.</summary>
    public static void ValidateEnv(SpecValidation validation, SpecNode env)
    {
        foreach (var variable in env.Items)
        {
            var nameNode = variable["name"];
            var name = nameNode.StringOrEmpty;
            if (name.Length == 0)
            {
                if (!nameNode.Exists || nameNode.String is not null)
                {
                    validation.Errors.Required(nameNode, "");
                }
            }
            else
            {
                validation.Errors.InvalidEach(nameNode, name, NameRules.IsEnvVarName(name));
            }
            ValidateEnvVarValueFrom(validation, variable);
        }
    }

    /// <summary>validateEnvVarValueFrom: exactly one source, and no value beside it.</summary>
    private static void ValidateEnvVarValueFrom(SpecValidation validation, SpecNode variable)
    {
        var valueFrom = variable["valueFrom"];
        if (!valueFrom.Exists)
        {
            return;
        }
        var numSources = 0;
        if (valueFrom["fieldRef"].Exists)
        {
            numSources++;
            FieldSelectorValidation.ValidateObjectFieldSelector(validation, valueFrom["fieldRef"], ValidEnvDownwardApiFieldPathExpressions);
        }
        if (valueFrom["resourceFieldRef"].Exists)
        {
            numSources++;
            FieldSelectorValidation.ValidateContainerResourceFieldSelector(validation, valueFrom["resourceFieldRef"], ValidContainerResourceFieldPathExpressions, ValidContainerResourceFieldPathPrefixes, volume: false);
        }
        if (valueFrom["configMapKeyRef"].Exists)
        {
            numSources++;
            ValidateKeySelector(validation, valueFrom["configMapKeyRef"]);
        }
        if (valueFrom["secretKeyRef"].Exists)
        {
            numSources++;
            ValidateKeySelector(validation, valueFrom["secretKeyRef"]);
        }

        if (numSources == 0)
        {
            validation.Errors.Invalid(valueFrom, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        }
        else if (variable["value"].StringOrEmpty.Length != 0)
        {
            validation.Errors.Invalid(valueFrom, "", "may not be specified when `value` is not empty");
        }
        else if (numSources > 1)
        {
            validation.Errors.Invalid(valueFrom, "", "may not have more than one field specified at a time");
        }
    }

    /// <summary>validateConfigMapKeySelector and validateSecretKeySelector (the same rules): name a DNS subdomain (even when empty), key required and a config map key.</summary>
    private static void ValidateKeySelector(SpecValidation validation, SpecNode selector)
    {
        var nameNode = selector["name"];
        if (!nameNode.Exists || nameNode.String is not null)
        {
            var name = nameNode.StringOrEmpty;
            validation.Errors.InvalidEach(nameNode, name, ObjectMetaValidation.NameIsDnsSubdomain(name, false));
        }
        var keyNode = selector["key"];
        var key = keyNode.StringOrEmpty;
        if (key.Length == 0)
        {
            if (!keyNode.Exists || keyNode.String is not null)
            {
                validation.Errors.Required(keyNode, "");
            }
        }
        else
        {
            validation.Errors.InvalidEach(keyNode, key, NameRules.IsConfigMapKey(key));
        }
    }

    /// <summary>ValidateEnvFrom: prefix an env var name; exactly one of configMapRef, secretRef.</summary>
    public static void ValidateEnvFrom(SpecValidation validation, SpecNode envFrom)
    {
        foreach (var source in envFrom.Items)
        {
            var prefix = source["prefix"];
            if (prefix.String is { Length: > 0 } value)
            {
                validation.Errors.InvalidEach(prefix, value, NameRules.IsEnvVarName(value));
            }
            var numSources = 0;
            foreach (var type in new[] { "configMapRef", "secretRef" })
            {
                var reference = source[type];
                if (!reference.Exists)
                {
                    continue;
                }
                numSources++;
                // validateConfigMapEnvSource, validateSecretEnvSource
                var nameNode = reference["name"];
                var name = nameNode.StringOrEmpty;
                if (name.Length == 0)
                {
                    if (!nameNode.Exists || nameNode.String is not null)
                    {
                        validation.Errors.Required(nameNode, "");
                    }
                }
                else
                {
                    validation.Errors.InvalidEach(nameNode, name, ObjectMetaValidation.NameIsDnsSubdomain(name, true));
                }
            }
            // The server reports these at envFrom, without the index.
            if (numSources == 0)
            {
                validation.Errors.Invalid(source.At(envFrom.Path), "", "must specify one of: `configMapRef` or `secretRef`");
            }
            else if (numSources > 1)
            {
                validation.Errors.Invalid(source.At(envFrom.Path), "", "may not have more than one field specified at a time");
            }
        }
    }
}
