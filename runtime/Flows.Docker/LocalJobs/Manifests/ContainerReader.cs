using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Flows.Docker.LocalJobs.Pods;
using Flows.Manifests;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>The pod-level <c>securityContext</c> fields a container inherits.</summary>
internal sealed record PodSecurity(long? RunAsUser, long? RunAsGroup, bool? RunAsNonRoot, IReadOnlyList<string> SupplementalGroups, string? SeccompProfileType = null);

/// <summary>What reading a container needs from its pod.</summary>
internal sealed record ContainerReadContext(PodFieldValues Pod, IReadOnlyDictionary<string, DeclaredVolume> Volumes, PodSecurity Security);

/// <summary>
/// One container of the pod spec, with Kubernetes semantics turned into Docker's: <c>command</c> replaces the image's
/// ENTRYPOINT, <c>args</c> its CMD, both expanded with the container's env; limits become NanoCPUs and memory, the CPU
/// request CPU shares; <c>securityContext</c> the user, capabilities, read-only root, no-new-privileges, seccomp and
/// runAsNonRoot (checked against the image's user, as the kubelet does). A privileged container is an
/// error; probes, lifecycle hooks, host ports, stdin and tty are not emulated (warnings).
/// </summary>
internal static class ContainerReader
{
    /// <summary>The kubelet's smallest CFS quota is 1 ms per 100 ms period: 0.01 CPU.</summary>
    private const long MinimumMilliCpu = 10;

    public static LocalContainer? Read(JsonObject container, string path, LocalContainerRole role, ContainerReadContext context, ManifestProblems problems)
    {
        var name = ManifestFields.String(container, "name", path, problems) ?? "";
        if (!Flows.Manifests.KubernetesNameRules.IsDns1123Label(name))
        {
            problems.Error(path + ".name", name.Length == 0 ? "is required." : $"'{name}' is not a container name (lowercase letters, digits and '-', at most 63).");
            return null;
        }
        path += $" ({name})";
        var image = ManifestFields.String(container, "image", path, problems);
        if (string.IsNullOrWhiteSpace(image))
        {
            problems.Error(path + ".image", "is required (an image the engine has or can pull).");
        }
        if (role == LocalContainerRole.Init && ManifestFields.String(container, "restartPolicy", path, problems) is { } restartPolicy)
        {
            if (restartPolicy == "Always")
            {
                role = LocalContainerRole.Sidecar;
            }
            else
            {
                problems.Error(path + ".restartPolicy", $"'{restartPolicy}': an init container's restartPolicy can only be Always (a sidecar).");
            }
        }
        else if (role == LocalContainerRole.Container && container.ContainsKey("restartPolicy"))
        {
            problems.Warn(path + ".restartPolicy", "is not emulated: a container that ends is not restarted.");
        }

        var environment = EnvironmentReader.Read(container, path, context.Pod, problems);
        var variables = environment.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var command = ManifestFields.Strings(container, "command", path, problems);
        var args = ManifestFields.Strings(container, "args", path, problems);
        var workingDir = ManifestFields.String(container, "workingDir", path, problems);
        if (!string.IsNullOrEmpty(workingDir) && !workingDir.StartsWith('/'))
        {
            problems.Error(path + ".workingDir", $"'{workingDir}' must be an absolute path (Docker needs one).");
        }
        WarnNotEmulated(container, path, problems);
        var terminationMessagePath = ManifestFields.String(container, "terminationMessagePath", path, problems);
        if (!string.IsNullOrEmpty(terminationMessagePath) && (!terminationMessagePath.StartsWith('/') || terminationMessagePath.Contains(':')))
        {
            problems.Error(path + ".terminationMessagePath", $"'{terminationMessagePath}' must be an absolute path without ':'.");
        }
        var pullPolicy = ManifestFields.String(container, "imagePullPolicy", path, problems);
        var local = new LocalContainer(name, role, image ?? "")
        {
            TerminationMessagePath = string.IsNullOrEmpty(terminationMessagePath) ? LocalContainer.DefaultTerminationMessagePath : terminationMessagePath,
            TerminationMessageFallbackToLogs = ManifestFields.String(container, "terminationMessagePolicy", path, problems) == "FallbackToLogsOnError",
            PullPolicy = PullPolicy(pullPolicy, image ?? "", path, problems),
            PullPolicyIsDefault = string.IsNullOrEmpty(pullPolicy),
            Command = command is { Count: > 0 } ? command.Select(c => KubernetesExpansion.Expand(c, variables)).ToList() : null,
            Args = args is { Count: > 0 } ? args.Select(a => KubernetesExpansion.Expand(a, variables)).ToList() : null,
            Environment = environment,
            WorkingDir = string.IsNullOrEmpty(workingDir) ? null : workingDir,
            Mounts = Mounts(container, path, variables, context.Volumes, problems),
            SupplementalGroups = context.Security.SupplementalGroups,
        };
        local = Resources(local, container, path, problems);
        return Security(local, container, path, context.Security, problems);
    }

