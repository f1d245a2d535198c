using System.Diagnostics;
using System.Text.RegularExpressions;
using IncidentHub.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace IncidentHub.Tests.Deployment;

/// <summary>
/// The compose files and the nginx configuration as shipped (no Docker here, so no <c>docker compose config</c>):
/// each parses, runs two replicas behind nginx with Redis and its database, gives every replica each variable README's
/// "Several replicas" section names, and nginx's own parser accepts the configuration.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    public static TheoryData<string, string> ComposeFiles => new()
    {
        { "docker-compose.yml", "SqlServer" },
        { "docker-compose.postgresql.yml", "PostgreSql" },
    };

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IncidentHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (IncidentHub.sln) was not found above the test binaries.");
    }

    private static YamlMappingNode Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(Root, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>A mapping with YAML merge keys (<c>&lt;&lt;: *app</c>) applied, as Compose applies them.</summary>
    private static Dictionary<string, YamlNode> Merged(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merge) && merge is YamlMappingNode anchored)
        {
            foreach (var (key, value) in Merged(anchored))
            {
                result[key] = value;
            }
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name != "<<")
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static Dictionary<string, Dictionary<string, YamlNode>> Services(string file) =>
        ((YamlMappingNode)Load(file)["services"]).Children.ToDictionary(s => ((YamlScalarNode)s.Key).Value!, s => Merged((YamlMappingNode)s.Value));

    private static Dictionary<string, string> Environment(Dictionary<string, YamlNode> service) =>
        Merged((YamlMappingNode)service["environment"]).ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "");

    private static IEnumerable<string> Strings(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.SelectMany(Strings),
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlMappingNode mapping => mapping.Children.Keys.SelectMany(Strings),
        _ => [],
    };

    /// <summary>README's section on replicas: the text from its heading to the next heading of the same level.</summary>
    private static string ReadmeReplicasSection()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf("### Several replicas", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no \"### Several replicas\" section.");
        var end = readme.IndexOf("\n### ", start + 5, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void EachComposeFile_RunsTwoReplicasBehindNginx_WithRedisAndItsDatabase(string file, string provider)
    {
        var services = Services(file);

        Assert.Equal(["app1", "app2", "db", "nginx", "redis"], services.Keys.Order(StringComparer.Ordinal));
        foreach (var replica in new[] { "app1", "app2" })
        {
            var environment = Environment(services[replica]);
            Assert.Equal(provider, environment["Database__Provider"]);
            Assert.Equal("redis:6379", environment["Redis__Configuration"]);
            Assert.Contains("db", Strings(services[replica]["depends_on"]));
            Assert.Contains("redis", Strings(services[replica]["depends_on"]));
        }

        Assert.Equal(Environment(services["app1"]), Environment(services["app2"]));
        Assert.Contains("${INCIDENTHUB_PORT:-8080}:8080", Strings(services["nginx"]["ports"]));
        Assert.Contains("./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro", Strings(services["nginx"]["volumes"]));
        Assert.False(services["app1"].ContainsKey("ports"), "A replica must be reached through nginx only (sticky sessions).");
        Assert.Contains("--appendonly", Strings(services["redis"]["command"]));
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void TheProxyNetworkTheAppsBelieve_IsTheComposeNetwork(string file, string provider)
    {
        _ = provider;
        var root = Load(file);
        var subnet = Strings(((YamlMappingNode)((YamlMappingNode)root["networks"])["incidenthub"])["ipam"]["config"][0]["subnet"]).Single();

        Assert.Equal(subnet, Environment(Services(file)["app1"])["ForwardedHeaders__KnownNetworks"]);
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void EveryServiceAndVariableReadmeNames_IsInTheComposeFile(string file, string provider)
    {
        var section = ReadmeReplicasSection();
        var text = File.ReadAllText(Path.Combine(Root, file));
        var services = Services(file);
        var environment = Environment(services["app1"]);

        var variables = AppVariable().Matches(section).Select(m => m.Value).Distinct().ToList();
        var composeVariables = ComposeVariable().Matches(section).Select(m => m.Groups[1].Value).Distinct().ToList();
        var named = ServiceName().Matches(section).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, v => Assert.True(environment.ContainsKey(v), $"README names {v}, which {file} does not give the replicas."));
        var both = string.Concat(new[] { "docker-compose.yml", "docker-compose.postgresql.yml" }.Select(f => File.ReadAllText(Path.Combine(Root, f))));
        Assert.All(composeVariables, v => Assert.True(both.Contains("${" + v, StringComparison.Ordinal), $"README names {v}, which no compose file reads."));
        Assert.Contains(provider == "SqlServer" ? "${MSSQL_SA_PASSWORD" : "${POSTGRES_PASSWORD", text, StringComparison.Ordinal);
        Assert.All(named, s => Assert.True(services.ContainsKey(s), $"README names the service {s}, which {file} does not have."));
        Assert.Contains(file, section, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080", section, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvExample_GivesEveryVariableTheComposeFilesRequire()
    {
        var example = File.ReadAllLines(Path.Combine(Root, ".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (file, _) in new[] { ("docker-compose.yml", 0), ("docker-compose.postgresql.yml", 0) })
        {
            var required = RequiredVariable().Matches(File.ReadAllText(Path.Combine(Root, file))).Select(m => m.Groups[1].Value);
            Assert.All(required, v => Assert.True(example.Contains(v), $"{file} requires {v}, which .env.example does not show."));
        }
    }

    [Fact]
    public void TheNginxConfig_IsStickyToTheTwoReplicas_AndPassesTheLiveConnection()
    {
        var config = File.ReadAllText(Path.Combine(Root, "deploy/nginx/nginx.conf"));

        Assert.Contains("ip_hash;", config, StringComparison.Ordinal);
        Assert.Contains("server app1:8080", config, StringComparison.Ordinal);
        Assert.Contains("server app2:8080", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nginx_AcceptsTheConfig()
    {
        const string nginx = "/usr/sbin/nginx";
        if (!File.Exists(nginx))
        {
            var reason = "nginx (/usr/sbin/nginx) is not installed: install Debian's nginx package (sudo apt-get install nginx)";
            if (RedisServer.IsRequired)
            {
                Assert.Fail(reason + $"; this run requires it ({RedisServer.RequireVariable} is set).");
            }

            Assert.Skip(reason);
        }

        var prefix = Path.Combine(Path.GetTempPath(), $"incidenthub-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(prefix);
        try
        {
            // The replicas' names resolve only inside Compose's network: here they stand for loopback.
            var config = File.ReadAllText(Path.Combine(Root, "deploy/nginx/nginx.conf"))
                .Replace("server app1:8080", "server 127.0.0.1:18081", StringComparison.Ordinal)
                .Replace("server app2:8080", "server 127.0.0.1:18082", StringComparison.Ordinal);
            var path = Path.Combine(prefix, "nginx.conf");
            await File.WriteAllTextAsync(path, config, TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "-t", "-q", "-p", prefix + "/", "-c", path, "-g", $"pid {prefix}/nginx.pid;" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, $"nginx -t refused deploy/nginx/nginx.conf: {error}");
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    /// <summary>An app setting as an environment variable: <c>Section__Key</c>.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+__[A-Za-z]+\b")]
    private static partial Regex AppVariable();

    /// <summary>A variable the compose files read from the environment or .env: <c>INCIDENTHUB_PORT</c>.</summary>
    [GeneratedRegex(@"`((?:INCIDENTHUB|MSSQL|POSTGRES)_[A-Z_]+)`")]
    private static partial Regex ComposeVariable();

    /// <summary>A service named in README as "the <c>app1</c> service" or in <c>docker compose logs app1</c>.</summary>
    [GeneratedRegex(@"(?:docker compose(?: -f \S+)? (?:logs|restart|stop|start) |service `)([a-z0-9]+)")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"\$\{([A-Z_]+):\?")]
    private static partial Regex RequiredVariable();
}
