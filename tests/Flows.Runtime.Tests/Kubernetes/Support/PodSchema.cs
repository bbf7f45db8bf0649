using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Flows.Runtime.Tests.Kubernetes.Support;

/// <summary>
/// Validates a Pod (a pod task's, as its generated code builds it) against the official Kubernetes OpenAPI schema with
/// tests/schema/validate-pod.mjs (v1 Pod of Kubernetes v1.36.0, through kubernetes-models 5.1.0). Use with <see cref="SchemaFactAttribute"/>.
/// </summary>
internal static class PodSchema
{
    public static readonly string Script = Path.Combine(SchemaScript.Directory, "validate-pod.mjs");

    /// <returns>Exit code 0 when valid; 1 with the errors in the output when not; 2 when it is not JSON.</returns>
    public static Task<(int ExitCode, string Output)> ValidateAsync(string podJson) => SchemaScript.RunAsync(Script, podJson);

    public static Task<(int ExitCode, string Output)> ValidateAsync(JsonNode pod) => ValidateAsync(pod.ToJsonString());
}
