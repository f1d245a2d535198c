namespace IncidentHub.Core.Reviews;

/// <summary>
/// How well an incident kept its update cadence: updates posted on time or late, updates skipped (with their
/// reasons), and the longest silence, the longest stretch without an update (from the declaration, between updates,
/// and from the last update to the end). A skip is a decision, but it is still silence for everyone else.
/// </summary>
public sealed record CadenceAdherence(
    int OnTime,
    int Late,
    IReadOnlyList<SkippedUpdate> Skipped,
    TimeSpan LongestSilence,
    DateTimeOffset LongestSilenceFrom,
    DateTimeOffset LongestSilenceTo)
{
    public static CadenceAdherence Compute(
        DateTimeOffset declaredAt,
        IEnumerable<PostedUpdate> updates,
        IEnumerable<SkippedUpdate> skipped,
        DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(skipped);
        var posted = updates.OrderBy(u => u.PostedAt).ToList();
        var onTime = posted.Count(u => u.DueAt is not { } due || u.PostedAt <= due);

        var marks = new List<DateTimeOffset> { declaredAt };
        marks.AddRange(posted.Select(u => u.PostedAt));
        marks.Add(end < declaredAt ? declaredAt : end);
        var (from, to) = (declaredAt, declaredAt);
        for (var i = 1; i < marks.Count; i++)
        {
            if (marks[i] - marks[i - 1] > to - from)
            {
                (from, to) = (marks[i - 1], marks[i]);
            }
        }

        return new CadenceAdherence(onTime, posted.Count - onTime, skipped.OrderBy(s => s.At).ToList(), to - from, from, to);
    }
}

public sealed record PostedUpdate(DateTimeOffset PostedAt, DateTimeOffset? DueAt);

public sealed record SkippedUpdate(string By, string Reason, DateTimeOffset At);
