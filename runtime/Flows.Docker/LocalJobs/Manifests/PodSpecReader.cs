using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flows.Docker.LocalJobs.Pods;
using Flows.Manifests;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>
/// Reads a Job (as <c>render</c> prints it; a bare Pod also works) into the <see cref="LocalPod"/> that runs it, checking
/// everything first: every problem is reported at once, with its field, before anything is created on the engine.
/// </summary>
public static partial class PodSpecReader
{
    private const string PodNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <param name="manifest">The Job (or Pod) as JSON, for example from <see cref="JobYamlReader"/>.</param>
    /// <param name="source">Where it came from, for messages (a file name, stdin, a flow).</param>
    /// <param name="primaryContainerName">The flow container; null: the first container.</param>
    /// <exception cref="InvalidLocalJobException">The Job is not valid, or needs what cannot be emulated.</exception>
    public static LocalPod Read(JsonObject manifest, string source, string? primaryContainerName = null)
    {
        var problems = new ManifestProblems();
        var kind = ManifestFields.String(manifest, "kind", "", problems);
        var metadata = ManifestFields.Object(manifest, "metadata", "", problems);
        JsonObject? podMetadata;
        JsonObject? podSpec;
        string specPath;
        string metadataPath;
        string jobName;
        string podName;
        var jobLabels = ManifestFields.StringMap(metadata, "labels", "metadata", problems);
        long? deadlineSeconds = null;
        switch (kind)
        {
            case "Job":
                jobName = ManifestFields.String(metadata, "name", "metadata", problems)
                    ?? ManifestFields.String(metadata, "generateName", "metadata", problems)?.TrimEnd('-')
                    ?? "";
                var jobSpec = ManifestFields.Object(manifest, "spec", "", problems);
                var template = ManifestFields.Object(jobSpec, "template", "spec", problems);
                podMetadata = ManifestFields.Object(template, "metadata", "spec.template", problems);
                podSpec = ManifestFields.Object(template, "spec", "spec.template", problems);
                specPath = "spec.template.spec";
                metadataPath = "spec.template.metadata";
                deadlineSeconds = ManifestFields.Integer(jobSpec, "activeDeadlineSeconds", "spec", problems);
                foreach (var count in new[] { "parallelism", "completions" })
                {
                    if (ManifestFields.Integer(jobSpec, count, "spec", problems) is > 1)
                    {
                        problems.Warn("spec." + count, "is more than 1: run-job-locally runs one pod.");
                    }
                }
                podName = (jobName.Length > 57 ? jobName[..57] : jobName) + "-" + RandomSuffix();
                break;
            case "Pod":
                jobName = ManifestFields.String(metadata, "name", "metadata", problems) ?? "";
                podMetadata = metadata;
                podSpec = ManifestFields.Object(manifest, "spec", "", problems);
                specPath = "spec";
                metadataPath = "metadata";
                podName = jobName;
                break;
            default:
                throw new InvalidLocalJobException(source, [kind is null ? "kind: is missing; expected a Job (as 'render' prints it)." : $"kind: is '{kind}'; expected Job (or Pod)."]);
        }
        if (jobName.Length == 0 || jobName.Length > 253 || !Subdomain().IsMatch(jobName))
        {
            problems.Error("metadata.name", jobName.Length == 0 ? "is required." : $"'{jobName}' is not a Kubernetes object name (lowercase letters, digits, '-' and '.').");
        }
        if (podSpec is null)
        {
            problems.Error(specPath, "is missing: a Job needs a pod template with containers.");
            throw new InvalidLocalJobException(source, problems.Errors);
        }

        var podLabels = ManifestFields.StringMap(podMetadata, "labels", metadataPath, problems);
        var annotations = ManifestFields.StringMap(podMetadata, "annotations", metadataPath, problems);
        var flowRunId = NonEmpty(jobLabels.GetValueOrDefault(RunLabels.FlowRunId)) ?? NonEmpty(podLabels.GetValueOrDefault(RunLabels.FlowRunId));
        var identifier = NonEmpty(jobLabels.GetValueOrDefault(RunLabels.Identifier)) ?? NonEmpty(podLabels.GetValueOrDefault(RunLabels.Identifier))
            ?? KubernetesRunInfo.IdentifierFor(flowRunId ?? FlowRunIds.New());
        if (kind == "Job")
        {
            podLabels["controller-uid"] = Guid.NewGuid().ToString();
            podLabels["job-name"] = jobName;
        }
        var ns = ManifestFields.String(metadata, "namespace", "metadata", problems) ?? "default";
        var hostname = ManifestFields.String(podSpec, "hostname", specPath, problems)
            ?? (podName.Length > 63 ? podName[..63] : podName).TrimEnd('-', '.');
        var security = ManifestFields.Object(podSpec, "securityContext", specPath, problems);
        var securityPath = specPath + ".securityContext";
        var podSecurity = new PodSecurity(
            ManifestFields.Integer(security, "runAsUser", securityPath, problems),
            ManifestFields.Integer(security, "runAsGroup", securityPath, problems),
            ManifestFields.Bool(security, "runAsNonRoot", securityPath, problems),
            (ManifestFields.Array(security, "supplementalGroups", securityPath, problems) ?? []).Select(g => g?.ToJsonString() ?? "").ToList(),
            LocalSeccomp.Read(security, securityPath, problems));
        foreach (var key in new[] { "fsGroup", "sysctls", "seLinuxOptions", "appArmorProfile" })
        {
            if (security?.ContainsKey(key) == true)
            {
                problems.Warn($"{securityPath}.{key}", "is not emulated.");
            }
        }
        var pod = new PodFieldValues(podName, ns, Guid.NewGuid().ToString(), podLabels, annotations,
            ManifestFields.String(podSpec, "serviceAccountName", specPath, problems) ?? ManifestFields.String(podSpec, "serviceAccount", specPath, problems) ?? "default",
            Environment.MachineName);
        var volumes = VolumeReader.Read(podSpec, specPath, problems);
        var context = new ContainerReadContext(pod, volumes, podSecurity);

        var initContainers = ReadContainers(podSpec, "initContainers", specPath, LocalContainerRole.Init, context, problems);
        var containers = ReadContainers(podSpec, "containers", specPath, LocalContainerRole.Container, context, problems);
        if (ManifestFields.Field(podSpec, "containers") is not JsonArray { Count: > 0 })
        {
            problems.Error(specPath + ".containers", "a Job's pod needs at least one container; there is none.");
        }
        foreach (var duplicate in initContainers.Concat(containers).GroupBy(c => c.Name).Where(g => g.Count() > 1))
        {
            problems.Error(specPath, $"two containers are named '{duplicate.Key}' (names must be unique across initContainers and containers).");
        }
        var primary = primaryContainerName ?? containers.FirstOrDefault()?.Name ?? "";
        if (primaryContainerName is not null && containers.Count > 0 && containers.All(c => c.Name != primaryContainerName))
        {
            problems.Error(specPath + ".containers", $"no container named '{primaryContainerName}' (--primary-container); the containers are {string.Join(", ", containers.Select(c => "'" + c.Name + "'"))}.");
        }
        foreach (var (name, declared) in volumes)
        {
            if (declared.Volume is null && !initContainers.Concat(containers).Any(c => c.Mounts.Any(m => m.VolumeName == name)))
            {
                problems.Warn($"{specPath}.volumes ({name})", $"a {declared.Kind} volume is not emulated; no container mounts it, so it is left out.");
            }
        }
        WarnPodFields(podSpec, specPath, problems);
        var podDeadline = ManifestFields.Integer(podSpec, "activeDeadlineSeconds", specPath, problems);
        var grace = ManifestFields.Integer(podSpec, "terminationGracePeriodSeconds", specPath, problems);
        var hostNetwork = ManifestFields.Bool(podSpec, "hostNetwork", specPath, problems) ?? false;
        var hostPid = ManifestFields.Bool(podSpec, "hostPID", specPath, problems) ?? false;
        var hostIpc = ManifestFields.Bool(podSpec, "hostIPC", specPath, problems) ?? false;
        var shareProcessNamespace = ManifestFields.Bool(podSpec, "shareProcessNamespace", specPath, problems) ?? false;
        if (problems.Errors.Count > 0)
        {
            throw new InvalidLocalJobException(source, problems.Errors);
        }
        var deadlines = new[] { deadlineSeconds, podDeadline }.Where(d => d is > 0).Select(d => d!.Value).ToList();
        return new LocalPod
        {
            Name = podName,
            Namespace = ns,
            Uid = pod.Uid,
            JobName = jobName,
            IsBarePod = kind == "Pod",
            Identifier = identifier,
            FlowRunId = flowRunId,
            Hostname = hostNetwork ? "" : hostname,
            Labels = podLabels,
            Annotations = annotations,
            Volumes = volumes.Values.Select(v => v.Volume).OfType<LocalVolume>().ToList(),
            InitContainers = initContainers,
            Containers = containers,
            PrimaryContainerName = primary,
            HostNetwork = hostNetwork,
            HostPid = hostPid,
            HostIpc = hostIpc,
            ShareProcessNamespace = shareProcessNamespace,
            TerminationGracePeriod = grace is >= 0 ? TimeSpan.FromSeconds(grace.Value) : null,
            ActiveDeadline = deadlines.Count > 0 ? TimeSpan.FromSeconds(deadlines.Min()) : null,
            Warnings = problems.Warnings,
        };
    }

