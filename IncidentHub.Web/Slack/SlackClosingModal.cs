using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Resolution;
using static IncidentHub.Web.Slack.SlackBlocks;

namespace IncidentHub.Web.Slack;

/// <summary>
/// <c>/inc resolve</c>, <c>/inc close</c> and <c>/inc decline</c> in Slack: a modal with the same choices as the
/// browser's closing dialog (the closing update, each outstanding action kept, done or dropped with a reason, a live
/// public notice published with the proposed text or left with a reason, the roles still held), submitted through
/// the same <see cref="ClosingService"/>. The plan the person saw travels in the view's private metadata, so a
/// submission after someone else changed the incident is a conflict, said next to the closing update, with every
/// field kept.
/// </summary>
public sealed class SlackClosingModal(SlackApiClient api, SlackUsers users, ClosingService closing)
{
    public const string CallbackId = "incidenthub_close";

    /// <summary>Slack shows at most 100 blocks in a modal; each action takes two.</summary>
    private const int MaxActions = 40;

    private static readonly TimeSpan OpenBudget = TimeSpan.FromSeconds(2.5);

    /// <returns>Null when the modal opened; otherwise what to tell the person.</returns>
    public async Task<string?> OpenAsync(Actor actor, IncidentDetail incident, IncidentStatus target, string? triggerId, string slackUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(incident);
        if (!incident.Can.Respond)
        {
            return await users.RefusalAsync(slackUserId, actor, "change this incident", cancellationToken);
        }

        if (IncidentLifecycle.RefusalReason(incident.Status, target) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrEmpty(triggerId))
        {
            return "Slack sent no trigger to open the form with. Try again.";
        }

        var plan = await closing.GetPlanAsync(actor, incident.Number, target, cancellationToken);
        if (plan is null)
        {
            return IncidentHub.Core.Access.IncidentAccessRules.NotFoundMessage;
        }

        if (plan.OpenActions.Count > MaxActions)
        {
            return $"{incident.Reference} has {plan.OpenActions.Count} outstanding actions, more than a Slack form can hold ({MaxActions}). " +
                   $"{Verb(target)} it on the incident's page in IncidentHub, where every one is listed.";
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(OpenBudget);
        try
        {
            var call = await api.CallAsync("views.open", budget.Token, ("trigger_id", triggerId), ("view", View(incident, plan)));
            return call.Ok ? null : $"Slack did not open the form ({call.Describe()}). Try again, or {Verb(target).ToLowerInvariant()} it in IncidentHub.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Slack took too long to open the form. Try again, or {Verb(target).ToLowerInvariant()} it in IncidentHub.";
        }
    }

    public async Task<SlackViewResponse> SubmitAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var view = payload.GetProperty("view");
        var user = payload.TryGetProperty("user", out var u) ? u : default;
        var slackUserId = SlackEventMapper.Str(user, "id");
        var seen = Seen.Parse(SlackEventMapper.Str(view, "private_metadata"));
        if (slackUserId is null || seen is null)
        {
            return Error(MessageBlock, "Slack sent an incomplete form. Close it and run the command again.");
        }

        var values = view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var v) ? v : default;
        var request = new CloseIncidentRequest
        {
            Target = seen.Target,
            ExpectedStatus = seen.Expected,
            Message = SlackText.ToPlain(Text(values, MessageBlock) ?? ""),
            Actions = [.. seen.Actions.Select(id => new ActionDecision
            {
                ActionId = id,
                Outcome = Enum.TryParse<ActionOutcome>(Selected(values, ActionBlock(id)), out var outcome) && Enum.IsDefined(outcome) ? outcome : ActionOutcome.KeepAsFollowUp,
                Reason = Text(values, ReasonBlock(id)),
            })],
            Notice = Enum.TryParse<NoticeOutcome>(Selected(values, NoticeBlock), out var notice) && Enum.IsDefined(notice) ? notice : null,
            NoticeTitle = Text(values, NoticeTitleBlock),
            NoticeMessage = Text(values, NoticeMessageBlock),
            NoticeReason = Text(values, NoticeReasonBlock),
            NoticeVersion = seen.Notice,
        };

