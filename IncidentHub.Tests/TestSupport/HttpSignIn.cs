using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IncidentHub.Tests.TestSupport;

/// <summary>Signs a test HttpClient in through the real sign-in form (anti-forgery token included).</summary>
public static partial class HttpSignIn
{
    public static HttpClient AnonymousClient(this AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser-like client that comes from <paramref name="address"/> (see <see cref="TestClientAddress"/>).</summary>
    public static HttpClient ClientFrom(this AppFactory app, string address)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    public static async Task<HttpClient> SignedInClientAsync(this AppFactory app, TestUser user)
    {
        var client = app.AnonymousClient();
        var response = await client.PostSignInAsync(user.Email, user.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {user.Email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form as a browser would (fresh client), and returns the raw answer.</summary>
    public static Task<HttpResponseMessage> PostSignInAsync(this AppFactory app, string email, string password, string? escapedReturnUrl = null) =>
        app.AnonymousClient().PostSignInAsync(email, password, escapedReturnUrl);

    /// <summary>Posts the sign-in form from this client (its cookies, its address), and returns the raw answer.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password, string? escapedReturnUrl = null, bool keepSignedIn = false)
    {
        var path = "/account/login" + (escapedReturnUrl is null ? "" : "?ReturnUrl=" + escapedReturnUrl);
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = keepSignedIn ? "true" : "false",
        });
        return await client.PostAsync(new Uri(path, UriKind.Relative), body);
    }

    /// <summary>The anti-forgery token in a page's form.</summary>
    public static string AntiforgeryTokenIn(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
