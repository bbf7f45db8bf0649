using System;

namespace Flows.Runtime.Tests;

/// <summary>URLs Flows prints lose their user info, and nothing else.</summary>
public class UrlRedactionTests
{
    [Theory]
    [InlineData("https://admin:s3cret@127.0.0.1:6443", "https://127.0.0.1:6443")]
    [InlineData("https://admin:s3cret@cluster.example/prefix/?q=1", "https://cluster.example/prefix/?q=1")]
    [InlineData("tcp://u:p@w@127.0.0.1:2375", "tcp://127.0.0.1:2375")]
    [InlineData("tcp://token@127.0.0.1", "tcp://127.0.0.1")]
    [InlineData("admin:s3cret@host:2375", "host:2375")]
    [InlineData("https://cluster.example/a@b", "https://cluster.example/a@b")]
    [InlineData("unix:///var/run/docker.sock", "unix:///var/run/docker.sock")]
    [InlineData("not a url", "not a url")]
    public void ForDisplay_removes_the_user_info_of_a_url_as_written(string url, string expected) =>
        Assert.Equal(expected, UrlRedaction.ForDisplay(url));

    [Fact]
    public void WithoutUserInfo_keeps_scheme_host_port_path_and_query()
    {
        var url = UrlRedaction.WithoutUserInfo(new Uri("https://admin:s3cret@127.0.0.1:6443/base/?x=1"));

        Assert.Equal("https://127.0.0.1:6443/base/?x=1", url.AbsoluteUri);
        Assert.Equal("", url.UserInfo);
    }

    [Fact]
    public void InText_removes_the_user_info_of_every_url_in_a_message()
    {
        var text = UrlRedaction.InText("Bad server host URL `https://admin:s3cret@h:1` (also 'tcp://u:p@d:2375'); mail me@example.com");

        Assert.Equal("Bad server host URL `https://h:1` (also 'tcp://d:2375'); mail me@example.com", text);
    }
}
