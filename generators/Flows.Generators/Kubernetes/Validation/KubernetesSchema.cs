using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>One field of a Kubernetes object definition: its kind and, for objects, arrays and maps, what they hold.</summary>
internal sealed class SchemaField
{
    public SchemaField(string name, SchemaKind kind, SchemaKind element, string? definition)
    {
        Name = name;
        Kind = kind;
        Element = element;
        Definition = definition;
    }

    public string Name { get; }

    public SchemaKind Kind { get; }

    /// <summary>For Array and Map: the kind of the items or values; for Object: Object.</summary>
    public SchemaKind Element { get; }

    /// <summary>The definition of the object, or of the items or values when they are objects (e.g. <c>core.v1.Container</c>).</summary>
    public string? Definition { get; }
}

/// <summary>
/// The fields of every object a batch/v1 Job and a v1 Pod reach, from the Kubernetes 1.20 OpenAPI document
/// (KubernetesSchema.Definitions.g.cs, written by scripts/kubernetes-schema.py), so that a spec is decoded
/// at build time the way the API server decodes it.
/// </summary>
internal static partial class KubernetesSchema
{
    public const string Job = "batch.v1.Job";
    public const string Pod = "core.v1.Pod";
    public const string PodSpec = "core.v1.PodSpec";

    private static readonly Dictionary<string, Dictionary<string, SchemaField>> Definitions = Load();

    /// <summary>The fields of <paramref name="definition"/>, or null for a definition the table does not hold.</summary>
    public static IReadOnlyDictionary<string, SchemaField>? Fields(string definition) =>
        Definitions.TryGetValue(definition, out var fields) ? fields : null;

    public static SchemaField? Field(string definition, string name) =>
        Definitions.TryGetValue(definition, out var fields) && fields.TryGetValue(name, out var field) ? field : null;

    public static IEnumerable<string> DefinitionNames => Definitions.Keys;

    private static Dictionary<string, Dictionary<string, SchemaField>>? _loading;

    private static Dictionary<string, Dictionary<string, SchemaField>> Load()
    {
        _loading = new Dictionary<string, Dictionary<string, SchemaField>>(StringComparer.Ordinal);
        AddDefinitions();
        AddNewerFields();
        var loaded = _loading;
        _loading = null;
        return loaded;
    }

    static partial void AddDefinitions();

    static partial void AddNewerFields();

    private static void D(string name, params SchemaField[] fields)
    {
        var byName = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            byName[field.Name] = field;
        }
        _loading![name] = byName;
    }

    private static SchemaField F(string name, SchemaKind kind) => new(name, kind, SchemaKind.Any, null);

    private static SchemaField F(string name, SchemaKind kind, SchemaKind element, string? definition) => new(name, kind, element, definition);
}
