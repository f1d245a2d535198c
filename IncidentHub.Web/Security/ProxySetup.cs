using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Security;

/// <summary>
/// <c>ForwardedHeaders:*</c>: the reverse proxies (a TLS terminator, a load balancer) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Loopback is always trusted (a proxy on the same machine); add the others by
/// address or network. Only then does the app see the client's own address (for rate limits) and HTTPS (for
/// <c>Secure</c> cookies and HSTS).
/// </summary>
public sealed class ProxySettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>; a list or one comma-separated string.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks, e.g. <c>10.0.0.0/8</c>; a list or one comma-separated string.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to walk back through (one, unless proxies are chained).</summary>
    public int ForwardLimit { get; set; } = 1;

    internal static ProxySettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new ProxySettings
        {
            KnownProxies = List(section.GetSection(nameof(KnownProxies))),
            KnownNetworks = List(section.GetSection(nameof(KnownNetworks))),
            ForwardLimit = section.GetValue(nameof(ForwardLimit), 1),
        };
    }

    private static List<string> List(IConfigurationSection section) =>
        (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .ToList();
}

public static class ProxySetup
{
    public static IServiceCollection AddIncidentHubProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ProxySettings.Read(configuration);
        var errors = Problems(settings).ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(ProxySettings.SectionName, typeof(ProxySettings), errors);
        }

        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    private static IEnumerable<string> Problems(ProxySettings settings)
    {
        foreach (var proxy in settings.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return $"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address (for example 10.0.0.5).";
        }

        foreach (var network in settings.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return $"ForwardedHeaders:KnownNetworks has '{network}', which is not a network (for example 10.0.0.0/8).";
        }

        if (settings.ForwardLimit < 1)
        {
            yield return "ForwardedHeaders:ForwardLimit must be 1 or more.";
        }
    }
}
