using System.Diagnostics;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Counts the SQL commands EF Core sends while a piece of code runs, and only that code's: the count follows the async
/// flow, so tests running beside it do not add to it.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuting = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";
    private static readonly AsyncLocal<Counter?> Current = new();
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];

    public SqlCommandCounter() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Runs <paramref name="work"/> and returns how many SQL commands it sent.</summary>
    public async Task<int> CountAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var counter = new Counter();
        Current.Value = counter;
        try
        {
            await work();
        }
        finally
        {
            Current.Value = null;
        }

        return counter.Commands;
    }

    /// <summary>Runs <paramref name="work"/> and returns the text of every SQL command it sent, in order.</summary>
    public async Task<IReadOnlyList<string>> CaptureAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var counter = new Counter();
        Current.Value = counter;
        try
        {
            await work();
        }
        finally
        {
            Current.Value = null;
        }

        lock (counter.Texts)
        {
            return [.. counter.Texts];
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == CommandExecuting));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuting && Current.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Commands);
            if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data)
            {
                lock (counter.Texts)
                {
                    counter.Texts.Add(data.Command.CommandText);
                }
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private sealed class Counter
    {
        public int Commands;

        public List<string> Texts { get; } = [];
    }
}
