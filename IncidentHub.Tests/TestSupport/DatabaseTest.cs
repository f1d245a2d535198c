namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Base for service and query tests that run on every database provider. Write the facts in an abstract class
/// deriving from this, then add one tiny concrete class per provider:
/// <code>
/// public sealed class FooTests_Sqlite(SqliteTestDatabase db) : FooTests(db), IClassFixture&lt;SqliteTestDatabase&gt;;
/// public sealed class FooTests_PostgreSql(PostgreSqlTestDatabase db) : FooTests(db), IClassFixture&lt;PostgreSqlTestDatabase&gt;;
/// public sealed class FooTests_SqlServer(SqlServerTestDatabase db) : FooTests(db), IClassFixture&lt;SqlServerTestDatabase&gt;;
/// </code>
/// Before each test the database is emptied and a fresh <see cref="ServiceHarness"/> built; when the provider is not
/// available (SQL Server without <c>INCIDENTHUB_TEST_SQLSERVER</c>) the test is skipped with the reason.
/// </summary>
public abstract class DatabaseTest(TestDatabase database) : IAsyncLifetime
{
    private ServiceHarness? _harness;

    protected TestDatabase Database => database;

    /// <summary>The running test's cancellation token, for service calls (xunit cancels it when the run is aborted).</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ServiceHarness Harness => _harness ?? throw new InvalidOperationException("The harness exists once the test has started.");

    public virtual async ValueTask InitializeAsync()
    {
        database.SkipIfUnavailable();
        await database.ResetAsync();
        _harness = new ServiceHarness(database, ConfigureServices);
        // As the app does when it starts: the event consumers take their places before the first change.
        await _harness.Get<IncidentHub.Core.Events.EventDispatcher>().EnsureReadyAsync(Ct);
    }

    /// <summary>Registrations a test class adds to its harness (a chat outbox, say).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
