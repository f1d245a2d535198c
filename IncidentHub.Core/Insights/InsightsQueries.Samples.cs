using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

public sealed partial class InsightsQueries
{
    /// <summary>
    /// The incidents every figure names, looked up in one statement once all figures know theirs: each figure adds its
    /// incidents (in the order it ranks them) and gets a ticket; after <see cref="ResolveAsync"/> the ticket gives up to
    /// <see cref="NamedPerFigure"/> names of those the viewer may see, and counts the others as more, or as private.
    /// </summary>
    private sealed class SampleBook(HashSet<int> hidden)
    {
        private readonly List<IReadOnlyList<int>> _figures = [];
        private Dictionary<int, IncidentRef> _names = [];

        public int Add(IReadOnlyList<int> ids)
        {
            _figures.Add(ids);
            return _figures.Count - 1;
        }

        public async Task ResolveAsync(Scope scope, CancellationToken cancellationToken)
        {
            var shown = _figures.SelectMany(Shown).Distinct().ToList();
            if (shown.Count == 0)
            {
                return;
            }

            _names = await scope.Visible.Where(i => shown.Contains(i.Id))
                .Select(i => new { i.Id, i.Number, i.Name })
                .ToDictionaryAsync(i => i.Id, i => new IncidentRef(i.Number, i.Name), cancellationToken);
        }

        public IncidentSample Sample(int ticket)
        {
            var ids = _figures[ticket];
            if (ids.Count == 0)
            {
                return IncidentSample.None;
            }

            var hiddenCount = ids.Count(hidden.Contains);
            var named = Shown(ids).Where(_names.ContainsKey).Select(id => _names[id]).ToList();
            return new IncidentSample(named, ids.Count - hiddenCount - named.Count, hiddenCount);
        }

        private IEnumerable<int> Shown(IReadOnlyList<int> ids) => ids.Where(id => !hidden.Contains(id)).Take(NamedPerFigure);
    }
}
