using System.Linq.Expressions;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

public sealed partial class InsightsQueries
{
    private static async Task<VolumeInsight> VolumeAsync(
        Scope scope,
        IReadOnlyList<InsightsBucket> buckets,
        Expression<Func<Incident, int>> bucketOf,
        IReadOnlyList<HiddenIncident> hidden,
        CancellationToken cancellationToken)
    {
        var bucketed = Bucketed.Selector(bucketOf);

        // Counted over every incident (with the severity's name and rank); named from the ones the viewer may see, the
        // most severe first; those they may not see are the hidden incidents already known, by bucket.
        var counts = await scope.All.Select(bucketed)
            .GroupBy(b => new { b.Bucket, b.SeverityId, b.Rank, b.SeverityName })
            .Select(g => new { g.Key.Bucket, g.Key.SeverityId, g.Key.Rank, g.Key.SeverityName, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var hiddenCounts = hidden.GroupBy(h => h.Bucket).ToDictionary(g => g.Key, g => g.Count());
        var named = (await scope.Visible.Select(bucketed)
                .GroupBy(b => b.Bucket)
                .Select(g => new
                {
                    g.Key,
                    Top = g.OrderByDescending(b => b.Rank).ThenBy(b => b.DeclaredAt).ThenBy(b => b.Number)
                        .Take(NamedPerFigure)
                        .Select(b => new { b.Number, b.Name })
                        .ToList(),
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Top);
        var series = counts
            .GroupBy(c => c.SeverityId)
            .Select(g => new SeverityCount(g.Key, g.First().SeverityName, g.First().Rank, g.Sum(c => c.Count)))
            .OrderByDescending(s => s.SeverityRank).ThenBy(s => s.SeverityName, StringComparer.Ordinal)
            .ToList();
        var rows = buckets.Select(bucket =>
        {
            var inBucket = counts.Where(c => c.Bucket == bucket.Index).ToDictionary(c => c.SeverityId, c => c.Count);
            var bySeverity = series.Select(s => s with { Count = inBucket.GetValueOrDefault(s.SeverityId) }).ToList();
            var total = bySeverity.Sum(s => s.Count);
            var visibleCount = total - hiddenCounts.GetValueOrDefault(bucket.Index);
            var names = named.TryGetValue(bucket.Index, out var top) ? top.Select(b => new IncidentRef(b.Number, b.Name)).ToList() : [];
            return new VolumeBucket(bucket, bySeverity, new IncidentSample(names, visibleCount - names.Count, total - visibleCount));
        }).ToList();
        return new VolumeInsight(rows, series);
    }

    /// <summary>An incident with the bucket it was declared in.</summary>
    private sealed class Bucketed
    {
        public int Bucket { get; init; }

        public int Id { get; init; }

        public int Number { get; init; }

        public string Name { get; init; } = "";

        public int SeverityId { get; init; }

        public int Rank { get; init; }

        public string SeverityName { get; init; } = "";

        public DateTimeOffset DeclaredAt { get; init; }

        /// <summary><c>i => new Bucketed { Bucket = bucketOf(i), Id = i.Id, ... }</c>, for the database.</summary>
        public static Expression<Func<Incident, Bucketed>> Selector(Expression<Func<Incident, int>> bucketOf)
        {
            var i = bucketOf.Parameters[0];
            Expression<Func<Incident, int>> rank = x => x.Severity.Rank;
            var rankBody = new Rebind(rank.Parameters[0], i).Visit(rank.Body);
            Expression<Func<Incident, string>> severityName = x => x.Severity.Name;
            var severityNameBody = new Rebind(severityName.Parameters[0], i).Visit(severityName.Body);
            return Expression.Lambda<Func<Incident, Bucketed>>(
                Expression.MemberInit(
                    Expression.New(typeof(Bucketed)),
                    Bind(nameof(Bucket), bucketOf.Body),
                    Bind(nameof(Id), Expression.Property(i, nameof(Incident.Id))),
                    Bind(nameof(Number), Expression.Property(i, nameof(Incident.Number))),
                    Bind(nameof(Name), Expression.Property(i, nameof(Incident.Name))),
                    Bind(nameof(SeverityId), Expression.Property(i, nameof(Incident.SeverityId))),
                    Bind(nameof(Rank), rankBody),
                    Bind(nameof(SeverityName), severityNameBody),
                    Bind(nameof(DeclaredAt), Expression.Property(i, nameof(Incident.DeclaredAt)))),
                i);
        }

        private static MemberAssignment Bind(string property, Expression value) =>
            Expression.Bind(typeof(Bucketed).GetProperty(property)!, value);
    }

    /// <summary>Swaps one lambda parameter for another, to splice expressions together.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