    private static LocalPullPolicy PullPolicy(string? policy, string image, string path, ManifestProblems problems)
    {
        switch (policy)
        {
            case null or "":
                // As the API server defaults it: a local run pulls what the cluster would pull.
                return ImagePullPolicyDefault.For(image) == ImagePullPolicyDefault.Always ? LocalPullPolicy.Always : LocalPullPolicy.IfNotPresent;
            case "IfNotPresent":
                return LocalPullPolicy.IfNotPresent;
            case "Always":
                return LocalPullPolicy.Always;
            case "Never":
                return LocalPullPolicy.Never;
            case var other:
                problems.Error(path + ".imagePullPolicy", $"'{other}' must be Always, IfNotPresent or Never.");
                return LocalPullPolicy.IfNotPresent;
        }
    }

    private static List<LocalVolumeMount> Mounts(JsonObject container, string path, IReadOnlyDictionary<string, string> variables,
        IReadOnlyDictionary<string, DeclaredVolume> volumes, ManifestProblems problems)
    {
        if (container["volumeDevices"] is JsonArray { Count: > 0 })
        {
            problems.Error(path + ".volumeDevices", "block devices are not emulated by run-job-locally.");
        }
        var mounts = new List<LocalVolumeMount>();
        var entries = ManifestFields.Array(container, "volumeMounts", path, problems) ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var mountPath = $"{path}.volumeMounts[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                problems.Error(mountPath, "must be an object.");
                continue;
            }
            var volumeName = ManifestFields.String(entry, "name", mountPath, problems) ?? "";
            var target = ManifestFields.String(entry, "mountPath", mountPath, problems) ?? "";
            var readOnly = ManifestFields.Bool(entry, "readOnly", mountPath, problems) ?? false;
            var subPath = ManifestFields.String(entry, "subPath", mountPath, problems);
            if (ManifestFields.String(entry, "subPathExpr", mountPath, problems) is { } expression)
            {
                subPath = subPath is null ? KubernetesExpansion.Expand(expression, variables) : ErrorBoth(mountPath, problems);
            }
            if (!volumes.TryGetValue(volumeName, out var declared))
            {
                problems.Error(mountPath + ".name", $"no volume named '{volumeName}' in the pod's volumes.");
                continue;
            }
            if (declared.Volume is null)
            {
                problems.Error(mountPath, $"mounts volume '{volumeName}', a {declared.Kind} volume: run-job-locally emulates emptyDir and hostPath volumes only (it has no cluster to read {declared.Kind} from).");
                continue;
            }
            if (!target.StartsWith('/') || target.Contains(':'))
            {
                problems.Error(mountPath + ".mountPath", $"'{target}' must be an absolute path without ':'.");
                continue;
            }
            if (mounts.Any(m => m.MountPath.TrimEnd('/') == target.TrimEnd('/')))
            {
                problems.Error(mountPath + ".mountPath", $"'{target}' is mounted twice.");
                continue;
            }
            if (string.IsNullOrEmpty(subPath))
            {
                subPath = null;
            }
            else if (subPath.StartsWith('/') || subPath.Split('/').Contains("..") || subPath.Contains(':'))
            {
                problems.Error(mountPath + ".subPath", $"'{subPath}' must be a relative path without '..' or ':'.");
                continue;
            }
            if (entry["mountPropagation"] is JsonValue propagation && propagation.ToString() != "None")
            {
                problems.Warn(mountPath + ".mountPropagation", "is not emulated.");
            }
            mounts.Add(new LocalVolumeMount(volumeName, target, readOnly, subPath?.TrimEnd('/')));
        }
        return mounts;
    }

    private static string? ErrorBoth(string path, ManifestProblems problems)
    {
        problems.Error(path, "has both subPath and subPathExpr.");
        return null;
    }

    private static LocalContainer Resources(LocalContainer local, JsonObject container, string path, ManifestProblems problems)
    {
        var resources = ManifestFields.Object(container, "resources", path, problems);
        var limits = ManifestFields.Object(resources, "limits", path + ".resources", problems);
        var requests = ManifestFields.Object(resources, "requests", path + ".resources", problems);
        var cpuLimit = Quantity(limits, "cpu", path + ".resources.limits", KubernetesQuantity.MilliCpu, problems);
        var memoryLimit = Quantity(limits, "memory", path + ".resources.limits", KubernetesQuantity.Bytes, problems);
        // Kubernetes defaults a missing request to the limit.
        var cpuRequest = Quantity(requests, "cpu", path + ".resources.requests", KubernetesQuantity.MilliCpu, problems) ?? cpuLimit;
        Quantity(requests, "memory", path + ".resources.requests", KubernetesQuantity.Bytes, problems);
        foreach (var (resource, _) in limits ?? [])
        {
            if (resource is not ("cpu" or "memory"))
            {
                problems.Warn($"{path}.resources.limits.{resource}", "is not emulated.");
            }
        }
        return local with
        {
            NanoCpus = cpuLimit is { } milli ? Math.Max(milli, MinimumMilliCpu) * 1_000_000 : null,
            // The kubelet's cpu.shares: request in millicores * 1024 / 1000, at least 2.
            CpuShares = cpuRequest is { } request ? Math.Max(2, request * 1024 / 1000) : null,
            MemoryBytes = memoryLimit,
        };
    }

    private static long? Quantity(JsonObject? resources, string name, string path, Func<string, long?> parse, ManifestProblems problems)
    {
        if (ManifestFields.Field(resources, name) is not { } node)
        {
            return null;
        }
        if (ManifestFields.QuantityText(node) is { } text && parse(text) is { } value)
        {
            return value;
        }
        problems.Error($"{path}.{name}", $"{node.ToJsonString()} is not a Kubernetes quantity (for example {(name == "cpu" ? "500m or 2" : "64Mi or 4G")}).");
        return null;
    }

    private static LocalContainer Security(LocalContainer local, JsonObject container, string path, PodSecurity pod, ManifestProblems problems)
    {
        var securityPath = path + ".securityContext";
        var security = ManifestFields.Object(container, "securityContext", path, problems);
        if (ManifestFields.Bool(security, "privileged", path + ".securityContext", problems) == true)
        {
            problems.Error(securityPath + ".privileged",
                "privileged containers are not run by run-job-locally: they get the host's devices and kernel, and this engine may not start them at all. Run this Job on a cluster (submit), or drop privileged.");
        }
        var user = ManifestFields.Integer(security, "runAsUser", securityPath, problems) ?? pod.RunAsUser;
        var group = ManifestFields.Integer(security, "runAsGroup", securityPath, problems) ?? pod.RunAsGroup;
        var nonRoot = ManifestFields.Bool(security, "runAsNonRoot", securityPath, problems) ?? pod.RunAsNonRoot;
        if (nonRoot == true && user == 0)
        {
            problems.Error(securityPath + ".runAsNonRoot", "is true while runAsUser is 0 (root): Kubernetes would not start this container.");
        }
        if (group is not null && user is null)
        {
            problems.Warn(securityPath + ".runAsGroup", "is not emulated without runAsUser (Docker needs a user to give a group).");
        }
        var capabilities = ManifestFields.Object(security, "capabilities", securityPath, problems);
        var seccomp = LocalSeccomp.Read(security, securityPath, problems) ?? pod.SeccompProfileType;
        foreach (var key in new[] { "seLinuxOptions", "appArmorProfile", "procMount", "windowsOptions" })
        {
            if (security?.ContainsKey(key) == true)
            {
                problems.Warn($"{securityPath}.{key}", "is not emulated.");
            }
        }
        return local with
        {
            User = user is { } uid ? uid.ToString(CultureInfo.InvariantCulture) + (group is { } gid ? ":" + gid.ToString(CultureInfo.InvariantCulture) : "") : null,
            ReadOnlyRootFilesystem = ManifestFields.Bool(security, "readOnlyRootFilesystem", securityPath, problems) ?? false,
            NoNewPrivileges = ManifestFields.Bool(security, "allowPrivilegeEscalation", securityPath, problems) == false,
            // Checked against the image's user when the container is created, as the kubelet does.
            RunAsNonRoot = nonRoot == true && user is null,
            SeccompUnconfined = seccomp == "Unconfined",
            CapabilitiesAdded = ManifestFields.Strings(capabilities, "add", securityPath + ".capabilities", problems) ?? [],
            CapabilitiesDropped = ManifestFields.Strings(capabilities, "drop", securityPath + ".capabilities", problems) ?? [],
        };
    }

    private static void WarnNotEmulated(JsonObject container, string path, ManifestProblems problems)
    {
        foreach (var key in new[] { "livenessProbe", "readinessProbe", "startupProbe", "lifecycle" })
        {
            if (container[key] is JsonObject)
            {
                problems.Warn($"{path}.{key}", "is not emulated (ignored).");
            }
        }
        foreach (var key in new[] { "stdin", "tty" })
        {
            if (container[key] is JsonValue flag && flag.TryGetValue<bool>(out var on) && on)
            {
                problems.Warn($"{path}.{key}", "is not emulated: the container runs without stdin and without a terminal.");
            }
        }
        if (container["ports"] is JsonArray ports && ports.OfType<JsonObject>().Any(p => p.ContainsKey("hostPort")))
        {
            problems.Warn(path + ".ports", "hostPort is not published: the pod has loopback only (its containers reach each other on localhost).");
        }
    }
}
