using System.Security.Cryptography;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>
/// A random password an admin can read out or paste into a private message: four groups of four lower-case letters
/// and digits, without the look-alikes (0/o, 1/l/i). About 80 bits; the account service still checks the rules.
/// </summary>
public static class PasswordSuggestion
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string Create()
    {
        var characters = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
        return string.Join('-', characters.Chunk(4).Select(group => new string(group)));
    }
}
