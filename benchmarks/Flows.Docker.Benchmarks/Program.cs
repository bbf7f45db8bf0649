using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Flows.Docker;

// Usage: benchmarks/docker-run.sh [runs=20] [docker-url]
// The same short container (busybox `echo hi`, no network) run N times through Flows.Docker and through
// `docker run --rm`, interleaved in one process so that both see the same machine load; prints the ratio.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var url = args.Length > 1 ? args[1] : null;
const string Image = "localhost:5000/busybox:1";
const string Expected = "hi\n";

var connection = new DockerConnectionOptions { Url = url };
using var shared = await DockerEngine.ConnectAsync(connection);
await shared.PullImageAsync("localhost:5000/busybox", "1");
var spec = new ContainerSpec(Image) { Command = ["echo", "hi"], NetworkMode = "none" };
var cliArguments = new List<string>();
if (url is not null)
{
    cliArguments.AddRange(["-H", shared.Endpoint.ToString()]);
}
cliArguments.AddRange(["run", "--rm", "--network", "none", Image, "echo", "hi"]);

async Task LibraryOneConnection()
{
    var run = await shared.RunContainerAsync(spec, failOnNonZeroExitCode: true);
    Check(run.Logs.Stdout, "library");
}

async Task LibraryConnectEachRun()
{
    using var docker = await DockerEngine.ConnectAsync(connection);
    var run = await docker.RunContainerAsync(spec, failOnNonZeroExitCode: true);
    Check(run.Logs.Stdout, "library (connect each run)");
}

async Task DockerCli()
{
    var startInfo = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    cliArguments.ForEach(startInfo.ArgumentList.Add);
    using var process = Process.Start(startInfo)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    var error = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"docker {string.Join(' ', cliArguments)} exited with {process.ExitCode}: {error}");
    }
    Check(output, "docker run --rm");
}

var ways = new (string Name, Func<Task> Run, List<double> Milliseconds)[]
{
    ("Flows.Docker, one connection", LibraryOneConnection, new()),
    ("Flows.Docker, connect each run", LibraryConnectEachRun, new()),
    ("docker run --rm (CLI)", DockerCli, new()),
};
Console.WriteLine($"Docker run benchmark: `echo hi` in {Image}, {runs} runs each, interleaved; daemon {shared.Endpoint}; docker CLI from PATH.");
foreach (var way in ways)
{
    await way.Run(); // warm-up: JIT, connection, image and CLI caches
}
for (var i = 0; i < runs; i++)
{
    foreach (var way in ways)
    {
        var clock = Stopwatch.StartNew();
        await way.Run();
        way.Milliseconds.Add(clock.Elapsed.TotalMilliseconds);
    }
}

foreach (var (name, _, times) in ways)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-32} median {Median(times),7:0.0} ms   min {times.Min(),7:0.0} ms   max {times.Max(),7:0.0} ms"));
}
var cli = Median(ways[2].Milliseconds);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio (median, Flows.Docker / docker run --rm): {Median(ways[0].Milliseconds) / cli:0.00} with one connection, {Median(ways[1].Milliseconds) / cli:0.00} connecting each run"));
return 0;

static void Check(string output, string way)
{
    if (output != Expected)
    {
        throw new InvalidOperationException($"{way} printed '{output}' instead of '{Expected}'.");
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(value => value).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
