using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>
/// What a flow needs when its pod tasks are created from inside its Job: a ServiceAccount of its own
/// (<c>flows-&lt;flow&gt;</c>), a Role of the same name granting <see cref="PodTaskPermissions.All"/> in the run's
/// namespace, and a RoleBinding of the same name giving that Role to the account the Job runs as. Per-flow names,
/// so a second flow's objects never replace the first's, and no grant to the namespace's <c>default</c> account.
/// </summary>
public static class PodTaskRbac
{
    private const int MaxNameLength = 63;
    private const string Prefix = "flows-";

    /// <summary>
    /// The flow's ServiceAccount, Role and RoleBinding name: <c>flows-</c> and the flow's name as a DNS-1123 label
    /// (<c>Sidecar shared volume</c> → <c>flows-sidecar-shared-volume</c>); a name too long is cut and ends with
    /// 8 hex digits of a hash of the whole flow name, so it stays unique.
    /// </summary>
    public static string NameFor(string flowName)
    {
        var label = new StringBuilder();
        foreach (var c in flowName.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                label.Append(c);
            }
            else if (label.Length > 0 && label[^1] != '-')
            {
                label.Append('-');
            }
        }
        var name = Prefix + (label.ToString().Trim('-') is { Length: > 0 } safe ? safe : "flow");
        if (name.Length <= MaxNameLength)
        {
            return name;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(flowName)), 0, 4);
        return name.Substring(0, MaxNameLength - hash.Length - 1).TrimEnd('-') + "-" + hash;
    }

    public static JsonObject ServiceAccount(string @namespace, string flowName) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = Metadata(NameFor(flowName), @namespace),
    };

    public static JsonObject Role(string @namespace, string flowName) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "Role",
        ["metadata"] = Metadata(NameFor(flowName), @namespace),
        ["rules"] = new JsonArray(PodTaskPermissions.All.Select(permission => (JsonNode)new JsonObject
        {
            ["apiGroups"] = new JsonArray(""),
            ["resources"] = new JsonArray(permission.Resource),
            ["verbs"] = JobSpecPatching.Strings(permission.Verbs),
        }).ToArray()),
    };

    public static JsonObject RoleBinding(string @namespace, string flowName, string serviceAccount) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "RoleBinding",
        ["metadata"] = Metadata(NameFor(flowName), @namespace),
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = NameFor(flowName) },
        ["subjects"] = new JsonArray(
            new JsonObject { ["kind"] = "ServiceAccount", ["name"] = serviceAccount, ["namespace"] = @namespace }),
    };

    /// <summary>
    /// The service account the Job's pod runs as: its pod template's <c>serviceAccountName</c>, else the deprecated
    /// <c>serviceAccount</c> (the API server copies it over), else null (the namespace's <c>default</c>).
    /// </summary>
    public static string? ServiceAccountOf(JsonObject job) =>
        job["spec"]?["template"]?["spec"] is JsonObject podSpec ? NamedServiceAccount(podSpec) : null;

    internal static string? NamedServiceAccount(JsonObject podSpec) =>
        NonEmptyString(podSpec["serviceAccountName"]) ?? NonEmptyString(podSpec["serviceAccount"]);

    private static string? NonEmptyString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static JsonObject Metadata(string name, string @namespace) => new()
    {
        ["name"] = name,
        ["namespace"] = @namespace,
        ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "flows" },
    };
}
