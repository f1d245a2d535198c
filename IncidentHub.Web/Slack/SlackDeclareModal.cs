using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;

using static IncidentHub.Web.Slack.SlackBlocks;

namespace IncidentHub.Web.Slack;

/// <summary>The answer to a modal submission: close it, show errors next to fields, or replace it with another view.</summary>
public sealed record SlackViewResponse(IReadOnlyDictionary<string, string>? Errors = null, string? UpdateView = null)
{
    public static SlackViewResponse Close { get; } = new();

    public string? ToJson()
    {
        if (Errors is { Count: > 0 })
        {
            var errors = new JsonObject();
            foreach (var (block, message) in Errors)
            {
                errors[block] = message;
            }

            return new JsonObject { ["response_action"] = "errors", ["errors"] = errors }.ToJsonString();
        }

        return UpdateView is null ? null : new JsonObject { ["response_action"] = "update", ["view"] = JsonNode.Parse(UpdateView) }.ToJsonString();
    }
}

/// <summary>
/// The declare form in Slack (a modal opened by <c>/inc</c>, <c>/inc declare &lt;name&gt;</c> or the shortcut): name,
/// severity with each severity's guidance, summary, customer impact and the affected services. A submission declares through the same
/// <see cref="IncidentService"/> as the browser; a repeated submission of the same form declares nothing more.
/// </summary>
public sealed partial class SlackDeclareModal(
    SlackApiClient api,
    SlackUsers users,
    IncidentQueries queries,
    IncidentService incidents,
    StatusComponentService serviceList,
    IncidentHub.Core.IncidentTypes.IncidentTypeService typeList,
    ChatInboxService inbox,
    ILogger<SlackDeclareModal> logger)
{
    public const string CallbackId = "incidenthub_declare";

    /// <summary>Slack's trigger lives 3 seconds from when Slack sent it; this leaves room for the rest of the request.</summary>
    private static readonly TimeSpan OpenBudget = TimeSpan.FromSeconds(2.5);

    /// <returns>Null when the form opened; otherwise what to tell the person.</returns>
    public async Task<string?> OpenAsync(string? triggerId, string? initialName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId))
        {
            return "Slack sent no trigger to open the form with. Try again.";
        }

        var severities = await queries.GetSeveritiesAsync(cancellationToken: cancellationToken);
        var services = await serviceList.GetAllAsync(cancellationToken: cancellationToken);
        var types = await typeList.GetAllAsync(cancellationToken: cancellationToken);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(OpenBudget);
        try
        {
            var call = await api.CallAsync("views.open", budget.Token, ("trigger_id", triggerId), ("view", View(severities, services, initialName, types)));
            return call.Ok ? null : $"Slack did not open the declare form ({call.Describe()}). Try again, or declare in IncidentHub.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "Slack took too long to open the declare form. Try again, or declare in IncidentHub.";
        }
    }

    public async Task<SlackViewResponse> SubmitAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var view = payload.GetProperty("view");
        var user = payload.TryGetProperty("user", out var u) ? u : default;
        var slackUserId = SlackEventMapper.Str(user, "id");
        var viewId = SlackEventMapper.Str(view, "id");
        if (slackUserId is null || viewId is null)
        {
            return new SlackViewResponse(new Dictionary<string, string> { ["name"] = "Slack sent an incomplete form. Close it and try again." });
        }

        var values = view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var v) ? v : default;
        var severityValue = Selected(values, "severity");
        var typeValue = Selected(values, "type");
        var request = new DeclareIncidentRequest
        {
            Name = Text(values, "name")?.Trim() ?? "",
            SeverityId = int.TryParse(severityValue, NumberStyles.None, CultureInfo.InvariantCulture, out var severityId) ? severityId : null,
            TypeId = int.TryParse(typeValue, NumberStyles.None, CultureInfo.InvariantCulture, out var typeId) ? typeId : null,
            Summary = Text(values, "summary"),
            CustomerImpact = Text(values, "impact"),
            IsPrivate = Checked(values, "private", "private"),
            ServiceIds = [.. SelectedMany(values, "services")
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
                .Where(id => id > 0)],
        };

        var actor = await users.ActorAsync(slackUserId, SlackEventMapper.Str(user, "name") ?? SlackEventMapper.Str(user, "username") ?? slackUserId, cancellationToken);
        if (!actor.CanDeclare)
        {
            return new SlackViewResponse(new Dictionary<string, string>
            {
                ["name"] = await users.RefusalAsync(slackUserId, actor, "declare incidents", cancellationToken),
            });
        }

        try
        {
            await typeList.FillDefaultSeverityAsync(request, cancellationToken);
            RequestValidator.Validate(request);
        }
        catch (ValidationFailedException ex)
        {
            return new SlackViewResponse(ex.Errors.ToDictionary(e => BlockFor(e.Key), e => string.Join(" ", e.Value)));
        }

        var key = "view_submission:" + viewId;
        if (!await inbox.TryRecordHandledAsync(key, "view_submission", cancellationToken))
        {
            LogRepeat(logger, viewId);
            return SlackViewResponse.Close;
        }

        try
        {
            var declared = await incidents.DeclareAsync(actor, request, cancellationToken);
            return new SlackViewResponse(UpdateView: Declared(declared, request.Name, declared.IsPrivate));
        }
        catch (DomainException ex)
        {
            await inbox.ForgetAsync(key, CancellationToken.None);
            return new SlackViewResponse(ex is ValidationFailedException invalid
                ? invalid.Errors.ToDictionary(e => BlockFor(e.Key), e => string.Join(" ", e.Value))
                : new Dictionary<string, string> { ["name"] = ex.Message });
        }
        catch (Exception)
        {
            await inbox.ForgetAsync(key, CancellationToken.None);
            throw;
        }
    }

    internal static string View(
        IReadOnlyList<SeverityView> severities,
        IReadOnlyList<ComponentView> services,
        string? initialName,
        IReadOnlyList<IncidentHub.Core.IncidentTypes.IncidentTypeView>? types = null)
    {
        types ??= [];
        // Slack shows the limit as a hint and refuses more with its own message; the command refuses a longer name first.
        var name = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "value", ["max_length"] = TextLimits.Name };
        if (!string.IsNullOrWhiteSpace(initialName) && initialName.Trim().Length <= TextLimits.Name)
        {
            name["initial_value"] = initialName.Trim();
        }

        var options = new JsonArray();
        foreach (var severity in severities.Take(100))
        {
            var option = new JsonObject { ["text"] = Plain(Clip(severity.Name, 75)), ["value"] = severity.Id.ToString(CultureInfo.InvariantCulture) };
            if (!string.IsNullOrWhiteSpace(severity.Guidance))
            {
                option["description"] = Plain(Clip(severity.Guidance, 75));
            }

            options.Add(option);
        }

        var guidance = new StringBuilder();
        foreach (var severity in severities.Where(s => !string.IsNullOrWhiteSpace(s.Guidance)))
        {
            guidance.Append('*').Append(SlackText.Escape(severity.Name)).Append("*: ").Append(SlackText.Escape(severity.Guidance)).Append('\n');
        }

        var blocks = new JsonArray
        {
            Input("name", "What is broken?", name, hint: TextLimits.Describe(TextLimits.Name)),
        };
        if (types.Count > 0)
        {
            blocks.Add(TypeInput(types));
        }

        // With types that give a severity, leaving it empty takes the type's (Core applies it, or says "Pick a severity.").
        var severityFromType = types.Any(t => t.DefaultSeverityId is not null);
        blocks.Add(Input("severity", "Severity", new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = "value",
            ["placeholder"] = Plain("How bad is it?"),
            ["options"] = options,
        }, optional: severityFromType, hint: severityFromType ? "Leave it empty to take the type's default severity." : null));
        if (guidance.Length > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = Clip(guidance.ToString().TrimEnd(), 3_000) } },
            });
        }

        blocks.Add(Input("summary", "Summary", Multiline(), optional: true, hint: MultilineHint));
        blocks.Add(Input("impact", "What customers experience", Multiline(), optional: true, hint: MultilineHint));
        if (services.Count > 0)
        {
            var serviceOptions = new JsonArray();
            foreach (var service in services.Take(100))
            {
                var facts = service.IsPublic ? "On the status page" : "Internal";
                if (!string.IsNullOrEmpty(service.OwnerTeam))
                {
                    facts += " · " + service.OwnerTeam;
                }

                serviceOptions.Add(new JsonObject
                {
                    ["text"] = Plain(Clip(service.Name, 75)),
                    ["value"] = service.Id.ToString(CultureInfo.InvariantCulture),
                    ["description"] = Plain(Clip(facts, 75)),
                });
            }

            var hint = services.Count > 100
                ? "Slack lists the first 100 services; add the others on the incident's page."
                : "What is broken or degraded. You can change this later.";
            blocks.Add(Input("services", "Affected services", new JsonObject
            {
                ["type"] = "multi_static_select",
                ["action_id"] = "value",
                ["placeholder"] = Plain("Pick the services it affects"),
                ["options"] = serviceOptions,
            }, optional: true, hint: hint));
        }

        blocks.Add(Input("private", "Visibility", new JsonObject
        {
            ["type"] = "checkboxes",
            ["action_id"] = "value",
            ["options"] = new JsonArray
            {
                new JsonObject
                {
                    ["text"] = Plain("Private incident"),
                    ["description"] = Plain("Security, HR or legal: only the people on it see it. A private channel, no announcement."),
                    ["value"] = "private",
                },
            },
        }, optional: true));
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = Plain("Declare an incident"),
            ["submit"] = Plain("Declare"),
            ["close"] = Plain("Cancel"),
            ["blocks"] = blocks,
        }.ToJsonString();
    }

    /// <summary>The type picker: each type with its description and defaults, the default type chosen.</summary>
    private static JsonObject TypeInput(IReadOnlyList<IncidentHub.Core.IncidentTypes.IncidentTypeView> types)
    {
        var typeOptions = new JsonArray();
        JsonObject? initial = null;
        foreach (var type in types.Take(100))
        {
            var option = new JsonObject { ["text"] = Plain(Clip(type.Name, 75)), ["value"] = type.Id.ToString(CultureInfo.InvariantCulture) };
            var description = string.IsNullOrWhiteSpace(type.Description) ? type.DescribeDefaults() : type.Description;
            option["description"] = Plain(Clip(description, 75));
            typeOptions.Add(option);
            if (type.IsDefault)
            {
                initial = option.DeepClone().AsObject();
            }
        }

        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = "value",
            ["placeholder"] = Plain("What kind of incident?"),
            ["options"] = typeOptions,
        };
        if (initial is not null)
        {
            element["initial_option"] = initial;
        }

        var defaults = string.Join("\n", types.Take(10).Select(t => $"{t.Name}: {t.DescribeDefaults()}"));
        return Input("type", "Type", element, optional: true, hint: Clip("Empty takes the default type. " + defaults, 2_000));
    }

    private static string Declared(DeclaredIncident declared, string name, bool isPrivate) => new JsonObject
    {
        ["type"] = "modal",
        ["title"] = Plain("Incident declared"),
        ["close"] = Plain("Done"),
        ["blocks"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject
                {
                    ["type"] = "mrkdwn",
                    ["text"] = $"*{declared.Reference}: {SlackText.Escape(name)}* is declared. Its {(isPrivate ? "private " : "")}channel is on its way; you will be invited.",
                },
            },
        },
    }.ToJsonString();

    private static readonly string MultilineHint = string.Create(CultureInfo.InvariantCulture,
        $"Up to {SlackBlocks.SlackInputMax:N0} characters here (Slack's limit); IncidentHub takes up to {TextLimits.LongText:N0} on the incident's page.");

    private static bool Checked(JsonElement values, string block, string value) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(block, out var b) && b.TryGetProperty("value", out var element)
        && element.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array
        && options.EnumerateArray().Any(o => SlackEventMapper.Str(o, "value") == value);

    private static IEnumerable<string> SelectedMany(JsonElement values, string block) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(block, out var b) && b.TryGetProperty("value", out var element)
        && element.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array
            ? [.. options.EnumerateArray().Select(o => SlackEventMapper.Str(o, "value")).OfType<string>()]
            : [];

    private static string BlockFor(string field) => field switch
    {
        nameof(DeclareIncidentRequest.ServiceIds) => "services",
        nameof(DeclareIncidentRequest.SeverityId) => "severity",
        nameof(DeclareIncidentRequest.TypeId) => "type",
        nameof(DeclareIncidentRequest.Summary) => "summary",
        nameof(DeclareIncidentRequest.CustomerImpact) => "impact",
        _ => "name",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Declare form {ViewId} was submitted again; nothing more declared")]
    private static partial void LogRepeat(ILogger logger, string viewId);
}
