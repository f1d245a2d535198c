namespace IncidentHub.Core.Users.SingleSignOn;

/// <summary>
/// Who the identity provider says signed in: its stable subject id, and the email, name and groups it sent. Only what
/// the provider signed reaches here (the web adapter reads the validated ID token).
/// </summary>
public sealed record SsoLogin(string Subject, string? Email, string? DisplayName, IReadOnlyList<string> Groups);

/// <summary>Why a single sign-on was refused; <see cref="SingleSignOnService.Describe"/> says it in words.</summary>
public enum SsoRefusal
{
    /// <summary>The IncidentHub account is deactivated.</summary>
    Deactivated,

    /// <summary>The provider sent no usable email address (or no subject).</summary>
    NoEmail,

    /// <summary>In none of the mapped groups, and the default role lets nobody in.</summary>
    NotLetIn,

    /// <summary>The account with that email is linked to another subject at the provider.</summary>
    LinkedElsewhere,

    /// <summary>The provider's answer could not be trusted or the sign-in was cancelled (wrong issuer or audience, ...).</summary>
    Failed,
}

/// <summary>The account that signed in (<see cref="UserId"/>), or why not (<see cref="Refusal"/>).</summary>
public sealed record SsoSignInResult(string? UserId, SsoRefusal? Refusal)
{
    public static SsoSignInResult SignedIn(string userId) => new(userId, null);

    public static SsoSignInResult Refused(SsoRefusal refusal) => new(null, refusal);
}
