using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Generators.Core;

/// <summary>Finds where in the source an attribute or one of its arguments is written, for diagnostics.</summary>
internal static class AttributeLocations
{
    public static Location? Of(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    /// <summary>The location of the constructor argument at <paramref name="position"/>, else of the whole attribute.</summary>
    public static Location? OfConstructorArgument(AttributeData attribute, int position, int argumentCount, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }
        var arguments = syntax.ArgumentList?.Arguments;
        if (arguments is { } list)
        {
            var positional = 0;
            foreach (var argument in list)
            {
                // Property assignments (Name = value) are not constructor arguments; taskName: value is one.
                if (argument.NameEquals is not null)
                {
                    continue;
                }
                positional++;
            }
            // A params array written element by element has one syntax argument per element.
            if (positional == argumentCount && position < list.Count && list[position].NameEquals is null)
            {
                return list[position].Expression.GetLocation();
            }
        }
        return syntax.GetLocation();
    }

    /// <summary>The location of a named argument (<c>Retries = -1</c>), else of the whole attribute.</summary>
    public static Location? OfNamedArgument(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }
        if (syntax.ArgumentList is { } arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }
            }
        }
        return syntax.GetLocation();
    }
}
