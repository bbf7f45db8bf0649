namespace Flows.Generators.Kubernetes;

/// <summary>A job spec file given to the compilation as an AdditionalFile.</summary>
internal sealed record AdditionalYamlFile(string Path, string Text);
