// Seeds a SQLite database for the status-page load test, or publishes one more public update into it.
//   dotnet run -c Release --project bench/StatusPage -- seed <database-file>
//   dotnet run -c Release --project bench/StatusPage -- publish <database-file> <message>
// It uses the real services, so what it writes is exactly what the app would write.
using IncidentHub.Core;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Users;
using IncidentHub.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

if (args.Length < 2 || args[0] is not ("seed" or "publish"))
{
    Console.Error.WriteLine("usage: seed <database-file> | publish <database-file> <message>");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging();
var options = DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={args[1]}" });
services.AddSingleton<IDbContextFactory<IncidentHubDbContext>>(new ProviderDbContextFactory(options, DatabaseProvider.Sqlite));
services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>().CreateDbContext());
services.AddIdentityCore<AppUser>(o =>
{
    o.Password.RequiredLength = 10;
    o.Password.RequireDigit = false;
    o.Password.RequireLowercase = false;
    o.Password.RequireUppercase = false;
    o.Password.RequireNonAlphanumeric = false;
}).AddEntityFrameworkStores<IncidentHubDbContext>().AddDefaultTokenProviders();
services.AddDataProtection();
services.AddSingleton<IIncidentChangeFeed, Quiet>();
services.AddSingleton<INotificationFeed, Quiet>();
services.AddSingleton<IStatusPageCache, Quiet>();
services.AddIncidentHubCore();
await using var provider = services.BuildServiceProvider();

var factory = provider.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>();
await using (var db = await factory.CreateDbContextAsync())
{
    await db.Database.MigrateAsync();
    await ReferenceData.EnsureAsync(db);
}

var accounts = provider.GetRequiredService<UserAccountService>();
var publication = provider.GetRequiredService<PublicationService>();
if (args[0] == "seed")
{
    var admin = await accounts.CreateFirstAdminAsync(new FirstRunForm
    {
        SetupCode = "BENCH-SEED-CODE",
        DisplayName = "Bench Admin", Email = "bench@example.test", Password = "bench-password-1", ConfirmPassword = "bench-password-1",
    }, "BENCH-SEED-CODE");
    var components = provider.GetRequiredService<StatusComponentService>();
    var ids = new List<int>();
    foreach (var name in new[] { "API", "Dashboard", "Payments", "Webhooks", "Mobile apps" })
    {
        ids.Add(await components.SaveAsync(admin, new ComponentForm { Name = name, Description = $"{name} for all customers" }));
    }

    var incidents = provider.GetRequiredService<IncidentService>();
    var severity = (await provider.GetRequiredService<IncidentQueries>().GetSeveritiesAsync())[0].Id;
    for (var i = 1; i <= 3; i++)
    {
        var declared = await incidents.DeclareAsync(admin, new DeclareIncidentRequest { Name = $"Bench incident {i}", SeverityId = severity });
        await publication.PublishAsync(admin, declared.Id, new PublicNoticeForm
        {
            Title = $"Degraded {(i == 1 ? "payments" : "webhooks")} ({i})",
            Message = "Some requests are slower than usual. We are investigating and will update within 30 minutes.",
            Impacts = new Dictionary<int, ComponentState> { [ids[i % ids.Count]] = ComponentState.DegradedPerformance },
        });
    }

    Console.WriteLine("seeded");
}
else
{
    var admin = (await provider.GetRequiredService<DirectoryQueries>().GetUsersAsync()).First(u => u.Role == AppRole.Admin);
    var actor = new Actor(admin.Id, admin.DisplayName, AppRole.Admin);
    var first = (await provider.GetRequiredService<IncidentQueries>().SearchAsync(actor, new IncidentSearch { Text = "Bench incident 1" })).Items[0];
    await publication.PublishAsync(actor, first.Id, new PublicNoticeForm { Title = "Degraded payments (1)", Message = args[2], Status = PublicStatus.Identified });
    Console.WriteLine("published");
}

return 0;

internal sealed class Quiet : IIncidentChangeFeed, INotificationFeed, IStatusPageCache
{
    public void Publish(IncidentChange change)
    {
    }

    public void Publish(NotificationNotice notice)
    {
    }

    public Task InvalidateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
