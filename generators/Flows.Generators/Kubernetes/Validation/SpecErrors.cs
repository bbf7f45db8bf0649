using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// What the validation found (Kubernetes' field.ErrorList), each at its YAML node. The methods are field.Required,
/// field.Invalid, field.NotSupported, ... of k8s.io/apimachinery/pkg/util/validation/field, taking the field as a
/// <see cref="SpecNode"/> (its path, and its node or, when missing, the nearest enclosing one).
/// </summary>
internal sealed class SpecErrors
{
    private readonly List<SpecError> _all = new();

    public IReadOnlyList<SpecError> All => _all;

    public bool HasErrors => _all.Any(e => !e.IsWarning);

    public int Count => _all.Count;

    public void Add(SpecError error) => _all.Add(error);

    public void TypeInvalid(FieldPath path, YamlNode node, string detail) =>
        Add(new SpecError(SpecErrorType.TypeInvalid, path, node, null, detail, SpecRule.Other));

    public void UnknownField(FieldPath path, YamlNode node, string detail) =>
        Add(new SpecError(SpecErrorType.UnknownField, path, node, null, detail, SpecRule.Other));

    public void Required(SpecNode field, string detail = "", SpecRule rule = SpecRule.Other) =>
        Add(new SpecError(SpecErrorType.Required, field.Path, field.Location, null, detail, rule, field.Node is null));

    /// <summary>field.Invalid with a string value (quoted in the message, as the server does).</summary>
    public void Invalid(SpecNode field, string? value, string detail, SpecRule rule = SpecRule.Other) =>
        Add(new SpecError(SpecErrorType.Invalid, field.Path, field.Location, Quote(value), detail, rule, field.Node is null));

    /// <summary>field.Invalid with a number (unquoted).</summary>
    public void Invalid(SpecNode field, long value, string detail, SpecRule rule = SpecRule.Other) =>
        Add(new SpecError(SpecErrorType.Invalid, field.Path, field.Location, value.ToString(CultureInfo.InvariantCulture), detail, rule, field.Node is null));

    /// <summary>field.Invalid about a whole object or list (the server prints it as a Go value; here it is left out).</summary>
    public void InvalidObject(SpecNode field, string detail, SpecRule rule = SpecRule.Other) =>
        Add(new SpecError(SpecErrorType.Invalid, field.Path, field.Location, "(the value)", detail, rule, field.Node is null));

    /// <summary>Each message of a NameRules function as one field.Invalid.</summary>
    public void InvalidEach(SpecNode field, string value, IEnumerable<string> messages, SpecRule rule = SpecRule.Other)
    {
        foreach (var message in messages)
        {
            Invalid(field, value, message, rule);
        }
    }

    public void NotSupported(SpecNode field, string? value, IEnumerable<string> supported, SpecRule rule = SpecRule.Other) =>
        Add(new SpecError(SpecErrorType.NotSupported, field.Path, field.Location, Quote(value), "supported values: " + string.Join(", ", supported.Select(s => Quote(s))), rule, field.Node is null));

    public void Duplicate(SpecNode field, string? value, SpecRule rule = SpecRule.Other) =>
        Add(new SpecError(SpecErrorType.Duplicate, field.Path, field.Location, Quote(value), "", rule, field.Node is null));

    public void Forbidden(SpecNode field, string detail, SpecRule rule = SpecRule.Other) =>
        Add(new SpecError(SpecErrorType.Forbidden, field.Path, field.Location, null, detail, rule, field.Node is null));

    public void TooLong(SpecNode field, int max) =>
        Add(new SpecError(SpecErrorType.TooLong, field.Path, field.Location, null, $"must have at most {max} bytes", SpecRule.Other, field.Node is null));

    public void TooMany(SpecNode field, int actual, int max) =>
        Add(new SpecError(SpecErrorType.TooMany, field.Path, field.Location, null, $"{actual}: must have at most {max} items", SpecRule.Other, field.Node is null));

    private static string? Quote(string? value) => value is null ? null : "\"" + value + "\"";
}
