using System;
using System.IO;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Flows.Runs;

namespace Flows.Store.Tests;

/// <summary>A result is recorded only with the JSON metadata its definition carries; without it, null.</summary>
public sealed partial class ResultJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flows-result-json-").FullName;

    [JsonSerializable(typeof(ResultJsonTests.Measurement))]
    private sealed partial class MeasurementJson : JsonSerializerContext;

    public sealed record Measurement(string Name, int Value);

    private sealed class Executor : IFlowRunExecutor
    {
        public ValueTask InvokeAsync(int taskIndex, TaskRunContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public object? GetResult(int taskIndex) => new Measurement("m" + taskIndex, 42);
    }

    [Fact]
    public async Task A_task_with_json_metadata_records_its_result_and_one_without_records_none()
    {
        var withMetadata = new TaskDefinition(0, "WithMetadata", TaskTrigger.AllSuccessful, 0, TimeSpan.Zero, null, "Measurement", [])
        {
            ResultJson = MeasurementJson.Default.Measurement,
        };
        var without = new TaskDefinition(1, "Without", TaskTrigger.AllSuccessful, 0, TimeSpan.Zero, null, "Measurement", []);
        var flow = new FlowDefinition("results", "Results", null, [withMetadata, without], [], [0, 1], _ => new Executor());
        await using var store = new SqliteRunStore(Path.Combine(_folder, "flows.db"));

        var result = await FlowRunner.RunAsync(flow, new FlowRunOptions { FlowRunId = "results-1", Store = store });

        Assert.True(result.IsSuccess);
        var attempts = (await store.GetRunAsync("results-1"))!.Attempts;
        Assert.Equal("""{"Name":"m0","Value":42}""", Assert.Single(attempts, a => a.Task == "WithMetadata").ResultJson);
        Assert.Null(Assert.Single(attempts, a => a.Task == "Without").ResultJson);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
