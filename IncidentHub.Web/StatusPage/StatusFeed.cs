using System.Globalization;
using System.Text;
using System.Xml;
using IncidentHub.Core.Common;
using IncidentHub.Core.StatusPage;

namespace IncidentHub.Web.StatusPage;

/// <summary>
/// An Atom feed of public updates, newest first: one entry per publication. Stored text is made XML-safe again as it
/// is written (rows saved before IncidentHub cleaned text on the way in may hold anything), so the feed cannot fail.
/// </summary>
public static class StatusFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(StatusSnapshot snapshot, string root)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        root = XmlSafeText.Clean(root);
        var entries = snapshot.Active.Concat(snapshot.RecentlyResolved)
            .SelectMany(i => i.Updates.Select(u => (Incident: i, Update: u)))
            .OrderByDescending(e => e.Update.PublishedAt)
            .ToList();
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("title", Atom, "Status updates");
            xml.WriteElementString("id", Atom, $"{root}/status");
            xml.WriteElementString("updated", Atom, Stamp(entries.Count > 0 ? entries[0].Update.PublishedAt : snapshot.GeneratedAt));
            Link(xml, $"{root}/status", "alternate");
            Link(xml, $"{root}/status/feed.atom", "self");
            foreach (var (incident, update) in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"{root}/status#incident-{incident.Id}-{update.PublishedAt.UtcTicks}");
                xml.WriteElementString("title", Atom, XmlSafeText.Clean($"{update.Title} ({update.Status})"));
                xml.WriteElementString("updated", Atom, Stamp(update.PublishedAt));
                Link(xml, $"{root}/status#incident-{incident.Id}", "alternate");
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(XmlSafeText.Clean(update.Message));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("rel", rel);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
