using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Analyzers.CodeFixes;

/// <summary>Adds a modifier to a declaration where C# style puts it, keeping the declaration's indentation.</summary>
internal static class ModifierEditing
{
    /// <summary>'static' goes right after the accessibility modifiers (public static async).</summary>
    public static MemberDeclarationSyntax AddAfterAccessibility(MemberDeclarationSyntax member, SyntaxKind modifier)
    {
        var index = 0;
        while (index < member.Modifiers.Count && IsAccessibility(member.Modifiers[index].Kind()))
        {
            index++;
        }
        return Insert(member, modifier, index);
    }

    /// <summary>'partial' must come last, right before the 'class' keyword.</summary>
    public static MemberDeclarationSyntax AddLast(MemberDeclarationSyntax member, SyntaxKind modifier) =>
        Insert(member, modifier, member.Modifiers.Count);

    private static bool IsAccessibility(SyntaxKind kind) =>
        kind is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword or SyntaxKind.FileKeyword;

    private static MemberDeclarationSyntax Insert(MemberDeclarationSyntax member, SyntaxKind modifier, int index)
    {
        var token = SyntaxFactory.Token(modifier).WithTrailingTrivia(SyntaxFactory.Space);
        if (index > 0)
        {
            return member.WithModifiers(member.Modifiers.Insert(index, token));
        }
        // The new first modifier takes over the indentation (and comments) of the token that was first after the attributes.
        var first = member.Modifiers.Count > 0
            ? member.Modifiers[0]
            : member.AttributeLists.Count > 0 ? member.AttributeLists.Last().GetLastToken().GetNextToken() : member.GetFirstToken();
        var moved = member.ReplaceToken(first, first.WithLeadingTrivia());
        return moved.WithModifiers(moved.Modifiers.Insert(0, token.WithLeadingTrivia(first.LeadingTrivia)));
    }
}