        var actor = await users.ActorAsync(slackUserId, SlackEventMapper.Str(user, "name") ?? SlackEventMapper.Str(user, "username") ?? slackUserId, cancellationToken);
        try
        {
            await closing.CloseAsync(actor, seen.IncidentId, request, cancellationToken);
            return new SlackViewResponse(UpdateView: Done(seen));
        }
        catch (ValidationFailedException ex)
        {
            var blocks = new Dictionary<string, string>();
            foreach (var (field, messages) in ex.Errors)
            {
                var block = BlockFor(field, seen);
                blocks[block] = blocks.TryGetValue(block, out var before) ? $"{before} {string.Join(" ", messages)}" : string.Join(" ", messages);
            }

            return new SlackViewResponse(blocks);
        }
        catch (ForbiddenException) when (!actor.CanRespond)
        {
            return Error(MessageBlock, await users.RefusalAsync(slackUserId, actor, "change this incident", cancellationToken));
        }
        catch (DomainException ex)
        {
            // A conflict (someone moved it, or published, meanwhile), a refusal, a closed incident: said next to the
            // closing update; the form stays open with everything typed in it.
            return Error(MessageBlock, ex is ConflictException ? $"{ex.Message} Close this form and run the command again to see what is open now." : ex.Message);
        }
    }

    private const string MessageBlock = "message";
    private const string NoticeBlock = "notice";
    private const string NoticeTitleBlock = "notice_title";
    private const string NoticeMessageBlock = "notice_message";
    private const string NoticeReasonBlock = "notice_reason";

    private static string ActionBlock(int id) => string.Create(CultureInfo.InvariantCulture, $"action_{id}");

    private static string ReasonBlock(int id) => string.Create(CultureInfo.InvariantCulture, $"action_{id}_reason");

    private static string BlockFor(string field, Seen seen)
    {
        foreach (var id in seen.Actions)
        {
            if (field == ClosingRules.ActionReasonField(id))
            {
                return ReasonBlock(id);
            }

            if (field == ClosingRules.ActionField(id))
            {
                return ActionBlock(id);
            }
        }

        return field switch
        {
            nameof(CloseIncidentRequest.Notice) => seen.Notice is null ? MessageBlock : NoticeBlock,
            nameof(CloseIncidentRequest.NoticeTitle) => seen.Notice is null ? MessageBlock : NoticeTitleBlock,
            nameof(CloseIncidentRequest.NoticeMessage) => seen.Notice is null ? MessageBlock : NoticeMessageBlock,
            nameof(CloseIncidentRequest.NoticeReason) => seen.Notice is null ? MessageBlock : NoticeReasonBlock,
            // The closing update, and anything with no field in this form (an action added since it opened, say).
            _ => MessageBlock,
        };
    }

    private static SlackViewResponse Error(string block, string message) => new(new Dictionary<string, string> { [block] = message });

    private static string Verb(IncidentStatus target) => target switch
    {
        IncidentStatus.Closed => "Close",
        IncidentStatus.Declined => "Decline",
        _ => "Resolve",
    };

    private static string OutcomeLabel(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.KeepAsFollowUp => "Keep as a follow-up",
        ActionOutcome.MarkDone => "Mark done",
        _ => "Drop, with a reason below",
    };

    private static string View(IncidentDetail incident, ClosingPlan plan)
    {
        var blocks = new JsonArray
        {
            Section($"*{incident.Reference}: {SlackText.Escape(Clip(incident.Name, 500))}* is {incident.Status}. Everything still open is below; one submit applies all of it, or nothing."),
        };
        var message = Multiline();
        if (!string.IsNullOrWhiteSpace(plan.ProposedUpdate))
        {
            message["initial_value"] = plan.ProposedUpdate;
        }

        blocks.Add(Input(MessageBlock, plan.UpdateRequired ? "Closing update: what fixed it, what happens next" : "Why (optional, on the timeline)", message, optional: !plan.UpdateRequired));

        if (plan.OpenActions.Count > 0)
        {
            blocks.Add(Section("*Outstanding actions*"));
        }

        foreach (var action in plan.OpenActions)
        {
            var options = new JsonArray();
            foreach (var outcome in plan.ActionOutcomes)
            {
                options.Add(Option(OutcomeLabel(outcome), outcome.ToString()));
            }

            blocks.Add(Input(ActionBlock(action.Id), Clip(action.Title, 150), new JsonObject
            {
                ["type"] = "radio_buttons",
                ["action_id"] = "value",
                ["options"] = options,
                ["initial_option"] = options[0]!.DeepClone(),
            }, hint: action.OwnerName is null ? "No owner" : $"Owner: {Clip(action.OwnerName, 100)}"));
            blocks.Add(Input(ReasonBlock(action.Id), "Why it is dropped (only when dropping it)", new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = "value",
                ["max_length"] = TextLimits.Reason,
            }, optional: true));
        }

        if (plan.Notice is { } notice)
        {
            blocks.Add(Section($"*The status page still shows this incident:* \"{SlackText.Escape(notice.Title)}\" · {notice.Status}"));
            var options = new JsonArray();
            if (plan.CanPublish)
            {
                options.Add(Option("Publish the resolution now (the text below)", nameof(NoticeOutcome.Publish)));
            }

            options.Add(Option("Leave the status page as it is, and say why", nameof(NoticeOutcome.Leave)));
            blocks.Add(Input(NoticeBlock, "What becomes of the public notice", new JsonObject
            {
                ["type"] = "radio_buttons",
                ["action_id"] = "value",
                ["options"] = options,
                ["initial_option"] = options[0]!.DeepClone(),
            }, hint: plan.CanPublish ? null : "Only the lead, the communications lead or an admin publishes to the status page."));
            if (plan.CanPublish)
            {
                blocks.Add(Input(NoticeTitleBlock, "Title customers read", new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = "value",
                    ["max_length"] = TextLimits.Name,
                    ["initial_value"] = Clip(plan.ProposedNoticeTitle, TextLimits.Name),
                }, optional: true));
                var resolution = Multiline();
                resolution["initial_value"] = plan.ProposedNoticeMessage;
                blocks.Add(Input(NoticeMessageBlock, "Resolution message customers read", resolution, optional: true));
            }

            blocks.Add(Input(NoticeReasonBlock, "Why the status page stays as it is (only when leaving it)", new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = "value",
                ["max_length"] = TextLimits.Reason,
            }, optional: true));
        }

        if (plan.HeldRoles.Count > 0)
        {
            var held = string.Join(", ", plan.HeldRoles.Select(r => $"{SlackText.Escape(r.RoleName)}: {SlackText.Escape(r.UserName ?? "")}"));
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = Clip($"Roles still held: {held}.", 3_000) } },
            });
        }

        var seen = new Seen(incident.Id, incident.Number, incident.Reference, plan.Target, plan.Current, plan.Notice?.Version, [.. plan.OpenActions.Select(a => a.Id)]);
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["private_metadata"] = seen.ToJson(),
            ["title"] = Plain(Clip($"{Verb(plan.Target)} {incident.Reference}", 24)),
            ["submit"] = Plain(Verb(plan.Target)),
            ["close"] = Plain("Cancel"),
            ["blocks"] = blocks,
        }.ToJsonString();
    }

    private static string Done(Seen seen) => new JsonObject
    {
        ["type"] = "modal",
        ["title"] = Plain(Clip($"{seen.Reference} {seen.Target.ToString().ToLowerInvariant()}", 24)),
        ["close"] = Plain("Done"),
        ["blocks"] = new JsonArray { Section($"*{seen.Reference}* is {seen.Target} now, with every decision applied.") },
    }.ToJsonString();

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Clip(mrkdwn, 3_000) },
    };

    private static JsonObject Option(string text, string value) => new() { ["text"] = Plain(Clip(text, 75)), ["value"] = value };

    /// <summary>What the person saw when the form opened, carried in the view's private metadata (Slack's limit: 3,000 characters).</summary>
    private sealed record Seen(int IncidentId, int Number, string Reference, IncidentStatus Target, IncidentStatus Expected, Guid? Notice, IReadOnlyList<int> Actions)
    {
        public string ToJson() => JsonSerializer.Serialize(this, SeenJson);

        public static Seen? Parse(string? json)
        {
            if (string.IsNullOrEmpty(json))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<Seen>(json, SeenJson);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private static readonly JsonSerializerOptions SeenJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
