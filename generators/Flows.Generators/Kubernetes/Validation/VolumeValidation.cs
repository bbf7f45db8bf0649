using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>ValidateVolumes and the volume sources of pkg/apis/core/validation (1.20).</summary>
/// <remarks>
/// Not checked at build time, and why:
/// - ephemeral (generic ephemeral volumes): the GenericEphemeralVolume gate is alpha and off in 1.20, so the server's
///   DropDisabledPodFields / DropDisabledTemplateFields removes the field on create before validation. What remains is
///   checked: a volume whose only source was ephemeral "must specify a volume type". Hence validateEphemeralVolumeSource,
///   ValidatePersistentVolumeClaimTemplate, the PVC name check and "must not reference a PVC that gets created for an
///   ephemeral volume" never run on a 1.20 server.
/// - emptyDir.medium: 1.20 does not validate it (any string is accepted).
/// - Whether the Secret, ConfigMap, PersistentVolumeClaim, CSI driver ... exist: cluster state, checked when the pod starts.
/// - ISCSI/CSI persistent-volume variants (validateISCSIPersistentVolumeSource, validateCSIPersistentVolumeSource, ...)
///   and validateLocalVolumeSource: PersistentVolume objects, which Flows does not create.
/// </remarks>
internal static class VolumeValidation
{
    internal const string FileModeErrorMessage = "must be a number between 0 and 0777 (octal), both inclusive";

    private const string MoreThanOneVolumeType = "may not specify more than 1 volume type";

    /// <summary>The v1 VolumeSource's pointer fields: when none is set, SetDefaults_Volume makes the volume an emptyDir.</summary>
    private static readonly string[] V1VolumeSourceFields =
    {
        "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs",
        "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap",
        "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi",
        "ephemeral",
    };

    /// <summary>ValidateVolumes: the pod's volumes by name (for the containers' volumeMounts and volumeDevices).</summary>
    /// <remarks>As on the server, only a volume without errors is in the result (a mount of an invalid one is also "not found").</remarks>
    public static IReadOnlyDictionary<string, SpecNode> ValidateVolumes(SpecValidation validation, SpecNode volumes, SpecNode podMetadata)
    {
        var byName = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        foreach (var volume in volumes.Items)
        {
            var before = validation.Errors.Count;
            var nameNode = volume["name"];
            var name = nameNode.StringOrEmpty;
            ValidateVolumeSource(validation, volume, name);
            if (name.Length == 0)
            {
                validation.Errors.Required(nameNode);
            }
            else
            {
                CommonRules.Dns1123Label(validation, nameNode, name);
            }
            if (byName.ContainsKey(name))
            {
                validation.Errors.Duplicate(nameNode, name);
            }
            if (validation.Errors.Count == before)
            {
                byName[name] = volume;
            }
        }
        return byName;
    }

