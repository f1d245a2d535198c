using System.Text;

namespace IncidentHub.Core.Common;

/// <summary>
/// Comma-separated values as spreadsheets read them (RFC 4180: fields with commas, quotes or line breaks are quoted,
/// quotes doubled). A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
/// return, and is not a plain number) gets a leading apostrophe, so that an incident named "=HYPERLINK(...)" stays text.
/// </summary>
public static class Csv
{
    public static string Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        AppendRow(csv, headers);
        foreach (var row in rows)
        {
            AppendRow(csv, row);
        }

        return csv.ToString();
    }

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) && !IsNumber(text))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
