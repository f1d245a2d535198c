using System.ComponentModel.DataAnnotations;

namespace IncidentHub.Web.Auth;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";

    /// <summary>"Keep me signed in": off unless the person ticks it.</summary>
    public bool RememberMe { get; set; }
}
