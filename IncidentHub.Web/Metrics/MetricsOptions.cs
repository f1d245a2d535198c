using System.Net;

namespace IncidentHub.Web.Metrics;

/// <summary>
/// <c>Metrics:AllowedNetworks</c>: networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose scrapers may read <c>/metrics</c>
/// without signing in. Empty (the default): only admins, signed in.
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public IReadOnlyList<IPNetwork> AllowedNetworks { get; init; } = [];

    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return AllowedNetworks.Any(n => n.Contains(plain));
    }

    /// <summary>Reads the setting (a list, or one comma-separated string); a value that is not a network stops the start.</summary>
    public static MetricsOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName).GetSection(nameof(AllowedNetworks));
        var values = (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .ToList();
        var networks = new List<IPNetwork>();
        foreach (var value in values)
        {
            if (!IPNetwork.TryParse(value, out var network))
            {
                throw new Microsoft.Extensions.Options.OptionsValidationException(SectionName, typeof(MetricsOptions),
                    [$"Metrics:AllowedNetworks has '{value}', which is not a network (for example 10.0.0.0/8, or 127.0.0.1/32 for one address)."]);
            }

            networks.Add(network);
        }

        return new MetricsOptions { AllowedNetworks = networks };
    }
}