    /// <summary>validateVolumeSource: exactly one source, each validated by its own rules.</summary>
    private static void ValidateVolumeSource(SpecValidation validation, SpecNode volume, string volumeName)
    {
        var errors = validation.Errors;
        var anySet = false;
        var wrongTyped = false;
        foreach (var field in V1VolumeSourceFields)
        {
            if (volume[field].Exists)
            {
                anySet = true;
                wrongTyped |= !volume[field].IsObject;
            }
        }
        if (!anySet)
        {
            return; // SetDefaults_Volume: an emptyDir with no size limit, which is valid
        }

        var numVolumes = 0;
        // One source after the other in validateVolumeSource's order: the first is validated, each further one is Forbidden.
        void Source(string field, Action<SpecNode> validate, string? forbiddenPath = null)
        {
            var source = volume[field];
            if (!source.IsObject)
            {
                return;
            }
            if (numVolumes > 0)
            {
                errors.Forbidden(Renamed(source, volume.Path.Child(forbiddenPath ?? field)), MoreThanOneVolumeType);
                return;
            }
            numVolumes++;
            validate(source);
        }

        var emptyDir = volume["emptyDir"];
        if (emptyDir.IsObject)
        {
            numVolumes++;
            ValidateEmptyDirSizeLimit(validation, emptyDir["sizeLimit"]);
        }
        Source("hostPath", s => ValidateHostPathVolumeSource(validation, s));
        Source("gitRepo", s => ValidateGitRepoVolumeSource(validation, s));
        // The server writes this one's errors under "persistentDisk".
        Source("gcePersistentDisk", s => VolumeSourceValidation.ValidateGcePersistentDiskVolumeSource(validation, Renamed(s, volume.Path.Child("persistentDisk"))));
        Source("awsElasticBlockStore", s => VolumeSourceValidation.ValidateAwsElasticBlockStoreVolumeSource(validation, s));
        Source("secret", s => ValidateSecretVolumeSource(validation, s));
        Source("nfs", s => VolumeSourceValidation.ValidateNfsVolumeSource(validation, s));
        Source("iscsi", s => VolumeSourceValidation.ValidateIscsiVolumeSource(validation, s));
        var iscsi = volume["iscsi"];
        if (iscsi.IsObject && iscsi["initiatorName"].String is not null
            && NameRules.Length(volumeName + ":" + iscsi["targetPortal"].StringOrEmpty) > 64)
        {
            errors.Invalid(volume["name"], volumeName,
                "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.");
        }
        Source("glusterfs", s => VolumeSourceValidation.ValidateGlusterfsVolumeSource(validation, s));
        Source("flocker", s => VolumeSourceValidation.ValidateFlockerVolumeSource(validation, s));
        Source("persistentVolumeClaim", s => ValidatePersistentClaimVolumeSource(validation, s));
        Source("rbd", s => VolumeSourceValidation.ValidateRbdVolumeSource(validation, s));
        Source("cinder", s => VolumeSourceValidation.ValidateCinderVolumeSource(validation, s));
        // The server's Forbidden path is "cephFS", its rules' paths "cephfs" (the JSON name).
        Source("cephfs", s => VolumeSourceValidation.ValidateCephFsVolumeSource(validation, s), forbiddenPath: "cephFS");
        Source("quobyte", s => VolumeSourceValidation.ValidateQuobyteVolumeSource(validation, s));
        // The server's Forbidden path is "downwarAPI" (sic).
        Source("downwardAPI", s => ValidateDownwardAPIVolumeSource(validation, s), forbiddenPath: "downwarAPI");
        Source("fc", s => VolumeSourceValidation.ValidateFcVolumeSource(validation, s));
        Source("flexVolume", s => VolumeSourceValidation.ValidateFlexVolumeSource(validation, s));
        Source("configMap", s => ValidateConfigMapVolumeSource(validation, s));
        Source("azureFile", s => VolumeSourceValidation.ValidateAzureFile(validation, s));
        Source("vsphereVolume", s => VolumeSourceValidation.ValidateVsphereVolumeSource(validation, s));
        Source("photonPersistentDisk", s => VolumeSourceValidation.ValidatePhotonPersistentDiskVolumeSource(validation, s));
        Source("portworxVolume", s => VolumeSourceValidation.ValidatePortworxVolumeSource(validation, s));
        Source("azureDisk", s => VolumeSourceValidation.ValidateAzureDisk(validation, s));
        Source("storageos", s => VolumeSourceValidation.ValidateStorageOSVolumeSource(validation, s));
        Source("projected", s => ProjectedVolumeValidation.ValidateProjectedVolumeSource(validation, s));
        Source("scaleIO", s => VolumeSourceValidation.ValidateScaleIOVolumeSource(validation, s));
        Source("csi", s => VolumeSourceValidation.ValidateCsiVolumeSource(validation, s));
        // ephemeral: dropped on create while GenericEphemeralVolume is off (see the remarks).

        if (numVolumes == 0 && !wrongTyped)
        {
            var hint = volume["ephemeral"].Exists
                ? " (ephemeral volumes need the GenericEphemeralVolume feature gate, alpha and off in Kubernetes 1.20: the API server drops the field; use an emptyDir or a persistentVolumeClaim)"
                : "";
            errors.Required(volume, "must specify a volume type" + hint);
        }
    }

