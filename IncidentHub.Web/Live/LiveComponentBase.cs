using IncidentHub.Core.Live;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Web.Live;

/// <summary>
/// A page that stays current: it watches one incident (or all of them) and reloads on the renderer's thread when
/// something changes. Bursts of changes collapse into one reload; the subscription ends when the page goes.
/// </summary>
public abstract partial class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private bool _reloading;
    private bool _dirty;
    private bool _disposed;

    [Inject]
    public required LiveIncidentFeed Feed { get; init; }

    [Inject]
    public required ILogger<LiveComponentBase> Logger { get; init; }

    /// <summary>Start (or move) watching. Null watches every incident.</summary>
    protected void Watch(int? incidentId)
    {
        _subscription?.Dispose();
        _subscription = Feed.Subscribe(incidentId, OnChangeAsync);
    }

    /// <summary>Re-read what the page shows. Called on the renderer's thread.</summary>
    protected abstract Task OnLiveChangeAsync(IncidentChange change);

    private Task OnChangeAsync(IncidentChange change) => InvokeAsync(async () =>
    {
        if (_disposed)
        {
            return;
        }

        if (_reloading)
        {
            _dirty = true;
            return;
        }

        _reloading = true;
        try
        {
            do
            {
                _dirty = false;
                await OnLiveChangeAsync(change);
                StateHasChanged();
            }
            while (_dirty && !_disposed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next change (or a reload) tries again; the page keeps what it showed.
            LogReloadFailed(Logger, ex, change.IncidentId);
        }
        finally
        {
            _reloading = false;
        }
    });

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page could not reload after a change to incident {IncidentId}")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, int incidentId);
}
