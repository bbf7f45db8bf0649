using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Oracle;
using Flows.Cluster.Tests.Support;
using Flows.EndToEnd.Tests;
using Xunit.Abstractions;

namespace Flows.Cluster.Tests;

/// <summary>
/// The real API server is the oracle of the build-time checker (Flows.Generators' KubernetesValidator): every valid
/// base spec (the repository's job and pod specs, and seeds that reach every area the checker knows) is mutated
/// field by field (<see cref="MutationCatalogue"/>), and each mutant is judged twice — by the checker, with the
/// options the job and pod-task checkers pass, and by the API server, patched as Flows patches it for a run and
/// POSTed with dryRun=All. Every disagreement fails the test; the full list goes to
/// tests/Flows.Cluster.Tests/TestResults/ServerOracle/ for triage.
/// </summary>
/// <remarks>
/// Not mutated, and why: metadata.name, metadata.namespace and the run labels (identifier, flow_run_id,
/// flows_task), which Flows sets for every run; the Flows container's image, command and args (and for pod tasks
/// resources, env, terminationMessagePolicy), which Flows overwrites; serviceAccountName, serviceAccount,
/// priorityClassName, priority, runtimeClassName and nodeName, whose checks need cluster state (admission:
/// the object must exist) or are set by the scheduler. A 403 from admission is counted apart, not as a disagreement.
/// </remarks>
public sealed class ServerOracleTests(ITestOutputHelper output)
{
    /// <summary>At most this many mutants per (schema field, mutation) over all bases.</summary>
    private const int PerGenericSite = 3;

    /// <summary>Requests in flight at once: the cluster and the test share 2 cores with the rest of the lane.</summary>
    private const int Concurrency = 6;

    public static string ResultsFolder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Flows.Cluster.Tests", "TestResults", "ServerOracle");

    [ClusterFact]
    public async Task The_checker_rejects_exactly_the_mutants_the_API_server_rejects()
    {
        var clock = Stopwatch.StartNew();
        await using var ns = await TestNamespace.CreateAsync("oracle");
        // full.pod.yaml names a service account: admission needs it to exist.
        var account = await LaneCluster.KubectlAsync("create", "serviceaccount", "runner", "-n", ns.Name);
        Assert.True(account.ExitCode == 0, account.ToString());
        using var server = new ServerVerdicts(LaneCluster.Kubeconfig, ns.Name);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(8));

        // 1. The bases: each must be accepted by the server (else the base is wrong) and should be by the checker.
        var disagreements = new ConcurrentBag<Disagreement>();
        var bases = new List<OracleBase>();
        var seedProblems = new List<string>();
        foreach (var @base in OracleBases.All())
        {
            var (serverVerdict, _) = await server.OfAsync(@base.Kind, RunPatch.Apply(@base, @base.Json, ns.Name), cancel.Token);
            if (serverVerdict.Rejected)
            {
                seedProblems.Add($"{@base.Name}: the API server rejects the base itself: {serverVerdict.Messages}");
                continue;
            }
            var checkerVerdict = CheckerVerdict.Of(@base, @base.Json);
            if (checkerVerdict.Rejected)
            {
                disagreements.Add(new Disagreement(DisagreementKind.CheckerRejectsServerAccepts, @base.Name, "(the base itself)", "", "", serverVerdict.Messages, checkerVerdict.Messages, @base.Json.ToJsonString()));
                continue;
            }
            bases.Add(@base);
        }
        Assert.True(seedProblems.Count == 0, "Bases the API server rejects (fix the base):\n" + string.Join("\n", seedProblems));

