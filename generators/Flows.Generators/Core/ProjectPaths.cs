namespace Flows.Generators.Core;

/// <summary>The project's folder and file, from the build properties.</summary>
internal sealed record ProjectPaths(string? Directory, string? File);
