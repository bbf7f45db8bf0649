using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Generators.Core;

/// <summary>Finds one element of an array-valued named attribute argument (<c>Args = new[] { "a", "b" }</c>, or <c>[...]</c>) in the source.</summary>
internal static class AttributeElementLocations
{
    /// <summary>The element's expression syntax, or null when the argument is not written as an array with that many elements.</summary>
    public static ExpressionSyntax? Element(AttributeData attribute, string name, int index, CancellationToken cancellationToken)
    {
        var elements = Elements(attribute, name, cancellationToken);
        return elements is not null && index < elements.Count ? elements[index] : null;
    }

    /// <summary>The element's location, else the named argument's, else the attribute's.</summary>
    public static Location? Of(AttributeData attribute, string name, int index, CancellationToken cancellationToken) =>
        Element(attribute, name, index, cancellationToken)?.GetLocation() ?? AttributeLocations.OfNamedArgument(attribute, name, cancellationToken);

    /// <summary>The element expressions of the named argument <paramref name="name"/>, or null.</summary>
    public static IReadOnlyList<ExpressionSyntax>? Elements(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }
        var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument?.Expression switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.ToList(),
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.ToList(),
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
                collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
            _ => null,
        };
    }
}
