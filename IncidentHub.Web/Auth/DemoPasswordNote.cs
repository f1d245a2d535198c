using System.Collections.Concurrent;

namespace IncidentHub.Web.Auth;

/// <summary>
/// Holds the demo accounts' password, in memory only, until the admin who loaded the demo has seen it once. After a
/// restart it is gone; the admin can then reset a demo account's password on the Users page.
/// </summary>
public sealed class DemoPasswordNote
{
    private readonly ConcurrentDictionary<string, string> _notes = new();

    public void Keep(string adminUserId, string password) => _notes[adminUserId] = password;

    public string? TakeFor(string adminUserId) => _notes.TryRemove(adminUserId, out var password) ? password : null;
}
