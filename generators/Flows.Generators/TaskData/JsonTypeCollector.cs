using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Flows.Generators.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flows.Generators.TaskData;

/// <summary>
/// Collects the types that a flow's pod tasks send across the pod boundary, for
/// <see cref="JsonTypeInfoEmitter"/>, with every type they reach through properties and elements. One collector per flow.
/// </summary>
internal sealed class JsonTypeCollector
{
    /// <summary>Metadata name → the JsonMetadataServices converter (without "Converter") of the types System.Text.Json converts itself.</summary>
    private static readonly Dictionary<string, string> ValueConverters = new()
    {
        ["System.Boolean"] = "Boolean",
        ["System.Byte"] = "Byte",
        ["System.SByte"] = "SByte",
        ["System.Char"] = "Char",
        ["System.Int16"] = "Int16",
        ["System.UInt16"] = "UInt16",
        ["System.Int32"] = "Int32",
        ["System.UInt32"] = "UInt32",
        ["System.Int64"] = "Int64",
        ["System.UInt64"] = "UInt64",
        ["System.Int128"] = "Int128",
        ["System.UInt128"] = "UInt128",
        ["System.Half"] = "Half",
        ["System.Single"] = "Single",
        ["System.Double"] = "Double",
        ["System.Decimal"] = "Decimal",
        ["System.String"] = "String",
        ["System.DateTime"] = "DateTime",
        ["System.DateTimeOffset"] = "DateTimeOffset",
        ["System.DateOnly"] = "DateOnly",
        ["System.TimeOnly"] = "TimeOnly",
        ["System.TimeSpan"] = "TimeSpan",
        ["System.Guid"] = "Guid",
        ["System.Uri"] = "Uri",
        ["System.Version"] = "Version",
        ["System.Text.Json.JsonElement"] = "JsonElement",
    };

    /// <summary>Generic collection definitions (metadata name) → the JsonMetadataServices factory, and the type deserialization creates (null: System.Text.Json picks List&lt;T&gt;).</summary>
    private static readonly Dictionary<string, (string Factory, string? Creator)> Collections = new()
    {
        ["System.Collections.Generic.List`1"] = ("CreateListInfo", "global::System.Collections.Generic.List"),
        ["System.Collections.Generic.IEnumerable`1"] = ("CreateIEnumerableInfo", null),
        ["System.Collections.Generic.IReadOnlyCollection`1"] = ("CreateIEnumerableInfo", null),
        ["System.Collections.Generic.IReadOnlyList`1"] = ("CreateIEnumerableInfo", null),
        ["System.Collections.Generic.ICollection`1"] = ("CreateICollectionInfo", null),
        ["System.Collections.Generic.IList`1"] = ("CreateIListInfo", null),
        ["System.Collections.Generic.Dictionary`2"] = ("CreateDictionaryInfo", "global::System.Collections.Generic.Dictionary"),
        ["System.Collections.Generic.IDictionary`2"] = ("CreateIDictionaryInfo", "global::System.Collections.Generic.Dictionary"),
        ["System.Collections.Generic.IReadOnlyDictionary`2"] = ("CreateIReadOnlyDictionaryInfo", "global::System.Collections.Generic.Dictionary"),
    };

    private const string SupportedInterfaces =
        "IEnumerable<T>/IReadOnlyList<T>/IReadOnlyCollection<T>/IList<T>/ICollection<T>/IDictionary<string, T>/IReadOnlyDictionary<string, T>";

    /// <summary>The display of types in <c>typeof</c> and type arguments: global::-qualified, keywords for special types, no nullable annotations.</summary>
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The display of declared types (property getters, constructor arguments): as <see cref="TypeFormat"/>, with nullable annotations.</summary>
    private static readonly SymbolDisplayFormat AnnotatedTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly INamedTypeSymbol? _within;
    private readonly List<JsonTypeModel?> _types = new();
    private readonly Dictionary<string, string> _propertyByType = new();
    private readonly Dictionary<string, string> _failureByType = new();
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    /// <summary>Types and names registered by the <see cref="Add"/> under way; forgotten when it fails.</summary>
    private readonly List<(string Type, string Name)> _pending = new();

    /// <param name="within">
    /// The flow class, which the generated <c>__FlowsJson</c> is nested in: private and protected types are accessible when they are
    /// nested in it (or in a type that encloses it), internal ones when they are in its assembly or one that grants it access.
    /// Null: public and internal types only.
    /// </param>
    public JsonTypeCollector(INamedTypeSymbol? within = null) => _within = within;

