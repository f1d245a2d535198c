using System.ComponentModel.DataAnnotations;

namespace IncidentHub.Web.Auth;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; } = true;
}
