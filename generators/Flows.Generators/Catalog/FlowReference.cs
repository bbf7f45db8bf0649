namespace Flows.Generators.Catalog;

/// <summary>What the registration and entrypoint need of a flow.</summary>
internal sealed record FlowReference(string FullyQualifiedTypeName, bool HasErrors);
