using IncidentHub.Core.Actions;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Updates;

namespace IncidentHub.Web.Slack;

/// <summary>A slash command as Slack sends it (the fields IncidentHub uses).</summary>
public sealed record SlashCommand(string Command, string Text, string UserId, string UserName, string ChannelId, string? TriggerId);

/// <summary>
/// <c>/inc</c>: parses the subcommand and calls the same Core services as the browser, acting as the Slack user's
/// IncidentHub account (matched by email) or, for people without one, with the configured default role (guests and
/// bots: Viewer at most). Every answer is a short ephemeral message; a refusal says what would work and who can help.
/// </summary>
public sealed partial class SlackCommands(
    SlackUsers users,
    ChatUserDirectory directory,
    ChatChannelService channels,
    SlackDeclareModal modal,
    SlackClosingModal closing,
    IncidentQueries queries,
    IncidentService incidents,
    UpdateService updates,
    RoleAssignmentService roles,
    ActionService actions,
    ILogger<SlackCommands> logger)
{
    public static string Help(string command) => string.Join('\n',
        $"*{command}* — declare an incident (opens a form)",
        $"*{command} declare <name>* — declare, with the name filled in",
        "In an incident's channel:",
        $"*{command} update <text>* — post an update",
        $"*{command} status <status>* — Investigating, Fixing, Monitoring, Resolved, Closed or Declined",
        $"*{command} severity <name>* — change the severity",
        $"*{command} lead @person <note>* — offer the lead, with a note on where things stand; they accept by naming themselves: *{command} lead @me*",
        $"*{command} role <role> @person* — give someone a role",
        $"*{command} action <text>* — add an action",
        $"*{command} resolve* — resolve it: the closing update, and what becomes of open actions and the status page (opens a form)",
        $"*{command} close* / *{command} decline* — close a resolved incident, or decline one in Triage (opens the same form)",
        $"*{command} help* — this list");

    /// <returns>The ephemeral reply, or null for none (the declare form opened).</returns>
    public async Task<string?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = (command.Text ?? "").Trim();
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var sub = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        var name = string.IsNullOrEmpty(command.Command) ? "/inc" : command.Command;
        if (sub == "help")
        {
            return Help(name);
        }

        var actor = await users.ActorAsync(command.UserId, command.UserName, cancellationToken);
        try
        {
            if (sub is "" or "declare")
            {
                // Every full member declares, Viewers too; guests, bots and deactivated accounts do not.
                if (!actor.CanDeclare)
                {
                    return await users.RefusalAsync(command.UserId, actor, "declare incidents", cancellationToken);
                }

                // Refused here, not cut to fit the form: the person gets their words back to shorten.
                return rest.Length > TextLimits.Name
                    ? WithTheirText(TextLimits.TooLong("the name", TextLimits.Name, rest.Length), rest)
                    : await modal.OpenAsync(command.TriggerId, rest, cancellationToken);
            }

            if (!Known.Contains(sub))
            {
                return $"I don't know *{name} {SlackText.Escape(sub)}*. Here is what works:\n{Help(name)}";
            }

            var link = await channels.FindByChannelAsync(command.ChannelId, cancellationToken);
            var incident = link is null ? null : await queries.GetDetailAsync(actor, link.IncidentNumber, cancellationToken);
            if (incident is null)
            {
                return $"This channel is not an incident's channel. Run *{name} {sub}* in the incident's channel, or *{name} declare <name>* to declare one.";
            }

            return sub switch
            {
                "update" => await UpdateAsync(actor, incident, rest, name, cancellationToken),
                "status" => await StatusAsync(actor, incident, rest, name, command, cancellationToken),
                "severity" => await SeverityAsync(actor, incident, rest, name, cancellationToken),
                "lead" => await LeadAsync(actor, incident, rest, name, cancellationToken),
                "role" => await RoleAsync(actor, incident, rest, name, cancellationToken),
                "action" => await ActionAsync(actor, incident, rest, name, cancellationToken),
                "close" => await closing.OpenAsync(actor, incident, IncidentStatus.Closed, command.TriggerId, command.UserId, cancellationToken),
                "decline" => await closing.OpenAsync(actor, incident, IncidentStatus.Declined, command.TriggerId, command.UserId, cancellationToken),
                _ => await closing.OpenAsync(actor, incident, IncidentStatus.Resolved, command.TriggerId, command.UserId, cancellationToken),
            };
        }
        catch (ForbiddenException) when (!actor.CanRespond)
        {
            return await users.RefusalAsync(command.UserId, actor, "change this incident", cancellationToken);
        }
        catch (ForbiddenException ex)
        {
            return $"{ex.Message} (In IncidentHub you are {actor.DisplayName}, {actor.Role}.)";
        }
        catch (ValidationFailedException ex) when (sub is "update" or "action")
        {
            // A refused update or action (too long, say) gives the person their text back: Slack does not keep it.
            return WithTheirText(ex.Message, rest);
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>A refusal followed by the person's own words, so that nothing they typed is lost.</summary>
    private static string WithTheirText(string refusal, string text) =>
        $"{refusal} Nothing was saved. Your text, to shorten and send again:\n```{SlackText.Escape(text).Replace("```", "` ` `", StringComparison.Ordinal)}```";

    private static readonly HashSet<string> Known = ["update", "status", "severity", "lead", "role", "action", "resolve", "close", "decline"];

    private async Task<string> UpdateAsync(Actor actor, IncidentDetail incident, string text, string name, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return $"Write the update after the command: *{name} update Rolled back the deploy; errors are falling.*";
        }

        await updates.PostUpdateAsync(actor, incident.Id, new PostUpdateRequest { Message = SlackText.ToPlain(text) }, cancellationToken);
        return $"Update posted to {incident.Reference}.";
    }

    private async Task<string?> StatusAsync(Actor actor, IncidentDetail incident, string text, string name, SlashCommand command, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<IncidentStatus>(text, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(text, out _))
        {
            var statuses = IncidentLifecycle.NextStatuses(incident.Status);
            var next = statuses.Count == 0 ? "none: it is final" : string.Join(", ", statuses);
            return $"Say which status: *{name} status <status>*. {incident.Reference} is {incident.Status}; it can move to {next}.";
        }

        if (IncidentHub.Core.Resolution.ClosingRules.IsEnding(status))
        {
            // Ending it is the same moment as /inc resolve: the form with everything still open.
            return await closing.OpenAsync(actor, incident, status, command.TriggerId, command.UserId, cancellationToken);
        }

        await incidents.ChangeStatusAsync(actor, incident.Id, incident.Status, status, cancellationToken);
        return $"{incident.Reference} is now {status}.";
    }

    private async Task<string> SeverityAsync(Actor actor, IncidentDetail incident, string text, string name, CancellationToken cancellationToken)
    {
        var severities = await queries.GetSeveritiesAsync(cancellationToken: cancellationToken);
        var severity = severities.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase));
        if (severity is null)
        {
            return $"Say which severity: *{name} severity <name>*, one of {string.Join(", ", severities.Select(s => s.Name))}.";
        }

        await incidents.ChangeSeverityAsync(actor, incident.Id, incident.Severity.Id, severity.Id, cancellationToken);
        return $"{incident.Reference} is now {severity.Name}.";
    }

    private async Task<string> LeadAsync(Actor actor, IncidentDetail incident, string text, string name, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(text, cancellationToken);
        if (person.Error is not null)
        {
            return person.Error.Replace("{usage}", $"*{name} lead @person <note>*", StringComparison.Ordinal);
        }

        var request = new OfferLeadRequest { UserId = person.UserId!, Note = SlackText.WithoutMentions(text) };
        await roles.OfferLeadAsync(actor, incident.Id, request, incident.LeadId, cancellationToken);
        return person.UserId == actor.UserId
            ? $"You now lead {incident.Reference}; the update reminders come to you."
            : $"Asked {person.Name} to take the lead of {incident.Reference}, with your note. You lead until they accept: " +
              $"\"I have it\" on the incident page, or *{name} lead* naming themselves here.";
    }

    private async Task<string> RoleAsync(Actor actor, IncidentDetail incident, string text, string name, CancellationToken cancellationToken)
    {
        var roleName = SlackText.WithoutMentions(text);
        var assignable = incident.Roles.Where(r => r.CanAssign).ToList();
        var role = assignable.FirstOrDefault(r => string.Equals(r.RoleName, roleName, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            return $"Say which role and who: *{name} role <role> @person*. Roles: {string.Join(", ", assignable.Select(r => r.RoleName))}.";
        }

        var person = await PersonAsync(text, cancellationToken);
        if (person.Error is not null)
        {
            return person.Error.Replace("{usage}", $"*{name} role {role.RoleName} @person*", StringComparison.Ordinal);
        }

        if (role.Kind == IncidentRoleKind.Lead)
        {
            var withoutRole = text.Remove(text.IndexOf(role.RoleName, StringComparison.OrdinalIgnoreCase), role.RoleName.Length);
            return await LeadAsync(actor, incident, withoutRole, name, cancellationToken);
        }

        await roles.AssignAsync(actor, incident.Id, role.RoleDefinitionId, person.UserId!, role.UserId, cancellationToken);

        return $"{person.Name} is now the {role.RoleName} of {incident.Reference}.";
    }

    private async Task<string> ActionAsync(Actor actor, IncidentDetail incident, string text, string name, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return $"Say what needs doing: *{name} action Roll back the deploy*.";
        }

        await actions.AddAsync(actor, incident.Id, new AddActionRequest { Title = SlackText.ToPlain(text) }, cancellationToken);
        return $"Action added to {incident.Reference}.";
    }

    /// <summary>The IncidentHub account of the person mentioned in <paramref name="text"/>, or what is wrong.</summary>
    private async Task<(string? UserId, string? Name, string? Error)> PersonAsync(string text, CancellationToken cancellationToken)
    {
        var mentioned = SlackText.Mentions(text);
        if (mentioned.Count != 1)
        {
            return (null, null, "Mention exactly one person, with @, so Slack links them: {usage}.");
        }

        await users.RefreshAsync(mentioned, cancellationToken);
        var profile = await directory.GetAsync(mentioned[0], cancellationToken);
        if (profile?.MatchedUserId is not { } userId)
        {
            var who = profile?.DisplayName ?? "That person";
            LogNoAccount(logger, mentioned[0]);
            return (null, null, $"{who} has no IncidentHub account with the same email as in Slack, so they cannot hold a role. An admin can add them.");
        }

        var account = await users.ActorAsync(mentioned[0], profile.DisplayName, cancellationToken);
        return (userId, account.DisplayName, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {SlackUserId} was named in a command but has no IncidentHub account")]
    private static partial void LogNoAccount(ILogger logger, string slackUserId);
}
