using Flows.Generators.Core;

namespace Flows.Generators.TaskData;

/// <summary>How <see cref="JsonTypeInfoEmitter"/> builds a type's JsonTypeInfo.</summary>
internal enum JsonTypeKind
{
    /// <summary>A type System.Text.Json has a built-in converter for: <c>CreateValueInfo(options, JsonMetadataServices.{Converter})</c>.</summary>
    Value,

    /// <summary>An enum, written as its member names: <c>JsonStringEnumConverter&lt;T&gt;</c>.</summary>
    Enum,

    /// <summary><c>Nullable&lt;T&gt;</c>; <see cref="JsonTypeModel.ElementType"/> is T.</summary>
    Nullable,

    /// <summary><c>T[]</c>; <see cref="JsonTypeModel.ElementType"/> is T.</summary>
    Array,

    /// <summary>A list or one of the sequence interfaces: <c>JsonMetadataServices.{CollectionFactory}&lt;TCollection, T&gt;</c>.</summary>
    Collection,

    /// <summary>A dictionary with string keys: <c>JsonMetadataServices.{CollectionFactory}&lt;TDictionary, string, T&gt;</c>.</summary>
    Dictionary,

    /// <summary>A class, struct or record, read and written property by property: <c>CreateObjectInfo</c>.</summary>
    Object,
}

/// <summary>
/// One type whose JsonTypeInfo the generator writes for pod tasks' inputs and results.
/// </summary>
/// <param name="PropertyName">The generated property of <c>__FlowsJson</c> that returns its JsonTypeInfo.</param>
/// <param name="FullyQualifiedType">The type, global::-qualified, without nullable reference annotations (usable in <c>typeof</c>).</param>
/// <param name="Kind">How its JsonTypeInfo is built.</param>
/// <param name="Converter">For <see cref="JsonTypeKind.Value"/>: the JsonMetadataServices converter property, e.g. <c>Int32Converter</c>.</param>
/// <param name="ElementType">For nullable values, arrays, collections and dictionaries: the (value) element type, global::-qualified.</param>
/// <param name="CollectionFactory">For collections and dictionaries: the JsonMetadataServices method, e.g. <c>CreateListInfo</c>.</param>
/// <param name="CollectionCreator">For collections and dictionaries: the concrete type deserialization creates, or null when System.Text.Json picks it.</param>
/// <param name="Object">For <see cref="JsonTypeKind.Object"/>: how it is created and its properties.</param>
internal sealed record JsonTypeModel(
    string PropertyName,
    string FullyQualifiedType,
    JsonTypeKind Kind,
    string? Converter = null,
    string? ElementType = null,
    string? CollectionFactory = null,
    string? CollectionCreator = null,
    JsonObjectSpec? Object = null);

/// <summary>A class, struct or record serialized by its public properties.</summary>
/// <param name="IsValueType">A struct: setters write through <c>Unsafe.Unbox</c>.</param>
/// <param name="Properties">Its serialized properties, base type's first.</param>
/// <param name="Parameters">
/// When not empty, the type is created by <c>ObjectWithParameterizedConstructorCreator</c>: the constructor's parameters, then the
/// init-only and required properties set in the object initializer (<see cref="JsonParameterSpec.MemberName"/>). Empty: <c>new T()</c> and setters.
/// </param>
internal sealed record JsonObjectSpec(
    bool IsValueType,
    EquatableArray<JsonPropertySpec> Properties,
    EquatableArray<JsonParameterSpec> Parameters);

/// <summary>How a property is written when the object is read.</summary>
internal enum JsonSetterKind
{
    /// <summary>No public setter: the JSON value is skipped, unless a constructor parameter takes it.</summary>
    None,

    /// <summary>A public setter, called after the object is created.</summary>
    Set,

    /// <summary>An init-only setter: the value is set by the creator's object initializer, never through the property's setter.</summary>
    Init,
}

/// <summary>One serialized property.</summary>
/// <param name="Name">The C# name (escaped with @ when it is a keyword).</param>
/// <param name="MetadataName">The C# name as System.Text.Json sees it (no @).</param>
/// <param name="Type">Its type as declared, global::-qualified, with nullable annotations.</param>
/// <param name="JsonName">From [JsonPropertyName], or null for the C# name.</param>
/// <param name="IgnoreCondition">From [JsonIgnore(Condition = …)] other than Always, as the JsonIgnoreCondition value; null when absent.</param>
/// <param name="IsRequired">A C# <c>required</c> member not set by the constructor: JSON must contain it.</param>
internal sealed record JsonPropertySpec(
    string Name,
    string MetadataName,
    string Type,
    string? JsonName,
    JsonSetterKind Setter,
    bool IsVirtual,
    bool IsRequired,
    int? IgnoreCondition);

/// <summary>One argument of the parameterized creator: a constructor parameter or a property set in the object initializer.</summary>
/// <param name="Name">The constructor parameter's name, or the property's: System.Text.Json matches it to a property case-insensitively.</param>
/// <param name="Type">Its type, global::-qualified, without nullable annotations (for <c>typeof</c>).</param>
/// <param name="CastType">Its type with nullable annotations, to cast the argument to.</param>
/// <param name="DefaultValue">The C# expression of an optional parameter's default value; null when it has none.</param>
/// <param name="MemberName">For a property set in the object initializer: the property's C# name; null for a constructor parameter.</param>
internal sealed record JsonParameterSpec(
    string Name,
    string Type,
    string CastType,
    int Position,
    bool IsNullable,
    string? DefaultValue,
    string? MemberName);