        // 2. The mutants; 3. both verdicts.
        var mutants = MutationCatalogue.Mutants(bases, PerGenericSite);
        var fields = mutants.Select(m => Generic(m.Site.Path)).Distinct().Count();
        var agreements = 0;
        var admissions = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(mutants.Select(async mutant =>
        {
            await gate.WaitAsync(cancel.Token);
            try
            {
                var checker = CheckerVerdict.Of(mutant.Base, mutant.Json);
                var patched = RunPatch.Apply(mutant.Base, mutant.Json, ns.Name);
                var (serverVerdict, admission) = await server.OfAsync(mutant.Base.Kind, patched, cancel.Token);
                if (admission)
                {
                    admissions.Add($"{mutant.Describe}: {serverVerdict.Messages}");
                }
                else if (serverVerdict.Rejected == checker.Rejected)
                {
                    Interlocked.Increment(ref agreements);
                }
                else
                {
                    disagreements.Add(new Disagreement(
                        serverVerdict.Rejected ? DisagreementKind.ServerRejectsCheckerAccepts : DisagreementKind.CheckerRejectsServerAccepts,
                        mutant.Base.Name, mutant.Site.Path, mutant.Mutation, Short(mutant), serverVerdict.Messages, checker.Messages, patched.ToJsonString()));
                }
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                failures.Add($"{mutant.Describe}: {error.GetType().Name}: {error.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.True(failures.IsEmpty, $"Infrastructure failures ({failures.Count}), neither 201 nor 400/422/403:\n" + string.Join("\n", failures.Take(20)));

        // 4. Compare and report.
        var list = disagreements.OrderBy(d => d.Kind).ThenBy(d => Generic(d.Path), StringComparer.Ordinal).ThenBy(d => d.Mutation, StringComparer.Ordinal).ToList();
        var missed = list.Count(d => d.Kind == DisagreementKind.ServerRejectsCheckerAccepts);
        var falsePositives = list.Count(d => d.Kind == DisagreementKind.CheckerRejectsServerAccepts);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"server oracle: {mutants.Count} cases over {bases.Count} bases, {fields} fields covered, {agreements} agreements, {list.Count} disagreements "
            + $"({missed} server-rejects-checker-accepts, {falsePositives} checker-rejects-server-accepts), {admissions.Count} admission rejections, {clock.Elapsed.TotalSeconds:0} s");
        var groups = Groups(list);
        var files = Write(summary, list, groups, admissions);
        output.WriteLine(summary);
        output.WriteLine("full list: " + files);
        foreach (var group in groups.Take(30))
        {
            output.WriteLine(group);
        }
        Assert.True(list.Count == 0,
            $"{summary}\nfull list: {files}\n--- top groups (kind | field | count (mutations))\n{string.Join("\n", groups.Take(30))}\n--- each\n"
            + string.Join("\n", list.Take(300).Select(d => d.OneLine())) + (list.Count > 300 ? $"\n... {list.Count - 300} more in {files}" : ""));
    }

    /// <summary>The path with indices and map keys as [*]: one field of the schema.</summary>
    public static string Generic(string path) => Regex.Replace(path, @"\[[^\]]*\]", "[*]");

    /// <summary>The disagreements grouped by kind and field (a rule of the checker to add or fix), the largest groups first, with the mutations that found them.</summary>
    private static List<string> Groups(IEnumerable<Disagreement> list) =>
        list.GroupBy(d => (d.Kind, Field: Generic(d.Path)))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Field, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Kind} | {g.Key.Field} | {g.Count()} ({string.Join(", ", g.Select(d => d.Mutation).Distinct().Order(StringComparer.Ordinal))})"
                + $"\n    e.g. server: {Cut(Cause(g.First().Server), 220)}\n    checker: {Cut(g.First().Checker.Length == 0 ? "accepted" : g.First().Checker, 220)}")
            .ToList();

    /// <summary>The server's message without the request and object name ("POST ...: 422 Invalid: Job.batch \"x\" is invalid: ").</summary>
    private static string Cause(string message)
    {
        if (message.Length == 0)
        {
            return "accepted";
        }
        var invalid = message.IndexOf(" is invalid: ", StringComparison.Ordinal);
        return invalid < 0 ? message : message[(invalid + " is invalid: ".Length)..];
    }

    private static string Write(string summary, IReadOnlyList<Disagreement> list, IReadOnlyList<string> groups, IEnumerable<string> admissions)
    {
        Directory.CreateDirectory(ResultsFolder);
        var text = new StringBuilder().AppendLine(summary).AppendLine().AppendLine("--- groups (kind | field | count (mutations))");
        foreach (var group in groups)
        {
            text.AppendLine(group);
        }
        text.AppendLine().AppendLine("--- admission rejections (cluster state)");
        foreach (var admission in admissions.Order(StringComparer.Ordinal))
        {
            text.AppendLine(admission);
        }
        text.AppendLine().AppendLine("--- each disagreement");
        foreach (var disagreement in list)
        {
            text.AppendLine(disagreement.OneLine()).AppendLine("    sent: " + disagreement.Sent);
        }
        var file = Path.Combine(ResultsFolder, "disagreements.txt");
        File.WriteAllText(file, text.ToString());
        File.WriteAllLines(Path.Combine(ResultsFolder, "disagreements.jsonl"), list.Select(d => JsonSerializer.Serialize(d)));
        return file;
    }

    /// <summary>The mutated field's parent object, as JSON, cut short.</summary>
    private static string Short(Mutant mutant)
    {
        JsonNode? parent = mutant.Json;
        foreach (var step in mutant.Site.Steps.Take(mutant.Site.Steps.Count - 1))
        {
            parent = step is int i ? parent?.AsArray()[i] : parent?.AsObject()[(string)step];
        }
        return Cut(parent?.ToJsonString() ?? "null", 240);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "...";

    public enum DisagreementKind { ServerRejectsCheckerAccepts, CheckerRejectsServerAccepts }

    public sealed record Disagreement(DisagreementKind Kind, string Base, string Path, string Mutation, string Spec, string Server, string Checker, string Sent)
    {
        public string OneLine() =>
            $"{(Kind == DisagreementKind.ServerRejectsCheckerAccepts ? "MISSED" : "FALSE POSITIVE")} {Base}: {Mutation} at {Path} in {Spec}\n"
            + $"    server: {(Server.Length == 0 ? "accepted" : Cut(Server, 400))}\n    checker: {(Checker.Length == 0 ? "accepted" : Cut(Checker, 400))}";
    }
}
