namespace IncidentHub.Core.Users;

/// <summary>A person as shown in lists and pickers.</summary>
public sealed record UserRef(string Id, string DisplayName);
