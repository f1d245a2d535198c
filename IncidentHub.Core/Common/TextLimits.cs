namespace IncidentHub.Core.Common;

/// <summary>Lengths shared by the forms, the services and the database columns.</summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int LongText = 10_000;
    public const int PersonName = 200;
    public const int Reason = 1_000;
}
