using Flows.Generators.Emit;
using Flows.Generators.Model;

namespace Flows.Generators.Serialization;

/// <summary>
/// Writes <c>__FlowsJson</c>: System.Text.Json metadata (JsonTypeInfo) for the types pod tasks send into and
/// out of their pods, built with JsonMetadataServices as System.Text.Json's own source generator does, so that
/// serialization needs no reflection (trimming and NativeAOT work).
/// </summary>
internal static class JsonTypeInfoEmitter
{
    public static void Emit(SourceWriter writer, EquatableArray<JsonTypeSpec> types)
    {
        writer.Line(GeneratedCode.Attribute);
        writer.Open("private static class __FlowsJson");
        writer.Line("private static readonly global::System.Text.Json.JsonSerializerOptions Options = new global::System.Text.Json.JsonSerializerOptions();");
        foreach (var type in types)
        {
            writer.Line();
            writer.Line($"private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type.FullyQualifiedType}>? __{type.PropertyName};");
            writer.Line($"public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type.FullyQualifiedType}> {type.PropertyName} => __{type.PropertyName} ??= " +
                $"global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{type.FullyQualifiedType}>(Options, global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.{type.Converter});");
        }
        writer.Close();
    }
}
