using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth;

/// <summary>
/// On a fresh installation, says in the console, once the server listens, which address to open and which set-up
/// code to enter there. Says nothing once the first administrator exists.
/// </summary>
public sealed partial class FirstRunAnnouncer(
    IServer server,
    SetupState setup,
    FirstRunCode code,
    IOptions<IncidentHubOptions> options,
    ILogger<FirstRunAnnouncer> logger) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service has started, the web server included, so its addresses are known.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await setup.IsCompleteAsync(cancellationToken))
            {
                LogSetUp(logger);
                return;
            }

            var where = string.Join(" or ", SetupAddresses());
            if (code.IsChosen)
            {
                LogChosenCode(logger, where);
            }
            else
            {
                LogGeneratedCode(logger, where, code.Code);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<string> SetupAddresses()
    {
        if (options.Value.PublicRoot is { } root)
        {
            return [root + FirstRunGate.SetupPath];
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var local = addresses
            .Select(a => a.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/') + FirstRunGate.SetupPath)
            .Distinct()
            .ToList();
        return local.Count > 0 ? local : [FirstRunGate.SetupPath];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "IncidentHub is not set up yet. To create the first administrator, open {SetupAddress} and enter the set-up code {SetupCode}")]
    private static partial void LogGeneratedCode(ILogger logger, string setupAddress, string setupCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "IncidentHub is not set up yet. To create the first administrator, open {SetupAddress} and enter the set-up code set in IncidentHub__SetupCode")]
    private static partial void LogChosenCode(ILogger logger, string setupAddress);

    [LoggerMessage(Level = LogLevel.Debug, Message = "IncidentHub is set up: no first-run code")]
    private static partial void LogSetUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell whether IncidentHub is set up")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
