namespace Flows.Cli;

/// <summary>The entrypoint's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    /// <summary>The run was cancelled by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
