using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IncidentHub.Web.Attachments;

/// <summary>
/// Short-lived signed links to IncidentHub's own copies of shared images: a link names one attachment and the one
/// signed-in person it was made for, and expires after <see cref="Lifetime"/> (checked by Data Protection's
/// time-limited protector, and again against the app's clock). Only pages that show the incident make them, so a link
/// reaches only people who could see the incident; Slack's URLs and the bot token never reach a browser.
/// </summary>
public sealed class AttachmentLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("IncidentHub.Attachments.Link.v1").ToTimeLimitedDataProtector();

    public string For(long attachmentId, string userId)
    {
        var issued = time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        var token = _protector.Protect(string.Join('|', attachmentId.ToString(CultureInfo.InvariantCulture), issued, userId), Lifetime);
        return "/attachments/" + token;
    }

    /// <summary>The attachment a link names, when it is genuine, unexpired and made for <paramref name="userId"/>.</summary>
    public long? Read(string token, string userId)
    {
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('|', 3);
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedTicks)
            || !string.Equals(parts[2], userId, StringComparison.Ordinal))
        {
            return null;
        }

        var age = time.GetUtcNow().UtcTicks - issuedTicks;
        return age < 0 || age > Lifetime.Ticks ? null : id;
    }
}
