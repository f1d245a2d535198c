using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IncidentHub.Tests.TestSupport;

/// <summary>Signs a test HttpClient in through the real sign-in form (anti-forgery token included).</summary>
public static partial class HttpSignIn
{
    public static HttpClient AnonymousClient(this AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(this AppFactory app, TestUser user)
    {
        var client = app.AnonymousClient();
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
            ["Input.RememberMe"] = "false",
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {user.Email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
