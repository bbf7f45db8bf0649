using System.Text.Json;

namespace Flows;

/// <summary>Helpers of the generated <see cref="ITaskDataTransfer"/> code.</summary>
public static class TaskDataJson
{
    /// <summary>The input <paramref name="name"/> of the inputs object; a clear error when it is missing.</summary>
    public static JsonElement Input(JsonElement inputs, string taskName, string name) =>
        inputs.ValueKind == JsonValueKind.Object && inputs.TryGetProperty(name, out var value)
            ? value
            : throw new PodTaskException($"The inputs of task '{taskName}' ({PodTaskVariables.Inputs}) have no value for '{name}'; the pod was not made by this flow's version.");

    /// <summary>A JSON string's value (a container task's log).</summary>
    public static string ReadString(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetString() ?? "";
    }
}
