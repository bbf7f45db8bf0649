using Flows.Generators.Kubernetes.Validation;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// One field of a pod that a Pod Security Standards check forbids. The Go checks aggregate a whole pod into one
/// CheckResult; here each offending field is its own violation, so that it can be reported at its YAML line.
/// </summary>
internal sealed class PodSecurityViolation
{
    /// <param name="at">Where to report it when not at the field's value: the key of a mapping or list (whose node spans only its first character).</param>
    public PodSecurityViolation(string checkId, PodSecurityLevel level, string reason, SpecNode field, string detail, YamlNode? at = null)
    {
        CheckId = checkId;
        Level = level;
        Reason = reason;
        Path = field.Path;
        Node = at ?? field.Location;
        IsImplicit = field.Node is null;
        Detail = detail;
    }

    /// <summary>The Go check's ID (<c>privileged</c>, <c>hostPathVolumes</c>, <c>runAsNonRoot</c>, ...).</summary>
    public string CheckId { get; }

    public PodSecurityLevel Level { get; }

    /// <summary>The check's ForbiddenReason as the admission controller prints it (<c>host namespaces</c>, <c>runAsNonRoot != true</c>).</summary>
    public string Reason { get; }

    /// <summary>The field at fault: <c>spec.template.spec.containers[0].securityContext.privileged</c>.</summary>
    public FieldPath Path { get; }

    /// <summary>The field's node; for a field that must be set and is not, the nearest enclosing node.</summary>
    public YamlNode? Node { get; }

    /// <summary>The field is missing (a value restricted requires), rather than set to a forbidden value.</summary>
    public bool IsImplicit { get; }

    /// <summary>What is wrong, for a person: <c>container 'dind' is privileged (securityContext.privileged: true)</c>.</summary>
    public string Detail { get; }

    public string Message => $"{Path}: {Detail}";

    public override string ToString() => $"{CheckId}: {Message}";
}
