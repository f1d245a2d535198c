using System.Globalization;
using IncidentHub.Core.Access;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.FollowUps.Digest;

/// <summary>
/// What the weekly digest says, read in the sweep's transaction. An owner's digest lists only follow-ups on incidents
/// they may see now (<see cref="IncidentAccessRules.VisibleTo(Actor, IncidentHubDbContext)"/>): a private incident's
/// follow-up is never named, nor counted, to an owner who is not one of its members. Follow-ups of declined incidents
/// are left out, as the nudges leave them.
/// </summary>
public static class FollowUpDigestContent
{
    /// <summary>How many follow-ups a digest lists by name (the counts cover them all).</summary>
    public const int ListedLimit = 10;

    /// <summary>The window the admins' completion rate covers: follow-ups created in it.</summary>
    public static readonly TimeSpan CompletionWindow = TimeSpan.FromDays(90);

    public static async Task<OwnerDigest?> ForOwnerAsync(IncidentHubDbContext db, Actor owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(owner);
        var visible = db.Incidents.AsNoTracking().Where(i => i.Status != IncidentStatus.Declined).VisibleTo(owner, db);
        var mine = db.IncidentActions.AsNoTracking()
            .Where(a => a.Kind == ActionKind.FollowUp && a.Status == ActionStatus.Outstanding && a.OwnerId == owner.UserId)
            .Join(visible, a => a.IncidentId, i => i.Id, (a, i) => new { Action = a, Incident = i });
        var outstanding = await mine.CountAsync(cancellationToken);
        if (outstanding == 0)
        {
            return null;
        }

        var overdue = await mine.CountAsync(x => x.Action.DueAt != null && x.Action.DueAt <= now, cancellationToken);
        var listed = await mine
            .OrderBy(x => x.Action.DueAt == null).ThenBy(x => x.Action.DueAt).ThenBy(x => x.Action.Id)
            .Take(ListedLimit)
            .Select(x => new DigestLine(x.Incident.Number, x.Action.Title, x.Action.DueAt, x.Action.OwnerName))
            .ToListAsync(cancellationToken);
        return new OwnerDigest(owner.UserId, outstanding, overdue, listed);
    }

    public static async Task<AdminDigest?> ForAdminsAsync(IncidentHubDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = now - CompletionWindow;
        var followUps = db.IncidentActions.AsNoTracking()
            .Where(a => a.Kind == ActionKind.FollowUp)
            .Join(db.Incidents.AsNoTracking().Where(i => i.Status != IncidentStatus.Declined), a => a.IncidentId, i => i.Id, (a, i) => new { Action = a, Incident = i });
        var recent = followUps.Where(x => x.Action.CreatedAt >= since);
        var created = await recent.CountAsync(cancellationToken);
        var closed = await recent.CountAsync(x => x.Action.Status != ActionStatus.Outstanding, cancellationToken);
        var overdueRows = followUps.Where(x => x.Action.Status == ActionStatus.Outstanding && x.Action.DueAt != null && x.Action.DueAt <= now);
        var overdue = await overdueRows.CountAsync(cancellationToken);
        if (created == 0 && overdue == 0)
        {
            return null;
        }

        var oldest = await overdueRows
            .OrderBy(x => x.Action.DueAt).ThenBy(x => x.Action.Id)
            .Take(5)
            .Select(x => new DigestLine(x.Incident.Number, x.Action.Title, x.Action.DueAt, x.Action.OwnerName))
            .ToListAsync(cancellationToken);
        return new AdminDigest(created, closed, overdue, oldest);
    }

    /// <summary>"overdue by 3 days", "due within a day", "due in 2 days", "no due date": whole days between the due instant and now.</summary>
    public static string DueText(DateTimeOffset? dueAt, DateTimeOffset now)
    {
        if (dueAt is not { } due)
        {
            return "no due date";
        }

        var days = (int)Math.Floor((now - due).TotalDays);
        return (now >= due, days) switch
        {
            (true, 0) => "overdue since today",
            (true, 1) => "overdue by 1 day",
            (true, _) => string.Create(CultureInfo.InvariantCulture, $"overdue by {days} days"),
            (false, _) when due - now <= TimeSpan.FromDays(1) => "due within a day",
            _ => string.Create(CultureInfo.InvariantCulture, $"due in {(int)Math.Ceiling((due - now).TotalDays)} days"),
        };
    }
}

/// <summary>One follow-up named in a digest.</summary>
public sealed record DigestLine(int IncidentNumber, string Title, DateTimeOffset? DueAt, string? OwnerName)
{
    public string Reference => IncidentReference.Format(IncidentNumber);
}

/// <summary>An owner's week: how many follow-ups are outstanding, how many overdue, and the first of them by due date.</summary>
public sealed record OwnerDigest(string UserId, int Outstanding, int Overdue, IReadOnlyList<DigestLine> Listed)
{
    /// <summary>"4 outstanding, 2 of them overdue".</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Outstanding} outstanding{(Overdue == 0 ? "" : $", {Overdue} of them overdue")}");
}

/// <summary>The admins' week: the completion rate of the last 90 days' follow-ups and the oldest overdue ones.</summary>
public sealed record AdminDigest(int CreatedInWindow, int ClosedInWindow, int Overdue, IReadOnlyList<DigestLine> OldestOverdue)
{
    /// <summary>Closed (done or not doing) out of those created in the window, in whole percent; null when none were created.</summary>
    public int? CompletionPercent => CreatedInWindow == 0 ? null : (int)Math.Round(100.0 * ClosedInWindow / CreatedInWindow, MidpointRounding.AwayFromZero);

    /// <summary>"72% of the last 90 days' follow-ups closed (18 of 25); 4 overdue, the oldest from INC-12".</summary>
    public string Summary
    {
        get
        {
            var rate = CompletionPercent is { } percent
                ? string.Create(CultureInfo.InvariantCulture, $"{percent}% of the last 90 days' follow-ups closed ({ClosedInWindow} of {CreatedInWindow})")
                : "no follow-ups created in the last 90 days";
            var late = Overdue == 0
                ? "none overdue"
                : string.Create(CultureInfo.InvariantCulture, $"{Overdue} overdue, the oldest from {OldestOverdue[0].Reference}");
            return $"{rate}; {late}";
        }
    }
}
