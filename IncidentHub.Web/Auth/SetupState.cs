using IncidentHub.Core.Users;

namespace IncidentHub.Web.Auth;

/// <summary>Whether the first administrator exists yet. Asked of the database until the answer is yes.</summary>
public sealed class SetupState(DirectoryQueries directory)
{
    private volatile bool _complete;

    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_complete)
        {
            return true;
        }

        _complete = await directory.AnyUsersAsync(cancellationToken);
        return _complete;
    }

    public void MarkComplete() => _complete = true;
}
