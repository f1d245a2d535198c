using System.Diagnostics.Metrics;

namespace IncidentHub.Web.Metrics;

/// <summary>
/// IncidentHub's own instruments (meter <c>IncidentHub</c>), exported at <c>/metrics</c> with ASP.NET Core's request
/// metrics. Observed values (queue depths, nudges sent) are read when the metrics are collected.
/// </summary>
public sealed class IncidentHubMetrics : IDisposable
{
    public const string MeterName = "IncidentHub";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _circuitsOpen;
    private readonly Histogram<double> _liveFeedLag;
    private readonly Counter<long> _jobsFailed;
    private readonly Counter<long> _replicaMessagesNotSent;

    public IncidentHubMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _circuitsOpen = _meter.CreateUpDownCounter<long>("incidenthub.circuits.open", "{circuit}", "Interactive pages (Blazor circuits) open on this replica.");
        _liveFeedLag = _meter.CreateHistogram<double>("incidenthub.live_feed.lag", "s",
            "From the moment another replica sent a change to the moment this replica handed it to its open pages.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _jobsFailed = _meter.CreateCounter<long>("incidenthub.jobs.failed", "{job}", "Background jobs that ended with an error on this replica.");
        _replicaMessagesNotSent = _meter.CreateCounter<long>("incidenthub.replica.messages_not_sent", "{message}",
            "Changes that could not be sent to the other replicas (Redis unreachable); their pages re-read once it is back.");
    }

    /// <summary>Adds an observed instrument (read at each collection) to the meter.</summary>
    public void Observe(string name, string unit, string description, Func<long?> read) =>
        _meter.CreateObservableGauge(name, () => read() is { } value ? [new Measurement<long>(value)] : Array.Empty<Measurement<long>>(), unit, description);

    /// <summary>Adds an observed, only growing count to the meter.</summary>
    public void ObserveTotal(string name, string unit, string description, Func<long> read) =>
        _meter.CreateObservableCounter(name, read, unit, description);

    public void CircuitOpened() => _circuitsOpen.Add(1);

    public void CircuitClosed() => _circuitsOpen.Add(-1);

    public void LiveFeedLag(TimeSpan lag) => _liveFeedLag.Record(Math.Max(0, lag.TotalSeconds));

    public void JobFailed(string job) => _jobsFailed.Add(1, new KeyValuePair<string, object?>("job", job));

    public void ReplicaMessageNotSent() => _replicaMessagesNotSent.Add(1);

    public void Dispose() => _meter.Dispose();
}
