using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Tests.Support;

/// <summary>
/// Walks the object graph of a pipeline step's output and reports symbols, syntax, semantic models and
/// compilations: values that keep a compilation alive and defeat caching (the check dotnet/runtime's
/// generator tests make).
/// </summary>
internal static class ForbiddenOutputTypes
{
    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SemanticModel), typeof(Compilation), typeof(Location)];

    public static IReadOnlyList<string> Find(object? value, string path)
    {
        var found = new List<string>();
        Walk(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance), found);
        return found;
    }

    private static void Walk(object? value, string path, HashSet<object> visited, List<string> found)
    {
        if (value is null)
        {
            return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type)
        {
            return;
        }
        foreach (var forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                found.Add($"{path}: {type.FullName}");
                return;
            }
        }
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", visited, found);
            }
        }
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited, found);
            }
        }
    }
}
