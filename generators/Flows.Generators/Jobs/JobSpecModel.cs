namespace Flows.Generators.Jobs;

/// <summary>The checked job spec, ready to emit: the user's Job as JSON and where the flow container is.</summary>
internal sealed record JobSpecModel(
    string? JobSpecFile,
    string JobJson,
    int PrimaryContainerIndex,
    string PrimaryContainerName,
    string JobBaseName,
    bool HasNamespace,
    bool HasTtlSecondsAfterFinished,
    string Image,
    string Namespace,
    string EntryPointPath,
    string FlowName);
