using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Cluster.Tests.Oracle;

/// <summary>One place in a base spec that a mutation changes: its server-form path, its JSON steps, its schema kind and value.</summary>
internal sealed record MutationSite(
    string Path,
    IReadOnlyList<object> Steps,
    string Generic,
    SchemaKind Kind,
    string? Definition,
    SchemaKind Element,
    JsonNode? Value,
    bool IsField)
{
    /// <summary>The field name (the last step) when the site is an object's field.</summary>
    public string? FieldName => IsField ? (string)Steps[^1] : null;
}

/// <summary>
/// One kind of change to a field's value. <see cref="Make"/> returns the new value; <see cref="Removes"/> mutations
/// take the field out instead. Add a line to <see cref="MutationCatalogue.All"/> to add one.
/// </summary>
internal sealed record Mutation(string Name, Func<MutationSite, bool> AppliesTo, Func<MutationSite, JsonNode?> Make, bool Removes = false);

/// <summary>A mutated spec: the base it came from, the mutation, where it applied, and the whole mutated JSON.</summary>
internal sealed record Mutant(OracleBase Base, string Mutation, MutationSite Site, JsonObject Json)
{
    public string Describe => $"{Base.Name}: {Mutation} at {Site.Path}";
}

/// <summary>
/// The data-driven catalogue of mutations the server-oracle test applies to every field of each base spec, and the
/// walk over a spec's JSON that finds the fields (typed by the 1.20 schema of <see cref="KubernetesSchema"/>).
/// </summary>
internal static class MutationCatalogue
{
    private static bool IsString(MutationSite s) => s.Kind is SchemaKind.String;

    private static bool IsInteger(MutationSite s) => s.Kind is SchemaKind.Int32 or SchemaKind.Int64 or SchemaKind.Number;

    private static bool IsIntOrString(MutationSite s) => s.Kind is SchemaKind.IntOrString;

    private static bool IsStringLike(MutationSite s) => IsString(s) || IsIntOrString(s);

    private static bool IsIntegerLike(MutationSite s) => IsInteger(s) || IsIntOrString(s);

    private static string Text(MutationSite s) => s.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : s.Value?.ToJsonString() ?? "";

    private static JsonNode Value(string text) => JsonValue.Create(text)!;

    /// <summary>A second member of a one-of (a volume's source, an env valueFrom, a probe or lifecycle handler, a projection): the first that the object does not have.</summary>
    public static readonly IReadOnlyDictionary<string, (string Member, string Json)[]> OneOfDonors = new Dictionary<string, (string, string)[]>
    {
        ["core.v1.Volume"] = [("emptyDir", "{}"), ("hostPath", """{"path":"/tmp"}""")],
        ["core.v1.EnvVarSource"] = [("fieldRef", """{"fieldPath":"metadata.name"}"""), ("configMapKeyRef", """{"name":"settings","key":"level"}""")],
        ["core.v1.Probe"] = [("exec", """{"command":["true"]}"""), ("tcpSocket", """{"port":8080}""")],
        ["core.v1.Handler"] = [("exec", """{"command":["true"]}"""), ("tcpSocket", """{"port":8080}""")],
        ["core.v1.VolumeProjection"] = [("configMap", """{"name":"settings"}"""), ("secret", """{"name":"credentials"}""")],
        ["core.v1.EnvFromSource"] = [("configMapRef", """{"name":"settings"}"""), ("secretRef", """{"name":"credentials"}""")],
    };

