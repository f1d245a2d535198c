using System.Net;
using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Web;

/// <summary>The review's Markdown download over HTTP: a file for those who may see the incident, nothing for anyone else.</summary>
public sealed class ReviewExportTests : IAsyncLifetime
{
    private const string Secret = "MARMOTQUILL";
    private readonly AppFactory _app = new();
    private TestUser _admin = null!;
    private TestUser _lead = null!;
    private TestUser _outsider = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Lena Lead", AppRole.Responder);
        _outsider = await _app.CreateUserAsync("Otto Outsider", AppRole.Responder);
    }

    private async Task<HttpResponseMessage> GetAsync(TestUser user, string path)
    {
        var client = await _app.SignedInClientAsync(user);
        return await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SomeoneWhoMaySeeTheIncident_GetsAMarkdownFile_InTheirTimeZone()
    {
        var incident = await _app.DeclareAsync(_lead, "Checkout failing");
        await _app.PostUpdateAsync(_lead, incident, "Rolled back; watching.", IncidentStatus.Investigating);

        var response = await GetAsync(_outsider, $"/incidents/{incident.Number}/review.md?tz=Asia/Tokyo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("INC-1-review.md", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("# INC-1: Checkout failing\n", body, StringComparison.Ordinal);
        Assert.Contains("- **Times:** Asia/Tokyo (UTC+09:00)", body, StringComparison.Ordinal);
        var declared = (await _app.Get<IncidentQueries>().GetDetailAsync(_lead.Actor, incident.Number, TestContext.Current.CancellationToken))!.DeclaredAt;
        var inTokyo = TimeZoneInfo.ConvertTime(declared, TimeDisplay.FindZone("Asia/Tokyo")).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"| Declared | {inTokyo} |", body, StringComparison.Ordinal);
        Assert.Contains("> Rolled back; watching.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTimeZone_FallsBackToUtc_AndSaysSo()
    {
        var incident = await _app.DeclareAsync(_lead, "Checkout failing");

        var body = await (await GetAsync(_lead, $"/incidents/{incident.Number}/review.md?tz=Mars/Olympus")).Content
            .ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("- **Times:** UTC (UTC+00:00)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrivateIncident_IsNotFoundForSomeoneNotOnIt_AsIfItDidNotExist()
    {
        var hidden = await _app.DeclareAsync(_lead, $"Private {Secret}", isPrivate: true);

        var forHidden = await GetAsync(_outsider, $"/incidents/{hidden.Number}/review.md");
        var forMissing = await GetAsync(_outsider, "/incidents/999/review.md");

        Assert.Equal(HttpStatusCode.NotFound, forHidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forMissing.StatusCode);
        Assert.DoesNotContain(Secret, await forHidden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminNotOnAPrivateIncident_GetsIt_AndTheDownloadIsInTheAccessLog()
    {
        var hidden = await _app.DeclareAsync(_lead, $"Private {Secret}", isPrivate: true);

        var response = await GetAsync(_admin, $"/incidents/{hidden.Number}/review.md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("**Private incident:**", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var access = await _app.Get<IncidentAccessService>().GetAccessAsync(_lead.Actor, hidden.Id, TestContext.Current.CancellationToken);
        var viewed = Assert.Single(access!.Log, e => e.Kind == AccessLogKind.Viewed);
        Assert.Equal("Ada Admin", viewed.UserName);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
