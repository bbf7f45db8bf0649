using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flows.Manifests;

namespace Flows;

/// <summary>
/// Checks, before a pod task's Pod (and its Secret) is created, that what it passes in fits: Linux takes at most
/// <see cref="MaxExecStringBytes"/> bytes for one argument or one <c>NAME=value</c> environment string (MAX_ARG_STRLEN;
/// past it the container fails with "exec: argument list too long" and no word from Flows), and a Kubernetes Secret holds
/// at most <see cref="MaxSecretBytes"/> bytes. Past a limit the task fails at once, naming the variable, its size, the
/// limit and what to do — as a result over the termination message's 4096 bytes does (<see cref="PodTaskMessage.TooLarge"/>).
/// </summary>
public static class PodTaskInputLimits
{
    /// <summary>Linux's MAX_ARG_STRLEN (32 pages of 4 KiB), counting the terminating NUL.</summary>
    public const int MaxExecStringBytes = 128 * 1024;

    /// <summary>The API server refuses a Secret whose data is larger.</summary>
    public const int MaxSecretBytes = 1024 * 1024;

    private const string WhatToDo =
        "Pass less into the pod: a summary, or where the data is (a path on a volume the pods share, an object-store key) rather than the data itself.";

    /// <summary>Throws <see cref="PodTaskException"/> when <paramref name="pod"/>'s primary container or <paramref name="run"/>'s Secret is over a limit.</summary>
    public static void Check(TaskDefinition task, PodTaskRunInfo run, JsonObject pod)
    {
        var primary = PodTaskPatching.PrimaryContainer(pod, task.Pod!.PrimaryContainerName);
        var where = $"Task '{task.Name}' cannot start in pod {run.PodName}";
        foreach (var field in new[] { "command", "args" })
        {
            if (primary[field] is not JsonArray strings)
            {
                continue;
            }
            for (var i = 0; i < strings.Count; i++)
            {
                if (strings[i]?.GetValueKind() == JsonValueKind.String && Bytes((string)strings[i]!) + 1 is var bytes and > MaxExecStringBytes)
                {
                    throw new PodTaskException($"{where}: its {field}[{i}] is {Size(bytes)}, and Linux takes at most {Size(MaxExecStringBytes)} for one argument " +
                        $"(the container would fail with 'argument list too long'). {WhatToDo}");
                }
            }
        }
        foreach (var entry in (primary["env"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            var name = entry["name"]?.GetValueKind() == JsonValueKind.String ? (string)entry["name"]! : "";
            var value = entry["value"]?.GetValueKind() == JsonValueKind.String ? (string)entry["value"]!
                : run.Secret.ReferencesIn(primary).Contains(entry) && run.Secret.Values.TryGetValue(name, out var secret) ? secret : null;
            if (value is not null && Bytes(name) + 1 + Bytes(value) + 1 is var bytes and > MaxExecStringBytes)
            {
                throw new PodTaskException($"{where}: its environment variable {name} is {Size(bytes)}{Largest(name, value)}, and Linux takes at most " +
                    $"{Size(MaxExecStringBytes)} for one variable (the container would fail with 'argument list too long'). {WhatToDo}");
            }
        }
        var secretBytes = run.Secret.Values.Sum(v => (long)Bytes(v.Value));
        if (secretBytes > MaxSecretBytes)
        {
            throw new PodTaskException($"{where}: its inputs, which travel in the Kubernetes Secret {run.Secret.Name}, are {Size(secretBytes)}, and a Secret holds at most {Size(MaxSecretBytes)}. {WhatToDo}");
        }
    }

    /// <summary>For the inputs: which input is the largest, so the user knows which upstream result to shrink.</summary>
    private static string Largest(string name, string value)
    {
        if (name != PodTaskVariables.Inputs)
        {
            return "";
        }
        try
        {
            using var inputs = JsonDocument.Parse(value);
            if (inputs.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "";
            }
            var largest = inputs.RootElement.EnumerateObject().Select(p => (p.Name, Bytes: Bytes(p.Value.GetRawText()))).OrderByDescending(p => p.Bytes).FirstOrDefault();
            return largest.Name is null ? "" : $" (the largest input is '{largest.Name}', {Size(largest.Bytes)} as JSON)";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private static string Size(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