    /// <summary>Every mutation, in the order they are tried.</summary>
    public static readonly IReadOnlyList<Mutation> All =
    [
        // Any field of an object: taken out (required fields).
        new("removed", s => s.IsField, _ => null, Removes: true),

        // Strings (and the string side of int-or-string).
        new("empty string", IsStringLike, _ => Value("")),
        new("64 characters", IsStringLike, _ => Value(new string('a', 64))),
        new("254 characters", IsStringLike, _ => Value(new string('a', 254))),
        new("upper case", IsStringLike, s => Value(Text(s).ToUpperInvariant() is var upper && upper != Text(s) ? upper : "UPPER")),
        new("with '_'", IsStringLike, s => Value(Text(s) + "_a")),
        new("with '.'", IsStringLike, s => Value(Text(s) + ".a")),
        new("leading '-'", IsStringLike, s => Value("-" + Text(s))),
        new("trailing newline", IsStringLike, s => Value(Text(s) + "\n")),
        new("unicode letter", IsStringLike, s => Value(Text(s) + "é")),
        new("number for a string", IsString, _ => JsonValue.Create(1)),
        new("unknown enum value", IsStringLike, _ => Value("Bogus")),

        // Integers (and the int side of int-or-string).
        new("-1", IsIntegerLike, _ => JsonValue.Create(-1)),
        new("0", IsIntegerLike, _ => JsonValue.Create(0)),
        new("1", IsIntegerLike, _ => JsonValue.Create(1)),
        new("65536", IsIntegerLike, _ => JsonValue.Create(65536)),
        new("2147483648", IsIntegerLike, _ => JsonValue.Create(2147483648L)),
        new("float 1.5", IsInteger, _ => JsonValue.Create(1.5)),
        new("quoted \"1\"", IsInteger, _ => Value("1")),

        // Quantities.
        new("quantity \"\"", s => s.Kind == SchemaKind.Quantity, _ => Value("")),
        new("quantity -1", s => s.Kind == SchemaKind.Quantity, _ => Value("-1")),
        new("quantity 0", s => s.Kind == SchemaKind.Quantity, _ => Value("0")),
        new("quantity bogus", s => s.Kind == SchemaKind.Quantity, _ => Value("bogus")),
        new("quantity number 2", s => s.Kind == SchemaKind.Quantity, _ => JsonValue.Create(2)),
        new("quantity 1.5", s => s.Kind == SchemaKind.Quantity, _ => Value("1.5")),

        // Booleans.
        new("string \"true\"", s => s.Kind == SchemaKind.Boolean, _ => Value("true")),
        new("flipped", s => s.Kind == SchemaKind.Boolean, s => JsonValue.Create(!(s.Value is JsonValue v && v.TryGetValue<bool>(out var b) && b))),

        // Arrays.
        new("empty array", s => s.Kind == SchemaKind.Array, _ => new JsonArray()),
        new("duplicate first item", s => s.Kind == SchemaKind.Array && s.Value is JsonArray { Count: > 0 }, s =>
        {
            var items = ((JsonArray)s.Value!).Select(i => i?.DeepClone()).ToList();
            items.Insert(1, items[0]?.DeepClone());
            return new JsonArray(items.ToArray());
        }),
        new("first item removed", s => s.Kind == SchemaKind.Array && s.Value is JsonArray { Count: > 1 }, s =>
            new JsonArray(((JsonArray)s.Value!).Skip(1).Select(i => i?.DeepClone()).ToArray())),

        // Objects: a second member of a one-of.
        new("second one-of member", s => s.Kind == SchemaKind.Object && s.Definition is { } d && OneOfDonors.ContainsKey(d) && s.Value is JsonObject, s =>
        {
            var copy = (JsonObject)s.Value!.DeepClone();
            var (member, json) = OneOfDonors[s.Definition!].First(donor => !copy.ContainsKey(donor.Member));
            copy[member] = JsonNode.Parse(json);
            return copy;
        }),

        // Maps: a bad key, a bad value.
        new("map key a/b/c", IsStringMap, s => WithEntry(s, "a/b/c", MapValue(s))),
        new("map key -x", IsStringMap, s => WithEntry(s, "-x", MapValue(s))),
        new("map key with space", IsStringMap, s => WithEntry(s, "a b", MapValue(s))),
        new("map value bad", IsStringMap, s => WithEntry(s, "example.com/added", s.Element == SchemaKind.Quantity ? Value("bogus") : Value("-bad value-"))),
    ];

    private static bool IsStringMap(MutationSite s) =>
        s.Kind == SchemaKind.Map && s.Element is SchemaKind.String or SchemaKind.Quantity && s.Value is JsonObject;

    private static JsonNode MapValue(MutationSite s) => s.Element == SchemaKind.Quantity ? Value("1") : Value("x");

    private static JsonObject WithEntry(MutationSite s, string key, JsonNode value)
    {
        var copy = (JsonObject)s.Value!.DeepClone();
        copy[key] = value;
        return copy;
    }

    /// <summary>Fields no mutation touches: Flows sets them for every run, or their check needs cluster state (listed in ServerOracleTests).</summary>
    public static bool IsExcluded(OracleBase @base, string path, IReadOnlyList<object> steps)
    {
        if (path is "apiVersion" or "kind" or "metadata.name" or "metadata.namespace" or "metadata.generateName" || path.StartsWith("status", StringComparison.Ordinal))
        {
            return true;
        }
        // The run labels Flows replaces.
        if (steps.Count >= 2 && steps[^2] is "labels" && steps[^1] is "identifier" or "flow_run_id" or "flows_task")
        {
            return true;
        }
        // Version-dependent: the TTLAfterFinished gate is alpha and off in 1.20, whose server drops the field unchecked; the
        // checker validates it as 1.21 and later do (beta, on), which is what most clusters run. Its rule has unit tests.
        if (path == "spec.ttlSecondsAfterFinished")
        {
            return true;
        }
        var last = steps[^1] as string;
        if (last is "serviceAccountName" or "serviceAccount" or "priorityClassName" or "priority" or "runtimeClassName" or "nodeName")
        {
            return true;
        }
        // The Flows container's fields Flows overwrites.
        var podSpec = @base.Kind == OracleKind.Job ? 3 : 1;   // spec.template.spec.containers[i].field or spec.containers[i].field
        if (steps.Count >= podSpec + 3 && steps[podSpec] is "containers" && steps[podSpec + 1] is int index
            && @base.IsPrimary(index) && steps[podSpec + 2] is string field && @base.OverwrittenFields.Contains(field))
        {
            return true;
        }
        return false;
    }

