using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// The insights page as people use it: charts drawn from the incidents of the last 30 days, a bar that names its
/// incidents when hovered (a private one only as "1 private incident") and opens them when clicked, each chart's table
/// one click away, and a CSV that holds exactly what the table shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Secret = "Suspicious logins from MARMOTQUILL";
    private static readonly string LongName = "Checkout timing out for card payments " + new string('x', 120);
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow() - TimeSpan.FromDays(12));
    private AppFactory _app = null!;
    private TestUser _viewer = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(realServer: true, time: _clock);
        await _app.CompleteSetupAsync();
        var riley = await _app.CreateUserAsync("Riley Chen-" + new string('y', 60), AppRole.Responder);
        _viewer = await _app.CreateUserAsync("Vic Viewer", AppRole.Viewer);

        var checkout = await _app.DeclareAsync(riley, LongName, "Critical");
        _clock.Advance(TimeSpan.FromMinutes(20));
        await _app.PostUpdateAsync(riley, checkout, "Rolling back the payment gateway.", IncidentStatus.Monitoring);
        _clock.Advance(TimeSpan.FromHours(1));
        await _app.PostUpdateAsync(riley, checkout, "Fixed.", IncidentStatus.Resolved);
        await _app.DeclareAsync(riley, Secret, "Critical", isPrivate: true);
        _clock.Advance(TimeSpan.FromDays(9));
        await _app.DeclareAsync(riley, "Search is slow", "Minor");
        _clock.Advance(TimeSpan.FromDays(2));
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task TheChartsAreDrawn_AndThePageHoldsItsText(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        await session.SignInAsync(_viewer, "/insights");

        await Expect(session.TestId("insights-summary")).ToContainTextAsync("3 incidents");
        await Expect(session.TestId("insights-summary")).ToContainTextAsync("1 private incident");
        foreach (var section in new[] { "volume", "durations", "time-in-status", "workload" })
        {
            await Expect(session.TestId($"insight-{section}").Locator("path.mud-chart-bar").First).ToBeAttachedAsync();
            Assert.True(await TallestBarAsync(session, section) is { Height: > 2 }, $"The {section} chart draws no bar.");
        }

        await session.ScreenshotAsync($"insights-{width}");
        await LayoutProbe.AssertFitsAsync(session.Page, $"insights at {width} px");
        Assert.DoesNotContain("MARMOTQUILL", await session.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoveringABar_NamesItsIncidents_APrivateOneOnlyAsSuch_AndAClickOpensThem()
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: 1366, height: 900);
        await session.SignInAsync(_viewer, "/insights");

        // The week of the two Critical incidents: the tallest bar.
        var bar = await TallestBarAsync(session, "volume");
        await session.Page.Mouse.MoveAsync(bar.CenterX, bar.CenterY);
        var tooltip = session.TestId("insight-volume").GetByTestId("chart-tooltip");
        await Expect(tooltip).ToContainTextAsync("INC-1");
        await Expect(tooltip).ToContainTextAsync("1 private incident");
        await Expect(tooltip).Not.ToContainTextAsync("MARMOTQUILL");
        await session.ScreenshotAsync("insights-tooltip");

        await session.Page.Mouse.ClickAsync(bar.CenterX, bar.CenterY);
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/incidents\\?from=\\d{4}-\\d\\d-\\d\\d&to="));
        await Expect(session.TestId("list-incident-link")).ToHaveCountAsync(1);
        await Expect(session.TestId("list-incident-link").First).ToContainTextAsync("Checkout timing out");
        await session.ScreenshotAsync("incidents-filtered-from-insights");

        // The address is the filter: opened afresh, it shows the same list.
        var shared = session.Page.Url;
        await session.GotoAsync(new Uri(shared).PathAndQuery);
        await Expect(session.TestId("list-incident-link")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task EachChartsTable_IsOneClickAway_AndItsCsvHoldsExactlyTheTable()
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: 1366, height: 900);
        await session.SignInAsync(_viewer, "/insights");

        await session.TestId("insight-volume-toggle").ClickAsync();
        var table = session.TestId("insight-volume-table");
        await Expect(table).ToBeVisibleAsync();
        var shown = await table.Locator("tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => Array.from(r.children).map(c => c.textContent.trim()))");

        var href = await session.TestId("insight-volume-csv").GetAttributeAsync("href");
        var response = await session.Page.Context.APIRequest.GetAsync(session.Url(href!));
        Assert.Equal(200, response.Status);
        var csv = (await response.TextAsync()).TrimStart('\uFEFF');
        var lines = ParseCsv(csv);

        Assert.Equal(shown.Length, lines.Count);
        for (var r = 0; r < shown.Length; r++)
        {
            Assert.Equal(shown[r], lines[r]);
        }

        Assert.Contains(lines, l => l.Any(c => c.Contains("1 private incident", StringComparison.Ordinal)));
        Assert.DoesNotContain("MARMOTQUILL", csv, StringComparison.Ordinal);
    }

    /// <summary>
    /// The tallest bar of a chart, as a box on the page. MudBlazor draws a bar as a thick vertical stroke, whose box
    /// has no width; the stroke's width makes it one that the pointer can rest on.
    /// </summary>
    private static async Task<BarBox> TallestBarAsync(BrowserSession session, string section)
    {
        var box = await session.TestId($"insight-{section}").Locator("path.mud-chart-bar").EvaluateAllAsync<double[]>("""
            bars => bars.map(b => ({ r: b.getBoundingClientRect(), w: parseFloat(b.getAttribute('stroke-width') || '0') }))
              .sort((a, b) => b.r.height - a.r.height)
              .slice(0, 1)
              .flatMap(b => [b.r.left + window.scrollX - b.w / 2, b.r.top + window.scrollY, b.w, b.r.height])
            """);
        Assert.Equal(4, box.Length);
        await session.Page.EvaluateAsync("y => window.scrollTo(0, Math.max(0, y - 200))", box[1]);
        var scrollY = await session.Page.EvaluateAsync<double>("() => window.scrollY");
        return new BarBox(box[0], box[1] - scrollY, box[2], box[3]);
    }

    /// <summary>RFC 4180, as far as the insights CSV uses it (quoted cells with commas, doubled quotes).</summary>
    private static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }

    private sealed record BarBox(double X, double Y, double Width, double Height)
    {
        public float CenterX => (float)(X + (Width / 2));

        public float CenterY => (float)(Y + (Height / 2));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
