using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>
/// Secrets: create, get, delete (by name or label selector) and JSON merge patch, as the API serves them. There is no
/// garbage collector, so an owned Secret stays until deleted; <see cref="SecretValue"/> reads a key as the kubelet would.
/// </summary>
internal sealed partial class KubernetesApiDouble
{
    /// <summary>The exact bodies of the Secret POSTs, in order.</summary>
    public ConcurrentQueue<string> SecretPostBodies { get; } = new();

    /// <summary>The decoded value of <paramref name="key"/> in Secret <paramref name="name"/>; null when either is missing.</summary>
    public string? SecretValue(string ns, string name, string key) =>
        Store.Get("secrets", ns, name)?["data"]?[key]?.GetValue<string>() is { } encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : null;

    private async Task<bool> TryServeSecretsAsync(HttpExchange exchange, RecordedRequest request)
    {
        if (SecretsPath().Match(exchange.Path) is { Success: true } collection)
        {
            var ns = collection.Groups["ns"].Value;
            if (exchange.Method == "POST")
            {
                await CreateSecretAsync(exchange, request, ns);
            }
            else
            {
                await ServeCollectionAsync(exchange, request, "secrets", ns);
            }
            return true;
        }
        if (SecretPath().Match(exchange.Path) is { Success: true } one)
        {
            var (ns, name) = (one.Groups["ns"].Value, one.Groups["name"].Value);
            if (exchange.Method == "PATCH")
            {
                await PatchSecretAsync(exchange, ns, name);
            }
            else
            {
                await ServeObjectAsync(exchange, "secrets", ns, name);
            }
            return true;
        }
        return false;
    }

    private async Task CreateSecretAsync(HttpExchange exchange, RecordedRequest request, string ns)
    {
        SecretPostBodies.Enqueue(exchange.Body);
        var secret = JsonNode.Parse(exchange.Body) as JsonObject;
        var name = secret?["metadata"]?["name"]?.GetValue<string>();
        if (secret is null || name is null)
        {
            await exchange.RespondJsonAsync(422, Status(422, "Invalid", "Secret \"\" is invalid: metadata.name: Required value"));
            return;
        }
        var size = (secret["data"] as JsonObject ?? new JsonObject()).Sum(d => Convert.FromBase64String(d.Value!.GetValue<string>()).Length);
        if (size > 1024 * 1024)
        {
            await exchange.RespondJsonAsync(422, Status(422, "Invalid", $"Secret \"{name}\" is invalid: data: Too long: must have at most 1048576 bytes"));
            return;
        }
        var stored = Store.Add("secrets", ns, secret);
        if (stored is null)
        {
            await exchange.RespondJsonAsync(409, Status(409, "AlreadyExists", $"secrets \"{name}\" already exists"));
            return;
        }
        if (Faults.TakeLostAnswer(request))
        {
            await exchange.RespondJsonAsync(500, Status(500, "InternalError", "an injected error after the Secret was created"));
            return;
        }
        await exchange.RespondJsonAsync(201, stored);
    }

    private async Task PatchSecretAsync(HttpExchange exchange, string ns, string name)
    {
        if (exchange.Headers.GetValueOrDefault("Content-Type")?.StartsWith("application/merge-patch+json", StringComparison.Ordinal) != true)
        {
            await exchange.RespondJsonAsync(415, Status(415, "UnsupportedMediaType", "the body of the request was in an unknown format"));
            return;
        }
        var patch = (JsonObject)JsonNode.Parse(exchange.Body)!;
        var updated = Store.Update("secrets", ns, name, secret => MergePatch(secret, patch));
        if (updated is null)
        {
            await exchange.RespondJsonAsync(404, Status(404, "NotFound", $"secrets \"{name}\" not found"));
            return;
        }
        await exchange.RespondJsonAsync(200, updated);
    }

    /// <summary>RFC 7386: objects merge, null removes, anything else replaces.</summary>
    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                MergePatch(existing, nested);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/secrets$")]
    private static partial Regex SecretsPath();

    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/secrets/(?<name>[^/]+)$")]
    private static partial Regex SecretPath();
}
