using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// The network and cloud volume sources of validateVolumeSource (pkg/apis/core/validation, 1.20): nfs, iscsi, glusterfs,
/// rbd, flexVolume, cinder, cephfs, flocker, fc, awsElasticBlockStore, gcePersistentDisk, azureFile, azureDisk,
/// vsphereVolume, quobyte, photonPersistentDisk, portworxVolume, scaleIO, storageos and csi. Each takes its source's node
/// (already under the path the server writes).
/// </summary>
/// <remarks>
/// Not checked at build time, and why: whether the disks, shares, secrets and drivers these name exist (cluster and
/// cloud state, seen only when the pod is scheduled and its volumes attached).
/// </remarks>
internal static class VolumeSourceValidation
{
    private static readonly string PdPartitionErrorMessage = NameRules.InclusiveRangeError(1, 255);

    // Go's regexps are not anchored at the start unless they say so; [[:alnum:]] is ASCII, \d and \s are ASCII in RE2.
    private static readonly Regex IscsiInitiatorIqn = new(@"iqn\.[0-9]{4}-[0-9]{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\t\n\f\r ]+)\z", RegexOptions.CultureInvariant);
    private static readonly Regex IscsiInitiatorEui = new(@"^eui.[A-Za-z0-9]{16}\z", RegexOptions.CultureInvariant);
    private static readonly Regex IscsiInitiatorNaa = new(@"^naa.[A-Za-z0-9]{32}\z", RegexOptions.CultureInvariant);

    private static void RequireString(SpecValidation validation, SpecNode source, string field, string detail = "")
    {
        if (source[field].StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(source[field], detail);
        }
    }

    /// <summary>validateGCEPersistentDiskVolumeSource (the server's paths say persistentDisk).</summary>
    public static void ValidateGcePersistentDiskVolumeSource(SpecValidation validation, SpecNode pd)
    {
        RequireString(validation, pd, "pdName");
        ValidatePartition(validation, pd["partition"]);
    }

    /// <summary>validateAWSElasticBlockStoreVolumeSource.</summary>
    public static void ValidateAwsElasticBlockStoreVolumeSource(SpecValidation validation, SpecNode pd)
    {
        RequireString(validation, pd, "volumeID");
        ValidatePartition(validation, pd["partition"]);
    }

    private static void ValidatePartition(SpecValidation validation, SpecNode partition)
    {
        if (partition.Integer is { } value && (value < 0 || value > 255))
        {
            validation.Errors.Invalid(partition, value, PdPartitionErrorMessage);
        }
    }

