using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

public sealed partial class InsightsQueries
{
    /// <summary>
    /// The few sorted rows each figure needs (the one or two values a percentile lies between, the longest incidents),
    /// asked for by every section and fetched together in one statement (<c>UNION ALL</c> of ordered, limited reads), so
    /// that the report costs one round trip for all its percentiles instead of one or two per figure.
    /// </summary>
    private sealed class Probes
    {
        private readonly List<IQueryable<ProbeRow>> _queries = [];
        private ILookup<int, ProbeRow> _rows = Array.Empty<ProbeRow>().ToLookup(r => r.Tag);

        /// <summary>Asks for some rows (<paramref name="rows"/> already ordered and limited, each with a tag of its own); returns the tag.</summary>
        public int Add(Func<int, IQueryable<ProbeRow>> rows)
        {
            var tag = _queries.Count;
            _queries.Add(rows(tag));
            return tag;
        }

        /// <summary>Asks for the values the <paramref name="p"/> percentile of <paramref name="count"/> values lies between.</summary>
        public int AddPercentile(IQueryable<Measured> values, int count, double p)
        {
            if (count <= 0)
            {
                return -1;
            }

            var (skip, take) = Percentiles.Window(count, p);
            return Add(tag => values.OrderBy(m => m.Seconds).Skip(skip).Take(take).Select(m => new ProbeRow { Tag = tag, Id = m.Id, Seconds = m.Seconds }));
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            if (_queries.Count == 0)
            {
                return;
            }

            var rows = await _queries.Skip(1).Aggregate(_queries[0], (all, next) => all.Concat(next)).ToListAsync(cancellationToken);
            _rows = rows.ToLookup(r => r.Tag);
        }

        /// <summary>The rows for <paramref name="tag"/>, in the order they were asked for.</summary>
        public IReadOnlyList<ProbeRow> Rows(int tag, Func<IEnumerable<ProbeRow>, IOrderedEnumerable<ProbeRow>> order) => [.. order(_rows[tag])];

        public double? Percentile(int tag, int count, double p) =>
            tag < 0 ? null : Percentiles.FromWindow(_rows[tag].Select(r => r.Seconds ?? 0), count, p);
    }

    /// <summary>One row of <see cref="Probes"/>: which request it answers, an incident and a value in seconds.</summary>
    private sealed class ProbeRow
    {
        public int Tag { get; init; }

        public int Id { get; init; }

        public double? Seconds { get; init; }
    }
}
