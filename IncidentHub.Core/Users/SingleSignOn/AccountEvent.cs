namespace IncidentHub.Core.Users.SingleSignOn;

/// <summary>What happened to an account or to how people sign in, kept so that an admin sees it.</summary>
public enum AccountEventKind
{
    /// <summary>A first single sign-on created the account.</summary>
    CreatedAtSignIn,

    /// <summary>A single sign-on found an existing account with the same email and linked it.</summary>
    LinkedAtSignIn,

    /// <summary>The identity provider's groups changed the account role at sign-in.</summary>
    RoleChangedAtSignIn,

    /// <summary>The provider's groups would have taken the last active admin's role away; it was kept.</summary>
    RoleKeptAtSignIn,

    /// <summary>A single sign-on was refused (deactivated account, no mapped group, no email).</summary>
    SignInRefused,

    /// <summary>An admin turned password sign-in off or on.</summary>
    PasswordSignInChanged,
}

/// <summary>
/// One line of the account audit (<c>/admin/sign-in</c>): append-only, in the admin's words. Carries ids and names,
/// never a token or a password.
/// </summary>
public sealed class AccountEvent
{
    public const int TextMax = 1000;

    private AccountEvent()
    {
    }

    internal AccountEvent(string? userId, AccountEventKind kind, string text, DateTimeOffset at)
    {
        UserId = userId;
        Kind = kind;
        Text = text.Length <= TextMax ? text : text[..(TextMax - 1)] + "…";
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>The account it is about (null when no account was involved, e.g. a refused first sign-in).</summary>
    public string? UserId { get; private set; }

    public AccountEventKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
