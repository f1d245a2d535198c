using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IncidentHub.Core.Chat;

namespace IncidentHub.Web.Slack;

/// <summary>How IncidentHub's words look in Slack: mrkdwn text, the announcement's blocks, the channel topic.</summary>
public static class SlackMessages
{
    /// <summary>Slack's longest channel topic.</summary>
    public const int TopicMax = 250;

    /// <summary>The metadata event type that marks IncidentHub's own posts (and carries the outbox id).</summary>
    public const string MetadataType = "incidenthub_outbox";

    /// <param name="publicUrl">IncidentHub's address, for the links of <see cref="PostOperation.Links"/> (without it they are named, not linked).</param>
    public static string Post(PostOperation post, IReadOnlyList<string> mentionIds, string? publicUrl = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        var text = new StringBuilder();
        foreach (var id in mentionIds)
        {
            text.Append("<@").Append(id).Append("> ");
        }

        text.Append('*').Append(SlackText.Escape(post.Headline)).Append('*');
        if (!string.IsNullOrWhiteSpace(post.Body))
        {
            text.Append('\n').Append(SlackText.Escape(post.Body));
        }

        foreach (var item in post.Links ?? [])
        {
            text.Append("\n• ");
            if (Link(publicUrl, item.Number) is { } url)
            {
                text.Append('<').Append(url).Append('|').Append(SlackText.Escape(item.Title)).Append('>');
            }
            else
            {
                text.Append('*').Append(SlackText.Escape(item.Title)).Append('*');
            }

            text.Append(" — ").Append(SlackText.Escape(item.Detail));
        }

        if (!string.IsNullOrWhiteSpace(post.Context))
        {
            text.Append('\n').Append('_').Append(SlackText.Escape(post.Context)).Append('_');
        }

        return text.ToString();
    }

    /// <summary>A direct message: the headline, the body, the follow-ups it names (linked), and a link to the page it is about.</summary>
    public static string DirectMessage(DirectMessageOperation message, string? publicUrl = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(Post(new PostOperation(message.Headline, message.Body, Links: message.Links), [], publicUrl));
        if (message.Href is { Length: > 0 } href && !string.IsNullOrWhiteSpace(publicUrl))
        {
            text.Append("\n<").Append(publicUrl.TrimEnd('/')).Append(href).Append("|Open in IncidentHub>");
        }

        return text.ToString();
    }

    /// <summary>Metadata that lets IncidentHub recognise one of its posts when the outcome of sending it was unknown.</summary>
    public static string Metadata(long outboxId) => new JsonObject
    {
        ["event_type"] = MetadataType,
        ["event_payload"] = new JsonObject { ["outbox_id"] = outboxId.ToString(CultureInfo.InvariantCulture) },
    }.ToJsonString();

    public static string Topic(string topic) => topic.Length <= TopicMax ? topic : topic[..(TopicMax - 1)] + "…";

    /// <summary>The announcement's plain text (notifications, fallbacks) and its blocks.</summary>
    public static (string Text, string Blocks) Announcement(ChatIncidentCard card, string? channelId, string? publicUrl)
    {
        ArgumentNullException.ThrowIfNull(card);
        var headline = $"{card.Reference}: {card.Name}";
        var facts = $"Status *{card.Status}* · Severity *{SlackText.Escape(card.SeverityName)}* · Lead *{SlackText.Escape(card.LeadName)}*";
        var lines = new StringBuilder().Append('*').Append(SlackText.Escape(headline)).Append("*\n").Append(facts);
        if (channelId is not null)
        {
            lines.Append("\nJoin <#").Append(channelId).Append("> to help.");
        }

        if (!string.IsNullOrWhiteSpace(card.CustomerImpact))
        {
            lines.Append("\n_Customer impact:_ ").Append(SlackText.Escape(Clip(card.CustomerImpact, 500)));
        }

        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = lines.ToString() },
            },
        };
        if (Link(publicUrl, card.Number) is { } link)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = $"<{link}|Open {card.Reference} in IncidentHub>" } },
            });
        }

        return ($"{headline} ({card.Status}, {card.SeverityName}, lead {card.LeadName})", blocks.ToJsonString());
    }

    public static string? Link(string? publicUrl, int number) =>
        string.IsNullOrWhiteSpace(publicUrl) ? null : publicUrl.TrimEnd('/') + "/incidents/" + number.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
