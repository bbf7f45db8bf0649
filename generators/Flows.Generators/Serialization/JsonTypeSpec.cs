namespace Flows.Generators.Serialization;

/// <summary>
/// One type whose JsonTypeInfo the generator writes for pod tasks' inputs and results.
/// </summary>
/// <param name="PropertyName">The generated property of <c>__FlowsJson</c> that returns its JsonTypeInfo.</param>
/// <param name="FullyQualifiedType">The type, global::-qualified.</param>
/// <param name="Converter">For a type System.Text.Json has a converter for: the JsonMetadataServices converter property, e.g. <c>Int32Converter</c>.</param>
internal sealed record JsonTypeSpec(string PropertyName, string FullyQualifiedType, string Converter);
