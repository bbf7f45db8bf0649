using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Flows.Analyzers.CodeFixes;

/// <summary>How a code fix writes the name of an attribute it adds.</summary>
internal static class AttributeNames
{
    /// <summary>
    /// The attribute's short name (FromTask) where it binds to the attribute at <paramref name="position"/>, as with
    /// <c>using Flows;</c>; else the full name, left to the code action's cleanup to shorten as far as it safely can. (That
    /// cleanup alone does not shorten an attribute whose argument is a nameof, hence the lookup.)
    /// </summary>
    public static NameSyntax For(SemanticModel model, int position, INamedTypeSymbol attributeType)
    {
        var shortName = attributeType.Name.EndsWith("Attribute", StringComparison.Ordinal)
            ? attributeType.Name.Substring(0, attributeType.Name.Length - "Attribute".Length)
            : attributeType.Name;
        var found = model.LookupNamespacesAndTypes(position, name: attributeType.Name);
        if (found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], attributeType)
            && model.LookupNamespacesAndTypes(position, name: shortName).IsEmpty)
        {
            return SyntaxFactory.IdentifierName(shortName);
        }
        return SyntaxFactory.ParseName($"global::{attributeType.ContainingNamespace.ToDisplayString()}.{shortName}").WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
