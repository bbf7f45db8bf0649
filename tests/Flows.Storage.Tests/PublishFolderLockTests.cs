using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.Storage;

namespace Flows.Storage.Tests;

/// <summary>One publish at a time per artifacts folder: the second waits, says so once, and goes on when the first ends.</summary>
public sealed class PublishFolderLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "flows-publish-lock-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_second_publish_of_the_same_folder_waits_until_the_first_releases_it()
    {
        using var progress = new StringWriter();
        var first = await PublishFolderLock.AcquireAsync(_folder, progress, CancellationToken.None);

        var second = PublishFolderLock.AcquireAsync(_folder, progress, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.False(second.IsCompleted, "the second publish went ahead while the first held the folder");
        first.Dispose();
        using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal($"waiting: another build is publishing into {_folder}{Environment.NewLine}", progress.ToString());
    }

    [Fact]
    public async Task Waiting_for_the_folder_ends_when_cancelled()
    {
        using var first = await PublishFolderLock.AcquireAsync(_folder, TextWriter.Null, CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PublishFolderLock.AcquireAsync(_folder, TextWriter.Null, cancellation.Token).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Different_folders_do_not_wait_for_each_other()
    {
        using var first = await PublishFolderLock.AcquireAsync(Path.Combine(_folder, "a"), TextWriter.Null, CancellationToken.None);
        using var second = await PublishFolderLock.AcquireAsync(Path.Combine(_folder, "b"), TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
