using System;

namespace Flows.Store.Tests.Fixtures;

/// <summary>A plain parameter and a secret one, a task that fails once and then succeeds, a task that fails, and one its trigger stops.</summary>
[Flow("recorded")]
internal static partial class RecordedFlow
{
    public const string SecretVariable = "FLOWS__PARAM__RECORDEDTOKEN";
    public const string SecretValue = "s3cr3t-token-value";

    [FlowTask]
    public static string Greet([FlowParameter("who")] string who, [FlowParameter("recordedToken", Secret = true)] string token) => "hi " + who + token.Length;

    [FlowTask(Retries = 1, RetryDelaySeconds = 0.01)]
    [DependsOn(nameof(Greet))]
    public static void Flaky(TaskRunContext context)
    {
        if (context.Attempt == 1)
        {
            throw new InvalidOperationException("first attempt fails");
        }
    }

    [FlowTask]
    [DependsOn(nameof(Flaky))]
    public static void Explode() => throw new ArgumentException("boom");

    [FlowTask]
    [DependsOn(nameof(Explode))]
    public static void After()
    {
    }
}
