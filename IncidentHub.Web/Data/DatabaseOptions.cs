using System.ComponentModel.DataAnnotations;

namespace IncidentHub.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// <c>Database:Provider</c> picks the engine; <c>ConnectionStrings:IncidentHub</c> says where it is. With nothing set,
/// IncidentHub uses a SQLite file in <c>App_Data</c>.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "IncidentHub";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/incidenthub.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start. On by default so that one command runs the app.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Filled from <c>ConnectionStrings:IncidentHub</c>.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"Database:Provider is {Provider} but ConnectionStrings:IncidentHub is empty. Set it (for example with the environment variable ConnectionStrings__IncidentHub).",
                [nameof(ConnectionString)]);
        }
    }

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString;
}
