using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>
/// Authorization as an RBAC API server answers it: a request whose verb and resource are <see cref="Deny"/>-ed gets
/// 403 with the server's own Status (reason Forbidden, the message naming the user, verb, resource and namespace).
/// </summary>
internal sealed partial class KubernetesApiDouble
{
    /// <summary>The user the double's token stands for in a 403, as a pod's service account token would.</summary>
    public string User { get; set; } = "system:serviceaccount:flows-test:flows-pod-task-flow";

    private readonly ConcurrentDictionary<(string Verb, string Resource), bool> _denied = new();

    /// <summary>From now on, <paramref name="verb"/> on <paramref name="resource"/> (<c>pods</c>, <c>pods/log</c>, <c>events</c>) is forbidden.</summary>
    public void Deny(string verb, string resource) => _denied[(verb, resource)] = true;

    /// <returns>True when the request was answered with 403.</returns>
    private async Task<bool> RefuseIfDeniedAsync(HttpExchange exchange, RecordedRequest request)
    {
        if (_denied.IsEmpty || ResourcePath().Match(exchange.Path) is not { Success: true } match)
        {
            return false;
        }
        var ns = match.Groups["ns"].Value;
        var resource = match.Groups["resource"].Value;
        var name = match.Groups["name"].Success ? match.Groups["name"].Value : null;
        if (match.Groups["sub"].Success)
        {
            resource += "/" + match.Groups["sub"].Value;
        }
        var verb = (exchange.Method, name is null, request.IsWatch) switch
        {
            ("GET", _, true) => "watch",
            ("GET", true, false) => "list",
            ("GET", false, false) => "get",
            ("POST", _, _) => "create",
            ("DELETE", true, _) => "deletecollection",
            ("DELETE", false, _) => "delete",
            _ => exchange.Method.ToLowerInvariant(),
        };
        if (!_denied.ContainsKey((verb, resource)))
        {
            return false;
        }
        var group = match.Groups["group"].Success ? match.Groups["group"].Value : "";
        var subject = match.Groups["resource"].Value + (name is null ? "" : $" \"{name}\"");
        var status = Status(403, "Forbidden",
            $"{subject} is forbidden: User \"{User}\" cannot {verb} resource \"{resource}\" in API group \"{group}\" in the namespace \"{ns}\"");
        status["details"] = new JsonObject { ["kind"] = match.Groups["resource"].Value, ["group"] = group };
        if (name is not null)
        {
            status["details"]!["name"] = name;
        }
        await exchange.RespondJsonAsync(403, status);
        return true;
    }

    /// <summary>Service accounts are only read (submit checks that the Job's exists); a test adds them to <see cref="Store"/>.</summary>
    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/serviceaccounts/(?<name>[^/]+)$")]
    private static partial Regex ServiceAccountPath();

    [GeneratedRegex(@"^/(api/v1|apis/(?<group>[^/]+)/[^/]+)/namespaces/(?<ns>[^/]+)/(?<resource>[^/]+)(/(?<name>[^/]+)(/(?<sub>[^/]+))?)?\z")]
    private static partial Regex ResourcePath();
}
