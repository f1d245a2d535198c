using System.Security.Cryptography;
using System.Text;

namespace IncidentHub.Core.Users;

/// <summary>
/// The one-time code that first-run set-up asks for, so that whoever reaches a fresh installation first cannot claim
/// it: only someone who can read the installation's console (or chose the code) can. Codes are compared in constant
/// time, ignoring case, spaces and dashes.
/// </summary>
public static class SetupCodes
{
    /// <summary>The shortest code an operator may choose.</summary>
    public const int MinLength = 8;

    /// <summary>No 0/O, 1/I/L: easy to read off a console and type.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A fresh code: 12 characters from 31 (about 59 bits) in three groups, e.g. <c>7KQ4-M2XP-9FHT</c>.</summary>
    public static string Generate()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, 12);
        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    /// <summary>The code as compared: no spaces or dashes, upper case.</summary>
    public static string Normalize(string? code) =>
        string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    public static bool Matches(string expected, string? given)
    {
        ArgumentException.ThrowIfNullOrEmpty(expected);
        var a = Encoding.UTF8.GetBytes(Normalize(expected));
        var b = Encoding.UTF8.GetBytes(Normalize(given));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
