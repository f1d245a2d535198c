using System.Net;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Tests.Core.Chat;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>GET /attachments/{token}: IncidentHub's own copy of a shared image, for the signed-in person the short-lived link was made for.</summary>
public sealed class AttachmentEndpointTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private AppFactory _app = null!;
    private TestUser _lee = null!;
    private TestUser _cal = null!;
    private long _attachmentId;
    private int _incidentId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(time: _clock);
        await _app.CompleteSetupAsync();
        _lee = await _app.CreateUserAsync("Lee Lead", AppRole.Responder);
        _cal = await _app.CreateUserAsync("Cal Colleague", AppRole.Viewer);
        var incident = await _app.DeclareAsync(_lee, "Checkout failing");
        _incidentId = incident.Id;
        await using (var db = await _app.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct))
        {
            var channel = new ChatChannel(incident.Id, false, _clock.GetUtcNow());
            channel.RecordCreated("C0FILES", "inc-1-checkout-failing", _clock.GetUtcNow());
            db.ChatChannels.Add(channel);
            await db.SaveChangesAsync(Ct);
        }

        await _app.Get<ChatMirrorService>().ApplyAsync([new ChatMessagePosted("C0FILES", "1764000000.000100", null, new ChatAuthor("U1", "Sam"), "graph", _clock.GetUtcNow(),
                [new ChatFileRef("F1", "graph.png", "image/png", ChatAttachmentServiceTests.Png.Length, "https://files.slack.com/f/graph.png")])], Ct);
        _attachmentId = (await _app.Get<ChatAttachmentService>().GetPendingAsync(1, Ct)).Single().Id;
        await _app.Get<ChatAttachmentService>().StoreAsync(_attachmentId, "image/png", ChatAttachmentServiceTests.Png, Ct);
    }

    private string LinkFor(TestUser user) => _app.Get<AttachmentLinks>().For(_attachmentId, user.Actor.UserId);

    [Fact]
    public async Task TheLink_ServesTheImage_ToThePersonItWasMadeFor()
    {
        var client = await _app.SignedInClientAsync(_cal);

        var response = await client.GetAsync(new Uri(LinkFor(_cal), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ChatAttachmentServiceTests.Png, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("slack.com", LinkFor(_cal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkMadeBeforeAccessWasTakenAway_StopsWorking_AtOnce()
    {
        var access = _app.Get<IncidentHub.Core.Access.IncidentAccessService>();
        await access.ChangeVisibilityAsync(_lee.Actor, _incidentId, IncidentHub.Core.Incidents.IncidentVisibility.Private, Ct);
        await access.InviteAsync(_lee.Actor, _incidentId, _cal.Actor.UserId, Ct);
        var link = LinkFor(_cal);
        var client = await _app.SignedInClientAsync(_cal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(link, UriKind.Relative), Ct)).StatusCode);

        await access.RemoveAccessAsync(_lee.Actor, _incidentId, _cal.Actor.UserId, Ct);
        var after = await client.GetAsync(new Uri(link, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task SomeoneElse_WithTheSameLink_GetsNotFound()
    {
        var client = await _app.SignedInClientAsync(_lee);

        var response = await client.GetAsync(new Uri(LinkFor(_cal), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnExpiredLink_GetsNotFound()
    {
        var link = LinkFor(_cal);
        var client = await _app.SignedInClientAsync(_cal);
        _clock.Advance(AttachmentLinks.Lifetime + TimeSpan.FromSeconds(1));

        var response = await client.GetAsync(new Uri(link, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/attachments/not-a-token")]
    [InlineData("/attachments/CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AForgedLink_GetsNotFound(string path)
    {
        var client = await _app.SignedInClientAsync(_cal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var response = await _app.AnonymousClient().GetAsync(new Uri(LinkFor(_cal), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
