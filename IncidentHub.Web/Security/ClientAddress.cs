using System.Net;
using System.Net.Sockets;

namespace IncidentHub.Web.Security;

/// <summary>
/// Who a request came from, for rate limits and sign-in throttling: the client address as seen after trusted proxies
/// (<see cref="ProxySetup"/>). An IPv6 client counts by its /64 network, since anyone holding one has countless
/// addresses in it.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Key(context.Connection.RemoteIpAddress);
    }

    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