    /// <summary>validateNFSVolumeSource.</summary>
    public static void ValidateNfsVolumeSource(SpecValidation validation, SpecNode nfs)
    {
        RequireString(validation, nfs, "server");
        var path = nfs["path"].StringOrEmpty;
        RequireString(validation, nfs, "path");
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            validation.Errors.Invalid(nfs["path"], path, "must be an absolute path");
        }
    }

    /// <summary>validateISCSIVolumeSource.</summary>
    public static void ValidateIscsiVolumeSource(SpecValidation validation, SpecNode iscsi)
    {
        var errors = validation.Errors;
        RequireString(validation, iscsi, "targetPortal");
        var iqnNode = iscsi["iqn"];
        var iqn = iqnNode.StringOrEmpty;
        if (iqn.Length == 0)
        {
            errors.Required(iqnNode);
        }
        else if (!HasIscsiPrefix(iqn))
        {
            errors.Invalid(iqnNode, iqn, "must be valid format starting with iqn, eui, or naa");
        }
        else if (!MatchesIscsiFormat(iqn))
        {
            errors.Invalid(iqnNode, iqn, "must be valid format");
        }
        var lun = iscsi["lun"];
        if (lun.Integer is { } lunValue && (lunValue < 0 || lunValue > 255))
        {
            errors.Invalid(lun, lunValue, NameRules.InclusiveRangeError(0, 255));
        }
        if ((iscsi["chapAuthDiscovery"].Boolean == true || iscsi["chapAuthSession"].Boolean == true) && !iscsi["secretRef"].Exists)
        {
            errors.Required(iscsi["secretRef"], "CHAP authentication needs the secret with its credentials");
        }
        if (iscsi["initiatorName"].String is { } initiator)
        {
            // The server's path is all lower case.
            var initiatorNode = VolumeValidation.Renamed(iscsi["initiatorName"], iscsi.Path.Child("initiatorname"));
            if (!HasIscsiPrefix(initiator))
            {
                errors.Invalid(initiatorNode, initiator, "must be valid format starting with iqn, eui, or naa");
            }
            if (HasIscsiPrefix(initiator) && !MatchesIscsiFormat(initiator))
            {
                errors.Invalid(initiatorNode, initiator, "must be valid format");
            }
        }
    }

    private static bool HasIscsiPrefix(string name) =>
        name.StartsWith("iqn", StringComparison.Ordinal) || name.StartsWith("eui", StringComparison.Ordinal) || name.StartsWith("naa", StringComparison.Ordinal);

    private static bool MatchesIscsiFormat(string name) =>
        name.StartsWith("iqn", StringComparison.Ordinal) ? IscsiInitiatorIqn.IsMatch(name)
        : name.StartsWith("eui", StringComparison.Ordinal) ? IscsiInitiatorEui.IsMatch(name)
        : !name.StartsWith("naa", StringComparison.Ordinal) || IscsiInitiatorNaa.IsMatch(name);

    /// <summary>validateGlusterfsVolumeSource.</summary>
    public static void ValidateGlusterfsVolumeSource(SpecValidation validation, SpecNode glusterfs)
    {
        RequireString(validation, glusterfs, "endpoints");
        RequireString(validation, glusterfs, "path");
    }

    /// <summary>validateFlockerVolumeSource.</summary>
    public static void ValidateFlockerVolumeSource(SpecValidation validation, SpecNode flocker)
    {
        var name = flocker["datasetName"].StringOrEmpty;
        var uuid = flocker["datasetUUID"].StringOrEmpty;
        if (name.Length == 0 && uuid.Length == 0)
        {
            validation.Errors.Required(flocker, "one of datasetName and datasetUUID is required");
        }
        if (name.Length != 0 && uuid.Length != 0)
        {
            validation.Errors.Invalid(flocker, "resource", "datasetName and datasetUUID can not be specified simultaneously");
        }
        if (name.Contains("/"))
        {
            validation.Errors.Invalid(flocker["datasetName"], name, "must not contain '/'");
        }
    }

    /// <summary>validateRBDVolumeSource.</summary>
    public static void ValidateRbdVolumeSource(SpecValidation validation, SpecNode rbd)
    {
        if (rbd["monitors"].Count == 0 || !rbd["monitors"].IsArray)
        {
            validation.Errors.Required(rbd["monitors"]);
        }
        RequireString(validation, rbd, "image");
    }

    /// <summary>validateCinderVolumeSource.</summary>
    public static void ValidateCinderVolumeSource(SpecValidation validation, SpecNode cinder)
    {
        RequireString(validation, cinder, "volumeID");
        if (cinder["secretRef"].IsObject)
        {
            RequireString(validation, cinder["secretRef"], "name");
        }
    }

    /// <summary>validateCephFSVolumeSource.</summary>
    public static void ValidateCephFsVolumeSource(SpecValidation validation, SpecNode cephfs)
    {
        if (cephfs["monitors"].Count == 0 || !cephfs["monitors"].IsArray)
        {
            validation.Errors.Required(cephfs["monitors"]);
        }
    }

    /// <summary>validateFlexVolumeSource: a driver, and options outside the kubernetes.io and k8s.io namespaces.</summary>
    public static void ValidateFlexVolumeSource(SpecValidation validation, SpecNode flex)
    {
        RequireString(validation, flex, "driver");
        var options = flex["options"];
        foreach (var entry in options.Entries)
        {
            var key = entry.Key;
            var slash = key.IndexOf('/');
            var ns = slash >= 0 ? key.Substring(0, slash) : key;
            var normalized = "." + ns.ToLowerInvariant();
            if (normalized.EndsWith(".kubernetes.io", StringComparison.Ordinal) || normalized.EndsWith(".k8s.io", StringComparison.Ordinal))
            {
                validation.Errors.Invalid(new SpecNode(options.KeyNode(key), options.Path.Key(key), options.Location), key, "kubernetes.io and k8s.io namespaces are reserved");
            }
        }
    }

    /// <summary>validateFCVolumeSource.</summary>
    public static void ValidateFcVolumeSource(SpecValidation validation, SpecNode fc)
    {
        var errors = validation.Errors;
        var wwns = fc["targetWWNs"].IsArray ? fc["targetWWNs"].Count : 0;
        var wwids = fc["wwids"].IsArray ? fc["wwids"].Count : 0;
        if (wwns < 1 && wwids < 1)
        {
            errors.Required(fc["targetWWNs"], "must specify either targetWWNs or wwids, but not both");
        }
        if (wwns != 0 && wwids != 0)
        {
            errors.InvalidObject(fc["targetWWNs"], "targetWWNs and wwids can not be specified simultaneously");
        }
        if (wwns != 0)
        {
            var lun = fc["lun"];
            if (lun.Integer is not { } value)
            {
                errors.Required(lun, "lun is required if targetWWNs is specified");
            }
            else if (value < 0 || value > 255)
            {
                errors.Invalid(lun, value, NameRules.InclusiveRangeError(0, 255));
            }
        }
    }

    /// <summary>validateAzureFile.</summary>
    public static void ValidateAzureFile(SpecValidation validation, SpecNode azure)
    {
        RequireString(validation, azure, "secretName");
        RequireString(validation, azure, "shareName");
    }

    private static readonly string[] SupportedCachingModes = { "None", "ReadOnly", "ReadWrite" };
    private static readonly string[] SupportedDiskKinds = { "Dedicated", "Managed", "Shared" };

    /// <summary>validateAzureDisk, after SetDefaults_AzureDiskVolumeSource (cachingMode ReadWrite, kind Shared: a blob disk, whose URI starts with https://).</summary>
    public static void ValidateAzureDisk(SpecValidation validation, SpecNode azure)
    {
        var errors = validation.Errors;
        RequireString(validation, azure, "diskName");
        RequireString(validation, azure, "diskURI");
        var cachingMode = azure["cachingMode"];
        if (cachingMode.String is { } mode && Array.IndexOf(SupportedCachingModes, mode) < 0)
        {
            errors.NotSupported(cachingMode, mode, SupportedCachingModes);
        }
        var kindNode = azure["kind"];
        var kind = kindNode.String ?? "Shared";
        if (Array.IndexOf(SupportedDiskKinds, kind) < 0)
        {
            errors.NotSupported(kindNode, kind, SupportedDiskKinds);
        }
        var uri = azure["diskURI"].StringOrEmpty;
        if (kind == "Managed" && !uri.StartsWith("/subscriptions/", StringComparison.Ordinal))
        {
            errors.NotSupported(azure["diskURI"], uri, new[] { "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}" });
        }
        if (kind != "Managed" && !uri.StartsWith("https://", StringComparison.Ordinal))
        {
            errors.NotSupported(azure["diskURI"], uri, new[] { "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd" });
        }
    }

    /// <summary>validateVsphereVolumeSource.</summary>
    public static void ValidateVsphereVolumeSource(SpecValidation validation, SpecNode vsphere) => RequireString(validation, vsphere, "volumePath");

    /// <summary>validatePhotonPersistentDiskVolumeSource.</summary>
    public static void ValidatePhotonPersistentDiskVolumeSource(SpecValidation validation, SpecNode photon) => RequireString(validation, photon, "pdID");

    /// <summary>validatePortworxVolumeSource.</summary>
    public static void ValidatePortworxVolumeSource(SpecValidation validation, SpecNode portworx) => RequireString(validation, portworx, "volumeID");

    /// <summary>validateQuobyteVolumeSource.</summary>
    public static void ValidateQuobyteVolumeSource(SpecValidation validation, SpecNode quobyte)
    {
        var errors = validation.Errors;
        var registry = quobyte["registry"].StringOrEmpty;
        if (registry.Length == 0)
        {
            errors.Required(quobyte["registry"], "must be a host:port pair or multiple pairs separated by commas");
        }
        else if (NameRules.Length(quobyte["tenant"].StringOrEmpty) >= 65)
        {
            errors.Required(quobyte["tenant"], "must be a UUID and may not exceed a length of 64 characters");
        }
        else
        {
            foreach (var pair in registry.Split(','))
            {
                if (!SplitHostPort(pair))
                {
                    errors.Invalid(quobyte["registry"], registry, "must be a host:port pair or multiple pairs separated by commas");
                }
            }
        }
        RequireString(validation, quobyte, "volume");
    }

    /// <summary>Whether Go's net.SplitHostPort accepts <paramref name="hostport"/> (host:port, [ipv6]:port).</summary>
    internal static bool SplitHostPort(string hostport)
    {
        var i = hostport.LastIndexOf(':');
        if (i < 0)
        {
            return false; // missing port in address
        }
        int j = 0, k = 0;
        if (hostport[0] == '[')
        {
            var end = hostport.IndexOf(']');
            if (end < 0)
            {
                return false; // missing ']' in address
            }
            if (end + 1 == hostport.Length)
            {
                return false; // missing port
            }
            if (end + 1 != i)
            {
                return false; // too many colons, or missing port
            }
            j = 1;
            k = end + 1;
        }
        else if (hostport.Substring(0, i).IndexOf(':') >= 0)
        {
            return false; // too many colons in address
        }
        return hostport.Substring(j).IndexOf('[') < 0 && hostport.Substring(k).IndexOf(']') < 0;
    }

    /// <summary>validateScaleIOVolumeSource.</summary>
    public static void ValidateScaleIOVolumeSource(SpecValidation validation, SpecNode scaleIO)
    {
        RequireString(validation, scaleIO, "gateway");
        RequireString(validation, scaleIO, "system");
        RequireString(validation, scaleIO, "volumeName");
    }

    /// <summary>validateStorageOSVolumeSource.</summary>
    public static void ValidateStorageOSVolumeSource(SpecValidation validation, SpecNode storageos)
    {
        var volumeName = storageos["volumeName"];
        if (volumeName.StringOrEmpty.Length == 0)
        {
            validation.Errors.Required(volumeName);
        }
        else
        {
            CommonRules.Dns1123Label(validation, volumeName, volumeName.StringOrEmpty);
        }
        if (storageos["volumeNamespace"].String is { Length: > 0 } volumeNamespace)
        {
            CommonRules.Dns1123Label(validation, storageos["volumeNamespace"], volumeNamespace);
        }
        if (storageos["secretRef"].IsObject)
        {
            RequireString(validation, storageos["secretRef"], "name");
        }
    }

    /// <summary>ValidateCSIDriverName: at most 63 characters, a DNS subdomain in lower case.</summary>
    public static void ValidateCsiDriverName(SpecValidation validation, SpecNode driver)
    {
        var name = driver.StringOrEmpty;
        if (name.Length == 0)
        {
            validation.Errors.Required(driver);
        }
        if (NameRules.Length(name) > 63)
        {
            validation.Errors.TooLong(driver, 63);
        }
        validation.Errors.InvalidEach(driver, name, NameRules.IsDns1123Subdomain(name.ToLowerInvariant()));
    }

    /// <summary>validateCSIVolumeSource (CSIInlineVolume is beta and on in 1.20).</summary>
    public static void ValidateCsiVolumeSource(SpecValidation validation, SpecNode csi)
    {
        ValidateCsiDriverName(validation, csi["driver"]);
        var secretRef = csi["nodePublishSecretRef"];
        if (secretRef.IsObject)
        {
            var name = secretRef["name"];
            if (name.StringOrEmpty.Length == 0)
            {
                // The server's path has a space: "nodePublishSecretRef .name".
                validation.Errors.Required(VolumeValidation.Renamed(name, csi.Path.Child("nodePublishSecretRef ").Child("name")));
            }
            else
            {
                // ValidateSecretName; the server's path is csi.name.
                validation.Errors.InvalidEach(VolumeValidation.Renamed(name, csi.Path.Child("name")), name.StringOrEmpty, ObjectMetaValidation.NameIsDnsSubdomain(name.StringOrEmpty, false));
            }
        }
    }
}
