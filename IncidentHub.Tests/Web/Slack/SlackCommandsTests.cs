using System.Net;
using System.Text.Json;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.TestSupport.SlackPayloads;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>/inc in Slack: the same services as the browser, acting as the matched account; short ephemeral answers.</summary>
public sealed class SlackCommandsTests(SlackAppFixture fixture) : IClassFixture<SlackAppFixture>, IAsyncLifetime
{
    private SlackApp _slack = null!;
    private TestUser _lead = null!;
    private TestUser _sam = null!;
    private TestUser _viewer = null!;
    private DeclaredIncident _incident = null!;
    private string _channel = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = fixture.Slack;
        (_lead, _sam, _viewer) = (fixture.Lee, fixture.Sam, fixture.Vic);
        (_incident, _channel) = await _slack.DeclareWithChannelAsync(_lead, "Checkout failing");
    }

    /// <summary>Runs /inc and returns the status and the ephemeral text (null for an empty answer).</summary>
    private async Task<(HttpStatusCode Status, string? Text)> IncAsync(string text, string user = "U0LEE", string? channel = null, string trigger = "13345224609.738474920.8088930838d88f008e0")
    {
        var response = await _slack.Requests.CommandAsync(Command(text, user, channel ?? _channel, triggerId: trigger), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        if (body.Length == 0)
        {
            return (response.StatusCode, null);
        }

        using var json = JsonDocument.Parse(body);
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        return (response.StatusCode, json.RootElement.GetProperty("text").GetString());
    }

    private Task<IncidentDetail> DetailAsync() => _slack.App.Get<IncidentQueries>().GetDetailAsync(_incident.Number, Ct)!;

    [Fact]
    public async Task Update_PostsAnUpdateAsTheMatchedPerson_FromSlack()
    {
        var (status, text) = await IncAsync("update Rolled back 4.2; errors &lt; 1%.", user: "U0SAM");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"Update posted to {_incident.Reference}.", text);
        var entry = await _slack.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.IncidentId == _incident.Id && e.Kind == TimelineEntryKind.Update, Ct));
        Assert.Equal(("Rolled back 4.2; errors < 1%.", _sam.Actor.UserId, TimelineSource.Slack), (entry.Text, entry.ActorId, entry.Source));
    }

    [Fact]
    public async Task StatusSeverityActionAndResolve_ChangeTheIncident()
    {
        var answers = new List<string?>
        {
            (await IncAsync("status investigating")).Text,
            (await IncAsync("severity critical")).Text,
            (await IncAsync("action Page the database team")).Text,
            (await IncAsync("resolve")).Text,
        };

        var detail = await DetailAsync();
        // Resolving opens the closing form (SlackClosingTests) instead of answering.
        Assert.Equal(
            [$"{_incident.Reference} is now Investigating.", $"{_incident.Reference} is now Critical.", $"Action added to {_incident.Reference}.", null],
            answers);
        Assert.Contains("\"callback_id\":\"incidenthub_close\"", _slack.Slack.Calls("views.open")[^1]["view"], StringComparison.Ordinal);
        Assert.Equal((IncidentStatus.Investigating, "Critical"), (detail.Status, detail.Severity.Name));
        Assert.Equal("Page the database team", Assert.Single(detail.Actions).Title);
    }

    [Fact]
    public async Task LeadAndRole_GoToThePersonMentioned_WhenTheyHaveAnAccount()
    {
        var offer = await IncAsync("lead <@U0SAM|sam> Rolled back at 14:05, watching errors.");
        var lead = await IncAsync("lead <@U0SAM|sam>", user: "U0SAM");
        var role = await IncAsync("role scribe <@U0LEE>", user: "U0SAM");
        var guest = await IncAsync("role communications lead <@U0GUEST|gus>");

        var detail = await DetailAsync();
        Assert.StartsWith($"Asked Sam Okafor to take the lead of {_incident.Reference}, with your note.", offer.Text, StringComparison.Ordinal);
        Assert.Equal($"You now lead {_incident.Reference}; the update reminders come to you.", lead.Text);
        Assert.Equal($"Lee Lead is now the Scribe of {_incident.Reference}.", role.Text);
        Assert.Equal("Gus Guest has no IncidentHub account with the same email as in Slack, so they cannot hold a role. An admin can add them.", guest.Text);
        Assert.Equal(_sam.Actor.UserId, detail.LeadId);
        Assert.Equal(_lead.Actor.UserId, detail.Roles.Single(r => r.Kind == IncidentRoleKind.Scribe).UserId);
        Assert.Null(detail.Roles.Single(r => r.RoleName == "Communications Lead").UserId);
    }

    [Theory]
    [InlineData("status sideways", "Say which status: *\\/inc status <status>*. {ref} is Triage; it can move to Investigating, Fixing, Monitoring, Declined.")]
    [InlineData("severity apocalyptic", "Say which severity: *\\/inc severity <name>*, one of Critical, Major, Minor.")]
    [InlineData("update", "Write the update after the command: *\\/inc update Rolled back the deploy; errors are falling.*")]
    [InlineData("lead sam", "Mention exactly one person, with @, so Slack links them: *\\/inc lead @person <note>*.")]
    [InlineData("lead <@U0SAM|sam>", "Write a short note for Sam Okafor: where things stand and what is in flight.")]
    [InlineData("role janitor <@U0SAM>", "Say which role and who: *\\/inc role <role> @person*. Roles: Incident Lead, Communications Lead, Scribe.")]
    [InlineData("status closed", "An incident in Triage cannot be closed: accept it or decline it first.")]
    public async Task ABadArgument_SaysWhatWouldWork(string text, string expected)
    {
        var (status, answer) = await IncAsync(text);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.Replace("\\/", "/", StringComparison.Ordinal).Replace("{ref}", _incident.Reference, StringComparison.Ordinal), answer);
        Assert.Equal(IncidentStatus.Triage, (await DetailAsync()).Status);
    }

    [Fact]
    public async Task AnUnknownSubcommand_ListsWhatWorks()
    {
        var (_, text) = await IncAsync("dance");

        Assert.StartsWith("I don't know */inc dance*. Here is what works:", text, StringComparison.Ordinal);
        Assert.Contains("*/inc update <text>* — post an update", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommands() =>
        Assert.Equal(IncidentHub.Web.Slack.SlackCommands.Help("/inc"), (await IncAsync("help")).Text);

    [Fact]
    public async Task OutsideAnIncidentChannel_SaysWhereItWorks()
    {
        var (_, text) = await IncAsync("update all good", channel: "C0RANDOM");

        Assert.Equal("This channel is not an incident's channel. Run */inc update* in the incident's channel, or */inc declare <name>* to declare one.", text);
    }

    [Fact]
    public async Task AViewerOnSomeoneElsesIncident_OrAGuest_IsRefused_AndNothingChanges()
    {
        var viewer = await IncAsync("status investigating", user: "U0VIC");
        var guest = await IncAsync("update hello", user: "U0GUEST");

        Assert.Equal("You act in IncidentHub as Vic Viewer, a Viewer, who cannot change this incident: a Viewer changes only the incidents they declared or hold a role on. Ask the incident's lead for a role, or Ada Admin (an IncidentHub admin) for the Responder role.", viewer.Text);
        Assert.Equal("Guests of this Slack workspace can follow incidents here but cannot change this incident. Ask someone on the incident, or a full member of the workspace, to do it for you; for anything else, ask Ada Admin (an IncidentHub admin).", guest.Text);
        Assert.Equal(IncidentStatus.Triage, (await DetailAsync()).Status);
    }

    [Fact]
    public async Task AViewer_Declares_AndRunsTheirIncidentFromItsChannel()
    {
        var declare = await IncAsync("declare Printers on fire", user: "U0VIC", channel: "C0RANDOM", trigger: "viewer-trigger");
        var (theirs, channel) = await _slack.DeclareWithChannelAsync(_viewer, "Printers on fire");

        var update = await IncAsync("update Paper tray 3 is smoking.", user: "U0VIC", channel: channel);

        Assert.Null(declare.Text);
        Assert.Contains(_slack.Slack.Calls("views.open"), c => c["trigger_id"] == "viewer-trigger");
        Assert.Equal($"Update posted to {theirs.Reference}.", update.Text);
        Assert.True(await _slack.QueryAsync(db => db.IncidentUpdates.AnyAsync(u => u.IncidentId == theirs.Id && u.AuthorId == _viewer.Actor.UserId, Ct)));
    }

    [Fact]
    public async Task AFullMemberWithoutAnAccount_MayDeclare_ButAGuestIsToldWhoCanHelp()
    {
        var member = await IncAsync("declare Printers on fire", user: "U0SLACK", channel: "C0RANDOM", trigger: "member-trigger");
        var guest = await IncAsync("declare Printers on fire", user: "U0GUEST", channel: "C0RANDOM", trigger: "guest-trigger");

        Assert.Null(member.Text);
        Assert.Contains(_slack.Slack.Calls("views.open"), c => c["trigger_id"] == "member-trigger");
        Assert.Equal("Guests of this Slack workspace can follow incidents here but cannot declare incidents. Ask someone on the incident, or a full member of the workspace, to do it for you; for anything else, ask Ada Admin (an IncidentHub admin).", guest.Text);
        Assert.DoesNotContain(_slack.Slack.Calls("views.open"), c => c["trigger_id"] == "guest-trigger");
    }

    [Fact]
    public async Task Declare_OpensTheFormWithTheNameFilledIn_AndTheSeveritiesWithTheirGuidance()
    {
        var (status, text) = await IncAsync("declare Search is slow", channel: "C0RANDOM", trigger: "declare-trigger");

        Assert.Equal((HttpStatusCode.OK, (string?)null), (status, text));
        var call = Assert.Single(_slack.Slack.Calls("views.open"), c => c["trigger_id"] == "declare-trigger");
        using var view = JsonDocument.Parse(call["view"]!);
        var blocks = view.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("incidenthub_declare", view.RootElement.GetProperty("callback_id").GetString());
        Assert.Equal("Search is slow", blocks[0].GetProperty("element").GetProperty("initial_value").GetString());
        // The limit shows before it is reached; Slack refuses more with its own message.
        Assert.Equal(("Up to 200 characters.", 200), (blocks[0].GetProperty("hint").GetProperty("text").GetString(), blocks[0].GetProperty("element").GetProperty("max_length").GetInt32()));
        var options = blocks[1].GetProperty("element").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetProperty("text").GetString()).ToList();
        Assert.Equal(["Critical", "Major", "Minor"], options);
        Assert.Equal("context", blocks[2].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Declare_WithANameOverTheLimit_IsRefusedWithTheLimit_AndGivesTheNameBack()
    {
        var name = "Timeouts on https://api.example.com/v1/payments/" + new string('x', 160);

        var (_, text) = await IncAsync("declare " + name, channel: "C0RANDOM", trigger: "long-name-trigger");

        Assert.StartsWith($"The name can be at most 200 characters; this one has {name.Length} ({name.Length - 200} too many). Nothing was saved.", text, StringComparison.Ordinal);
        Assert.Contains($"```{name}```", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.Slack.Calls("views.open"), c => c["trigger_id"] == "long-name-trigger");
    }

    [Fact]
    public async Task AnActionOverTheLimit_IsRefusedWithTheLimit_GivesTheTextBack_AndAddsNothing()
    {
        var title = "Roll back the gateway " + new string('z', 190);

        var (_, text) = await IncAsync("action " + title, user: "U0SAM");

        Assert.StartsWith($"An action can be at most 200 characters; this one has {title.Length} ({title.Length - 200} too many). Nothing was saved.", text, StringComparison.Ordinal);
        Assert.Contains($"```{title}```", text, StringComparison.Ordinal);
        Assert.Empty((await DetailAsync()).Actions);
    }

    [Fact]
    public async Task Declare_WhenSlackWillNotOpenTheForm_SaysSo()
    {
        var response = await _slack.Requests.CommandAsync(Command("", "U0LEE", _channel, triggerId: "expired"), Ct);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Slack did not open the declare form (expired_trigger_id). Try again, or declare in IncidentHub.", json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SslCheck_IsAnswered()
    {
        var response = await _slack.Requests.CommandAsync("ssl_check=1&token=verification", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text=hello&user_id=U0LEE")]
    [InlineData("{\"command\":\"/inc\"}")]
    [InlineData("")]
    [InlineData("command=%2Finc&command=%2Fother&user_id=U0LEE&channel_id=C1")]
    public async Task AMalformedCommand_IsABadRequest(string form)
    {
        var response = await _slack.Requests.CommandAsync(form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnUnsignedCommand_IsUnauthorised_AndChangesNothing()
    {
        var response = await _slack.Requests.SendAsync("/slack/commands", Command("resolve", "U0LEE", _channel), "application/x-www-form-urlencoded", sign: false, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(IncidentStatus.Triage, (await DetailAsync()).Status);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
