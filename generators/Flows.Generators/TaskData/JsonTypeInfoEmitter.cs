using System.Linq;
using Flows.Generators.Core;

namespace Flows.Generators.TaskData;

/// <summary>
/// Writes <c>__FlowsJson</c>: System.Text.Json metadata (JsonTypeInfo) for the types pod tasks send into and
/// out of their pods, built with JsonMetadataServices as System.Text.Json's own source generator does, so that
/// serialization needs no reflection (trimming and NativeAOT work).
/// </summary>
/// <remarks>
/// One JsonSerializerOptions, whose resolver knows every emitted type, so properties and elements resolve their
/// types' metadata through it; options cache what they resolve, and each public property also caches its JsonTypeInfo
/// (a benign race: two threads may both read it from the options, which return the same instance).
/// </remarks>
internal static class JsonTypeInfoEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";
    private const string Services = Metadata + ".JsonMetadataServices";

    public static void Emit(SourceWriter writer, EquatableArray<JsonTypeModel> types)
    {
        writer.Line("#pragma warning disable CS0612, CS0618 // Obsolete members of the serialized types.");
        writer.Line(GeneratedCode.Attribute);
        writer.Open("private static class __FlowsJson");
        if (types.Count > 0)
        {
            writer.Line($"private static readonly {Json}.JsonSerializerOptions __options = __CreateOptions();");
            writer.Line();
            writer.Open($"private static {Json}.JsonSerializerOptions __CreateOptions()");
            writer.Line($"var options = new {Json}.JsonSerializerOptions {{ TypeInfoResolver = new __Resolver() }};");
            writer.Line("options.MakeReadOnly();");
            writer.Line("return options;");
            writer.Close();
            foreach (var type in types)
            {
                var typeInfo = $"{Metadata}.JsonTypeInfo<{type.FullyQualifiedType}>";
                writer.Line();
                writer.Line($"private static {typeInfo}? __{type.PropertyName};");
                writer.Line($"public static {typeInfo} {type.PropertyName} => __{type.PropertyName} ??= ({typeInfo})__options.GetTypeInfo(typeof({type.FullyQualifiedType}));");
            }
            writer.Line();
            writer.Line(GeneratedCode.Attribute);
            writer.Open($"private sealed class __Resolver : {Metadata}.IJsonTypeInfoResolver");
            writer.Open($"public {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type, {Json}.JsonSerializerOptions options)");
            foreach (var type in types)
            {
                writer.Open($"if (type == typeof({type.FullyQualifiedType}))");
                writer.Line($"return __Create_{type.PropertyName}(options);");
                writer.Close();
            }
            writer.Line("return null;");
            writer.Close();
            writer.Close();
            foreach (var type in types)
            {
                writer.Line();
                EmitCreate(writer, type);
            }
        }
        writer.Close();
        writer.Line("#pragma warning restore CS0612, CS0618");
    }

    private static void EmitCreate(SourceWriter writer, JsonTypeModel type)
    {
        var t = type.FullyQualifiedType;
        writer.Open($"private static {Metadata}.JsonTypeInfo<{t}> __Create_{type.PropertyName}({Json}.JsonSerializerOptions options)");
        switch (type.Kind)
        {
            case JsonTypeKind.Value:
                writer.Line($"return {Services}.CreateValueInfo<{t}>(options, {Services}.{type.Converter});");
                break;
            case JsonTypeKind.Enum:
                writer.Line($"var converter = new {Json}.Serialization.JsonStringEnumConverter<{t}>().CreateConverter(typeof({t}), options)!;");
                writer.Line($"return {Services}.CreateValueInfo<{t}>(options, converter);");
                break;
            case JsonTypeKind.Nullable:
                writer.Line($"return {Services}.CreateValueInfo<{t}>(options, {Services}.GetNullableConverter<{type.ElementType}>(options));");
                break;
            case JsonTypeKind.Array:
                writer.Line($"return {Services}.CreateArrayInfo<{type.ElementType}>(options, new {Metadata}.JsonCollectionInfoValues<{t}>());");
                break;
            case JsonTypeKind.Collection:
            case JsonTypeKind.Dictionary:
                var creator = type.CollectionCreator is null ? "" : $" ObjectCreator = static () => new {type.CollectionCreator}() ";
                var typeArguments = type.Kind == JsonTypeKind.Dictionary ? $"{t}, string, {type.ElementType}" : $"{t}, {type.ElementType}";
                writer.Line($"return {Services}.{type.CollectionFactory}<{typeArguments}>(options, new {Metadata}.JsonCollectionInfoValues<{t}> {{{creator}}});");
                break;
            case JsonTypeKind.Object:
                EmitObject(writer, t, type.Object!);
                break;
        }
        writer.Close();
    }

    private static void EmitObject(SourceWriter writer, string t, JsonObjectSpec spec)
    {
        writer.Open($"var info = new {Metadata}.JsonObjectInfoValues<{t}>");
        if (spec.Parameters.Count == 0)
        {
            writer.Line($"ObjectCreator = static () => new {t}(),");
        }
        else
        {
            var arguments = spec.Parameters.Where(p => p.MemberName is null).Select(Argument);
            var initializers = spec.Parameters.Where(p => p.MemberName is not null).Select(p => $"{p.MemberName} = {Argument(p)}").ToList();
            var initializer = initializers.Count == 0 ? "" : $" {{ {string.Join(", ", initializers)} }}";
            writer.Line($"ObjectWithParameterizedConstructorCreator = static args => new {t}({string.Join(", ", arguments)}){initializer},");
        }
        writer.Line($"PropertyMetadataInitializer = _ => __Properties(options),");
        if (spec.Parameters.Count > 0)
        {
            writer.Open($"ConstructorParameterMetadataInitializer = static () => new {Metadata}.JsonParameterInfoValues[]");
            foreach (var parameter in spec.Parameters)
            {
                writer.Open("new()");
                writer.Line($"Name = {GeneratedCode.Literal(parameter.Name)},");
                writer.Line($"ParameterType = typeof({parameter.Type}),");
                writer.Line($"Position = {parameter.Position},");
                if (parameter.DefaultValue is not null)
                {
                    writer.Line("HasDefaultValue = true,");
                    writer.Line($"DefaultValue = {parameter.DefaultValue},");
                }
                writer.Line($"IsNullable = {Bool(parameter.IsNullable)},");
                if (parameter.MemberName is not null)
                {
                    writer.Line("IsMemberInitializer = true,");
                }
                writer.Close(",");
            }
            writer.Close(",");
        }
        writer.Close(";");
        writer.Line($"return {Services}.CreateObjectInfo<{t}>(options, info);");
        writer.Line();

        writer.Open($"static {Metadata}.JsonPropertyInfo[] __Properties({Json}.JsonSerializerOptions options)");
        writer.Line($"var properties = new {Metadata}.JsonPropertyInfo[{spec.Properties.Count}];");
        for (var i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            var setter = property.Setter switch
            {
                JsonSetterKind.Set when spec.IsValueType => $"static (obj, value) => global::System.Runtime.CompilerServices.Unsafe.Unbox<{t}>(obj).{property.Name} = value!",
                JsonSetterKind.Set => $"static (obj, value) => (({t})obj).{property.Name} = value!",
                JsonSetterKind.Init => "static (obj, value) => throw new global::System.InvalidOperationException(\"An init-only property is set when the object is created.\")",
                _ => "null",
            };
            writer.Open($"properties[{i}] = {Services}.CreatePropertyInfo<{property.Type}>(options, new {Metadata}.JsonPropertyInfoValues<{property.Type}>");
            writer.Line("IsProperty = true,");
            writer.Line("IsPublic = true,");
            writer.Line($"IsVirtual = {Bool(property.IsVirtual)},");
            writer.Line($"DeclaringType = typeof({t}),");
            writer.Line($"Getter = static obj => (({t})obj).{property.Name},");
            writer.Line($"Setter = {setter},");
            if (property.IgnoreCondition is { } condition)
            {
                writer.Line($"IgnoreCondition = ({Json}.Serialization.JsonIgnoreCondition){condition},");
            }
            writer.Line("HasJsonInclude = false,");
            writer.Line("IsExtensionData = false,");
            writer.Line($"PropertyName = {GeneratedCode.Literal(property.MetadataName)},");
            if (property.JsonName is not null)
            {
                writer.Line($"JsonPropertyName = {GeneratedCode.Literal(property.JsonName)},");
            }
            writer.Close(");");
            if (property.IsRequired)
            {
                writer.Line($"properties[{i}].IsRequired = true;");
            }
        }
        writer.Line("return properties;");
        writer.Close();
    }

    private static string Argument(JsonParameterSpec parameter) => $"({parameter.CastType})args[{parameter.Position}]!";

    private static string Bool(bool value) => value ? "true" : "false";
}
