namespace Flows;

/// <summary>A flow parameter: a value given on the command line (<c>--param name=value</c>).</summary>
/// <param name="Name">The name used on the command line.</param>
/// <param name="TypeName">The C# type of the value.</param>
/// <param name="IsRequired">True when the parameter has no default value.</param>
/// <param name="DefaultValueText">The default value as written in C#, for help text.</param>
/// <param name="IsSecret">[FlowParameter(Secret = true)]: read from <see cref="SecretParameterVariables"/>, never shown, passed to pods through a Kubernetes Secret.</param>
public sealed record FlowParameterDefinition(
    string Name,
    string TypeName,
    bool IsRequired,
    string? DefaultValueText,
    string? Description,
    bool IsSecret = false)
{
    /// <summary>The environment variable a secret parameter's value is read from: <c>FLOWS__PARAM__&lt;NAME&gt;</c>.</summary>
    public string EnvironmentVariable => SecretParameterVariables.NameFor(Name);
}