    /// <summary>validateVolumeSource's emptyDir rule: a sizeLimit below zero.</summary>
    private static void ValidateEmptyDirSizeLimit(SpecValidation validation, SpecNode sizeLimit)
    {
        var text = sizeLimit.String ?? (sizeLimit.Type is JsonType.Integer or JsonType.Number ? sizeLimit.Json : null);
        if (text is { Length: > 1 } && text[0] == '-' && global::Flows.Manifests.KubernetesQuantity.TryParse(text.Substring(1)) is { } magnitude && magnitude > 0)
        {
            validation.Errors.Forbidden(sizeLimit, "SizeLimit field must be a valid resource quantity");
        }
    }

    /// <summary>validateHostPathVolumeSource.</summary>
    private static void ValidateHostPathVolumeSource(SpecValidation validation, SpecNode hostPath)
    {
        var path = hostPath["path"];
        if (path.StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(path);
            return;
        }
        ValidatePathNoBacksteps(validation, path, path.StringOrEmpty);
        ValidateHostPathType(validation, hostPath["type"]);
    }

    private static readonly string[] SupportedHostPathTypes = { "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket" };

    /// <summary>validateHostPathType (SetDefaults_HostPathVolumeSource makes a missing type "").</summary>
    private static void ValidateHostPathType(SpecValidation validation, SpecNode type)
    {
        if (type.String is { } value && Array.IndexOf(SupportedHostPathTypes, value) < 0)
        {
            validation.Errors.NotSupported(type, value, SupportedHostPathTypes);
        }
    }

    /// <summary>validateGitRepoVolumeSource.</summary>
    private static void ValidateGitRepoVolumeSource(SpecValidation validation, SpecNode gitRepo)
    {
        if (gitRepo["repository"].StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(gitRepo["repository"]);
        }
        ValidateLocalDescendingPath(validation, gitRepo["directory"], gitRepo["directory"].StringOrEmpty);
    }

    /// <summary>validatePersistentClaimVolumeSource.</summary>
    private static void ValidatePersistentClaimVolumeSource(SpecValidation validation, SpecNode claim)
    {
        if (claim["claimName"].StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(claim["claimName"]);
        }
    }

    /// <summary>validateSecretVolumeSource.</summary>
    private static void ValidateSecretVolumeSource(SpecValidation validation, SpecNode secret)
    {
        if (secret["secretName"].StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(secret["secretName"], "the name of the Secret to mount");
        }
        ValidateFileMode(validation, secret["defaultMode"]);
        foreach (var item in secret["items"].Items)
        {
            ValidateKeyToPath(validation, item);
        }
    }

    /// <summary>validateConfigMapVolumeSource.</summary>
    private static void ValidateConfigMapVolumeSource(SpecValidation validation, SpecNode configMap)
    {
        if (configMap["name"].StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(configMap["name"], "the name of the ConfigMap to mount");
        }
        ValidateFileMode(validation, configMap["defaultMode"]);
        foreach (var item in configMap["items"].Items)
        {
            ValidateKeyToPath(validation, item);
        }
    }

    /// <summary>validateKeyToPath: an item of a secret or configMap (volume or projection).</summary>
    internal static void ValidateKeyToPath(SpecValidation validation, SpecNode item)
    {
        if (item["key"].StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(item["key"]);
        }
        var path = item["path"];
        if (path.StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(path);
        }
        ValidateLocalNonReservedPath(validation, path, path.StringOrEmpty);
        ValidateFileMode(validation, item["mode"]);
    }

    /// <summary>The file mode rule of the volume sources (defaultMode, mode): 0 to 0777 (YamlJson reads a plain 0644 as octal, 420, as the server's YAML reader does).</summary>
    internal static void ValidateFileMode(SpecValidation validation, SpecNode mode)
    {
        if (mode.Integer is { } value && (value > 511 || value < 0))
        {
            validation.Errors.Invalid(mode, value, FileModeErrorMessage + " (a YAML number with a leading 0, such as 0644, is octal; without it, 644 is decimal)");
        }
    }