    private static List<LocalContainer> ReadContainers(JsonObject podSpec, string key, string specPath, LocalContainerRole role, ContainerReadContext context, ManifestProblems problems)
    {
        var containers = new List<LocalContainer>();
        var entries = ManifestFields.Array(podSpec, key, specPath, problems) ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"{specPath}.{key}[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                problems.Error(path, "must be an object.");
            }
            else if (ContainerReader.Read(entry, path, role, context, problems) is { } container)
            {
                containers.Add(container);
            }
        }
        return containers;
    }

    private static void WarnPodFields(JsonObject podSpec, string specPath, ManifestProblems problems)
    {
        if (podSpec["imagePullSecrets"] is JsonArray { Count: > 0 })
        {
            problems.Warn(specPath + ".imagePullSecrets", "are not used: images are pulled without credentials.");
        }
        if (podSpec["restartPolicy"] is JsonValue policy && policy.ToString() == "OnFailure")
        {
            problems.Warn(specPath + ".restartPolicy", "OnFailure is not emulated: a container that fails is not restarted (one attempt, as with Never).");
        }
        if (podSpec["hostAliases"] is JsonArray { Count: > 0 })
        {
            problems.Warn(specPath + ".hostAliases", "are not emulated (no /etc/hosts entries are added).");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string RandomSuffix() =>
        string.Create(5, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = PodNameAlphabet[RandomNumberGenerator.GetInt32(PodNameAlphabet.Length)];
            }
        });

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex Subdomain();
}
