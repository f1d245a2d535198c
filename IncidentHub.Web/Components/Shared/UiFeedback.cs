using IncidentHub.Core.Common;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace IncidentHub.Web.Components.Shared;

/// <summary>
/// Runs a command from a page and tells the person how it went: refusals and conflicts as a message (next to the
/// field when the service names one), unexpected failures as a calm apology. Never lets an exception reach the circuit.
/// </summary>
public sealed partial class UiFeedback(ISnackbar snackbar, ILogger<UiFeedback> logger)
{
    /// <param name="onConflict">Runs after a conflict is reported, to bring the fresh state in (the person's text stays).</param>
    /// <returns>True when the command succeeded.</returns>
    public async Task<bool> RunAsync(Func<Task> command, string? success = null, FormErrors? form = null, Func<Task>? onConflict = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        form?.Clear();
        try
        {
            await command();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success, o => o.VisibleStateDuration = 3_000);
            }

            return true;
        }
        catch (ValidationFailedException ex) when (form is not null)
        {
            form.Show(ex);
            return false;
        }
        catch (ConflictException ex)
        {
            snackbar.Add(ex.Message, Severity.Warning, o => o.VisibleStateDuration = 12_000);
            if (onConflict is not null)
            {
                await onConflict();
            }

            return false;
        }
        catch (DomainException ex)
        {
            snackbar.Add(ex.Message, Severity.Error, o => o.VisibleStateDuration = 10_000);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            snackbar.Add("That did not work because of a problem on our side. Nothing was lost: try again in a moment.", Severity.Error);
            return false;
        }
    }

    public void Info(string message) => snackbar.Add(message, Severity.Info);

    [LoggerMessage(Level = LogLevel.Error, Message = "A command from the browser failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Server-side messages for an <see cref="EditContext"/>, shown next to the field the service named.</summary>
public sealed class FormErrors
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;
    private readonly string _fallbackField;

    public FormErrors(EditContext context, string fallbackField)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _fallbackField = fallbackField;
        _store = new ValidationMessageStore(context);
        context.OnValidationRequested += (_, _) => _store.Clear();
        context.OnFieldChanged += (_, e) =>
        {
            // Fields re-render on the validation-state event: without it a message the person just answered stays on
            // screen until the next submit.
            if (_store[e.FieldIdentifier].Any())
            {
                _store.Clear(e.FieldIdentifier);
                _context.NotifyValidationStateChanged();
            }
        };
    }

    /// <summary>A message that belongs to no field (shown above the buttons).</summary>
    public string? General { get; private set; }

    public void Clear()
    {
        General = null;
        _store.Clear();
        _context.NotifyValidationStateChanged();
    }

    public void Show(ValidationFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var (field, messages) in exception.Errors)
        {
            var name = string.IsNullOrEmpty(field) ? _fallbackField : field;
            if (_context.Model.GetType().GetProperty(name) is null)
            {
                // Every message that has no field of its own is said, not only the last one.
                General = General is null ? string.Join(" ", messages) : $"{General} {string.Join(" ", messages)}";
                continue;
            }

            _store.Add(_context.Field(name), messages);
        }

        _context.NotifyValidationStateChanged();
    }
}
