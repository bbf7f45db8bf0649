using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Runs;

namespace Flows.Cli;

/// <summary>
/// <c>--store</c> of <c>run</c> and <c>runs</c>: <c>none</c>, a SQLite file, or a connection string for a store an extension
/// adds (Flows.Store.PostgreSql). Default: <c>FLOWS__STORE</c>, else none inside a Flows Job (its pod's file would go with
/// the pod; recording a Job's run is the submitter's, to come), else the SQLite file under <c>FLOWS_HOME</c>.
/// </summary>
internal static class RunStoreOption
{
    public const string EnvironmentVariable = "FLOWS__STORE";
    public const string None = "none";

    public static Option<string?> Create() => new("--store")
    {
        Description = $"Where runs are kept: '{None}', a SQLite file, or a PostgreSQL connection string (with Flows.Store.PostgreSql). " +
                      $"Default: {EnvironmentVariable}, else {FlowsHome.Variable}/flows.db (~/.flows/flows.db).",
    };

    /// <summary>The store <c>--store</c> (else the environment, else the default) names.</summary>
    public sealed record Choice(string? Spec, bool IsDefault)
    {
        public bool IsNone => string.Equals(Spec, None, StringComparison.OrdinalIgnoreCase);
    }

    public static Choice Read(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new Choice(option.Trim(), IsDefault: false);
        }
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Choice(configured.Trim(), IsDefault: false);
        }
        var insideJob = Environment.GetEnvironmentVariable(FlowContextVariables.JobName) is { Length: > 0 };
        return new Choice(insideJob ? None : FlowsHome.DefaultStorePath, IsDefault: true);
    }

    /// <summary>A connection string, not a path: a URL (<c>postgres://…</c>) or <c>key=value</c> pairs; a path starting with <c>/</c>, <c>.</c> or <c>~</c> is a path.</summary>
    public static bool IsConnectionString(string spec) =>
        spec.Contains("://", StringComparison.Ordinal) || (spec.Contains('=', StringComparison.Ordinal) && spec[0] is not ('/' or '.' or '~'));

    /// <summary>
    /// The store <paramref name="choice"/> names, opened (schema checked); null for <c>none</c>, or after writing the one line that
    /// says why it cannot be used (Failed is then true).
    /// </summary>
    public static async Task<(IRunStore? Store, bool Failed)> OpenAsync(FlowsCommandLineContext context, Choice choice, CancellationToken cancellationToken)
    {
        if (choice.IsNone || choice.Spec is null)
        {
            return (null, false);
        }
        IRunStore store;
        if (IsConnectionString(choice.Spec))
        {
            if (!context.TryCreateRunStore(choice.Spec, out store))
            {
                context.Error.WriteLine($"error: --store {ConnectionStringRedaction.ForDisplay(choice.Spec)} is a connection string, and this application has no store for it: " +
                                        "reference Flows.Store.PostgreSql (the generated entrypoint then takes PostgreSQL connection strings), or give a SQLite file or 'none'.");
                return (null, true);
            }
        }
        else
        {
            store = new SqliteRunStore(ExpandHome(choice.Spec));
        }
        try
        {
            await store.OpenAsync(cancellationToken).ConfigureAwait(false);
            return (store, false);
        }
        catch (RunStoreException unusable)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            context.Error.WriteLine((choice.IsDefault ? "warning: " : "error: ") + unusable.Message);
            return (null, true);
        }
    }

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
