using System.Net;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Web;

/// <summary>
/// The insights CSV over HTTP: the figures of one section as a file, private incidents counted for everyone but named
/// only to those who may see them, a period it cannot use refused with a sentence, never a 500.
/// </summary>
public sealed class InsightsCsvTests : IAsyncLifetime
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
        await _app.DeclareAsync(_lead, "=HYPERLINK(\"http://evil.example\",\"Checkout, failing\")");
        await _app.DeclareAsync(_lead, $"Private {Secret}", isPrivate: true);
    }

    private async Task<HttpResponseMessage> GetAsync(TestUser user, string path)
    {
        var client = await _app.SignedInClientAsync(user);
        return await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
    }

    private static Task<string> TextAsync(HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task SomeoneNotOnAPrivateIncident_SeesItCounted_ButNeverNamed()
    {
        var response = await GetAsync(_outsider, "/insights/volume.csv?period=30d&tz=Europe/London");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var body = await TextAsync(response);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.Contains("1 private incident", body, StringComparison.Ordinal);
        Assert.Contains(",2,", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLeadAndAnAdmin_SeeThePrivateIncidentByName()
    {
        Assert.Contains(Secret, await TextAsync(await GetAsync(_lead, "/insights/volume.csv")), StringComparison.Ordinal);
        Assert.Contains(Secret, await TextAsync(await GetAsync(_admin, "/insights/volume.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameThatLooksLikeAFormula_StaysText()
    {
        var body = await TextAsync(await GetAsync(_lead, "/insights/volume.csv"));

        Assert.Contains("\"INC-1 =HYPERLINK(\"\"http://evil.example\"\",\"\"Checkout, failing\"\")", body, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/insights/volume.csv?period=custom&from=2026-05-01", "Pick both a first and a last day")]
    [InlineData("/insights/volume.csv?period=custom&from=2026-05-02&to=2026-05-01", "The last day is before the first")]
    [InlineData("/insights/volume.csv?period=custom&from=2000-01-01&to=2026-05-01", "at most three years")]
    public async Task APeriodItCannotUse_IsRefusedWithASentence(string path, string message)
    {
        var response = await GetAsync(_lead, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await TextAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSection_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(_lead, "/insights/nothing.csv")).StatusCode);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
