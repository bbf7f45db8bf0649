using Flows.Runs.PostgreSql;

namespace Flows.Store.Tests;

public class ConnectionStringRedactionTests
{
    [Theory]
    [InlineData("Host=h;Username=u;Password=secret;Database=d", "Host=h;Username=u;Password=***;Database=d")]
    [InlineData("Host=h;PWD=secret", "Host=h;PWD=***")]
    [InlineData("password = secret ; Host=h", "password = ***; Host=h")]
    [InlineData("Host=h;Password=\"se;cret\";Database=d", "Host=h;Password=***;Database=d")]
    [InlineData("Host=h;Password='se;cret'", "Host=h;Password=***")]
    [InlineData("Host=h;Password=", "Host=h;Password=***")]
    [InlineData("Host=h;Database=d", "Host=h;Database=d")]
    [InlineData("Host=h;PasswordFile=/p", "Host=h;PasswordFile=/p")]
    [InlineData("postgres://user:secret@h:5432/d", "postgres://h:5432/d")]
    public void Passwords_are_masked(string connectionString, string shown)
    {
        Assert.Equal(shown, ConnectionStringRedaction.ForDisplay(connectionString));
    }

    [Fact]
    public void A_postgresql_store_is_described_without_its_password()
    {
        var store = new PostgreSqlRunStore("Host=127.0.0.1;Username=flows;Password=top-secret");

        Assert.Equal("Host=127.0.0.1;Username=flows;Password=***", store.Description);
    }
}
