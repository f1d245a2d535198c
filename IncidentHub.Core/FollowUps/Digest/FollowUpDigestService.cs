using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.FollowUps.Digest;

/// <summary>Admins choose when the weekly follow-up digest goes out; everyone signed in may read when it does.</summary>
public sealed class FollowUpDigestService(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    public async Task<FollowUpDigestView> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var s = await db.FollowUpDigestSettings.AsNoTracking().SingleAsync(x => x.Id == FollowUpDigestSettings.SingletonId, cancellationToken);
        return new FollowUpDigestView(s.IsEnabled, s.Day, s.Hour, s.TimeZoneId, s.SavedAt, s.SavedBy, s.LastSentAt, FollowUpDigestSchedule.Next(s, time.GetUtcNow()), s.Version);
    }

    public async Task SaveAsync(Actor actor, FollowUpDigestForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        if (form.Hour is not (>= 0 and <= 23))
        {
            throw ValidationFailedException.For(nameof(form.Hour), "Choose an hour from 0 to 23.");
        }

        if (!Enum.IsDefined(form.Day))
        {
            throw ValidationFailedException.For(nameof(form.Day), "Choose a day of the week.");
        }

        var zoneId = form.TimeZoneId?.Trim() ?? "";
        if (zoneId.Length is 0 or > FollowUpDigestSettings.TimeZoneIdMaxLength || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _))
        {
            throw ValidationFailedException.For(nameof(form.TimeZoneId), "Choose a time zone from the list (this server does not know that one).");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.FollowUpDigestSettings.SingleAsync(x => x.Id == FollowUpDigestSettings.SingletonId, cancellationToken);
        if (settings.Version != form.Version)
        {
            throw new ConflictException($"{settings.SavedBy ?? "Someone"} changed the digest's schedule while you were editing it. Look at the schedule now and save yours again if you still want it.");
        }

        settings.Change(form.IsEnabled, form.Day, form.Hour.Value, zoneId, actor, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone changed the digest's schedule while you were editing it. Look at the schedule now and save yours again if you still want it.");
        }
    }
}

/// <summary>The digest's schedule as the admin page shows it; <see cref="NextAt"/> null while it is off.</summary>
public sealed record FollowUpDigestView(
    bool IsEnabled,
    DayOfWeek Day,
    int Hour,
    string TimeZoneId,
    DateTimeOffset? SavedAt,
    string? SavedBy,
    DateTimeOffset? LastSentAt,
    DateTimeOffset? NextAt,
    Guid Version);

/// <summary>An admin's choice of schedule, as typed.</summary>
public sealed class FollowUpDigestForm
{
    public bool IsEnabled { get; set; } = true;

    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    public int? Hour { get; set; } = 9;

    public string? TimeZoneId { get; set; } = "UTC";

    /// <summary>The version the editor started from.</summary>
    public Guid Version { get; set; }
}
