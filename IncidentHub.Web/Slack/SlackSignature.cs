using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentHub.Web.Slack;

public enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Invalid,
}

/// <summary>
/// Slack's request signature: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the signing
/// secret. Checked on the raw bytes before anything is parsed, compared in constant time, and refused when the
/// timestamp is more than five minutes from now either way.
/// </summary>
public static class SlackSignature
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static SignatureCheck Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 100_000_000_000
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return SignatureCheck.Stale;
        }

        var expected = Compute(secret, timestamp, body);
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }

    /// <summary>The signature Slack sends for this body at this timestamp (also used by tests and the benchmark).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Encoding.ASCII.GetString(Compute(secret, timestamp, body));

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
        return Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
    }
}
