using System.Net;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Web;

public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/incidents")]
    [InlineData("/account/login")]
    public async Task BeforeSetup_EveryPageLeadsToSetup(string path)
    {
        var client = _app.AnonymousClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BeforeSetup_HealthStillAnswers()
    {
        var client = _app.AnonymousClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AfterSetup_SetupPageSendsPeopleToSignIn()
    {
        await _app.CompleteSetupAsync();
        var client = _app.AnonymousClient();

        var response = await client.GetAsync(new Uri("/setup", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
