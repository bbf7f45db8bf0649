using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Flows.Runtime.Tests.Kubernetes.Support;

/// <summary>
/// Validates a Job against the official Kubernetes OpenAPI schema with tests/schema/validate-job.mjs
/// (npm's kubernetes-models 5.1.0, whose validators are generated from Kubernetes v1.36.0's OpenAPI spec).
/// Needs node and <c>npm ci --prefix tests/schema</c>; see <see cref="SchemaFactAttribute"/>.
/// </summary>
internal static class JobSchema
{
    public static readonly string Directory = SchemaScript.Directory;

    public static readonly string Script = Path.Combine(Directory, "validate-job.mjs");

    /// <summary>Null when the validator can run here; else why not.</summary>
    public static string? Unavailable => SchemaScript.Unavailable;

    public static Task<(int ExitCode, string Output)> ValidateAsync(JsonNode job) => SchemaScript.RunAsync(Script, job.ToJsonString());
}

/// <summary>
/// A fact that needs the schema validator: skipped with the reason when it cannot run, except under
/// <c>CI=true</c>, where a missing validator must fail the build rather than skip silently.
/// </summary>
internal sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (JobSchema.Unavailable is { } reason && !IsCi())
        {
            Skip = reason;
        }
    }

    public static bool IsCi() => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A theory that needs the schema validator; skipped or failing as <see cref="SchemaFactAttribute"/>.</summary>
internal sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (JobSchema.Unavailable is { } reason && !SchemaFactAttribute.IsCi())
        {
            Skip = reason;
        }
    }
}
