namespace Flows.Storage.Tests.Support;

/// <summary>
/// The test classes that use the pushed image share one <see cref="PushedImageFixture"/> and run one after another:
/// two fixtures would publish the same application into the same artifacts folder at once (NuGet's restore then fails
/// on a file another restore has just written), and one class's fixture would remove the images while the other's
/// tests still use them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PushedImageCollection : ICollectionFixture<PushedImageFixture>
{
    public const string Name = "pushed storage image";
}
