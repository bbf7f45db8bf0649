namespace Flows;

/// <summary>
/// Implemented by the generated executor of a flow with pod tasks: moves a pod task's inputs into its
/// pod and its result back, as JSON written by generated System.Text.Json metadata (no reflection).
/// </summary>
public interface ITaskDataTransfer
{
    /// <summary>The task's upstream results, as a JSON object keyed by parameter name.</summary>
    string WriteInputs(int taskIndex);

    /// <summary>Sets the upstream results the task reads from JSON that <see cref="WriteInputs"/> wrote.</summary>
    void ReadInputs(int taskIndex, string json);

    /// <summary>The task's stored result as JSON; null when the task has no result.</summary>
    string? WriteResult(int taskIndex);

    /// <summary>Stores the task's result from JSON that <see cref="WriteResult"/> wrote.</summary>
    void ReadResult(int taskIndex, string json);
}
