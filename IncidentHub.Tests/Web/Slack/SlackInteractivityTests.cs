using System.Globalization;
using System.Net;
using System.Text.Json;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.TestSupport.SlackPayloads;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>The declare form submitted in Slack: one incident per form, errors next to the fields, never a 500.</summary>
public sealed class SlackInteractivityTests(SlackAppFixture fixture) : IClassFixture<SlackAppFixture>, IAsyncLifetime
{
    private SlackApp _slack = null!;
    private string _major = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = fixture.Slack;
        _lastNumber = await _slack.QueryAsync(db => db.Incidents.MaxAsync(i => (int?)i.Number, Ct)) ?? 0;
        _major = (await _slack.App.Get<IncidentQueries>().GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Major").Id.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<(HttpStatusCode Status, JsonElement? Body)> SubmitAsync(string form)
    {
        var response = await _slack.Requests.InteractionAsync(form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    private int _lastNumber;

    /// <summary>The incidents declared during this test.</summary>
    private Task<List<string>> IncidentNamesAsync() =>
        _slack.QueryAsync(db => db.Incidents.Where(i => i.Number > _lastNumber).OrderBy(i => i.Number).Select(i => i.Name).ToListAsync(Ct));

    [Fact]
    public async Task Submitting_WithPrivateTicked_DeclaresAPrivateIncident_InAPrivateChannel_WithoutAnnouncement()
    {
        var number = _lastNumber + 1;
        var (status, body) = await SubmitAsync(DeclareSubmission("V0PRIVATE1", "U0LEE", "Payroll export leaked", _major, isPrivate: true));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("private channel", body!.Value.GetProperty("view").GetRawText(), StringComparison.Ordinal);
        var visibility = await _slack.QueryAsync(db => db.Incidents.Where(i => i.Number == number).Select(i => i.Visibility).SingleAsync(Ct));
        Assert.Equal(IncidentVisibility.Private, visibility);
        var channel = $"inc-{number}-payroll-export-leaked";
        await Eventually.TrueAsync(() => Task.FromResult(_slack.Slack.ChannelNamed(channel) is not null), SlackApp.Wait, "Slack has the incident's channel");
        await _slack.OutboxDrainedAsync();
        Assert.True(_slack.Slack.ChannelNamed(channel)!.IsPrivate);
        Assert.DoesNotContain(_slack.Slack.Messages("C0ANNOUNCE"), m => (m.Text + m.Blocks).Contains($"INC-{number}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submitting_DeclaresAsTheMatchedPerson_Once_HoweverOftenTheFormIsSent()
    {
        var form = DeclareSubmission("V0DECLARE1", "U0LEE", "Search is slow", _major, "p99 at 4 s", "Searches time out");
        var number = _lastNumber + 1;

        var first = await SubmitAsync(form);
        var again = await SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("update", first.Body!.Value.GetProperty("response_action").GetString());
        Assert.Contains($"INC-{number}: Search is slow", first.Body.Value.GetProperty("view").GetRawText(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, (JsonElement?)null), again);
        Assert.Equal(["Search is slow"], await IncidentNamesAsync());
        var detail = (await _slack.App.Get<IncidentQueries>().GetDetailAsync(number, Ct))!;
        Assert.Equal(("Lee Lead", "Major", "p99 at 4 s", "Searches time out"), (detail.LeadName, detail.Severity.Name, detail.Summary, detail.CustomerImpact));
        var channel = $"inc-{number}-search-is-slow";
        await Eventually.TrueAsync(() => Task.FromResult(_slack.Slack.ChannelNamed(channel) is not null), SlackApp.Wait, "Slack has the incident's channel");
        await _slack.OutboxDrainedAsync();
        Assert.Contains("U0LEE", _slack.Slack.ChannelNamed(channel)!.Members);
    }

    [Fact]
    public async Task AFormWithoutNameOrSeverity_ShowsErrorsNextToThoseFields()
    {
        var (status, body) = await SubmitAsync(DeclareSubmission("V0DECLARE2", "U0LEE", "  ", null));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("errors", body!.Value.GetProperty("response_action").GetString());
        var errors = body.Value.GetProperty("errors");
        Assert.Equal("Give the incident a name: what is broken?", errors.GetProperty("name").GetString());
        Assert.Equal("Pick a severity.", errors.GetProperty("severity").GetString());
        Assert.Empty(await IncidentNamesAsync());
    }

    [Fact]
    public async Task AFullMemberWithoutAnAccount_Declares_AndLeadsIt_ButAGuestDoesNot()
    {
        var (_, refused) = await SubmitAsync(DeclareSubmission("V0GUEST1", "U0GUEST", "Guest's incident", _major));
        var (status, body) = await SubmitAsync(DeclareSubmission("V0MEMBER1", "U0SLACK", "Member's incident", _major));

        Assert.StartsWith("Guests of this Slack workspace can follow incidents here but cannot declare incidents.", refused!.Value.GetProperty("errors").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("update", body!.Value.GetProperty("response_action").GetString());
        Assert.Equal(["Member's incident"], await IncidentNamesAsync());
        var lead = await _slack.QueryAsync(db => db.Incidents.Where(i => i.Number > _lastNumber).Select(i => new { i.LeadId, i.LeadName }).SingleAsync(Ct));
        Assert.Equal(("slack:U0SLACK", "Sam Slack"), (lead.LeadId, lead.LeadName));
    }

    [Fact]
    public async Task AViewer_DeclaresFromTheForm_AndLeadsIt()
    {
        var (status, body) = await SubmitAsync(DeclareSubmission("V0DECLARE3", "U0VIC", "Printers", _major));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("update", body!.Value.GetProperty("response_action").GetString());
        Assert.Equal(["Printers"], await IncidentNamesAsync());
        var lead = await _slack.QueryAsync(db => db.Incidents.Where(i => i.Number > _lastNumber).Select(i => i.LeadName).SingleAsync(Ct));
        Assert.Equal("Vic Viewer", lead);
    }

    [Fact]
    public async Task TheShortcut_OpensTheDeclareForm_AndOtherInteractionsAreAcknowledged()
    {
        var shortcut = "payload=" + Uri.EscapeDataString("{\"type\":\"shortcut\",\"callback_id\":\"incidenthub_declare\",\"trigger_id\":\"222.333.abc\",\"user\":{\"id\":\"U0LEE\"}}");
        var action = "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0LEE\"},\"actions\":[]}");

        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(shortcut)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(action)).Status);

        Assert.Single(_slack.Slack.Calls("views.open"), c => c["trigger_id"] == "222.333.abc");
    }

    [Fact]
    public async Task TheDeclareForm_OffersTheServices_AndASubmissionNamesTheOnesPicked()
    {
        var services = _slack.App.Get<IncidentHub.Core.StatusPage.StatusComponentService>();
        var ledger = await services.SaveAsync(_slack.Admin.Actor, new IncidentHub.Core.StatusPage.ComponentForm { Name = "Ledger", IsPublic = false, OwnerTeam = "Payments platform" }, Ct);
        var shortcut = "payload=" + Uri.EscapeDataString("{\"type\":\"shortcut\",\"callback_id\":\"incidenthub_declare\",\"trigger_id\":\"333.444.svc\",\"user\":{\"id\":\"U0LEE\"}}");

        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(shortcut)).Status);
        var view = JsonDocument.Parse(Assert.Single(_slack.Slack.Calls("views.open"), c => c["trigger_id"] == "333.444.svc")["view"]!).RootElement;
        var block = view.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == "services");
        Assert.Equal("multi_static_select", block.GetProperty("element").GetProperty("type").GetString());
        var option = block.GetProperty("element").GetProperty("options").EnumerateArray().Single(o => o.GetProperty("text").GetProperty("text").GetString() == "Ledger");
        Assert.Equal("Internal · Payments platform", option.GetProperty("description").GetProperty("text").GetString());

        var number = _lastNumber + 1;
        var id = ledger.ToString(CultureInfo.InvariantCulture);
        var (status, _) = await SubmitAsync(DeclareSubmission("V0SERVICES1", "U0LEE", "Ledger lagging", _major, serviceIds: [id]));

        Assert.Equal(HttpStatusCode.OK, status);
        var named = await _slack.QueryAsync(db => db.AffectedServices.Where(a => db.Incidents.Any(i => i.Id == a.IncidentId && i.Number == number)).Select(a => a.ServiceId).ToListAsync(Ct));
        Assert.Equal([ledger], named);

        // A service removed while the form was open is refused next to the services, and nothing is declared.
        await services.SetArchivedAsync(_slack.Admin.Actor, ledger, archived: true, Ct);
        var (_, refused) = await SubmitAsync(DeclareSubmission("V0SERVICES2", "U0LEE", "Ledger lagging again", _major, serviceIds: [id]));
        Assert.Equal("errors", refused!.Value.GetProperty("response_action").GetString());
        Assert.Contains("Ledger has been removed by an admin", refused.Value.GetProperty("errors").GetProperty("services").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Ledger lagging"], await IncidentNamesAsync());
    }

    [Theory]
    [InlineData("nopayload=1")]
    [InlineData("payload=%7Bnot%20json")]
    [InlineData("payload=%5B1%5D")]
    [InlineData("payload=1&payload=2")]
    [InlineData("{\"type\":\"view_submission\"}")]
    public async Task AMalformedInteraction_IsABadRequest(string form) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitAsync(form)).Status);

    [Fact]
    public async Task ASubmissionMissingItsView_IsAcknowledgedAndDeclaresNothing()
    {
        var (status, _) = await SubmitAsync("payload=" + Uri.EscapeDataString("{\"type\":\"view_submission\",\"user\":{\"id\":\"U0LEE\"}}"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(await IncidentNamesAsync());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
