using System.Collections.Generic;
using Flows.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Serialization;

/// <summary>
/// Collects the types that a flow's pod tasks send across the pod boundary, for
/// <see cref="JsonTypeInfoEmitter"/>. One collector per flow.
/// </summary>
internal sealed class JsonTypeCollector
{
    private static readonly Dictionary<SpecialType, string> Converters = new()
    {
        [SpecialType.System_Boolean] = "Boolean",
        [SpecialType.System_Byte] = "Byte",
        [SpecialType.System_SByte] = "SByte",
        [SpecialType.System_Char] = "Char",
        [SpecialType.System_Int16] = "Int16",
        [SpecialType.System_UInt16] = "UInt16",
        [SpecialType.System_Int32] = "Int32",
        [SpecialType.System_UInt32] = "UInt32",
        [SpecialType.System_Int64] = "Int64",
        [SpecialType.System_UInt64] = "UInt64",
        [SpecialType.System_Single] = "Single",
        [SpecialType.System_Double] = "Double",
        [SpecialType.System_Decimal] = "Decimal",
        [SpecialType.System_String] = "String",
        [SpecialType.System_DateTime] = "DateTime",
    };

    private readonly List<JsonTypeSpec> _types = new();
    private readonly Dictionary<string, string> _propertyByType = new();

    /// <summary>The name of the generated JsonTypeInfo property for <paramref name="type"/>; null, with the reason, when it cannot be serialized.</summary>
    public string? Add(ITypeSymbol type, out string? unsupportedReason)
    {
        unsupportedReason = null;
        var fullName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (_propertyByType.TryGetValue(fullName, out var existing))
        {
            return existing;
        }
        if (!Converters.TryGetValue(type.SpecialType, out var name))
        {
            unsupportedReason = "only primitive types are supported yet";
            return null;
        }
        _propertyByType.Add(fullName, name);
        _types.Add(new JsonTypeSpec(name, fullName, name + "Converter"));
        return name;
    }

    public EquatableArray<JsonTypeSpec> Types => _types.ToEquatableArray();
}
