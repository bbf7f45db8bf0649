using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>
/// The Pod Security Standards' <c>restricted</c> settings that Flows adds to the pods it makes wherever the user's spec
/// is silent, field by field: a value the spec sets (at the container's or, where the field has one, at the pod's
/// level) is never replaced. Only the containers Flows fills in get container settings; a user's other containers
/// (a privileged docker-in-docker sidecar, a proxy) are left as written.
/// </summary>
public static class RestrictedPodDefaults
{
    /// <summary>
    /// The numeric user and group the flow image runs as (its <c>USER</c>), the same as .NET's own images' <c>app</c>
    /// user (<c>APP_UID</c>). Numeric, because the kubelet can only verify <c>runAsNonRoot</c> for a numeric user.
    /// </summary>
    public const long FlowImageUserId = 1654;

    /// <summary>The emptyDir mounted at <c>/tmp</c> of a flow container whose root filesystem Flows made read-only.</summary>
    public const string TmpVolumeName = "flows-tmp";

    /// <summary>The legacy pod annotation that the API server keeps in step with <c>securityContext.seccompProfile</c>.</summary>
    private const string SeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";

    /// <summary>The flow Job's defaults: <see cref="ApplyToPod"/> on its pod template, <see cref="ApplyToFlowContainer"/> on its flow container.</summary>
    /// <param name="usesApi">The flow has pod tasks, which it creates through the API from inside the Job.</param>
    public static void ApplyToJob(JsonObject job, JsonObject flowContainer, bool usesApi)
    {
        var template = JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(job, "spec"), "template");
        var podSpec = JobSpecPatching.ObjectAt(template, "spec");
        ApplyToPod(podSpec, template["metadata"] as JsonObject, usesApi);
        ApplyToFlowContainer(podSpec, flowContainer);
    }

    /// <summary>A pod task's Pod (which does not talk to the API): <see cref="ApplyToPod"/>, and on its primary <see cref="ApplyToFlowContainer"/> (a sidecar task's, which runs the flow image) or <see cref="ApplyToTaskImageContainer"/> (a container task's).</summary>
    public static void ApplyToPodTask(JsonObject pod, JsonObject primary, bool primaryRunsFlowImage)
    {
        var podSpec = JobSpecPatching.ObjectAt(pod, "spec");
        ApplyToPod(podSpec, pod["metadata"] as JsonObject, usesApi: false);
        if (primaryRunsFlowImage)
        {
            ApplyToFlowContainer(podSpec, primary);
        }
        else
        {
            ApplyToTaskImageContainer(primary);
        }
    }

    /// <summary>
    /// Pod-level settings: <c>securityContext.seccompProfile: RuntimeDefault</c>, and, for a pod that does not talk to the
    /// Kubernetes API (<paramref name="usesApi"/> false) and names no service account of its own,
    /// <c>automountServiceAccountToken: false</c>.
    /// </summary>
    /// <param name="podMetadata">The pod's (or pod template's) metadata, for the legacy seccomp annotation; null when it has none.</param>
    public static void ApplyToPod(JsonObject podSpec, JsonObject? podMetadata, bool usesApi)
    {
        if (!usesApi && IsAbsent(podSpec, "automountServiceAccountToken") && IsAbsent(podSpec, "serviceAccountName") && IsAbsent(podSpec, "serviceAccount"))
        {
            podSpec["automountServiceAccountToken"] = false;
        }
        if (SecurityContext(podSpec) is { } security && IsAbsent(security, "seccompProfile") && !HasAnnotation(podMetadata, SeccompPodAnnotation))
        {
            security["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" };
        }
    }

    /// <summary>
    /// A container that runs the flow image (the flow Job's container, a sidecar task's primary): everything of
    /// <see cref="ApplyToTaskImageContainer"/>, and <c>runAsNonRoot: true</c>, <c>runAsUser</c> and <c>runAsGroup</c>
    /// <see cref="FlowImageUserId"/>, and <c>readOnlyRootFilesystem: true</c> with an emptyDir at <c>/tmp</c>.
    /// </summary>
    public static void ApplyToFlowContainer(JsonObject podSpec, JsonObject container)
    {
        ApplyToTaskImageContainer(container);
        if (SecurityContext(container) is not { } security)
        {
            return;
        }
        var podSecurity = podSpec["securityContext"] as JsonObject;
        if (IsAbsent(security, "runAsUser") && IsAbsent(podSecurity, "runAsUser"))
        {
            security["runAsUser"] = FlowImageUserId;
        }
        if (IsAbsent(security, "runAsGroup") && IsAbsent(podSecurity, "runAsGroup"))
        {
            security["runAsGroup"] = FlowImageUserId;
        }
        // runAsNonRoot with an explicit user 0 is a pod the kubelet refuses: a user who asks for root gets root.
        var effectiveUser = Integer(security, "runAsUser") ?? Integer(podSecurity, "runAsUser");
        if (IsAbsent(security, "runAsNonRoot") && IsAbsent(podSecurity, "runAsNonRoot") && effectiveUser != 0)
        {
            security["runAsNonRoot"] = true;
        }
        if (IsAbsent(security, "readOnlyRootFilesystem"))
        {
            security["readOnlyRootFilesystem"] = true;
            MountTmp(podSpec, container);
        }
    }

    /// <summary>
    /// A container of an image Flows did not build (a container task's primary): <c>allowPrivilegeEscalation: false</c>
    /// and <c>capabilities.drop: [ALL]</c>, but not <c>runAsNonRoot</c>, since the image may need root; such a pod passes
    /// <c>baseline</c>, and <c>restricted</c> once the spec sets <c>runAsNonRoot</c> and a non-root <c>runAsUser</c>.
    /// </summary>
    public static void ApplyToTaskImageContainer(JsonObject container)
    {
        if (SecurityContext(container) is not { } security)
        {
            return;
        }
        var capabilities = security["capabilities"];
        // The API server refuses allowPrivilegeEscalation false beside privileged or CAP_SYS_ADMIN: those stay the user's.
        if (IsAbsent(security, "allowPrivilegeEscalation") && !IsTrue(security["privileged"]) && !AddsSysAdmin(capabilities))
        {
            security["allowPrivilegeEscalation"] = false;
        }
        if (capabilities is null || capabilities.GetValueKind() == JsonValueKind.Null)
        {
            capabilities = new JsonObject();
            security["capabilities"] = capabilities;
        }
        if (capabilities is JsonObject set && IsAbsent(set, "drop"))
        {
            set["drop"] = new JsonArray("ALL");
        }
    }

    /// <summary>The object's <c>securityContext</c>, created when absent or null; null when the spec has something else there (its error to keep).</summary>
    private static JsonObject? SecurityContext(JsonObject owner)
    {
        var existing = owner["securityContext"];
        if (existing is JsonObject security)
        {
            return security;
        }
        if (existing is not null && existing.GetValueKind() != JsonValueKind.Null)
        {
            return null;
        }
        var created = new JsonObject();
        owner["securityContext"] = created;
        return created;
    }

    private static void MountTmp(JsonObject podSpec, JsonObject container)
    {
        if (container["volumeMounts"] is not JsonArray mounts)
        {
            if (container["volumeMounts"] is { } other && other.GetValueKind() != JsonValueKind.Null)
            {
                return;
            }
            mounts = new JsonArray();
            container["volumeMounts"] = mounts;
        }
        if (mounts.OfType<JsonObject>().Any(m => String(m, "mountPath")?.TrimEnd('/') == "/tmp"))
        {
            return;
        }
        if (podSpec["volumes"] is not JsonArray volumes)
        {
            if (podSpec["volumes"] is { } other && other.GetValueKind() != JsonValueKind.Null)
            {
                return;
            }
            volumes = new JsonArray();
            podSpec["volumes"] = volumes;
        }
        if (!volumes.OfType<JsonObject>().Any(v => String(v, "name") == TmpVolumeName))
        {
            volumes.Add((JsonNode)new JsonObject { ["name"] = TmpVolumeName, ["emptyDir"] = new JsonObject() });
        }
        mounts.Add((JsonNode)new JsonObject { ["name"] = TmpVolumeName, ["mountPath"] = "/tmp" });
    }

    private static bool IsAbsent(JsonObject? owner, string key) =>
        owner is null || owner[key] is not { } value || value.GetValueKind() == JsonValueKind.Null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static bool AddsSysAdmin(JsonNode? capabilities) =>
        capabilities is JsonObject set && set["add"] is JsonArray added
        && added.Any(c => c is JsonValue v && v.GetValueKind() == JsonValueKind.String && (string)v! is "SYS_ADMIN" or "CAP_SYS_ADMIN");

    private static bool HasAnnotation(JsonObject? metadata, string name) =>
        metadata?["annotations"] is JsonObject annotations && annotations.ContainsKey(name);

    private static string? String(JsonObject owner, string key) =>
        owner[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string)value! : null;

    private static long? Integer(JsonObject? owner, string key) =>
        owner?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : null;
}
