using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian's package) on a free loopback port, with nothing written to disk
/// (<c>--save '' --appendonly no</c>), for one test class. It can be stopped and started again on the same port, to
/// prove what the app does while Redis is away. Without the binary the tests skip and say which package to install;
/// with <see cref="RequireVariable"/> set (CI) they fail instead.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Set (to anything but empty or 0) where the Redis tests must run. CI sets it.</summary>
    public const string RequireVariable = "INCIDENTHUB_REQUIRE_REDIS";

    public const string Binary = "/usr/bin/redis-server";

    private readonly string _dir;
    private Process? _process;

    private RedisServer(int port, string dir)
    {
        Port = port;
        _dir = dir;
    }

    public int Port { get; }

    /// <summary>What the app's <c>Redis:Configuration</c> is set to; retries quickly so reconnecting tests stay short.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectRetry=1,connectTimeout=2000,syncTimeout=2000,abortConnect=false";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Why no server can be started here (null when one can).</summary>
    public static string? UnavailableReason { get; } = File.Exists(Binary) ? null
        : $"Redis ({Binary}) is not installed: install Debian's redis-server package (sudo apt-get install redis-server)";

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 } value && value != "0";

    /// <summary>Skips the calling test when Redis cannot be had here, or fails it when this run requires Redis.</summary>
    public static void SkipIfUnavailable()
    {
        if (UnavailableReason is { } reason)
        {
            if (IsRequired)
            {
                Assert.Fail($"{reason}. This run requires it ({RequireVariable} is set), so the test fails instead of skipping.");
            }

            Assert.Skip(reason);
        }
    }

    public static async Task<RedisServer> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"incidenthub-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var server = new RedisServer(FreePort(), dir);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--dir", _dir, "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.TrueAsync(async () => _process.HasExited || await AnswersAsync(), TimeSpan.FromSeconds(20), "redis-server answers PING");
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"redis-server exited at start ({_process.ExitCode}); is port {Port} taken?");
        }
    }

    /// <summary>Kills the server (as a crash would) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read >= 5 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