    /// <summary>The sites of <paramref name="json"/> (of schema definition <paramref name="definition"/>), depth first.</summary>
    public static IEnumerable<MutationSite> Sites(OracleBase @base)
    {
        var sites = new List<MutationSite>();
        Walk(@base, @base.Json, @base.Definition, "", [], sites);
        return sites;
    }

    private static void Walk(OracleBase @base, JsonObject json, string definition, string path, List<object> steps, List<MutationSite> sites)
    {
        var fields = KubernetesSchema.Fields(definition);
        if (fields is null)
        {
            return;
        }
        foreach (var (name, value) in json.ToList())
        {
            if (!fields.TryGetValue(name, out var field))
            {
                continue;
            }
            var childPath = path.Length == 0 ? name : path + "." + name;
            List<object> childSteps = [.. steps, name];
            if (IsExcluded(@base, childPath, childSteps))
            {
                continue;
            }
            var generic = definition + "." + name;
            sites.Add(new MutationSite(childPath, childSteps, generic, field.Kind, field.Kind == SchemaKind.Object ? field.Definition : null, field.Element, value, IsField: true));
            switch (field.Kind)
            {
                case SchemaKind.Object when value is JsonObject child && field.Definition is { } childDefinition:
                    Walk(@base, child, childDefinition, childPath, childSteps, sites);
                    break;
                case SchemaKind.Array when value is JsonArray items:
                    for (var i = 0; i < items.Count; i++)
                    {
                        var itemPath = childPath + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                        List<object> itemSteps = [.. childSteps, i];
                        if (field.Element == SchemaKind.Object && items[i] is JsonObject item && field.Definition is { } itemDefinition)
                        {
                            sites.Add(new MutationSite(itemPath, itemSteps, generic + "[*]", SchemaKind.Object, itemDefinition, SchemaKind.Any, item, IsField: false));
                            Walk(@base, item, itemDefinition, itemPath, itemSteps, sites);
                        }
                        else if (field.Element != SchemaKind.Object)
                        {
                            sites.Add(new MutationSite(itemPath, itemSteps, generic + "[*]", field.Element, null, SchemaKind.Any, items[i], IsField: false));
                        }
                    }
                    break;
                case SchemaKind.Map when value is JsonObject map:
                    foreach (var (key, entry) in map.ToList())
                    {
                        var entryPath = childPath + "[" + key + "]";
                        List<object> entrySteps = [.. childSteps, key];
                        if (IsExcluded(@base, entryPath, entrySteps))
                        {
                            continue;
                        }
                        if (field.Element == SchemaKind.Object && entry is JsonObject entryObject && field.Definition is { } entryDefinition)
                        {
                            Walk(@base, entryObject, entryDefinition, entryPath, entrySteps, sites);
                        }
                        else if (field.Element != SchemaKind.Object)
                        {
                            sites.Add(new MutationSite(entryPath, entrySteps, generic + "[*]", field.Element, null, SchemaKind.Any, entry, IsField: false));
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// Every mutant of every base: each mutation at each site where it applies, deduplicated by canonical JSON and
    /// by no-op; at most <paramref name="perGenericSite"/> mutants per (schema field, mutation) over all bases, so
    /// that a field every base has is not tried over and over.
    /// </summary>
    public static IReadOnlyList<Mutant> Mutants(IEnumerable<OracleBase> bases, int perGenericSite = int.MaxValue)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perGeneric = new Dictionary<string, int>(StringComparer.Ordinal);
        var mutants = new List<Mutant>();
        foreach (var @base in bases)
        {
            var original = Canonical(@base.Json);
            seen.Add(original);
            foreach (var site in Sites(@base))
            {
                foreach (var mutation in All)
                {
                    if (!mutation.AppliesTo(site))
                    {
                        continue;
                    }
                    var key = site.Generic + " | " + mutation.Name;
                    if (perGeneric.TryGetValue(key, out var count) && count >= perGenericSite)
                    {
                        continue;
                    }
                    var json = (JsonObject)@base.Json.DeepClone();
                    Apply(json, site.Steps, mutation.Removes, mutation.Removes ? null : mutation.Make(site));
                    if (!seen.Add(Canonical(json)))
                    {
                        continue;
                    }
                    perGeneric[key] = count + 1;
                    mutants.Add(new Mutant(@base, mutation.Name, site, json));
                }
            }
        }
        return mutants;
    }

    /// <summary>Sets (or removes) the value at <paramref name="steps"/> of <paramref name="root"/>.</summary>
    public static void Apply(JsonObject root, IReadOnlyList<object> steps, bool remove, JsonNode? value)
    {
        JsonNode parent = root;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            parent = steps[i] is int index ? parent.AsArray()[index]! : parent.AsObject()[(string)steps[i]]!;
        }
        switch (steps[^1])
        {
            case int index:
                if (remove)
                {
                    parent.AsArray().RemoveAt(index);
                }
                else
                {
                    parent.AsArray()[index] = value;
                }
                break;
            case string name:
                if (remove)
                {
                    parent.AsObject().Remove(name);
                }
                else
                {
                    parent.AsObject()[name] = value;
                }
                break;
        }
    }

    /// <summary>The JSON text with object keys sorted (two mutants that differ only in key order are one).</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key)!.ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
