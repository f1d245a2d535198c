using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Incidents;

/// <summary>What the declare form (or Slack's declare modal) sends. Validated in the form and again in the service.</summary>
public sealed class DeclareIncidentRequest
{
    [Required(ErrorMessage = "Give the incident a name: what is broken?")]
    [TextLimit(TextLimits.Name, "the name")]
    public string Name { get; set; } = "";

    /// <summary>Required; left empty, the type's default severity fills it first (<c>IncidentTypeService.FillDefaultSeverityAsync</c>).</summary>
    [Required(ErrorMessage = "Pick a severity.")]
    public int? SeverityId { get; set; }

    /// <summary>The incident's type; the default type when empty (and none when there are no types).</summary>
    public int? TypeId { get; set; }

    [TextLimit(TextLimits.LongText, "the summary")]
    public string? Summary { get; set; }

    [TextLimit(TextLimits.LongText, "the customer impact")]
    public string? CustomerImpact { get; set; }

    /// <summary>The incident lead; the declarer when empty.</summary>
    public string? LeadId { get; set; }

    /// <summary>The services it affects (ids from the admins' list); none is fine.</summary>
    public IReadOnlyCollection<int> ServiceIds { get; set; } = [];

    /// <summary>Visible only to the people on it, people the lead lets in, and admins.</summary>
    public bool IsPrivate { get; set; }

    /// <summary>
    /// Give it a channel in the connected chat system (when there is one). The demo data says no, so that loading it
    /// on a Slack-connected installation makes no Slack channels.
    /// </summary>
    public bool OpenChatChannel { get; set; } = true;
}
