using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Flows;
using Flows.Benchmarks;
using Flows.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Usage: benchmarks/run.sh [taskCount=1000] [generatorRuns=10] [flowRuns=30]
var taskCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var generatorRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var flowRuns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;

Console.WriteLine($"Flows benchmark: a flow of {taskCount} no-op tasks in a chain (each takes the previous result).");
var source = LargeFlowSource.Create(taskCount);
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
    .Split(Path.PathSeparator)
    .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
    .Select(path => MetadataReference.CreateFromFile(path))
    .Append(MetadataReference.CreateFromFile(typeof(FlowDefinition).Assembly.Location))
    .ToList();
var syntaxTree = CSharpSyntaxTree.ParseText(source, parseOptions, path: "LargeFlow.cs");
// A new compilation for every generator run, so that binding the 1,000 methods and their attributes is measured each time.
CSharpCompilation NewCompilation() => CSharpCompilation.Create("Bench.LargeFlow",
    new[] { syntaxTree },
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

// 1. The generator on the 1,000-task flow: a cold run (new driver) and warm full runs (new driver each time, JIT warm).
var generatorTimes = new List<double>();
Compilation output = NewCompilation();
for (var run = 0; run <= generatorRuns; run++)
{
    GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new FlowGenerator().AsSourceGenerator() }, parseOptions: parseOptions);
    var compilation = NewCompilation();
    var stopwatch = Stopwatch.StartNew();
    driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out var diagnostics);
    stopwatch.Stop();
    if (diagnostics.Length > 0)
    {
        throw new InvalidOperationException(string.Join(Environment.NewLine, diagnostics));
    }
    generatorTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"generator: first run {generatorTimes[0]:0.0} ms (JIT included), then median {Median(generatorTimes.Skip(1)):0.0} ms over {generatorRuns} runs, each on a new compilation ({taskCount} tasks)"));

// 2. Per-task overhead of running the generated flow against calling the same methods directly.
using var peStream = new MemoryStream();
var emitted = output.Emit(peStream);
if (!emitted.Success)
{
    throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
}
var assembly = Assembly.Load(peStream.ToArray());
var flowType = assembly.GetType("Bench.LargeFlow")!;
var definition = (FlowDefinition)flowType.GetProperty("Definition")!.GetValue(null)!;
var runDirect = flowType.GetMethod("RunDirect")!.CreateDelegate<Func<int>>();

var options = new FlowRunOptions { MaxParallelism = Environment.ProcessorCount };
for (var warm = 0; warm < 5; warm++)
{
    await FlowRunner.RunAsync(definition, options);
    runDirect();
}
var flowTimes = new List<double>();
var directTimes = new List<double>();
for (var run = 0; run < flowRuns; run++)
{
    var stopwatch = Stopwatch.StartNew();
    var result = await FlowRunner.RunAsync(definition, options);
    flowTimes.Add(stopwatch.Elapsed.TotalMicroseconds);
    if (!result.IsSuccess || (int)result.Tasks[^1].Result! != taskCount - 1)
    {
        throw new InvalidOperationException("the benchmark flow did not compute the expected result");
    }

    stopwatch.Restart();
    const int directRepeats = 100;
    var sum = 0;
    for (var i = 0; i < directRepeats; i++)
    {
        sum += runDirect();
    }
    directTimes.Add(stopwatch.Elapsed.TotalMicroseconds / directRepeats);
    GC.KeepAlive(sum);
}
var flowPerTask = Median(flowTimes) / taskCount;
var directPerTask = Median(directTimes) / taskCount;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"run: median {Median(flowTimes) / 1000:0.00} ms per flow run = {flowPerTask:0.00} us per task (Flows runner, {flowRuns} runs)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"direct calls: {directPerTask * 1000:0.0} ns per task (baseline, same process)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"per-task overhead: {flowPerTask - directPerTask:0.00} us; ratio runner/direct: {flowPerTask / directPerTask:0}x"));
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
