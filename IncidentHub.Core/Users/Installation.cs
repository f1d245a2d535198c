namespace IncidentHub.Core.Users;

/// <summary>
/// The one row that says this installation has been set up, written in the same transaction as the first
/// administrator. Its fixed key is what makes the first administrator's creation atomic on every database: set-ups
/// that race all try to insert row <see cref="SingleId"/>, and only one can.
/// </summary>
public sealed class Installation
{
    public const int SingleId = 1;

    private Installation()
    {
    }

    internal Installation(string firstAdminId, DateTimeOffset setUpAt)
    {
        Id = SingleId;
        FirstAdminId = firstAdminId;
        SetUpAt = setUpAt;
    }

    public int Id { get; private set; }

    public string FirstAdminId { get; private set; } = "";

    public DateTimeOffset SetUpAt { get; private set; }

    /// <summary>
    /// An admin turned password sign-in off: people sign in through single sign-on only. It counts only while single
    /// sign-on is configured, so removing that configuration can never lock everyone out.
    /// </summary>
    public bool PasswordSignInDisabled { get; internal set; }
}
