using System.Globalization;
using System.Text;

namespace IncidentHub.Core.Similar;

/// <summary>
/// Words as similarity compares them: lower case, accents removed, a plural "s" dropped ("timeouts" is "timeout"),
/// and the common words of English that say nothing about a failure left out.
/// </summary>
public static class SimilarityText
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "was", "were", "with", "from", "this", "that", "into", "onto", "not", "but", "all",
        "any", "some", "our", "out", "has", "have", "had", "its", "it's", "they", "them", "their", "there", "when",
        "what", "which", "who", "why", "how", "been", "being", "than", "then", "also", "can", "could", "will", "would",
        "should", "may", "might", "after", "before", "during", "about", "over", "under", "again", "more", "most", "very",
        "just", "now", "yet", "only", "still", "see", "seen", "seeing", "getting", "get", "gets", "got", "due", "via",
        "incident", "issue", "issues", "problem", "problems", "customer", "customers", "users", "user", "some", "many",
        "few", "one", "two", "since", "while", "across", "because", "both", "each", "other", "others", "being", "did",
        "does", "doing", "done", "per", "you", "your", "we", "us", "is", "on", "in", "at", "of", "to", "a", "an", "or",
    };

    /// <summary>The distinct words of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush();
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            word.Clear();
            if (w.Length > 4 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
            {
                w = w[..^1];
            }

            if (w.Length >= 3 && !Stopwords.Contains(w) && seen.Add(w))
            {
                words.Add(w);
            }
        }
    }
}
