using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Users;

public sealed class NewUserForm
{
    public const int PasswordMin = 10;

    public const int EmailMax = 256;

    [Required(ErrorMessage = "Enter the person's name as colleagues know it.")]
    [TextLimit(TextLimits.PersonName, "the name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter an email address; it is the sign-in name.")]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    [TextLimit(NewUserForm.EmailMax, "the email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(128, MinimumLength = PasswordMin, ErrorMessage = "Passwords are 10 to 128 characters long.")]
    public string Password { get; set; } = "";

    public AppRole Role { get; set; } = AppRole.Responder;
}

/// <summary>The first-run form: the first administrator, and whether to load the demo data.</summary>
public sealed class FirstRunForm
{
    /// <summary>The installation's one-time set-up code (see <see cref="SetupCodes"/>).</summary>
    [Required(ErrorMessage = "Enter the set-up code from the console where IncidentHub started.")]
    [StringLength(100, ErrorMessage = "That is not this installation's set-up code.")]
    public string SetupCode { get; set; } = "";

    [Required(ErrorMessage = "Enter your name.")]
    [TextLimit(TextLimits.PersonName, "the name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address; it is your sign-in name.")]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    [TextLimit(NewUserForm.EmailMax, "the email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(128, MinimumLength = NewUserForm.PasswordMin, ErrorMessage = "Passwords are 10 to 128 characters long.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";

    public bool LoadDemoData { get; set; }
}

public sealed class ResetPasswordForm
{
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(128, MinimumLength = NewUserForm.PasswordMin, ErrorMessage = "Passwords are 10 to 128 characters long.")]
    public string Password { get; set; } = "";
}
