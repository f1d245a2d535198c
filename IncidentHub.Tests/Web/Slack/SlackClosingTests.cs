using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using static IncidentHub.Tests.TestSupport.SlackPayloads;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>
/// <c>/inc resolve</c> opens a form with the same choices as the browser's closing dialog, submitted through the same
/// Core service: errors next to the field they concern, a stale form told so with nothing lost.
/// </summary>
public sealed class SlackClosingTests(SlackAppFixture fixture) : IClassFixture<SlackAppFixture>, IAsyncLifetime
{
    private SlackApp _slack = null!;
    private DeclaredIncident _incident = null!;
    private string _channel = "";
    private int _actionId;
    private string _noticeTitle = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = fixture.Slack;
        (_incident, _channel) = await _slack.DeclareWithChannelAsync(fixture.Lee, "Checkout failing");
        var lee = fixture.Lee.Actor;
        var component = await _slack.App.Get<StatusComponentService>().SaveAsync(_slack.Admin.Actor, new ComponentForm { Name = $"Checkout {_incident.Number}" }, Ct);
        await _slack.App.Get<IncidentService>().ChangeStatusAsync(lee, _incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        _actionId = await _slack.App.Get<ActionService>().AddAsync(lee, _incident.Id, new AddActionRequest { Title = "Rotate the gateway keys" }, Ct);
        // The fixture's app is shared by this class's tests: each notice has its own title.
        _noticeTitle = $"Checkout is failing for some customers ({_incident.Reference})";
        await _slack.App.Get<PublicationService>().PublishAsync(lee, _incident.Id, new PublicNoticeForm
        {
            Title = _noticeTitle,
            Message = "We are working on a fix.",
            Status = PublicStatus.Investigating,
            Impacts = new Dictionary<int, ComponentState> { [component] = ComponentState.PartialOutage },
        }, Ct);
    }

