using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Chat;

/// <summary>
/// Who people in a chat system are in IncidentHub. A chat user whose email belongs to an active IncidentHub account
/// acts as that account (with its role); anyone else acts with the default role the installation chose, under their
/// chat name and an external actor id ("slack:U123"), and can never be given an account's powers by a command.
/// </summary>
public sealed class ChatUserDirectory(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How long a cached profile is trusted before the adapter asks the chat system again.</summary>
    public static readonly TimeSpan ProfileLifetime = TimeSpan.FromHours(24);

    /// <summary>The actor id of a chat user without an account: "provider:externalId".</summary>
    public static string ExternalActorId(string provider, string externalId) => $"{provider}:{externalId}";

    /// <summary>Reads an external actor id back; false for IncidentHub account ids.</summary>
    public static bool TryParseExternalActorId(string provider, string actorId, out string externalId)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        var prefix = provider + ":";
        if (actorId.StartsWith(prefix, StringComparison.Ordinal) && actorId.Length > prefix.Length)
        {
            externalId = actorId[prefix.Length..];
            return true;
        }

        externalId = "";
        return false;
    }

    public async Task<ChatUserView?> GetAsync(string provider, string externalId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatUsers.AsNoTracking()
            .Where(u => u.Provider == provider && u.ExternalId == externalId)
            .Select(u => new ChatUserView(u.ExternalId, u.DisplayName, u.Email, u.MatchedUserId, u.RefreshedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the cached profile should be refreshed from the chat system.</summary>
    public bool IsStale(ChatUserView? user) => user is null || time.GetUtcNow() - user.RefreshedAt >= ProfileLifetime;

    /// <summary>Stores what the chat system says about a person and matches them to an account by email.</summary>
    public async Task<ChatUserView> RecordAsync(string provider, string externalId, string displayName, string? email, CancellationToken cancellationToken = default)
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

            var user = await db.ChatUsers.SingleOrDefaultAsync(u => u.Provider == provider && u.ExternalId == externalId, cancellationToken);
            if (user is null)
            {
                user = new ChatUser(provider, externalId);
                db.ChatUsers.Add(user);
            }

            var now = time.GetUtcNow();
            user.Refresh(name, normalizedEmail, matched, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone recorded the same person at the same moment: update theirs.
                continue;
            }

            return new ChatUserView(externalId, name, normalizedEmail, matched, now);
        }
    }

    /// <summary>
    /// The actor for a chat user: their account when matched and active; a deactivated account may not act; anyone
    /// else acts with <paramref name="defaultRole"/> under their chat name.
    /// </summary>
    public async Task<Actor> ActorForAsync(string provider, string externalId, string fallbackName, AppRole defaultRole, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cached = await db.ChatUsers.AsNoTracking()
            .Where(u => u.Provider == provider && u.ExternalId == externalId)
            .Select(u => new { u.DisplayName, u.MatchedUserId })
            .SingleOrDefaultAsync(cancellationToken);
        if (cached?.MatchedUserId is { } userId)
        {
            var account = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.Id, u.DisplayName, u.Role, u.IsActive })
                .SingleOrDefaultAsync(cancellationToken);
            if (account is not null)
            {
                return new Actor(account.Id, account.DisplayName, account.IsActive ? account.Role : AppRole.Viewer) { Via = TimelineSource.Slack };
            }
        }

        var name = cached?.DisplayName is { Length: > 0 } known ? known : string.IsNullOrWhiteSpace(fallbackName) ? externalId : fallbackName;
        return new Actor(ExternalActorId(provider, externalId), Clip(name, TextLimits.PersonName), defaultRole) { Via = TimelineSource.Slack };
    }

    /// <summary>The chat id of an IncidentHub account, when the directory has matched one.</summary>
    public async Task<string?> FindExternalIdAsync(string provider, string userId, CancellationToken cancellationToken = default)
    {
        if (TryParseExternalActorId(provider, userId, out var external))
        {
            return external;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatUsers.AsNoTracking()
            .Where(u => u.Provider == provider && u.MatchedUserId == userId)
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
public sealed record ChatUserView(string ExternalId, string DisplayName, string? Email, string? MatchedUserId, DateTimeOffset RefreshedAt);
