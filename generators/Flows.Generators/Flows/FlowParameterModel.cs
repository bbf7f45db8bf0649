namespace Flows.Generators.Flows;

/// <summary>A flow parameter; several task parameters may share it.</summary>
internal sealed record FlowParameterModel(
    string Name,
    string Type,
    string TypeDisplay,
    bool IsEnum,
    string? DefaultExpression,
    string? DefaultDisplay,
    string? Description,
    bool IsSecret = false);
