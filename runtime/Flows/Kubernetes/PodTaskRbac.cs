using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>
/// The Role and RoleBinding a flow needs when its pod tasks are created from inside its Job: the Job's
/// service account may create, watch, read the logs of and delete pods in the run's namespace.
/// </summary>
public static class PodTaskRbac
{
    public const string RoleName = "flows-pod-tasks";

    public static JsonObject Role(string @namespace) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "Role",
        ["metadata"] = new JsonObject { ["name"] = RoleName, ["namespace"] = @namespace },
        ["rules"] = new JsonArray(
            new JsonObject
            {
                ["apiGroups"] = new JsonArray(""),
                ["resources"] = new JsonArray("pods"),
                ["verbs"] = new JsonArray("create", "get", "list", "watch", "delete"),
            },
            new JsonObject
            {
                ["apiGroups"] = new JsonArray(""),
                ["resources"] = new JsonArray("pods/log"),
                ["verbs"] = new JsonArray("get"),
            }),
    };

    public static JsonObject RoleBinding(string @namespace, string serviceAccount) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "RoleBinding",
        ["metadata"] = new JsonObject { ["name"] = RoleName, ["namespace"] = @namespace },
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = RoleName },
        ["subjects"] = new JsonArray(
            new JsonObject { ["kind"] = "ServiceAccount", ["name"] = serviceAccount, ["namespace"] = @namespace }),
    };

    /// <summary>The service account the Job's pod runs as: its pod template's serviceAccountName, else "default".</summary>
    public static string ServiceAccountOf(JsonObject job) =>
        job["spec"]?["template"]?["spec"]?["serviceAccountName"] is JsonValue value && value.TryGetValue<string>(out var name) && name.Length > 0 ? name : "default";
}
