using System.ComponentModel.DataAnnotations;

namespace IncidentHub.Core.Common;

/// <summary>
/// Runs the same data annotations the browser form runs, again on the server, so that a request that skipped the form
/// is refused with the same messages.
/// </summary>
public static class RequestValidator
{
    public static void Validate(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = new List<ValidationResult>();
        var context = new ValidationContext(request);
        if (Validator.TryValidateObject(request, context, results, validateAllProperties: true))
        {
            return;
        }

        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
        throw new ValidationFailedException(errors);
    }
}
