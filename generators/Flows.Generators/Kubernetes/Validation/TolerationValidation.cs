using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Flows.Generators.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// ValidateTolerations, validateTaintEffect and ValidateTolerationsInPodAnnotations of pkg/apis/core/validation (1.20).
/// </summary>
/// <remarks>
/// Not checked at build time, and why:
/// - validateOnlyAddedTolerations: update only.
/// - The tolerations annotation's JSON is decoded here with YAML's JSON subset; Go's decoder messages (e.g.
///   "invalid character ...") are not reproduced word for word.
/// </remarks>
internal static class TolerationValidation
{
    public const string TolerationsAnnotationKey = "scheduler.alpha.kubernetes.io/tolerations";

    private static readonly string[] Operators = { "Equal", "Exists" };
    private static readonly string[] Effects = { "NoSchedule", "PreferNoSchedule", "NoExecute" };

    /// <summary>ValidateTolerations: each toleration's key, operator, value, effect and tolerationSeconds.</summary>
    public static void ValidateTolerations(SpecValidation validation, SpecNode tolerations)
    {
        var errors = validation.Errors;
        foreach (var toleration in tolerations.Items)
        {
            var keyNode = toleration["key"];
            var key = keyNode.StringOrEmpty;
            var op = toleration["operator"];
            var opValue = op.StringOrEmpty;
            var effect = toleration["effect"];
            var effectValue = effect.StringOrEmpty;
            var value = toleration["value"].StringOrEmpty;

            // validate the toleration key
            if (key.Length > 0)
            {
                errors.InvalidEach(keyNode, key, NameRules.IsQualifiedName(key));
            }

            // empty toleration key with Exists operator and empty value means match all taints
            if (key.Length == 0 && opValue != "Exists")
            {
                errors.Invalid(op, opValue, "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }

            if (toleration["tolerationSeconds"].Integer is not null && effectValue != "NoExecute")
            {
                errors.Invalid(effect, effectValue, "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }

            // validate toleration operator and value
            switch (opValue)
            {
                case "Equal":
                case "":
                    var messages = NameRules.IsValidLabelValue(value);
                    if (messages.Count != 0)
                    {
                        errors.Invalid(op, value, string.Join(";", messages));
                    }
                    break;
                case "Exists":
                    if (value.Length > 0)
                    {
                        errors.InvalidObject(op, "value must be empty when `operator` is 'Exists'");
                    }
                    break;
                default:
                    errors.NotSupported(op, opValue, Operators);
                    break;
            }

            // validate toleration effect, empty toleration effect means match all taint effects
            if (effectValue.Length > 0)
            {
                ValidateTaintEffect(validation, effect, effectValue, allowEmpty: true);
            }
        }
    }

    /// <summary>validateTaintEffect.</summary>
    public static void ValidateTaintEffect(SpecValidation validation, SpecNode effect, string value, bool allowEmpty)
    {
        if (!allowEmpty && value.Length == 0)
        {
            validation.Errors.Required(effect);
            return;
        }
        if (Array.IndexOf(Effects, value) < 0)
        {
            validation.Errors.NotSupported(effect, value, Effects);
        }
    }

    /// <summary>
    /// ValidateTolerationsInPodAnnotations: the JSON list of tolerations in the scheduler.alpha.kubernetes.io/tolerations
    /// annotation (decoded as Go decodes it into []core.Toleration: field names matched without case, unknown ones ignored).
    /// </summary>
    /// <param name="annotationsPath">The path the server reports at (metadata.annotations, or for a template its quirk, spec.template.annotations).</param>
    public static void ValidateTolerationsInPodAnnotations(SpecValidation validation, SpecNode annotation, FieldPath annotationsPath)
    {
        var text = annotation.StringOrEmpty;
        var at = new SpecNode(annotation.Node, annotationsPath, annotation.Location);
        var tolerations = Decode(text);
        if (tolerations is null)
        {
            validation.Errors.Invalid(at, TolerationsAnnotationKey, "not a JSON list of tolerations (the annotation must decode as []Toleration)");
            return;
        }
        if (tolerations.Children.Count == 0)
        {
            return;
        }
        // The decoded tolerations are not in the file: validate them apart, then report each finding at the annotation.
        var inner = new SpecValidation(validation.Options, tolerations);
        ValidateTolerations(inner, new SpecNode(tolerations, annotationsPath.Child(TolerationsAnnotationKey)));
        foreach (var error in inner.Errors.All)
        {
            validation.Errors.Add(new SpecError(error.Type, error.Path, annotation.Location, error.Value, error.Detail, error.Rule));
        }
    }

    /// <summary>The annotation's tolerations with their field names in the v1 spelling, or null when Go's decoder would fail.</summary>
    private static YamlSequenceNode? Decode(string text)
    {
        YamlNode root;
        try
        {
            // Bounded: the annotation is text from the spec, and may nest or alias without end.
            var stream = global::Flows.Yaml.BoundedYaml.Load(text);
            if (stream.Documents.Count != 1)
            {
                return null;
            }
            root = stream.Documents[0].RootNode;
        }
        catch (Exception)
        {
            return null;
        }
        if (root is YamlScalarNode && YamlJson.IsNull(root))
        {
            return new YamlSequenceNode();
        }
        if (root is not YamlSequenceNode sequence)
        {
            return null;
        }
        var decoded = new YamlSequenceNode();
        foreach (var item in sequence.Children)
        {
            var toleration = new YamlMappingNode();
            if (item is YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children)
                {
                    var name = (entry.Key as YamlScalarNode)?.Value ?? "";
                    var field = new[] { "key", "operator", "value", "effect", "tolerationSeconds" }
                        .FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
                    if (field is null || YamlJson.IsNull(entry.Value))
                    {
                        continue;
                    }
                    var type = SpecNode.TypeOf(entry.Value);
                    if (field == "tolerationSeconds" ? type != JsonType.Integer : type != JsonType.String)
                    {
                        return null;
                    }
                    var key = new YamlScalarNode(field);
                    if (toleration.Children.ContainsKey(key))
                    {
                        toleration.Children.Remove(key);
                    }
                    toleration.Add(key, entry.Value);
                }
            }
            else if (!YamlJson.IsNull(item))
            {
                return null;
            }
            decoded.Add(toleration);
        }
        return decoded;
    }
}
