using IncidentHub.Core.Users;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth;

/// <summary>
/// The set-up code this installation asks for on /setup: the one chosen in <c>IncidentHub:SetupCode</c>, or one made
/// up when the process starts and printed in its console (<see cref="FirstRunAnnouncer"/>). Several replicas starting
/// on a fresh database each make their own, so give them a chosen one.
/// </summary>
public sealed class FirstRunCode(IOptions<IncidentHubOptions> options)
{
    private readonly Lazy<string> _generated = new(SetupCodes.Generate);

    public bool IsChosen => !string.IsNullOrWhiteSpace(options.Value.SetupCode);

    public string Code => IsChosen ? options.Value.SetupCode!.Trim() : _generated.Value;
}
