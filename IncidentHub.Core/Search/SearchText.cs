using System.Globalization;
using System.Text;

namespace IncidentHub.Core.Search;

/// <summary>
/// What someone typed in the search box, read as words and "quoted phrases": words in any order, each also a prefix
/// ("timeo" finds "timeout"), case and accents ignored by the index. Nothing typed reaches the engine as syntax: each
/// word and phrase is sent quoted, so the engine's own operators (<c>NEAR</c>, <c>OR</c>, <c>*</c>, <c>^</c>, column
/// filters) are only words. What is left out (text beyond the limit, too many words, a quote left open) is said in
/// <see cref="Notes"/>, never dropped silently.
/// </summary>
public sealed record SearchText
{
    /// <summary>Characters read from a query; the rest is ignored, and the page says so.</summary>
    public const int MaxLength = 500;

    /// <summary>Words and phrases used from a query.</summary>
    public const int MaxTerms = 12;

    /// <summary>Words shorter than this are not searched for as prefixes (every word starts with "a").</summary>
    public const int MinPrefixLength = 2;

    private SearchText(IReadOnlyList<SearchTerm> terms, IReadOnlyList<string> notes)
    {
        Terms = terms;
        Notes = notes;
    }

    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>Sentences for the person searching about what was not used.</summary>
    public IReadOnlyList<string> Notes { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchText Parse(string? query)
    {
        var notes = new List<string>();
        var text = (query ?? "").Normalize(NormalizationForm.FormC);
        if (text.Length > MaxLength)
        {
            notes.Add($"Only the first {MaxLength} characters of your search were used.");
            text = text[..MaxLength];
        }

        var terms = new List<SearchTerm>();
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == '"')
            {
                var end = text.IndexOf('"', position + 1);
                if (end < 0)
                {
                    notes.Add("A quote was not closed: the words after it were searched as a phrase.");
                    end = text.Length;
                }

                var words = Words(text[(position + 1)..end]);
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm(words, IsPhrase: words.Count > 1));
                }

                position = end + 1;
                continue;
            }

            var next = text.IndexOf('"', position);
            var chunk = next < 0 ? text[position..] : text[position..next];
            terms.AddRange(Words(chunk).Select(w => new SearchTerm([w], IsPhrase: false)));
            position = next < 0 ? text.Length : next;
        }

        var distinct = terms.DistinctBy(t => string.Join(' ', t.Words)).ToList();
        if (distinct.Count > MaxTerms)
        {
            notes.Add($"Only the first {MaxTerms} words and phrases were searched for.");
            distinct = distinct[..MaxTerms];
        }

        return new SearchText(distinct, notes);
    }

    /// <summary>
    /// The query in SQLite FTS5's syntax: each word a quoted string with a prefix star (<c>"timeo"*</c>), each phrase a
    /// quoted string; implicit AND between them. Quotes cannot occur inside (they split terms), so nothing escapes.
    /// </summary>
    public string ToFts5()
    {
        return string.Join(' ', Terms.Select(t => t.IsPhrase || t.Words[0].Length < MinPrefixLength
            ? "\"" + string.Join(' ', t.Words) + "\""
            : "\"" + t.Words[0] + "\"*"));
    }

    /// <summary>
    /// Letters, digits and the marks that belong to them (accents, the vowel signs of many scripts), the way the index
    /// splits text into words: anything else (punctuation, emoji, operators) separates words.
    /// </summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}

/// <summary>One word (also found as a prefix) or a phrase (its words next to each other, in order).</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool IsPhrase);
