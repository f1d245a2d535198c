using IncidentHub.Core.Chat;

namespace IncidentHub.Core.FollowUps.Digest;

/// <summary>The digest as a direct message in chat: the same words as in the app, with the follow-ups it names.</summary>
public static class FollowUpDigestMessages
{
    public static DirectMessageOperation ForOwner(OwnerDigest digest, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var more = digest.Outstanding - digest.Listed.Count;
        return new DirectMessageOperation(
            digest.UserId,
            $"Your follow-ups this week: {digest.Summary}.",
            more > 0 ? $"And {more} more on the Follow-ups page." : null,
            [.. digest.Listed.Select(l => new PostLink(l.IncidentNumber, l.Title, FollowUpDigestContent.DueText(l.DueAt, now)))],
            "/follow-ups?view=mine");
    }

    public static DirectMessageOperation ForAdmin(string adminId, AdminDigest digest, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new DirectMessageOperation(
            adminId,
            $"Follow-ups this week: {digest.Summary}.",
            digest.OldestOverdue.Count > 0 ? "The oldest overdue:" : null,
            [.. digest.OldestOverdue.Select(l => new PostLink(l.IncidentNumber, l.Title,
                $"{FollowUpDigestContent.DueText(l.DueAt, now)}, {(l.OwnerName is { Length: > 0 } owner ? owner : "no owner")}"))],
            "/follow-ups?view=all&overdue=true");
    }
}
