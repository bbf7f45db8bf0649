using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.Kubernetes.Validation;

// Not checked at build time, and why:
// - validateEphemeralContainers: ephemeral containers are added by an update (the ephemeralcontainers subresource), never on create.
// - ValidateContainerUpdates, ValidateContainerStateTransition: update and status only.
// - ValidatePodSingleHugePageResources: only when HugePageStorageMediumSize is off; it is Beta and on in 1.20.
// - DownwardAPIHugePages (Alpha, off): env resourceFieldRef takes no hugepages prefixes (as the server with the gate off).
// The validation of the env fieldRef / resourceFieldRef selectors themselves is FieldSelectorValidation's.

/// <summary>validateContainers, validateInitContainers and everything of a container in pkg/apis/core/validation (1.20).</summary>
internal static class ContainerValidation
{
    private static readonly string[] SupportedPortProtocols = { "SCTP", "TCP", "UDP" };
    private static readonly string[] SupportedPullPolicies = { "Always", "IfNotPresent", "Never" };
    private static readonly string[] SupportedMountPropagations = { "Bidirectional", "HostToContainer", "None" };

    /// <summary>validateContainers (isInitContainers false).</summary>
    public static void ValidateContainers(SpecValidation validation, SpecNode containers, IReadOnlyDictionary<string, SpecNode> volumes, SpecNode podSpec)
    {
        if (containers.Count == 0)
        {
            if (!validation.Options.FlowsAddsContainer)
            {
                validation.Errors.Required(containers, "a pod needs at least one container", SpecRule.ContainersMissing);
            }
            return;
        }
        ValidateContainerList(validation, containers, isInitContainers: false, volumes, podSpec);
    }

