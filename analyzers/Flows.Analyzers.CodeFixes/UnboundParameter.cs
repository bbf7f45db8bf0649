using System.Linq;
using Flows.Generators.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>The task parameter a FLOW016 diagnostic points at, with its task and flow, for the fixes that give it a source.</summary>
internal sealed class UnboundParameter
{
    private UnboundParameter(SyntaxNode root, SemanticModel model, ParameterSyntax syntax, IParameterSymbol symbol, IMethodSymbol taskMethod, INamedTypeSymbol flow, AttributeData flowAttribute, KnownTypes known)
    {
        Root = root;
        Model = model;
        Syntax = syntax;
        Symbol = symbol;
        TaskMethod = taskMethod;
        Flow = flow;
        FlowAttribute = flowAttribute;
        Known = known;
    }

    public SyntaxNode Root { get; }
    public SemanticModel Model { get; }
    public ParameterSyntax Syntax { get; }
    public IParameterSymbol Symbol { get; }
    /// <summary>The task method the parameter belongs to.</summary>
    public IMethodSymbol TaskMethod { get; }
    public INamedTypeSymbol Flow { get; }
    public AttributeData FlowAttribute { get; }
    public Compilation Compilation => Model.Compilation;
    public KnownTypes Known { get; }

    public static UnboundParameter? Find(FixSite<ParameterSyntax> site)
    {
        var (root, model, syntax) = (site.Root, site.Model, site.Node);
        if (model.GetDeclaredSymbol(syntax, site.CancellationToken) is not { ContainingSymbol: IMethodSymbol { ContainingType: { } flow } taskMethod } symbol)
        {
            return null;
        }
        var known = new KnownTypes(model.Compilation);
        var flowAttribute = flow.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, known.FlowAttributeType));
        return flowAttribute is null ? null : new UnboundParameter(root, model, syntax, symbol, taskMethod, flow, flowAttribute, known);
    }

    /// <summary>The document with an attribute of <paramref name="attributeType"/> added to the parameter.</summary>
    public Document WithAttribute(Document document, INamedTypeSymbol attributeType, AttributeArgumentListSyntax? arguments = null)
    {
        var attribute = SyntaxFactory.Attribute(AttributeName(attributeType), arguments);
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(SyntaxFactory.Space);
        // The attribute goes in front of the parameter, so it takes over the parameter's line break and indentation.
        var updated = Syntax.WithoutLeadingTrivia().AddAttributeLists(list).WithLeadingTrivia(Syntax.GetLeadingTrivia());
        return document.WithSyntaxRoot(Root.ReplaceNode(Syntax, updated));
    }

    private NameSyntax AttributeName(INamedTypeSymbol attributeType) => AttributeNames.For(Model, Syntax.SpanStart, attributeType);
}
