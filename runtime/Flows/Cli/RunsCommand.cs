using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Runs;

namespace Flows.Cli;

/// <summary><c>runs</c>: the runs the store keeps (a table), <c>runs show ID</c> (a run's tasks), <c>runs prune --older-than AGE</c>.</summary>
internal static class RunsCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var storeOption = RunStoreOption.Create();
        storeOption.Recursive = true;
        var flowOption = new Option<string?>("--flow", "-f") { Description = "Only runs of this flow." };
        var stateOption = new Option<RunRecordState?>("--state") { Description = "Only runs in this state." };
        var limitOption = new Option<int>("--limit") { Description = "How many runs to show, newest first.", DefaultValueFactory = _ => RunQuery.DefaultLimit };
        var runs = new Command("runs", "List the runs the store keeps, newest first; 'runs show ID' shows one, 'runs prune' removes old ones.")
        {
            storeOption, flowOption, stateOption, limitOption, CreateShow(context, storeOption), CreatePrune(context, storeOption),
        };
        runs.SetAction((parseResult, cancellationToken) => WithStoreAsync(context, parseResult.GetValue(storeOption), cancellationToken, async store =>
        {
            var found = await store.ListRunsAsync(
                new RunQuery(parseResult.GetValue(flowOption), parseResult.GetValue(stateOption), parseResult.GetValue(limitOption)), cancellationToken).ConfigureAwait(false);
            RunsTable.Write(context.Output, found);
            return ExitCodes.Success;
        }));
        return runs;
    }

    private static Command CreateShow(FlowsCommandLineContext context, Option<string?> storeOption)
    {
        var idArgument = new Argument<string>("id") { Description = "The run id (see 'runs')." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the run and its task attempts as JSON." };
        var show = new Command("show", "Show one run: its tasks in graph order with state, attempts, duration and error.") { idArgument, jsonOption };
        show.SetAction((parseResult, cancellationToken) => WithStoreAsync(context, parseResult.GetValue(storeOption), cancellationToken, async store =>
        {
            var id = parseResult.GetValue(idArgument)!;
            var run = await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                context.Error.WriteLine($"error: the run store {store.Description} has no run '{id}' (see 'runs').");
                return ExitCodes.Failed;
            }
            var flow = context.Flows.FirstOrDefault(f => f.Name == run.Run.Flow);
            if (parseResult.GetValue(jsonOption))
            {
                StoredRunJson.Write(context.Output, run, flow);
            }
            else
            {
                RunsTable.WriteRun(context.Output, run, flow);
            }
            return ExitCodes.Success;
        }));
        return show;
    }

    private static Command CreatePrune(FlowsCommandLineContext context, Option<string?> storeOption)
    {
        var olderThanOption = new Option<string>("--older-than") { Description = "Remove runs that started longer ago than this: 30d, 12h, 90m, 45s.", Required = true };
        var prune = new Command("prune", "Remove the runs that started longer ago than --older-than, with their task attempts.") { olderThanOption };
        prune.SetAction((parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(olderThanOption)!;
            if (!TryParseAge(text, out var age))
            {
                context.Error.WriteLine($"error: --older-than '{text}' is not an age: write a whole number and d, h, m or s (30d).");
                return Task.FromResult(ExitCodes.UsageError);
            }
            return WithStoreAsync(context, parseResult.GetValue(storeOption), cancellationToken, async store =>
            {
                var removed = await store.PruneAsync(DateTimeOffset.UtcNow - age, cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine($"Removed {removed} run{(removed == 1 ? "" : "s")} older than {text} from {store.Description}.");
                return ExitCodes.Success;
            });
        });
        return prune;
    }

    internal static bool TryParseAge(string text, out TimeSpan age)
    {
        age = default;
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }
        var unit = char.ToLowerInvariant(text[^1]) switch
        {
            'd' => TimeSpan.FromDays(1),
            'h' => TimeSpan.FromHours(1),
            'm' => TimeSpan.FromMinutes(1),
            's' => TimeSpan.FromSeconds(1),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero || count > TimeSpan.MaxValue.Ticks / unit.Ticks)
        {
            return false;
        }
        age = unit * count;
        return true;
    }

    private static async Task<int> WithStoreAsync(FlowsCommandLineContext context, string? storeOption, CancellationToken cancellationToken, Func<IRunStore, Task<int>> work)
    {
        var choice = RunStoreOption.Read(storeOption);
        if (choice.IsNone)
        {
            context.Error.WriteLine("error: --store none keeps no runs; name a store (default: " + FlowsHome.DefaultStorePath + ").");
            return ExitCodes.UsageError;
        }
        var (store, failed) = await RunStoreOption.OpenAsync(context, choice with { IsDefault = false }, cancellationToken).ConfigureAwait(false);
        if (failed || store is null)
        {
            return ExitCodes.Failed;
        }
        await using (store.ConfigureAwait(false))
        {
            try
            {
                return await work(store).ConfigureAwait(false);
            }
            catch (RunStoreException unusable)
            {
                context.Error.WriteLine("error: " + unusable.Message);
                return ExitCodes.Failed;
            }
        }
    }
}