    /// <summary>validateInitContainers.</summary>
    public static void ValidateInitContainers(SpecValidation validation, SpecNode initContainers, SpecNode containers, IReadOnlyDictionary<string, SpecNode> volumes, SpecNode podSpec)
    {
        if (initContainers.Count > 0)
        {
            ValidateContainerList(validation, initContainers, isInitContainers: true, volumes, podSpec);
        }
        var allNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers.Items)
        {
            allNames.Add(container["name"].StringOrEmpty);
        }
        if (validation.Options.FlowsAddsContainer && validation.Options.FlowsContainer is { Length: > 0 } flowsContainer)
        {
            allNames.Add(flowsContainer);
        }
        foreach (var container in initContainers.Items)
        {
            var name = container["name"].StringOrEmpty;
            if (allNames.Contains(name))
            {
                validation.Errors.Duplicate(container["name"], name, SpecRule.ContainerNameDuplicate);
            }
            if (name.Length > 0)
            {
                allNames.Add(name);
            }
            foreach (var field in new[] { "lifecycle", "livenessProbe", "readinessProbe", "startupProbe" })
            {
                if (container[field].Exists)
                {
                    validation.Errors.InvalidObject(container[field], "must not be set for init containers");
                }
            }
        }
    }

    /// <summary>The spec of a Pod (not of a Job's pod template): only Pods get SetDefaults_Pod and validateContainersOnlyForPod.</summary>
    internal static bool IsPod(SpecNode podSpec) => podSpec.Path.ToString() == "spec";

    /// <summary>validateContainers.</summary>
    private static void ValidateContainerList(SpecValidation validation, SpecNode containers, bool isInitContainers, IReadOnlyDictionary<string, SpecNode> volumes, SpecNode podSpec)
    {
        var errors = validation.Errors;
        var allNames = new HashSet<string>(StringComparer.Ordinal);
        var isPod = IsPod(podSpec);
        foreach (var container in containers.Items)
        {
            var nameNode = container["name"];
            var name = nameNode.StringOrEmpty;
            if (name.Length == 0)
            {
                if (!nameNode.Exists || nameNode.String is not null)
                {
                    errors.Required(nameNode, "", SpecRule.ContainerNameMissing);
                }
            }
            else
            {
                errors.InvalidEach(nameNode, name, NameRules.IsDns1123Label(name), SpecRule.ContainerNameInvalid);
            }
            if (!allNames.Add(name))
            {
                errors.Duplicate(nameNode, name, SpecRule.ContainerNameDuplicate);
            }

            var image = container["image"];
            if (!validation.IsOverwritten(image.Path) && image.StringOrEmpty.Length == 0 && (!image.Exists || image.String is not null))
            {
                errors.Required(image, "", SpecRule.ImageMissing);
            }
            if (container["lifecycle"].Exists)
            {
                ProbeValidation.ValidateLifecycle(validation, container["lifecycle"]);
            }
            ProbeValidation.ValidateProbe(validation, container["livenessProbe"]);
            if (container["livenessProbe"].Exists)
            {
                ProbeValidation.ValidateSuccessThresholdIsOne(validation, container["livenessProbe"]["successThreshold"]);
            }
            ProbeValidation.ValidateProbe(validation, container["startupProbe"]);
            if (container["startupProbe"].Exists)
            {
                ProbeValidation.ValidateSuccessThresholdIsOne(validation, container["startupProbe"]["successThreshold"]);
            }

            var terminationMessagePolicy = container["terminationMessagePolicy"];
            if (!validation.IsOverwritten(terminationMessagePolicy.Path)
                && terminationMessagePolicy.String is { Length: > 0 } policy && policy is not ("File" or "FallbackToLogsOnError"))
            {
                // An absent or empty policy is defaulted to File.
                errors.Invalid(terminationMessagePolicy, policy, "must be 'File' or 'FallbackToLogsOnError'");
            }

            ProbeValidation.ValidateProbe(validation, container["readinessProbe"]);
            ValidateContainerPorts(validation, container["ports"]);
            if (!validation.IsOverwritten(container["env"].Path))
            {
                EnvValidation.ValidateEnv(validation, container["env"]);
            }
            if (!validation.IsOverwritten(container["envFrom"].Path))
            {
                EnvValidation.ValidateEnvFrom(validation, container["envFrom"]);
            }
            ValidateVolumeMounts(validation, container["volumeMounts"], VolumeDeviceMap(container["volumeDevices"]), volumes, container);
            ValidateVolumeDevices(validation, container["volumeDevices"], VolumeMountMap(container["volumeMounts"]), volumes);
            ValidatePullPolicy(validation, container["imagePullPolicy"]);
            if (!validation.IsOverwritten(container["resources"].Path))
            {
                ResourceValidation.ValidateResourceRequirements(validation, container["resources"], defaultRequestsToLimits: isPod);
            }
            SecurityContextValidation.ValidateSecurityContext(validation, container["securityContext"]);
        }

        var hostNetwork = podSpec["hostNetwork"].Boolean == true;
        if (isInitContainers)
        {
            // Init containers run one after the other: each is checked on its own.
            foreach (var container in containers.Items)
            {
                AccumulateUniqueHostPorts(validation, new[] { container }, new HashSet<string>(StringComparer.Ordinal), hostNetwork);
            }
        }
        else
        {
            // checkHostPortConflicts
            AccumulateUniqueHostPorts(validation, containers.Items, new HashSet<string>(StringComparer.Ordinal), hostNetwork);
        }
    }

    /// <summary>validateContainerPorts (after defaulting: an absent protocol is TCP).</summary>
    private static void ValidateContainerPorts(SpecValidation validation, SpecNode ports)
    {
        var errors = validation.Errors;
        var allNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in ports.Items)
        {
            var nameNode = port["name"];
            if (nameNode.String is { Length: > 0 } name)
            {
                var messages = NameRules.IsValidPortName(name);
                if (messages.Count != 0)
                {
                    errors.InvalidEach(nameNode, name, messages);
                }
                else if (!allNames.Add(name))
                {
                    errors.Duplicate(nameNode, name);
                }
            }
            var containerPort = port["containerPort"];
            if (IntOrZero(containerPort) is { } number)
            {
                if (number == 0)
                {
                    errors.Required(containerPort, "");
                }
                else
                {
                    foreach (var message in NameRules.IsValidPortNum(number))
                    {
                        errors.Invalid(containerPort, number, message);
                    }
                }
            }
            var hostPort = port["hostPort"];
            if (hostPort.Integer is { } host && host != 0)
            {
                foreach (var message in NameRules.IsValidPortNum(host))
                {
                    errors.Invalid(hostPort, host, message);
                }
            }
            var protocol = port["protocol"];
            if (protocol.String is { Length: > 0 } value && Array.IndexOf(SupportedPortProtocols, value) < 0)
            {
                errors.NotSupported(protocol, value, SupportedPortProtocols);
            }
        }
    }

    /// <summary>AccumulateUniqueHostPorts (checkHostPortConflicts): a protocol/hostIP/hostPort may be used once (with hostNetwork, hostPort defaults to containerPort).</summary>
    private static void AccumulateUniqueHostPorts(SpecValidation validation, IEnumerable<SpecNode> containers, HashSet<string> accumulator, bool hostNetwork)
    {
        foreach (var container in containers)
        {
            foreach (var port in container["ports"].Items)
            {
                var hostPort = port["hostPort"].Integer ?? 0;
                if (hostPort == 0 && hostNetwork)
                {
                    hostPort = port["containerPort"].Integer ?? 0;
                }
                if (hostPort == 0)
                {
                    continue;
                }
                var protocol = port["protocol"].String is { Length: > 0 } p ? p : "TCP";
                var key = $"{protocol}/{port["hostIP"].StringOrEmpty}/{hostPort}";
                if (!accumulator.Add(key))
                {
                    validation.Errors.Duplicate(port["hostPort"], key);
                }
            }
        }
    }

    private static Dictionary<string, string> VolumeMountMap(SpecNode mounts)
    {
        // GetVolumeMountMap
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mount in mounts.Items)
        {
            map[mount["name"].StringOrEmpty] = mount["mountPath"].StringOrEmpty;
        }
        return map;
    }

    private static Dictionary<string, string> VolumeDeviceMap(SpecNode devices)
    {
        // GetVolumeDeviceMap
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in devices.Items)
        {
            map[device["name"].StringOrEmpty] = device["devicePath"].StringOrEmpty;
        }
        return map;
    }

    /// <summary>ValidateVolumeMounts.</summary>
    private static void ValidateVolumeMounts(SpecValidation validation, SpecNode mounts, Dictionary<string, string> devices, IReadOnlyDictionary<string, SpecNode> volumes, SpecNode container)
    {
        var errors = validation.Errors;
        var mountPoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in mounts.Items)
        {
            var nameNode = mount["name"];
            var name = nameNode.StringOrEmpty;
            var mountPathNode = mount["mountPath"];
            var mountPath = mountPathNode.StringOrEmpty;
            if (name.Length == 0)
            {
                errors.Required(nameNode, "");
            }
            if (!volumes.ContainsKey(name))
            {
                errors.NotFound(nameNode, name, "no volume of that name in the pod's volumes: declare it under volumes, or fix the name", SpecRule.UndeclaredVolume);
            }
            if (mountPath.Length == 0)
            {
                errors.Required(mountPathNode, "");
            }
            if (!mountPoints.Add(mountPath))
            {
                errors.Invalid(mountPathNode, mountPath, "must be unique");
            }
            if (devices.ContainsKey(name))
            {
                errors.Invalid(nameNode, name, "must not already exist in volumeDevices");
            }
            if (devices.Values.Contains(mountPath))
            {
                errors.Invalid(mountPathNode, mountPath, "must not already exist as a path in volumeDevices");
            }
            // The server reports subPath, subPathExpr and mountPropagation at volumeMounts.<field>, without the index.
            var subPath = mount["subPath"].StringOrEmpty;
            if (subPath.Length > 0)
            {
                ValidateLocalDescendingPath(validation, mount["subPath"].At(mounts.Path.Child("subPath")), subPath);
            }
            var subPathExprNode = mount["subPathExpr"];
            if (subPathExprNode.String is { Length: > 0 } subPathExpr)
            {
                if (subPath.Length > 0)
                {
                    errors.Invalid(subPathExprNode, subPathExpr, "subPathExpr and subPath are mutually exclusive");
                }
                ValidateLocalDescendingPath(validation, subPathExprNode.At(mounts.Path.Child("subPathExpr")), subPathExpr);
            }
            var propagation = mount["mountPropagation"];
            if (propagation.String is { } mode)
            {
                ValidateMountPropagation(validation, propagation.At(mounts.Path.Child("mountPropagation")), mode, container);
            }
        }
    }

    /// <summary>validateMountPropagation.</summary>
    private static void ValidateMountPropagation(SpecValidation validation, SpecNode field, string mode, SpecNode container)
    {
        if (Array.IndexOf(SupportedMountPropagations, mode) < 0)
        {
            validation.Errors.NotSupported(field, mode, SupportedMountPropagations);
        }
        var privileged = container["securityContext"]["privileged"].Boolean == true;
        if (mode == "Bidirectional" && !privileged)
        {
            validation.Errors.Forbidden(field, "Bidirectional mount propagation is available only to privileged containers");
        }
    }

    /// <summary>ValidateVolumeDevices.</summary>
    private static void ValidateVolumeDevices(SpecValidation validation, SpecNode devices, Dictionary<string, string> mounts, IReadOnlyDictionary<string, SpecNode> volumes)
    {
        var errors = validation.Errors;
        var devicePaths = new HashSet<string>(StringComparer.Ordinal);
        var deviceNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in devices.Items)
        {
            var nameNode = device["name"];
            var name = nameNode.StringOrEmpty;
            var pathNode = device["devicePath"];
            var devicePath = pathNode.StringOrEmpty;
            var didMatch = volumes.TryGetValue(name, out var volume);
            var isPvc = didMatch && volume["persistentVolumeClaim"].Exists;
            if (name.Length == 0)
            {
                errors.Required(nameNode, "");
            }
            if (deviceNames.Contains(name))
            {
                errors.Invalid(nameNode, name, "must be unique");
            }
            if (didMatch && !isPvc)
            {
                errors.Invalid(nameNode, name, "can only use volume source type of PersistentVolumeClaim for block mode");
            }
            if (!didMatch)
            {
                errors.NotFound(nameNode, name, "no volume of that name in the pod's volumes", SpecRule.UndeclaredVolume);
            }
            if (devicePath.Length == 0)
            {
                errors.Required(pathNode, "");
            }
            if (devicePaths.Contains(devicePath))
            {
                errors.Invalid(pathNode, devicePath, "must be unique");
            }
            if (devicePath.Length > 0 && HasBacksteps(devicePath))
            {
                errors.Invalid(pathNode, devicePath, "can not contain backsteps ('..')");
            }
            else
            {
                devicePaths.Add(devicePath);
            }
            if (mounts.ContainsKey(name))
            {
                errors.Invalid(nameNode, name, "must not already exist in volumeMounts");
            }
            if (mounts.Values.Contains(devicePath))
            {
                errors.Invalid(pathNode, devicePath, "must not already exist as a path in volumeMounts");
            }
            if (name.Length > 0)
            {
                deviceNames.Add(name);
            }
        }
    }

    /// <summary>validatePullPolicy (after defaulting: an absent or empty policy becomes Always or IfNotPresent).</summary>
    private static void ValidatePullPolicy(SpecValidation validation, SpecNode policy)
    {
        if (policy.String is { Length: > 0 } value && Array.IndexOf(SupportedPullPolicies, value) < 0)
        {
            validation.Errors.NotSupported(policy, value, SupportedPullPolicies);
        }
    }

    /// <summary>validateLocalDescendingPath: not absolute, and no '..' element (validatePathNoBacksteps).</summary>
    internal static void ValidateLocalDescendingPath(SpecValidation validation, SpecNode field, string targetPath)
    {
        if (targetPath.StartsWith("/", StringComparison.Ordinal))
        {
            validation.Errors.Invalid(field, targetPath, "must be a relative path");
        }
        if (HasBacksteps(targetPath))
        {
            validation.Errors.Invalid(field, targetPath, "must not contain '..'");
        }
    }

    /// <summary>validatePathNoBacksteps: true when an element of the path is "..".</summary>
    internal static bool HasBacksteps(string targetPath) => targetPath.Split('/').Contains("..");

    /// <summary>A Go int field: its value, 0 when absent or null, null when it has another type (reported by the schema check).</summary>
    internal static long? IntOrZero(SpecNode field) => !field.Exists ? 0 : field.Integer;
}

/// <summary>Small helpers of the container rules (not in the shared framework files).</summary>
internal static class ContainerRuleExtensions
{
    /// <summary>The same node reported at another path (the server's path for it differs from where it is in the YAML).</summary>
    public static SpecNode At(this SpecNode node, FieldPath path) => new(node.Node, path, node.Location);

    /// <summary>field.NotFound.</summary>
    public static void NotFound(this SpecErrors errors, SpecNode field, string value, string hint, SpecRule rule = SpecRule.Other) =>
        errors.Add(new SpecError(SpecErrorType.NotFound, field.Path, field.Location, "\"" + value + "\"", hint, rule));
}
