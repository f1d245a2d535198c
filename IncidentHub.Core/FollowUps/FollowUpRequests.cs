using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.FollowUps;

public sealed class AddFollowUpRequest
{
    [Required(ErrorMessage = "Say what needs doing.")]
    [TextLimit(TextLimits.Name, "a follow-up")]
    public string Title { get; set; } = "";

    public string? OwnerId { get; set; }

    /// <summary>Due by the end of this instant's day in the writer's zone; none when empty.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public FollowUpPriority Priority { get; set; } = FollowUpPriority.Medium;

    [TextLimit(TextLimits.Url, "the tracker link")]
    public string? TrackerUrl { get; set; }
}

public sealed class PlanFollowUpRequest
{
    public DateTimeOffset? DueAt { get; set; }

    public FollowUpPriority Priority { get; set; } = FollowUpPriority.Medium;

    [TextLimit(TextLimits.Url, "the tracker link")]
    public string? TrackerUrl { get; set; }
}

/// <summary>A tracker link must be an absolute http or https address: anything else would not be a link.</summary>
public static class TrackerLinks
{
    public static string? Check(string? url, string field)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw ValidationFailedException.For(field, "The tracker link must be a web address starting with https:// (or http://).");
        }

        return uri.AbsoluteUri;
    }
}
