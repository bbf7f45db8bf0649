using System.Collections.Generic;

namespace Flows.Runs;

/// <summary>
/// The tables every relational run store has, as migrations: migration i takes the schema from version i to i + 1. The SQL is
/// the subset SQLite and PostgreSQL share. Times are Unix milliseconds (UTC); states are the enum names. An attempt's <c>seq</c>
/// is its place in its run, in the order attempts were first recorded (milliseconds alone do not order them). A run's
/// <c>heartbeat</c> is when its recorder last said it was alive.
/// </summary>
public static class RunStoreSchema
{
    public static IReadOnlyList<IReadOnlyList<string>> Migrations { get; } =
    [
        [
            """
            CREATE TABLE IF NOT EXISTS runs (
                run_id TEXT PRIMARY KEY,
                flow TEXT NOT NULL,
                parameters TEXT NOT NULL,
                location TEXT,
                job_name TEXT,
                pod_name TEXT,
                started BIGINT NOT NULL,
                ended BIGINT,
                state TEXT NOT NULL,
                resumed_from TEXT,
                graph_fingerprint TEXT)
            """,
            "CREATE INDEX IF NOT EXISTS runs_by_started ON runs (started)",
            "CREATE INDEX IF NOT EXISTS runs_by_flow ON runs (flow, started)",
            """
            CREATE TABLE IF NOT EXISTS task_attempts (
                run_id TEXT NOT NULL,
                task TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                seq BIGINT NOT NULL,
                state TEXT NOT NULL,
                started BIGINT NOT NULL,
                ended BIGINT,
                error_type TEXT,
                error_message TEXT,
                result_json TEXT,
                log_tail TEXT,
                PRIMARY KEY (run_id, task, attempt))
            """,
        ],
        [
            // The heartbeat of a Running run (RunHeartbeat); a run recorded before it has its last known time.
            "ALTER TABLE runs ADD COLUMN heartbeat BIGINT",
            "UPDATE runs SET heartbeat = COALESCE(ended, started)",
        ],
    ];

    /// <summary>The schema version this Flows writes.</summary>
    public static int CurrentVersion => Migrations.Count;
}
