using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Flows.Store.Tests.Support;

/// <summary>
/// A contract test: it runs once in each concrete subclass of the contract, and is skipped with the reason that subclass's
/// <see cref="StoreAvailabilityAttribute"/> gives (a missing PostgreSQL), so that one store's absence skips only its half.
/// </summary>
[XunitTestCaseDiscoverer("Flows.Store.Tests.Support.StoreFactDiscoverer", "Flows.Store.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>On a contract subclass (or one <see cref="StoreFactAttribute"/> test): why its store is not here (null when it is).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public abstract class StoreAvailabilityAttribute : Attribute
{
    public abstract string? SkipReason { get; }
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new StoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

public sealed class StoreTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase() { }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute)
        ?? TestMethod.TestClass.Class.ToRuntimeType().GetCustomAttributes(typeof(StoreAvailabilityAttribute), inherit: true)
            .Concat(TestMethod.Method.ToRuntimeMethod().GetCustomAttributes(typeof(StoreAvailabilityAttribute), inherit: true))
            .Cast<StoreAvailabilityAttribute>().Select(a => a.SkipReason).FirstOrDefault(r => r is not null)!;
}