    /// <summary>validateDownwardAPIVolumeSource.</summary>
    private static void ValidateDownwardAPIVolumeSource(SpecValidation validation, SpecNode downwardAPI)
    {
        ValidateFileMode(validation, downwardAPI["defaultMode"]);
        foreach (var file in downwardAPI["items"].Items)
        {
            ValidateDownwardAPIVolumeFile(validation, file, downwardAPI.Path);
        }
    }

    /// <summary>
    /// validateDownwardAPIVolumeFile. The server writes the errors of an item under the source's path, not the item's
    /// (<c>spec.volumes[0].downwardAPI.path</c>, not <c>...items[0].path</c>): so do these, at the item's nodes.
    /// </summary>
    internal static void ValidateDownwardAPIVolumeFile(SpecValidation validation, SpecNode file, FieldPath sourcePath)
    {
        var errors = validation.Errors;
        var path = Renamed(file["path"], sourcePath.Child("path"));
        if (path.StringOrEmpty.Length == 0)
        {
            errors.Required(path);
        }
        ValidateLocalNonReservedPath(validation, path, path.StringOrEmpty);
        var fieldRef = file["fieldRef"];
        var resourceFieldRef = file["resourceFieldRef"];
        if (fieldRef.IsObject)
        {
            FieldSelectorValidation.ValidateObjectFieldSelector(validation, Renamed(fieldRef, sourcePath.Child("fieldRef")),
                (ICollection<string>)FieldSelectorValidation.ValidVolumeDownwardAPIFieldPathExpressions);
            if (resourceFieldRef.IsObject)
            {
                errors.Invalid(Renamed(file, sourcePath), "resource", "fieldRef and resourceFieldRef can not be specified simultaneously");
            }
        }
        else if (resourceFieldRef.IsObject)
        {
            FieldSelectorValidation.ValidateContainerResourceFieldSelector(validation, Renamed(resourceFieldRef, sourcePath.Child("resourceFieldRef")),
                (ICollection<string>)FieldSelectorValidation.ValidContainerResourceFieldPathExpressions,
                (ICollection<string>)FieldSelectorValidation.ValidContainerResourceFieldPathPrefixes, volume: true);
        }
        else if (!fieldRef.Exists && !resourceFieldRef.Exists)
        {
            errors.Required(Renamed(file, sourcePath), "one of fieldRef and resourceFieldRef is required");
        }
        ValidateFileMode(validation, Renamed(file["mode"], sourcePath.Child("mode")));
    }

    /// <summary>validateLocalDescendingPath: relative, and no '..' element.</summary>
    internal static void ValidateLocalDescendingPath(SpecValidation validation, SpecNode field, string targetPath)
    {
        if (targetPath.StartsWith("/", StringComparison.Ordinal))
        {
            validation.Errors.Invalid(field, targetPath, "must be a relative path");
        }
        ValidatePathNoBacksteps(validation, field, targetPath);
    }

    /// <summary>validatePathNoBacksteps: no '..' element between slashes.</summary>
    internal static void ValidatePathNoBacksteps(SpecValidation validation, SpecNode field, string targetPath)
    {
        if (Array.IndexOf(targetPath.Split('/'), "..") >= 0)
        {
            validation.Errors.Invalid(field, targetPath, "must not contain '..'");
        }
    }

    /// <summary>validateLocalNonReservedPath: a local descending path that does not start with '..' (such as '..data', the kubelet's).</summary>
    internal static void ValidateLocalNonReservedPath(SpecValidation validation, SpecNode field, string targetPath)
    {
        ValidateLocalDescendingPath(validation, field, targetPath);
        if (targetPath.StartsWith("..", StringComparison.Ordinal) && !targetPath.StartsWith("../", StringComparison.Ordinal))
        {
            validation.Errors.Invalid(field, targetPath, "must not start with '..'");
        }
    }

    /// <summary>The same YAML node under the path the server writes (its messages use a few paths that are not the JSON names).</summary>
    internal static SpecNode Renamed(SpecNode node, FieldPath path) => new(node.Node, path, node.Location);
}
