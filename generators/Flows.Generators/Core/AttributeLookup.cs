using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Core;

/// <summary>Finds an attribute of a known type on a symbol.</summary>
internal static class AttributeLookup
{
    public static AttributeData? Find(ISymbol symbol, string attributeMetadataName, Compilation compilation) =>
        compilation.GetTypeByMetadataName(attributeMetadataName) is { } attributeType
            ? symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType))
            : null;
}