    /// <summary>Runs /inc resolve and returns the ephemeral answer (null when the form opened) and the view Slack was asked to open.</summary>
    private async Task<(string? Text, JsonObject? View)> ResolveCommandAsync(string user = "U0LEE")
    {
        var before = _slack.Slack.Calls("views.open").Count;
        var response = await _slack.Requests.CommandAsync(Command("resolve", user, _channel), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var text = body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.GetProperty("text").GetString();
        var calls = _slack.Slack.Calls("views.open");
        return (text, calls.Count > before ? JsonNode.Parse(calls[^1]["view"]!)!.AsObject() : null);
    }

    private async Task<JsonElement?> SubmitAsync(JsonObject view, string user, Dictionary<string, JsonObject> values)
    {
        var state = new JsonObject();
        foreach (var (block, value) in values)
        {
            state[block] = new JsonObject { ["value"] = value };
        }

        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["name"] = "someone", ["team_id"] = FakeSlack.TeamId },
            ["api_app_id"] = AppId,
            ["view"] = new JsonObject
            {
                ["id"] = "V0CLOSE" + _incident.Number,
                ["type"] = "modal",
                ["callback_id"] = view["callback_id"]!.GetValue<string>(),
                ["private_metadata"] = view["private_metadata"]!.GetValue<string>(),
                ["state"] = new JsonObject { ["values"] = state },
            },
        };
        var response = await _slack.Requests.InteractionAsync("payload=" + Uri.EscapeDataString(payload.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonObject Typed(string? value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    private static JsonObject Picked(string value) => new() { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = value } };

    /// <summary>The form as Slack sends it back when the person changes nothing but the closing update.</summary>
    private Dictionary<string, JsonObject> AsProposed(JsonObject view, string message)
    {
        var values = new Dictionary<string, JsonObject> { ["message"] = Typed(message) };
        foreach (var block in view["blocks"]!.AsArray().Select(b => b!.AsObject()).Where(b => b["type"]!.GetValue<string>() == "input"))
        {
            var id = block["block_id"]!.GetValue<string>();
            var element = block["element"]!.AsObject();
            if (id != "message")
            {
                values[id] = element["type"]!.GetValue<string>() == "radio_buttons"
                    ? Picked(element["initial_option"]!["value"]!.GetValue<string>())
                    : Typed(element["initial_value"]?.GetValue<string>());
            }
        }

        return values;
    }

    private Task<IncidentDetail> DetailAsync() => _slack.App.Get<IncidentQueries>().GetDetailAsync(_incident.Number, Ct)!;

    [Fact]
    public async Task Resolve_OpensTheFormWithThePlan_AndSubmitting_KeepsTheActionAndPublishesTheResolution()
    {
        var (text, view) = await ResolveCommandAsync();

        Assert.Null(text);
        Assert.Equal("incidenthub_close", view!["callback_id"]!.GetValue<string>());
        var blocks = view["blocks"]!.ToJsonString();
        Assert.Contains("Rotate the gateway keys", blocks, StringComparison.Ordinal);
        Assert.Contains("Keep as a follow-up", blocks, StringComparison.Ordinal);
        Assert.Contains(_noticeTitle, blocks, StringComparison.Ordinal);
        Assert.Contains("This incident has been resolved", blocks, StringComparison.Ordinal);
        Assert.Contains("Incident Lead: Lee Lead", blocks, StringComparison.Ordinal);

        var answer = await SubmitAsync(view, "U0LEE", AsProposed(view, "Rolled back the gateway deploy."));

        Assert.Equal("update", answer!.Value.GetProperty("response_action").GetString());
        Assert.Contains($"{_incident.Reference}* is Resolved now", answer.Value.GetProperty("view").GetRawText(), StringComparison.Ordinal);
        var detail = await DetailAsync();
        Assert.Equal(IncidentStatus.Resolved, detail.Status);
        Assert.True(Assert.Single(detail.Actions).IsFollowUp);
        var snapshot = await _slack.App.Get<StatusPageQueries>().GetSnapshotAsync(Ct);
        Assert.DoesNotContain(snapshot.Active, i => i.Title == _noticeTitle);
        Assert.Contains(snapshot.RecentlyResolved, i => i.Title == _noticeTitle);
    }

    [Fact]
    public async Task DroppingWithoutAReason_OrAnEmptyUpdate_IsSaidNextToThoseFields_AndNothingChanges()
    {
        var (_, view) = await ResolveCommandAsync();
        var values = AsProposed(view!, "  ");
        values[$"action_{_actionId}"] = Picked("Drop");

        var answer = await SubmitAsync(view!, "U0LEE", values);

        Assert.Equal("errors", answer!.Value.GetProperty("response_action").GetString());
        var errors = answer.Value.GetProperty("errors");
        Assert.Equal("Say why \"Rotate the gateway keys\" is not being done.", errors.GetProperty($"action_{_actionId}_reason").GetString());
        Assert.Equal("Write the closing update: what fixed it and what happens next.", errors.GetProperty("message").GetString());
        var detail = await DetailAsync();
        Assert.Equal((IncidentStatus.Investigating, ActionStatus.Outstanding), (detail.Status, detail.Actions[0].Status));
    }

    [Fact]
    public async Task AStaleForm_IsToldNextToTheClosingUpdate_AndNothingIsLostOrChanged()
    {
        var (_, view) = await ResolveCommandAsync();
        await _slack.App.Get<IncidentService>().ChangeStatusAsync(fixture.Sam.Actor, _incident.Id, IncidentStatus.Investigating, IncidentStatus.Fixing, Ct);

        var answer = await SubmitAsync(view!, "U0LEE", AsProposed(view!, "Rolled back the gateway deploy."));

        // An errors answer keeps the form open in Slack with everything typed in it.
        Assert.Equal("errors", answer!.Value.GetProperty("response_action").GetString());
        Assert.StartsWith($"Someone else moved {_incident.Reference} to Fixing a moment ago. Nothing was changed", answer.Value.GetProperty("errors").GetProperty("message").GetString(), StringComparison.Ordinal);
        var detail = await DetailAsync();
        Assert.Equal((IncidentStatus.Fixing, ActionStatus.Outstanding, false), (detail.Status, detail.Actions[0].Status, detail.Actions[0].IsFollowUp));
        Assert.Contains((await _slack.App.Get<StatusPageQueries>().GetSnapshotAsync(Ct)).Active, i => i.Title == _noticeTitle);
    }

    [Fact]
    public async Task SomeoneWhoMayNotChangeIt_IsRefusedPlainly_AndNoFormOpens()
    {
        var (text, view) = await ResolveCommandAsync(user: "U0VIC");

        Assert.Null(view);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Contains("change this incident", text, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Investigating, (await DetailAsync()).Status);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
