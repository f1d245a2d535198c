using IncidentHub.Web.Slack;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>Slack calls the request URLs from the internet over HTTPS: the settings page says when the address shown cannot work.</summary>
public sealed class SlackPublicAddressTests
{
    [Theory]
    [InlineData("https://incidents.example.com/")]
    [InlineData("https://status.example.co.uk")]
    [InlineData("https://203.0.113.10/")]
    public void APublicHttpsAddress_IsFine(string url) => Assert.Null(SlackAdmin.PublicAddressProblem(url));

    [Theory]
    [InlineData("http://127.0.0.1:5080/", "it is this machine's own address, and it is not HTTPS")]
    [InlineData("https://localhost:5001/", "it is this machine's own address")]
    [InlineData("https://10.1.2.3/", "it is a private network address")]
    [InlineData("https://192.168.0.20:8443/", "it is a private network address")]
    [InlineData("https://[fd00::1]/", "it is a private network address")]
    [InlineData("https://incidents/", "it is a name only your own network knows")]
    [InlineData("https://incidents.corp.internal/", "it is a name only your own network knows")]
    [InlineData("http://incidents.example.com/", "it is not HTTPS")]
    public void AnAddressSlackCannotReach_SaysWhy(string url, string why) => Assert.Equal(why, SlackAdmin.PublicAddressProblem(url));
}
