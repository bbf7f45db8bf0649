using System.IO;
using System.Text;
using System.Text.Json;
using Flows.Runs;

namespace Flows.Cli;

/// <summary><c>runs show ID --json</c>: the run and its tasks (graph order) with every attempt, written without reflection.</summary>
internal static class StoredRunJson
{
    public static void Write(TextWriter output, StoredRun stored, FlowDefinition? flow)
    {
        var run = stored.Run;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("run_id", run.RunId);
            json.WriteString("flow", run.Flow);
            json.WriteString("state", run.State.ToString());
            json.WriteString("started", run.Started);
            WriteNullable(json, "ended", run.Ended);
            WriteNullable(json, "heartbeat", run.Heartbeat);
            json.WriteString("where", run.Location?.Kind);
            json.WriteString("job_name", run.Location?.JobName);
            json.WriteString("pod_name", run.Location?.PodName);
            json.WriteString("resumed_from", run.ResumedFrom);
            json.WriteString("graph_fingerprint", run.GraphFingerprint);
            json.WritePropertyName("parameters");
            json.WriteRawValue(run.ParametersJson);
            json.WriteStartArray("tasks");
            foreach (var task in StoredTask.InGraphOrder(stored, flow))
            {
                json.WriteStartObject();
                json.WriteString("name", task.Name);
                json.WriteString("state", task.Last.State.ToString());
                json.WriteNumber("attempt_count", task.AttemptCount);
                json.WriteStartArray("attempts");
                foreach (var attempt in task.Attempts)
                {
                    json.WriteStartObject();
                    json.WriteNumber("attempt", attempt.Attempt);
                    json.WriteString("state", attempt.State.ToString());
                    json.WriteString("started", attempt.Started);
                    WriteNullable(json, "ended", attempt.Ended);
                    json.WriteString("error_type", attempt.ErrorType);
                    json.WriteString("error_message", attempt.ErrorMessage);
                    if (attempt.ResultJson is null)
                    {
                        json.WriteNull("result");
                    }
                    else
                    {
                        json.WritePropertyName("result");
                        json.WriteRawValue(attempt.ResultJson);
                    }
                    json.WriteString("log_tail", attempt.LogTail);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, System.DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, time);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
