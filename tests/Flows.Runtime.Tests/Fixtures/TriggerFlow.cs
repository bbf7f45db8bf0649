using System;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>Two roots whose failure is chosen by flow parameters, and one task per trigger after both.</summary>
[Flow("triggers")]
internal static partial class TriggerFlow
{
    [FlowTask]
    public static void A([FlowParameter("a_fails")] bool fails = false) => FailIf(fails, nameof(A));

    [FlowTask]
    public static void B([FlowParameter("b_fails")] bool fails = false) => FailIf(fails, nameof(B));

    [FlowTask(Trigger = TaskTrigger.AllSuccessful)]
    [DependsOn(nameof(A), nameof(B))]
    public static void OnAllSuccessful()
    {
    }

    [FlowTask(Trigger = TaskTrigger.AllFinished)]
    [DependsOn(nameof(A), nameof(B))]
    public static void OnAllFinished()
    {
    }

    [FlowTask(Trigger = TaskTrigger.AlwaysRun)]
    [DependsOn(nameof(A), nameof(B))]
    public static void OnAlwaysRun()
    {
    }

    [FlowTask(Trigger = TaskTrigger.AllFailed)]
    [DependsOn(nameof(A), nameof(B))]
    public static void OnAllFailed()
    {
    }

    [FlowTask(Trigger = TaskTrigger.AnySuccessful)]
    [DependsOn(nameof(A), nameof(B))]
    public static void OnAnySuccessful()
    {
    }

    [FlowTask(Trigger = TaskTrigger.AnyFailed)]
    [DependsOn(nameof(A), nameof(B))]
    public static void OnAnyFailed()
    {
    }

    private static void FailIf(bool fails, string task)
    {
        if (fails)
        {
            throw new InvalidOperationException(task + " was told to fail");
        }
    }
}
