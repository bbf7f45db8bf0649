using System;

namespace Flows.Runs;

/// <summary>A run store could not do what was asked; the message is one line that names the store and the fix.</summary>
public sealed class RunStoreException : Exception
{
    public RunStoreException(string message) : base(message) { }

    public RunStoreException(string message, Exception innerException) : base(message, innerException) { }
}
