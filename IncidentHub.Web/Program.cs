using IncidentHub.Web;
using IncidentHub.Web.Data;

var builder = WebApplication.CreateBuilder(args);

// Serve the framework's and MudBlazor's files from a plain build in any environment; a no-op when published.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddIncidentHub(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.Services.MigrateIncidentHubDatabaseAsync();
app.UseIncidentHub();
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
