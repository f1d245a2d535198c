using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Chat;

/// <summary>
/// Who people in a chat system are in IncidentHub. A chat user whose email belongs to an active IncidentHub account
/// acts as that account (with its role); anyone else acts with the default role the installation chose, under their
/// chat name and an external actor id ("slack:U123"), and can never be given an account's powers by a command. Guests
/// of the workspace, bots, and anyone the chat system has not vouched for yet never act above Viewer, whatever their
/// account or the default says: the workspace's own members are who "everyone can declare" means.
/// </summary>
public sealed class ChatUserDirectory(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How long a cached profile is trusted before the adapter asks the chat system again.</summary>
    public static readonly TimeSpan ProfileLifetime = TimeSpan.FromHours(24);

    /// <summary>How the actor id of a Slack user without an account starts.</summary>
    public const string ExternalActorPrefix = "slack:";

    /// <summary>The actor id of a Slack user without an account: "slack:U123".</summary>
    public static string ExternalActorId(string externalId) => ExternalActorPrefix + externalId;

    /// <summary>Reads an external actor id back; false for IncidentHub account ids.</summary>
    public static bool TryParseExternalActorId(string actorId, out string externalId)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        if (actorId.StartsWith(ExternalActorPrefix, StringComparison.Ordinal) && actorId.Length > ExternalActorPrefix.Length)
        {
            externalId = actorId[ExternalActorPrefix.Length..];
            return true;
        }

        externalId = "";
        return false;
    }

    public async Task<ChatUserView?> GetAsync(string externalId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatUsers.AsNoTracking()
            .Where(u => u.ExternalId == externalId)
            .Select(u => new ChatUserView(u.ExternalId, u.DisplayName, u.Email, u.MatchedUserId, u.RefreshedAt) { Kind = u.Kind })
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the cached profile should be refreshed from the chat system (also when its kind is not known).</summary>
    public bool IsStale(ChatUserView? user) =>
        user is null || user.Kind == ChatUserKind.Unknown || time.GetUtcNow() - user.RefreshedAt >= ProfileLifetime;

    /// <summary>The most a chat user of <paramref name="kind"/> may do, whatever their account or the default role.</summary>
    public static AppRole Cap(AppRole role, ChatUserKind kind) =>
        kind == ChatUserKind.Member || role == AppRole.Viewer ? role : AppRole.Viewer;

    /// <summary>Stores what the chat system says about a person and matches them to an account by email.</summary>
    public async Task<ChatUserView> RecordAsync(string externalId, string displayName, string? email, ChatUserKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        var name = Clip(string.IsNullOrWhiteSpace(displayName) ? externalId : displayName.Trim(), TextLimits.PersonName);
        var normalizedEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            string? matched = null;
            if (normalizedEmail is not null)
            {
                var upper = normalizedEmail.ToUpperInvariant();
                matched = await db.Users.AsNoTracking()
                    .Where(u => u.NormalizedEmail == upper)
                    .Select(u => u.Id)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            var user = await db.ChatUsers.SingleOrDefaultAsync(u => u.ExternalId == externalId, cancellationToken);
            if (user is null)
            {
                user = new ChatUser(externalId);
                db.ChatUsers.Add(user);
            }

            var now = time.GetUtcNow();
            user.Refresh(name, normalizedEmail, matched, kind, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone recorded the same person at the same moment: update theirs.
                continue;
            }

            return new ChatUserView(externalId, name, normalizedEmail, matched, now) { Kind = kind };
        }
    }

    /// <summary>
    /// The actor for a chat user: their account when matched and active; a deactivated account may not act; anyone
    /// else acts with <paramref name="defaultRole"/> under their chat name. Guests, bots, people not described yet and
    /// deactivated accounts are <see cref="Actor.IsRestricted"/>: they neither declare nor act through a role they hold.
    /// </summary>
    public async Task<Actor> ActorForAsync(string externalId, string fallbackName, AppRole defaultRole, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cached = await db.ChatUsers.AsNoTracking()
            .Where(u => u.ExternalId == externalId)
            .Select(u => new { u.DisplayName, u.MatchedUserId, u.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        var kind = cached?.Kind ?? ChatUserKind.Unknown;
        if (cached?.MatchedUserId is { } userId)
        {
            var account = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.Id, u.DisplayName, u.Role, u.IsActive })
                .SingleOrDefaultAsync(cancellationToken);
            if (account is not null)
            {
                return new Actor(account.Id, account.DisplayName, Cap(account.IsActive ? account.Role : AppRole.Viewer, kind))
                {
                    Via = TimelineSource.Slack,
                    IsRestricted = kind != ChatUserKind.Member || !account.IsActive,
                };
            }
        }

        var name = cached?.DisplayName is { Length: > 0 } known ? known : string.IsNullOrWhiteSpace(fallbackName) ? externalId : fallbackName;
        return new Actor(ExternalActorId(externalId), Clip(name, TextLimits.PersonName), Cap(defaultRole, kind))
        {
            Via = TimelineSource.Slack,
            IsRestricted = kind != ChatUserKind.Member,
        };
    }

    /// <summary>
    /// What to tell a chat user who may not <paramref name="what"/> (e.g. "declare incidents"): why, and who can help,
    /// by name (the installation's admins).
    /// </summary>
    public async Task<string> RefusalAsync(string externalId, Actor actor, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = await db.ChatUsers.AsNoTracking()
            .Where(u => u.ExternalId == externalId)
            .Select(u => (ChatUserKind?)u.Kind)
            .SingleOrDefaultAsync(cancellationToken) ?? ChatUserKind.Unknown;
        var admins = await db.Users.AsNoTracking()
            .Where(u => u.Role == AppRole.Admin && u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => u.DisplayName)
            .Take(3)
            .ToListAsync(cancellationToken);
        var who = admins.Count switch
        {
            0 => "an IncidentHub admin",
            1 => $"{admins[0]} (an IncidentHub admin)",
            _ => $"{string.Join(", ", admins.Take(admins.Count - 1))} or {admins[^1]} (IncidentHub admins)",
        };
        return kind switch
        {
            ChatUserKind.Guest =>
                $"Guests of this Slack workspace can follow incidents here but cannot {what}. Ask someone on the incident, or a full member of the workspace, to do it for you; for anything else, ask {who}.",
            ChatUserKind.Bot => $"Bots cannot {what} in IncidentHub.",
            ChatUserKind.Unknown =>
                $"IncidentHub could not check your profile with Slack yet, so for now you can only follow incidents here. Try again in a minute; if it keeps happening, ask {who}.",
            _ when actor.IsRestricted =>
                $"Your IncidentHub account ({actor.DisplayName}) is deactivated, so you can only follow incidents here. If that is a mistake, ask {who}.",
            _ when actor.Role == AppRole.Viewer =>
                $"You act in IncidentHub as {actor.DisplayName}, a {actor.Role}, who cannot {what}: a Viewer changes only the incidents they declared or hold a role on. Ask the incident's lead for a role, or {who} for the Responder role.",
            _ => $"You act in IncidentHub as {actor.DisplayName}, a {actor.Role}, who cannot {what}. Ask {who} for the Responder role.",
        };
    }

    /// <summary>The chat id of an IncidentHub account, when the directory has matched one.</summary>
    public async Task<string?> FindExternalIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (TryParseExternalActorId(userId, out var external))
        {
            return external;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatUsers.AsNoTracking()
            .Where(u => u.MatchedUserId == userId)
            .OrderByDescending(u => u.RefreshedAt)
            .Select(u => u.ExternalId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>An active account's email, for finding the person in the chat system.</summary>
    public async Task<string?> GetAccountEmailAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => u.Email)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>A chat user as IncidentHub last heard of them.</summary>
public sealed record ChatUserView(string ExternalId, string DisplayName, string? Email, string? MatchedUserId, DateTimeOffset RefreshedAt)
{
    public ChatUserKind Kind { get; init; }
}
