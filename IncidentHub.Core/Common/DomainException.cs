namespace IncidentHub.Core.Common;

/// <summary>
/// A request broke a rule. The message is written for the person who made the request and is safe to show them.
/// Nothing was changed.
/// </summary>
public class DomainException(string message) : Exception(message);

/// <summary>The actor may not do this.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>The thing asked for does not exist (or the actor may not know that it does).</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>
/// Someone else changed the same thing first. The caller should reload and show the fresh state.
/// </summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>One or more fields are invalid. Keys are the request's property names.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(BuildMessage(errors))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private static string BuildMessage(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(e => e.Value));
}
