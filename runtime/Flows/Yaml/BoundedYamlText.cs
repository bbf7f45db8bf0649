using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Yaml;

/// <summary>Reads a YAML file or stdin for <see cref="BoundedYaml"/> without holding more than its size limit in memory.</summary>
public static class BoundedYamlText
{
    /// <summary>The text of <paramref name="reader"/>, read to its end.</summary>
    /// <exception cref="YamlLimitException">It is longer than <see cref="YamlLimits.MaxCharacters"/>; only that much was read.</exception>
    public static async Task<string> ReadAsync(TextReader reader, YamlLimits limits, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        while (true)
        {
            var read = await ReadChunkAsync(reader, buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return text.ToString();
            }
            text.Append(buffer, 0, read);
            if (text.Length > limits.MaxCharacters)
            {
                throw BoundedYaml.TooLong(text.ToString(), limits);
            }
        }
    }

    /// <summary>
    /// One read, given up when <paramref name="cancellationToken"/> fires. A read of a pipe, a FIFO or stdin waits
    /// for its writer and does not look at the token once it has started (Console.In's even runs on the calling
    /// thread), so SIGTERM would wait for data that may never come; the read is left to finish on its own.
    /// </summary>
    private static Task<int> ReadChunkAsync(TextReader reader, char[] buffer, CancellationToken cancellationToken) =>
        Task.Run(() => reader.ReadAsync(buffer.AsMemory(), cancellationToken).AsTask(), cancellationToken).WaitAsync(cancellationToken);

    /// <summary>
    /// The text of stdin, read to its end. Not through <see cref="Console.In"/> (a synchronized reader): with its read
    /// waiting for a writer, the process did not exit after SIGTERM until the writer wrote or closed (.NET 10, Linux).
    /// </summary>
    /// <exception cref="YamlLimitException">It is longer than <see cref="YamlLimits.MaxCharacters"/>; only that much was read.</exception>
    public static async Task<string> ReadStandardInputAsync(YamlLimits limits, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(reader, limits, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="ReadAsync(TextReader, YamlLimits, CancellationToken)"/>
    public static async Task<string> ReadFileAsync(string path, YamlLimits limits, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(reader, limits, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="ReadAsync(TextReader, YamlLimits, CancellationToken)"/>
    public static string ReadFile(string path, YamlLimits limits)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > limits.MaxCharacters)
            {
                throw BoundedYaml.TooLong(text.ToString(), limits);
            }
        }
        return text.ToString();
    }
}