    /// <summary>The name of the generated JsonTypeInfo property for <paramref name="type"/>; null, with the reason, when it cannot be serialized.</summary>
    /// <remarks>The reason completes "… cannot be serialized: {reason}".</remarks>
    public string? Add(ITypeSymbol type, out string? unsupportedReason)
    {
        var typesBefore = _types.Count;
        _pending.Clear();
        var name = Visit(type, out unsupportedReason);
        if (name is null)
        {
            // Forget what this call registered: a type that is being visited may reach the unsupported one.
            foreach (var (pendingType, pendingName) in _pending)
            {
                _propertyByType.Remove(pendingType);
                _usedNames.Remove(pendingName);
            }
            _types.RemoveRange(typesBefore, _types.Count - typesBefore);
        }
        _pending.Clear();
        return name;
    }

    /// <summary>Everything to emit: the added types and the types they reach, in the order they were first reached.</summary>
    public EquatableArray<JsonTypeModel> Types => _types.Select(type => type!).ToEquatableArray();

    private string? Visit(ITypeSymbol type, out string? reason)
    {
        reason = null;
        var fullName = Display(type);
        if (_propertyByType.TryGetValue(fullName, out var existing))
        {
            return existing;
        }
        if (_failureByType.TryGetValue(fullName, out reason))
        {
            return null;
        }
        reason = Unsupported(type);
        if (reason is null)
        {
            var index = _types.Count;
            var name = Register(type, fullName);
            _types.Add(null); // Reserved before the members are visited, so that recursive types end.
            var spec = Describe(type, name, fullName, out reason);
            if (spec is not null)
            {
                _types[index] = spec;
                return name;
            }
        }
        _failureByType[fullName] = reason!;
        return null;
    }

    private string Register(ITypeSymbol type, string fullName)
    {
        var baseName = NameOf(type);
        if (GeneratedCode.Identifier(baseName) != baseName)
        {
            baseName = "_" + baseName; // A type declared as @class or @record.
        }
        var name = baseName;
        for (var i = 2; !_usedNames.Add(name); i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        _propertyByType.Add(fullName, name);
        _pending.Add((fullName, name));
        return name;
    }

    /// <summary>Why <paramref name="type"/> cannot be serialized at all, before looking at its members; null when it may be.</summary>
    private string? Unsupported(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol:
                return "it is a type parameter";
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "it is a pointer";
            case IDynamicTypeSymbol:
                return "it is 'dynamic'";
            case IErrorTypeSymbol:
                return "its type could not be resolved";
            case IArrayTypeSymbol { Rank: > 1 }:
                return "it is a multi-dimensional array";
            case IArrayTypeSymbol:
                return null;
        }
        if (type is not INamedTypeSymbol named)
        {
            return "it is not a class, struct, enum or array";
        }
        if (named.SpecialType == SpecialType.System_Object)
        {
            return "it is 'object'";
        }
        if (named.SpecialType == SpecialType.System_Void)
        {
            return "it is 'void'";
        }
        if (named.IsTupleType)
        {
            return "it is a tuple, whose fields are not properties: use a record";
        }
        if (named.IsAnonymousType)
        {
            return "it is an anonymous type: use a record";
        }
        if (named.TypeKind == TypeKind.Delegate)
        {
            return "it is a delegate";
        }
        if (named.IsRefLikeType)
        {
            return "it is a ref struct";
        }
        if (!IsAccessible(named))
        {
            return "it is not accessible from the flow class";
        }
        return null;
    }

    private JsonTypeModel? Describe(ITypeSymbol type, string name, string fullName, out string? reason)
    {
        reason = null;
        if (type is IArrayTypeSymbol array)
        {
            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return new JsonTypeModel(name, fullName, JsonTypeKind.Value, Converter: "ByteArrayConverter");
            }
            return VisitElement(array.ElementType, "element", out reason) is null
                ? null
                : new JsonTypeModel(name, fullName, JsonTypeKind.Array, ElementType: Display(array.ElementType));
        }

