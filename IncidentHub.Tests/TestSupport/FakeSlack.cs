using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A fake Slack Web API on a loopback port: the methods IncidentHub calls, with Slack's habits (errors as HTTP 200
/// with <c>ok:false</c>, 429 with Retry-After, <c>name_taken</c>, private files only for the bot token and an HTML
/// sign-in page otherwise). Tests can make it refuse, rate-limit or delay the next calls, and take it down and bring
/// it back on the same port (an outage). Point the app at it with <c>Slack:ApiBaseUrl</c> = <see cref="ApiBaseUrl"/>.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot-token";
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotUserId = "UBOTINC";
    public const string BotId = "BBOTINC";
    public const string TeamId = "T0FAKE";

    /// <summary>The scopes the fake's token has (Slack sends them in <c>x-oauth-scopes</c>).</summary>
    public static readonly string AllScopes =
        "commands,chat:write,channels:manage,channels:read,channels:history,groups:write,groups:read,groups:history,reactions:read,pins:read,users:read,users:read.email,files:read,bookmarks:write,im:write,im:history";

    private readonly Lock _gate = new();
    private readonly List<FakeChannel> _channels = [];
    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ContentType, byte[] Bytes)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly ConcurrentQueue<Behaviour> _behaviours = new();
    private WebApplication? _app;
    private int _port;
    private long _clock;
    private int _ids;

    private FakeSlack()
    {
    }

    public Uri Root => new($"http://127.0.0.1:{_port}/");

    public string ApiBaseUrl => new Uri(Root, "api/").ToString();

    public string Scopes { get; set; } = AllScopes;

    public bool IsUp => _app is not null;

    /// <summary>Settings that connect an app to this fake (merge with the test's own).</summary>
    public Dictionary<string, string?> Settings(string? announcements = "C0ANNOUNCE") => new()
    {
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:ApiBaseUrl"] = ApiBaseUrl,
        ["Slack:AnnouncementsChannel"] = announcements,
        ["Slack:SweepCron"] = "*/1 * * * * *",
        ["Slack:OutageRetrySeconds"] = "1",
        ["Slack:PostIntervalSeconds"] = "0.05",
    };

    public static async Task<FakeSlack> StartAsync()
    {
        var fake = new FakeSlack();
        fake.AddChannel("C0ANNOUNCE", "incidents", isPrivate: false);
        await fake.ComeBackAsync();
        return fake;
    }

    /// <summary>Stops answering: connections are refused until <see cref="ComeBackAsync"/>.</summary>
    public async Task GoDownAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Starts (again) on the same port, with everything it knew.</summary>
    public async Task ComeBackAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        var app = builder.Build();
        app.MapPost("/api/{method}", HandleAsync);
        app.MapGet("/files-pri/{**path}", FileAsync);
        await app.StartAsync();
        _port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    // ----- Arranging -----

    /// <param name="guest">A workspace guest (<c>is_restricted</c>); otherwise a full member.</param>
    public void AddUser(string id, string name, string? email, bool guest = false) { lock (_gate) { _users[id] = new User(id, name, email, guest); } }

    public string AddChannel(string id, string name, bool isPrivate, bool botIsMember = true)
    {
        lock (_gate)
        {
            var channel = new FakeChannel(id, name, isPrivate);
            if (botIsMember)
            {
                channel.Members.Add(BotUserId);
            }

            _channels.Add(channel);
            return id;
        }
    }

    /// <summary>Serves a private file; returns its <c>url_private</c>.</summary>
    public string AddFile(string id, string name, string contentType, byte[] bytes)
    {
        var path = $"{TeamId}-{id}/{name}";
        lock (_gate)
        {
            _files[path] = (contentType, bytes);
        }

        return new Uri(Root, "files-pri/" + path).ToString();
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, string error, int times = 1) => _behaviours.Enqueue(new Behaviour(method, times, Error: error));

    /// <summary>The next calls of <paramref name="method"/> get HTTP 429 with Retry-After.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds, int times = 1) => _behaviours.Enqueue(new Behaviour(method, times, RetryAfter: retryAfterSeconds));

    /// <summary>The next calls of <paramref name="method"/> are carried out, then answered only after <paramref name="delay"/>.</summary>
    public void DelayNext(string method, TimeSpan delay, int times = 1) => _behaviours.Enqueue(new Behaviour(method, times, Delay: delay));

    // ----- Looking -----

    public IReadOnlyList<Call> Calls(string? method = null) => [.. _calls.Where(c => method is null || c.Method == method)];

    public IReadOnlyList<ChannelView> Channels()
    {
        lock (_gate)
        {
            return _channels.Select(c => c.View()).ToList();
        }
    }

    public ChannelView? ChannelNamed(string name) => Channels().SingleOrDefault(c => c.Name == name);

    public ChannelView? Channel(string id) => Channels().SingleOrDefault(c => c.Id == id);

    /// <summary>Messages in a channel, oldest first.</summary>
    public IReadOnlyList<MessageView> Messages(string channelId) => Channel(channelId)?.Messages ?? [];

    public async ValueTask DisposeAsync() => await GoDownAsync();

    // ----- Serving -----

    private async Task<IResult> HandleAsync(string method, HttpContext http)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        var args = form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? [];
        var authorized = http.Request.Headers.Authorization.ToString() == "Bearer " + BotToken;
        _calls.Enqueue(new Call(method, args, authorized));
        http.Response.Headers["x-oauth-scopes"] = Scopes;
        if (!authorized)
        {
            return Json(new JsonObject { ["ok"] = false, ["error"] = http.Request.Headers.Authorization.Count == 0 ? "not_authed" : "invalid_auth" });
        }

        var behaviour = Take(method);
        if (behaviour?.RetryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (behaviour?.Error is { } error)
        {
            return Json(Refuse(error));
        }

        JsonObject answer;
        lock (_gate)
        {
            answer = Answer(method, args);
        }

        if (behaviour?.Delay is { } delay)
        {
            await Task.Delay(delay);
        }

        return Json(answer);
    }

    private JsonObject Answer(string method, Dictionary<string, string> a) => method switch
    {
        "auth.test" => new JsonObject
        {
            ["ok"] = true, ["url"] = "https://fake-workspace.slack.com/", ["team"] = "Fake Workspace", ["user"] = "incidenthub",
            ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = BotId,
        },
        "conversations.create" => Create(a),
        "conversations.list" => List(a),
        "conversations.setTopic" => WithChannel(a, c => { c.Topic = a.GetValueOrDefault("topic") ?? ""; return Ok(); }),
        "conversations.invite" => WithChannel(a, c =>
        {
            var users = (a.GetValueOrDefault("users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            var added = users.Count(c.Members.Add);
            return added == 0 ? Refuse("already_in_channel") : Ok();
        }),
        "conversations.archive" => WithChannel(a, c =>
        {
            if (c.Archived)
            {
                return Refuse("already_archived");
            }

            c.Archived = true;
            return Ok();
        }),
        "conversations.history" => WithChannel(a, c =>
        {
            var oldest = decimal.Parse(a.GetValueOrDefault("oldest") ?? "0", CultureInfo.InvariantCulture);
            var messages = new JsonArray();
            foreach (var m in c.Messages.Where(m => decimal.Parse(m.Ts, CultureInfo.InvariantCulture) > oldest).Reverse())
            {
                var message = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["text"] = m.Text, ["bot_id"] = BotId };
                if (m.Metadata is not null && a.GetValueOrDefault("include_all_metadata") == "true")
                {
                    message["metadata"] = JsonNode.Parse(m.Metadata);
                }

                messages.Add(message);
            }

            return Ok(new JsonObject { ["messages"] = messages, ["has_more"] = false });
        }, requireMember: true, allowArchived: true),
        "chat.postMessage" => WithChannel(a, c =>
        {
            var ts = NextTs();
            c.Messages.Add(new Message(ts, a.GetValueOrDefault("text") ?? "", a.GetValueOrDefault("blocks"), a.GetValueOrDefault("metadata")));
            return Ok(new JsonObject { ["channel"] = c.Id, ["ts"] = ts, ["message"] = new JsonObject { ["ts"] = ts, ["bot_id"] = BotId } });
        }, requireMember: true),
        "chat.update" => WithChannel(a, c =>
        {
            var index = c.Messages.FindIndex(m => m.Ts == a.GetValueOrDefault("ts"));
            if (index < 0)
            {
                return Refuse("message_not_found");
            }

            c.Messages[index] = c.Messages[index] with { Text = a.GetValueOrDefault("text") ?? "", Blocks = a.GetValueOrDefault("blocks"), Edits = c.Messages[index].Edits + 1 };
            return Ok(new JsonObject { ["channel"] = c.Id, ["ts"] = c.Messages[index].Ts });
        }, requireMember: true),
        "chat.postEphemeral" => Ok(new JsonObject { ["message_ts"] = NextTs() }),
        "views.open" => a.GetValueOrDefault("trigger_id") is { Length: > 0 } trigger && trigger != "expired"
            ? Ok(new JsonObject { ["view"] = new JsonObject { ["id"] = "V" + Interlocked.Increment(ref _ids), ["callback_id"] = CallbackOf(a.GetValueOrDefault("view")) } })
            : Refuse("expired_trigger_id"),
        "users.info" => _users.TryGetValue(a.GetValueOrDefault("user") ?? "", out var user) ? Ok(new JsonObject { ["user"] = user.Json() }) : Refuse("user_not_found"),
        "users.lookupByEmail" => _users.Values.FirstOrDefault(u => string.Equals(u.Email, a.GetValueOrDefault("email"), StringComparison.OrdinalIgnoreCase)) is { } found
            ? Ok(new JsonObject { ["user"] = found.Json() })
            : Refuse("users_not_found"),
        "bookmarks.add" => Ok(),
        _ => Refuse("unknown_method"),
    };

    private JsonObject Create(Dictionary<string, string> a)
    {
        var name = a.GetValueOrDefault("name") ?? "";
        if (name.Length is 0 or > 80 || name.Any(ch => !(char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '-' or '_')))
        {
            return Refuse("invalid_name_specials");
        }

        if (_channels.Any(c => c.Name == name && !c.Archived))
        {
            return Refuse("name_taken");
        }

        var isPrivate = a.GetValueOrDefault("is_private") == "true";
        var channel = new FakeChannel((isPrivate ? "G" : "C") + Interlocked.Increment(ref _ids).ToString("00000", CultureInfo.InvariantCulture), name, isPrivate);
        channel.Members.Add(BotUserId);
        _channels.Add(channel);
        return Ok(new JsonObject { ["channel"] = channel.Json() });
    }

    private JsonObject List(Dictionary<string, string> a)
    {
        var types = (a.GetValueOrDefault("types") ?? "public_channel").Split(',');
        var visible = _channels.Where(c => !c.Archived && types.Contains(c.IsPrivate ? "private_channel" : "public_channel")
            && (!c.IsPrivate || c.Members.Contains(BotUserId)));
        var list = new JsonArray();
        foreach (var channel in visible)
        {
            list.Add(channel.Json());
        }

        return Ok(new JsonObject { ["channels"] = list, ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } });
    }

    private JsonObject WithChannel(Dictionary<string, string> a, Func<FakeChannel, JsonObject> act, bool requireMember = false, bool allowArchived = false)
    {
        var id = a.GetValueOrDefault("channel") ?? "";
        var channel = _channels.FirstOrDefault(c => c.Id == id || (id.StartsWith('#') && c.Name == id[1..]));
        if (channel is null || (channel.IsPrivate && !channel.Members.Contains(BotUserId)))
        {
            return Refuse("channel_not_found");
        }

        if (channel.Archived && !allowArchived)
        {
            return Refuse("is_archived");
        }

        if (requireMember && !channel.Members.Contains(BotUserId))
        {
            return Refuse("not_in_channel");
        }

        return act(channel);
    }

    private IResult FileAsync(string path, HttpContext http)
    {
        _calls.Enqueue(new Call("files-pri", new Dictionary<string, string> { ["path"] = path }, http.Request.Headers.Authorization.ToString() == "Bearer " + BotToken));
        if (http.Request.Headers.Authorization.ToString() != "Bearer " + BotToken)
        {
            // What Slack does for a request without the token: a sign-in page, with 200.
            return Results.Content("<!DOCTYPE html><html><body>Sign in to Slack</body></html>", "text/html");
        }

        lock (_gate)
        {
            return _files.TryGetValue(path, out var file) ? Results.Bytes(file.Bytes, file.ContentType) : Results.NotFound();
        }
    }

    private Behaviour? Take(string method)
    {
        foreach (var behaviour in _behaviours)
        {
            if (behaviour.Method == method && Interlocked.Decrement(ref behaviour.Remaining) >= 0)
            {
                return behaviour;
            }
        }

        return null;
    }

    private string NextTs()
    {
        // Slack's ts is its clock's time, unique per channel: the real time here, never going backwards.
        var now = (TimeProvider.System.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        long micro;
        long last;
        do
        {
            last = Interlocked.Read(ref _clock);
            micro = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _clock, micro, last) != last);

        return (micro / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micro % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    private static string? CallbackOf(string? view)
    {
        try
        {
            return view is null ? null : JsonNode.Parse(view)?["callback_id"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Ok(JsonObject? body = null)
    {
        body ??= [];
        body["ok"] = true;
        return body;
    }

    private static JsonObject Refuse(string error) => new() { ["ok"] = false, ["error"] = error };

    private static IResult Json(JsonObject body) => Results.Content(body.ToJsonString(), "application/json; charset=utf-8");

    public sealed record Call(string Method, IReadOnlyDictionary<string, string> Args, bool Authorized)
    {
        public string? this[string name] => Args.GetValueOrDefault(name);
    }

    public sealed record MessageView(string Ts, string Text, string? Blocks, string? Metadata, int Edits);

    public sealed record ChannelView(string Id, string Name, bool IsPrivate, string Topic, IReadOnlySet<string> Members, bool Archived, IReadOnlyList<MessageView> Messages);

    private sealed class Behaviour(string method, int times, string? Error = null, int? RetryAfter = null, TimeSpan? Delay = null)
    {
        public int Remaining = times;

        public string Method { get; } = method;

        public string? Error { get; } = Error;

        public int? RetryAfter { get; } = RetryAfter;

        public TimeSpan? Delay { get; } = Delay;
    }

    private sealed record Message(string Ts, string Text, string? Blocks, string? Metadata, int Edits = 0);

    private sealed record User(string Id, string Name, string? Email, bool Guest)
    {
        public JsonObject Json() => new()
        {
            ["id"] = Id, ["name"] = Name.ToLowerInvariant().Replace(' ', '.'), ["real_name"] = Name, ["is_bot"] = false,
            ["is_restricted"] = Guest, ["is_ultra_restricted"] = false,
            ["profile"] = new JsonObject { ["display_name"] = Name, ["real_name"] = Name, ["email"] = Email },
        };
    }

    private sealed class FakeChannel(string id, string name, bool isPrivate)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public bool IsPrivate { get; } = isPrivate;

        public string Topic { get; set; } = "";

        public bool Archived { get; set; }

        public HashSet<string> Members { get; } = [];

        public List<Message> Messages { get; } = [];

        public JsonObject Json() => new()
        {
            ["id"] = Id, ["name"] = Name, ["is_private"] = IsPrivate, ["is_archived"] = Archived, ["is_member"] = Members.Contains(FakeSlack.BotUserId),
        };

        public ChannelView View() => new(Id, Name, IsPrivate, Topic, Members.ToHashSet(), Archived,
            Messages.Select(m => new MessageView(m.Ts, m.Text, m.Blocks, m.Metadata, m.Edits)).ToList());
    }
}
