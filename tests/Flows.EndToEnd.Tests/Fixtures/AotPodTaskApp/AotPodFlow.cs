using System.Collections.Generic;
using Flows;

namespace AotPodTaskApp;

public enum Unit { Metre, Foot }

public sealed record Measurement(string Label, List<double> Values, Unit Unit, Dictionary<string, int>? Counts = null);

public sealed record Summary(string Label, double Total, Unit Unit, int Items);

[Flow("aot pod")]
[DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/aot-pod", ImageTag = "1")]
public static partial class AotPodFlow
{
    [FlowTask]
    public static Measurement Measure() => new("width", new List<double> { 1.5, 2.5 }, Unit.Foot, new() { ["a"] = 1 });

    [FlowTask]
    [PodTask("pod.yaml", "primary")]
    public static Summary Summarize([FromTask(nameof(Measure))] Measurement measurement)
    {
        var total = 0.0;
        foreach (var value in measurement.Values)
        {
            total += value;
        }
        return new Summary(measurement.Label, total, measurement.Unit, measurement.Values.Count + (measurement.Counts?.Count ?? 0));
    }
}
