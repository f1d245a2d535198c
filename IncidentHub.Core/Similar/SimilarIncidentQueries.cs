using IncidentHub.Core.Access;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Similar;

/// <summary>
/// "This looks like INC-42": up to five other incidents the viewer may see that are like this one, explainable by
/// construction. Text: the words of the name, summary and customer impact, each weighted by how rare it is across all
/// incidents (inverse document frequency: "authorisation" counts more than "error"), shared name words counting half as
/// much again; structure: the same severity adds a little (services, types and custom fields join here when they
/// exist). No language model and no outside service. On SQLite the word weights and the candidates come from the
/// similarity index (one row per incident): the candidates are the incidents sharing the subject's rarest words, read
/// from at most <see cref="CandidateRowBudget"/> index rows, and each is then scored in full. Elsewhere the candidates
/// are the most recent incidents.
/// </summary>
public sealed class SimilarIncidentQueries(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    public const int MaxResults = 5;

    /// <summary>How many candidates are scored in full.</summary>
    private const int Candidates = 40;

    /// <summary>Below this share of the subject's word weight, an incident is not called similar.</summary>
    private const double MinimumScore = 0.12;

    private const double SameSeverityBonus = 0.05;

    private const int MaxSubjectWords = 24;

    /// <summary>
    /// How many rows of the similarity index the candidates are read from at most: the subject's rarest words are
    /// used until their incidents would pass it (the rarest word always). Rare words decide similarity; at 20,000
    /// incidents this keeps the candidate query to a few milliseconds.
    /// </summary>
    internal int CandidateRowBudget { get; init; } = 5_000;

    /// <summary>Incidents like incident <paramref name="incidentId"/> (empty when the viewer may not see it).</summary>
    public async Task<IReadOnlyList<SimilarIncident>> ForIncidentAsync(Actor viewer, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.Incidents.AsNoTracking().VisibleTo(viewer, db)
            .Where(i => i.Id == incidentId)
            .Select(i => new { i.Name, i.Summary, i.CustomerImpact, i.SeverityId })
            .SingleOrDefaultAsync(cancellationToken);
        return subject is null
            ? []
            : await FindAsync(db, VisibleIds(db, viewer), subject.Name, subject.Summary + "\n" + subject.CustomerImpact, subject.SeverityId, incidentId, cancellationToken);
    }

    /// <summary>
    /// Incidents like incident <paramref name="incidentId"/> that may be named in its chat channel: standard incidents
    /// only (everyone signed in may see them), whoever is in the channel. For the post made once at declaration, in
    /// the chat outbox's own unit of work.
    /// </summary>
    public async Task<IReadOnlyList<SimilarIncident>> ForChannelAsync(IncidentHubDbContext db, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subject = await db.Incidents.AsNoTracking()
            .Where(i => i.Id == incidentId)
            .Select(i => new { i.Name, i.Summary, i.CustomerImpact, i.SeverityId })
            .SingleOrDefaultAsync(cancellationToken);
        var everyone = db.Incidents.AsNoTracking().Where(i => i.Visibility == IncidentVisibility.Standard).Select(i => i.Id);
        return subject is null
            ? []
            : await FindAsync(db, everyone, subject.Name, subject.Summary + "\n" + subject.CustomerImpact, subject.SeverityId, incidentId, cancellationToken);
    }

    /// <summary>Which of these incident numbers are standard incidents now (a post that names them checks just before it goes).</summary>
    public async Task<IReadOnlySet<int>> StillStandardAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Incidents.AsNoTracking()
            .Where(i => numbers.Contains(i.Number) && i.Visibility == IncidentVisibility.Standard)
            .Select(i => i.Number)
            .ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// The incidents someone marked as not related to incident <paramref name="incidentId"/> (either way), that the
    /// viewer may see, newest mark first: the card says they are hidden, by whom, and offers to undo it.
    /// </summary>
    public async Task<IReadOnlyList<HiddenSuggestion>> NotRelatedAsync(Actor viewer, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.Incidents.AsNoTracking().VisibleTo(viewer, db);
        if (!await visible.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            return [];
        }

        var marks = await db.NotRelatedMarks.AsNoTracking()
            .Where(m => m.LowerIncidentId == incidentId || m.HigherIncidentId == incidentId)
            .Select(m => new { Other = m.LowerIncidentId == incidentId ? m.HigherIncidentId : m.LowerIncidentId, m.MarkedByName, m.MarkedAt, m.Id })
            .Join(visible, m => m.Other, i => i.Id, (m, i) => new { m.Id, i.Number, i.Name, m.MarkedByName, m.MarkedAt })
            .ToListAsync(cancellationToken);
        return [.. marks.OrderByDescending(m => m.MarkedAt).ThenByDescending(m => m.Id).Select(m => new HiddenSuggestion(m.Number, m.Name, m.MarkedByName, m.MarkedAt))];
    }

    /// <summary>Incidents like one being declared, as its name and summary are typed.</summary>
    public async Task<IReadOnlyList<SimilarIncident>> ForDraftAsync(Actor viewer, string? name, string? summary, int? severityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, VisibleIds(db, viewer), name ?? "", summary ?? "", severityId, null, cancellationToken);
    }

    private static IQueryable<int> VisibleIds(IncidentHubDbContext db, Actor viewer) =>
        db.Incidents.AsNoTracking().VisibleTo(viewer, db).Select(i => i.Id);

    private async Task<IReadOnlyList<SimilarIncident>> FindAsync(
        IncidentHubDbContext db, IQueryable<int> visibleIds, string name, string body, int? severityId, int? exclude, CancellationToken cancellationToken)
    {
        var nameWords = SimilarityText.Words(name);
        var subjectWords = nameWords.Concat(SimilarityText.Words(body)).Distinct(StringComparer.Ordinal).Take(MaxSubjectWords).ToList();
        if (subjectWords.Count == 0)
        {
            return [];
        }

        var excluded = exclude ?? 0;
        // Incidents marked as not related to this one, either way: never suggested (a draft has none).
        var notRelated = db.NotRelatedMarks
            .Where(m => m.LowerIncidentId == excluded || m.HigherIncidentId == excluded)
            .Select(m => m.LowerIncidentId == excluded ? m.HigherIncidentId : m.LowerIncidentId);
        var useIndex = SearchIndexSql.IsAvailable(db);
        List<int> candidateIds;
        Dictionary<string, double>? indexWeights = null;
        if (useIndex)
        {
            // Word weights first (one statement), then candidates from the rarest words only: the incidents sharing
            // them, scored by the weights they share, read from at most CandidateRowBudget rows of the index (a
            // common word would add thousands of incidents that it barely scores). Every candidate is scored in full below.
            var (incidents, counts) = await SearchIndexSql.IncidentsUsingAsync(db, subjectWords, cancellationToken);
            indexWeights = subjectWords.ToDictionary(w => w, w => Weight(incidents, counts[w]), StringComparer.Ordinal);
            var rare = new List<(string Word, double Weight)>();
            var rows = 0;
            foreach (var word in subjectWords.Where(w => counts[w] > 0).OrderBy(w => counts[w]).ThenBy(w => w, StringComparer.Ordinal))
            {
                if (rare.Count > 0 && rows + counts[word] > CandidateRowBudget)
                {
                    break;
                }

                rare.Add((word, indexWeights[word]));
                rows += counts[word];
            }

            candidateIds = rare.Count == 0
                ? []
                : await SearchIndexSql.IncidentsSharing(db, rare)
                    .Where(c => visibleIds.Contains(c.IncidentId) && c.IncidentId != excluded && !notRelated.Contains(c.IncidentId))
                    .OrderByDescending(c => c.Score).ThenByDescending(c => c.IncidentId)
                    .Select(c => c.IncidentId)
                    .Take(Candidates)
                    .ToListAsync(cancellationToken);
        }
        else
        {
            candidateIds = await db.Incidents.AsNoTracking()
                .Where(i => visibleIds.Contains(i.Id) && i.Id != excluded && !notRelated.Contains(i.Id))
                .OrderByDescending(i => i.DeclaredAt)
                .Select(i => i.Id)
                .Take(Candidates * 10)
                .ToListAsync(cancellationToken);
        }

        if (candidateIds.Count == 0)
        {
            return [];
        }

        var candidates = await db.Incidents.AsNoTracking()
            .Where(i => candidateIds.Contains(i.Id))
            .Select(i => new
            {
                i.Id, i.Number, i.Name, i.Summary, i.CustomerImpact, i.Status, i.SeverityId, SeverityName = i.Severity.Name,
                SeverityRank = i.Severity.Rank, i.DeclaredAt, i.ResolvedAt, i.DeclinedAt,
            })
            .ToListAsync(cancellationToken);
        var texts = candidates.ToDictionary(
            c => c.Id,
            c => (Name: SimilarityText.Words(c.Name).ToHashSet(StringComparer.Ordinal),
                  All: SimilarityText.Words(c.Name + "\n" + c.Summary + "\n" + c.CustomerImpact).ToHashSet(StringComparer.Ordinal)));

        var weights = indexWeights ?? PoolWeights(subjectWords, texts.Values.Select(t => t.All).ToList());
        var subjectWeight = subjectWords.Sum(w => weights[w]);
        var nameSet = nameWords.ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();

        var scored = candidates
            .Select(c =>
            {
                var (cName, cAll) = texts[c.Id];
                var shared = subjectWords.Where(cAll.Contains).ToList();
                var text = shared.Sum(w => weights[w] * (nameSet.Contains(w) && cName.Contains(w) ? 1.5 : 1)) / subjectWeight;
                var sameSeverity = severityId is { } s && s == c.SeverityId;
                return (Incident: c, Shared: shared, Score: text + (sameSeverity && shared.Count > 0 ? SameSeverityBonus : 0), SameSeverity: sameSeverity);
            })
            .Where(x => x.Shared.Count > 0 && x.Score >= MinimumScore)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Incident.DeclaredAt)
            .Take(MaxResults)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var ids = scored.Select(x => x.Incident.Id).ToList();
        var lastUpdates = (await db.IncidentUpdates.AsNoTracking()
                .Where(u => ids.Contains(u.IncidentId))
                .GroupBy(u => u.IncidentId)
                .Select(g => g.OrderByDescending(u => u.PostedAt).ThenByDescending(u => u.Id).Select(u => new { u.IncidentId, u.Message }).First())
                .ToListAsync(cancellationToken))
            .ToDictionary(u => u.IncidentId, u => u.Message);
        var open = (await db.IncidentActions.AsNoTracking()
                .Where(a => ids.Contains(a.IncidentId) && a.Status == ActionStatus.Outstanding)
                .OrderBy(a => a.CreatedAt)
                .Select(a => new { a.IncidentId, a.Title })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.IncidentId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Title).ToList());

        return scored.Select(x =>
        {
            var c = x.Incident;
            var end = c.ResolvedAt ?? c.DeclinedAt;
            var top = x.Shared.OrderByDescending(w => weights[w]).Take(3).ToList();
            var reasons = new List<string> { "both mention " + Quote(top) };
            if (x.SameSeverity)
            {
                reasons.Add($"same severity: {c.SeverityName}");
            }

            var actions = open.GetValueOrDefault(c.Id) ?? [];
            return new SimilarIncident(c.Number, c.Name, c.Status, c.SeverityName, c.SeverityRank, c.DeclaredAt,
                (end ?? now) - c.DeclaredAt, end is null, reasons, top, lastUpdates.GetValueOrDefault(c.Id),
                [.. actions.Take(3)], actions.Count, Math.Round(x.Score, 3));
        }).ToList();
    }

    /// <summary>How much a word says: ln(1 + N / df), where df is how many of N incidents use it.</summary>
    private static double Weight(int incidents, int usingIt) => Math.Log(1 + ((double)Math.Max(1, incidents) / Math.Max(1, usingIt)));

    /// <summary>Word weights among the candidates (the fallback, which has no index to count all incidents with).</summary>
    private static Dictionary<string, double> PoolWeights(IReadOnlyList<string> words, IReadOnlyList<HashSet<string>> pool) =>
        words.ToDictionary(w => w, w => Weight(pool.Count, pool.Count(p => p.Contains(w))), StringComparer.Ordinal);

    private static string Quote(IReadOnlyList<string> words) => words.Count switch
    {
        1 => $"‘{words[0]}’",
        2 => $"‘{words[0]}’ and ‘{words[1]}’",
        _ => string.Join(", ", words.Take(words.Count - 1).Select(w => $"‘{w}’")) + $" and ‘{words[^1]}’",
    };
}