        var named = (INamedTypeSymbol)type;
        var metadataName = MetadataName(named.OriginalDefinition);
        if (ValueConverters.TryGetValue(metadataName, out var converter))
        {
            return new JsonTypeModel(name, fullName, JsonTypeKind.Value, Converter: converter + "Converter");
        }
        if (named.TypeKind == TypeKind.Enum)
        {
            return new JsonTypeModel(name, fullName, JsonTypeKind.Enum);
        }
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            var underlying = named.TypeArguments[0];
            return Visit(underlying, out reason) is null ? null : new JsonTypeModel(name, fullName, JsonTypeKind.Nullable, ElementType: Display(underlying));
        }
        if (Collections.TryGetValue(metadataName, out var collection))
        {
            return DescribeCollection(named, name, fullName, collection.Factory, collection.Creator, out reason);
        }
        if (named.TypeKind == TypeKind.Interface)
        {
            reason = $"it is an interface other than {SupportedInterfaces}";
            return null;
        }
        if (IsFrameworkType(named))
        {
            reason = "it is a framework type without a System.Text.Json converter here (supported: primitives, string, DateTime(Offset), DateOnly, TimeOnly, TimeSpan, Guid, Uri, Version, enums, arrays, List<T>, Dictionary<string, T>)";
            return null;
        }
        if (named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            reason = "it is a collection other than T[], List<T>, Dictionary<string, T> and the interfaces " + SupportedInterfaces;
            return null;
        }
        if (named.IsAbstract)
        {
            reason = "it is an abstract class";
            return null;
        }
        if (named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            reason = "it is not a class, struct, enum or array";
            return null;
        }
        var objectSpec = DescribeObject(named, out reason);
        return objectSpec is null ? null : new JsonTypeModel(name, fullName, JsonTypeKind.Object, Object: objectSpec);
    }

    private JsonTypeModel? DescribeCollection(INamedTypeSymbol type, string name, string fullName, string factory, string? creator, out string? reason)
    {
        reason = null;
        ITypeSymbol element;
        if (type.TypeArguments.Length == 2)
        {
            if (type.TypeArguments[0].SpecialType != SpecialType.System_String)
            {
                reason = "it is a dictionary whose keys are not strings";
                return null;
            }
            // The dictionary converter reads its keys through the string JsonTypeInfo.
            if (Visit(type.TypeArguments[0], out reason) is null)
            {
                return null;
            }
            element = type.TypeArguments[1];
        }
        else
        {
            element = type.TypeArguments[0];
        }
        if (VisitElement(element, type.TypeArguments.Length == 2 ? "value" : "element", out reason) is null)
        {
            return null;
        }
        var typeArguments = string.Join(", ", type.TypeArguments.Select(Display));
        return new JsonTypeModel(name, fullName, type.TypeArguments.Length == 2 ? JsonTypeKind.Dictionary : JsonTypeKind.Collection,
            ElementType: Display(element), CollectionFactory: factory, CollectionCreator: creator is null ? null : $"{creator}<{typeArguments}>");
    }

    private string? VisitElement(ITypeSymbol element, string role, out string? reason)
    {
        var name = Visit(element, out var inner);
        reason = name is null ? $"its {role} type '{element.ToDisplayString()}' cannot be serialized: {inner}" : null;
        return name;
    }

    private JsonObjectSpec? DescribeObject(INamedTypeSymbol type, out string? reason)
    {
        reason = null;
        var properties = SerializedProperties(type);
        foreach (var property in properties)
        {
            if (Visit(property.Symbol.Type, out var inner) is null)
            {
                reason = $"its property '{type.Name}.{property.Symbol.Name}' cannot be serialized: {inner}";
                return null;
            }
        }

        var constructor = ChooseConstructor(type, out reason);
        if (constructor is null)
        {
            return null;
        }
        var setsRequiredMembers = constructor.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");

        var parameters = new List<JsonParameterSpec>();
        var fromConstructor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                reason = $"its constructor parameter '{parameter.Name}' is passed by reference";
                return null;
            }
            var matches = properties.Where(p => string.Equals(p.Symbol.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var match = matches.FirstOrDefault(p => p.Symbol.Name == parameter.Name) ?? matches.FirstOrDefault();
            if (match is null)
            {
                reason = $"its constructor parameter '{parameter.Name}' matches no public property";
                return null;
            }
            if (!SymbolEqualityComparer.Default.Equals(match.Symbol.Type, parameter.Type))
            {
                reason = $"its constructor parameter '{parameter.Name}' is a '{parameter.Type.ToDisplayString()}' but property '{match.Symbol.Name}' is a '{match.Symbol.Type.ToDisplayString()}'";
                return null;
            }
            fromConstructor.Add(match.Symbol.Name);
            parameters.Add(new JsonParameterSpec(parameter.Name, Display(parameter.Type), parameter.Type.ToDisplayString(AnnotatedTypeFormat),
                parameters.Count, IsNullable(parameter.Type), DefaultValue(parameter), MemberName: null));
        }

        var propertySpecs = new List<JsonPropertySpec>();
        foreach (var property in properties)
        {
            var symbol = property.Symbol;
            var setter = symbol.SetMethod is { DeclaredAccessibility: Accessibility.Public } set
                ? (set.IsInitOnly ? JsonSetterKind.Init : JsonSetterKind.Set)
                : JsonSetterKind.None;
            var required = symbol.IsRequired && !setsRequiredMembers;
            if (required && fromConstructor.Contains(symbol.Name))
            {
                reason = $"its required property '{symbol.Name}' is also a constructor parameter: add [SetsRequiredMembers] to the constructor";
                return null;
            }
            if (!fromConstructor.Contains(symbol.Name) && (setter == JsonSetterKind.Init || required))
            {
                if (setter == JsonSetterKind.None)
                {
                    reason = $"its required property '{symbol.Name}' has no public setter";
                    return null;
                }
                parameters.Add(new JsonParameterSpec(symbol.Name, Display(symbol.Type), symbol.Type.ToDisplayString(AnnotatedTypeFormat),
                    parameters.Count, IsNullable(symbol.Type), DefaultValue: null, MemberName: GeneratedCode.Identifier(symbol.Name)));
            }
            propertySpecs.Add(new JsonPropertySpec(GeneratedCode.Identifier(symbol.Name), symbol.Name, symbol.Type.ToDisplayString(AnnotatedTypeFormat),
                property.JsonName, setter, symbol.IsVirtual || symbol.IsOverride || symbol.IsAbstract, required, property.IgnoreCondition));
        }
        return new JsonObjectSpec(type.IsValueType, propertySpecs.ToEquatableArray(), parameters.ToEquatableArray());
    }

    private sealed record SerializedProperty(IPropertySymbol Symbol, string? JsonName, int? IgnoreCondition);

    /// <summary>The public instance properties with a public getter, base type's first, the most derived declaration of each name; without [JsonIgnore] ones.</summary>
    private static List<SerializedProperty> SerializedProperties(INamedTypeSymbol type)
    {
        var hierarchy = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            hierarchy.Add(current);
        }
        hierarchy.Reverse();

        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<SerializedProperty?>();
        foreach (var declaring in hierarchy)
        {
            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public ||
                    property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || property.ReturnsByRef || property.ReturnsByRefReadonly ||
                    !property.ExplicitInterfaceImplementations.IsEmpty)
                {
                    continue;
                }
                string? jsonName = null;
                int? ignoreCondition = null;
                var ignored = false;
                foreach (var attribute in property.GetAttributes())
                {
                    switch (attribute.AttributeClass?.ToDisplayString())
                    {
                        case "System.Text.Json.Serialization.JsonPropertyNameAttribute"
                            when attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string value:
                            jsonName = value;
                            break;
                        case "System.Text.Json.Serialization.JsonIgnoreAttribute":
                            var condition = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value;
                            // No condition, or Always (1): never serialized.
                            if (condition is not int value2 || value2 == 1)
                            {
                                ignored = true;
                            }
                            else
                            {
                                ignoreCondition = value2;
                            }
                            break;
                    }
                }
                var entry = ignored ? null : new SerializedProperty(property, jsonName, ignoreCondition);
                if (byName.TryGetValue(property.Name, out var index))
                {
                    result[index] = entry; // Overridden or hidden in a derived type: the derived declaration decides.
                }
                else
                {
                    byName.Add(property.Name, result.Count);
                    result.Add(entry);
                }
            }
        }
        return result.Where(p => p is not null).Select(p => p!).ToList();
    }

    /// <summary>
    /// The constructor deserialization calls: the one marked [JsonConstructor]; else for a class the public parameterless one, or the only
    /// public one; for a struct the only public constructor with parameters, unless it declares a parameterless one.
    /// </summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, out string? reason)
    {
        reason = null;
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(type, c))
            .ToList();
        var marked = candidates.Where(c => c.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonConstructorAttribute")).ToList();
        if (marked.Count == 1)
        {
            return marked[0];
        }
        if (marked.Count > 1)
        {
            reason = "it has several constructors marked [JsonConstructor]";
            return null;
        }
        var parameterless = candidates.FirstOrDefault(c => c.Parameters.IsEmpty);
        var withParameters = candidates.Where(c => !c.Parameters.IsEmpty).ToList();
        if (type.IsValueType)
        {
            return parameterless is { IsImplicitlyDeclared: true } && withParameters.Count == 1 ? withParameters[0] : parameterless;
        }
        if (parameterless is not null)
        {
            return parameterless;
        }
        if (withParameters.Count == 1)
        {
            return withParameters[0];
        }
        reason = withParameters.Count == 0
            ? "it has no public constructor"
            : "it has several public constructors and none without parameters: mark one [JsonConstructor]";
        return null;
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static string? DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }
        var value = parameter.ExplicitDefaultValue;
        var type = parameter.Type;
        if (value is null)
        {
            return type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? $"default({Display(type)})" : "null";
        }
        var literal = value switch
        {
            string text => GeneratedCode.Literal(text),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f when float.IsNaN(f) || float.IsInfinity(f) => "float." + (float.IsNaN(f) ? "NaN" : f > 0 ? "PositiveInfinity" : "NegativeInfinity"),
            double d when double.IsNaN(d) || double.IsInfinity(d) => "double." + (double.IsNaN(d) ? "NaN" : d > 0 ? "PositiveInfinity" : "NegativeInfinity"),
            float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "F",
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "D",
            decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "M",
            IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (literal is null)
        {
            return null;
        }
        // The cast types the boxed value as the parameter's type (or its enum), e.g. (long)5, (global::Color)1.
        var underlying = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        return value is string ? literal : $"({Display(underlying)})({literal})";
    }

    private static bool IsNullable(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ||
        (!type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated);

    private bool IsAccessible(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsAccessible(array.ElementType);
            case INamedTypeSymbol named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    if (!IsAccessibleDeclaration(current))
                    {
                        return false;
                    }
                }
                return named.TypeArguments.All(IsAccessible);
            default:
                return true;
        }
    }

    private bool IsAccessibleDeclaration(INamedTypeSymbol type)
    {
        switch (type.DeclaredAccessibility)
        {
            case Accessibility.Public:
                return true;
            case Accessibility.Internal:
            case Accessibility.ProtectedOrInternal:
                return _within is null || IsInAccessibleAssembly(type) || (type.DeclaredAccessibility == Accessibility.ProtectedOrInternal && IsNestedInWithin(type));
            case Accessibility.Private:
            case Accessibility.Protected:
                return IsNestedInWithin(type);
            case Accessibility.ProtectedAndInternal:
                return IsNestedInWithin(type) && (_within is null || IsInAccessibleAssembly(type));
            default:
                return false;
        }
    }

    private bool IsInAccessibleAssembly(INamedTypeSymbol type) =>
        _within is not null && (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _within.ContainingAssembly) ||
                                type.ContainingAssembly.GivesAccessTo(_within.ContainingAssembly));

    /// <summary>Whether the type that declares <paramref name="type"/> is the flow class or encloses it: then __FlowsJson, nested in the flow class, can name it.</summary>
    private bool IsNestedInWithin(INamedTypeSymbol type)
    {
        var declaring = type.ContainingType?.OriginalDefinition;
        for (var current = _within?.OriginalDefinition; current is not null && declaring is not null; current = current.ContainingType?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(current, declaring))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        return ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) ||
               ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal);
    }

    private static string Display(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);

    private static string MetadataName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        var containers = new StringBuilder();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            containers.Insert(0, containing.MetadataName + "+");
        }
        return ns + containers + type.MetadataName;
    }

    /// <summary>A readable identifier for the type's JsonTypeInfo property, e.g. <c>Int32</c>, <c>ListNode</c>, <c>NullableColor</c>, <c>StringArray</c>.</summary>
    private static string NameOf(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => NameOf(array.ElementType) + "Array",
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable => "Nullable" + NameOf(nullable.TypeArguments[0]),
        INamedTypeSymbol named => named.Name + string.Concat(named.TypeArguments.Select(NameOf)),
        _ => type.Name,
    };
}
