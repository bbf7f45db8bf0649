using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>The kinds of finding of Kubernetes' field.Error, plus the decoder's type errors and the fields it drops.</summary>
internal enum SpecErrorType
{
    /// <summary>The JSON decoder rejects the value's type (the API server answers 400 before any validation).</summary>
    TypeInvalid,
    Required,
    Invalid,
    NotSupported,
    Duplicate,
    Forbidden,
    TooLong,
    TooMany,

    /// <summary>field.NotFound: a reference to something the spec does not have (a volume mount's volume).</summary>
    NotFound,

    /// <summary>A field the API server does not know: dropped silently (a warning, not an error).</summary>
    UnknownField,
}

/// <summary>
/// Server rules that Flows reports with diagnostics of their own (with messages for that case); every other
/// rule is reported as FLOW077. Each is still checked once, here.
/// </summary>
internal enum SpecRule
{
    Other,

    /// <summary>metadata.name, metadata.namespace.</summary>
    ObjectName,
    /// <summary>A pod spec without containers.</summary>
    ContainersMissing,
    ContainerNameMissing,
    ContainerNameInvalid,
    ContainerNameDuplicate,
    Label,
    Quantity,
    RestartPolicy,
    UndeclaredVolume,
    ImageMissing,
}

/// <summary>One finding of the build-time port of the API server's validation, at the YAML node it is about.</summary>
internal sealed class SpecError
{
    public SpecError(SpecErrorType type, FieldPath path, YamlNode? node, string? value, string detail, SpecRule rule, bool isAtEnclosingNode = false)
    {
        IsAtEnclosingNode = isAtEnclosingNode;
        Type = type;
        Path = path;
        Node = node;
        Value = value;
        Detail = detail;
        Rule = rule;
    }

    public SpecErrorType Type { get; }

    public FieldPath Path { get; }

    /// <summary>Where to report it; null when the node is missing (then the nearest enclosing node is used).</summary>
    public YamlNode? Node { get; }

    /// <summary>The offending value as the server would quote it, or null.</summary>
    public string? Value { get; }

    public string Detail { get; }

    public SpecRule Rule { get; }

    /// <summary>The field is not in the file, so <see cref="Node"/> is the nearest node that encloses it.</summary>
    public bool IsAtEnclosingNode { get; }

    /// <summary>A warning: the server accepts the spec, but it will not do what it says.</summary>
    public bool IsWarning => Type == SpecErrorType.UnknownField;

    /// <summary>The message in the API server's form: <c>spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive</c>.</summary>
    public string Message => Type switch
    {
        SpecErrorType.TypeInvalid => $"{Path}: {Detail}",
        SpecErrorType.Required => $"{Path}: Required value" + (Detail.Length > 0 ? ": " + Detail : ""),
        SpecErrorType.Invalid => $"{Path}: Invalid value: {Value ?? "null"}" + (Detail.Length > 0 ? ": " + Detail : ""),
        SpecErrorType.NotSupported => $"{Path}: Unsupported value: {Value ?? "null"}" + (Detail.Length > 0 ? ": " + Detail : ""),
        SpecErrorType.Duplicate => $"{Path}: Duplicate value: {Value ?? "null"}" + (Detail.Length > 0 ? ": " + Detail : ""),
        SpecErrorType.Forbidden => $"{Path}: Forbidden: {Detail}",
        SpecErrorType.TooLong => $"{Path}: Too long: {Detail}",
        SpecErrorType.TooMany => $"{Path}: Too many: {Detail}",
        SpecErrorType.NotFound => $"{Path}: Not found: {Value ?? "null"}" + (Detail.Length > 0 ? ": " + Detail : ""),
        _ => $"{Path}: {Detail}",
    };

    public override string ToString() => Message;
}
