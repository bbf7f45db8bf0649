using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker;

/// <summary>
/// A request body (a build context, an archive) that reports each piece written to the engine, so that the limit on
/// the engine's answer counts from the last byte sent: a large upload that keeps moving is not cut off.
/// </summary>
internal sealed class UploadProgressContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly Action _written;

    public UploadProgressContent(HttpContent inner, Action written)
    {
        _inner = inner;
        _written = written;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await _inner.CopyToAsync(new ProgressStream(stream, _written), context, cancellationToken).ConfigureAwait(false);
        _written();
    }

    /// <summary>Docker.DotNet's own transport reads the body as a stream and copies it to the connection itself.</summary>
    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new ProgressStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _written);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new ProgressStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _written);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Reads the body or writes it to the connection, calling back after each piece.</summary>
    private sealed class ProgressStream(Stream target, Action moved) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = target.Read(buffer, offset, count);
            moved();
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await target.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            moved();
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>A source may hand over its whole body in one write (a MemoryStream does): it goes out in pieces of this size.</summary>
        private const int Piece = 64 * 1024;

        public override void Write(byte[] buffer, int offset, int count)
        {
            for (var done = 0; done < count; done += Piece)
            {
                target.Write(buffer, offset + done, Math.Min(Piece, count - done));
                moved();
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            for (var done = 0; done < buffer.Length; done += Piece)
            {
                await target.WriteAsync(buffer.Slice(done, Math.Min(Piece, buffer.Length - done)), cancellationToken).ConfigureAwait(false);
                moved();
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => target.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => target.FlushAsync(cancellationToken);

        public override bool CanRead => target.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => target.CanWrite;

        public override long Length => target.Length;

        public override long Position { get => target.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && target.CanRead)
            {
                target.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
