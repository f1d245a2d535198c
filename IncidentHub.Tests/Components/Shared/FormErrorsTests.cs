using IncidentHub.Core.Common;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace IncidentHub.Tests.Components.Shared;

/// <summary>
/// A server's message next to a field goes away as soon as the person changes that field, and the form hears of it
/// (fields re-render on the validation-state event; without it the old message stays on screen until the next submit).
/// </summary>
public sealed class FormErrorsTests
{
    private sealed class NoteForm
    {
        public string Note { get; set; } = "";

        public string Title { get; set; } = "";
    }

    [Fact]
    public void ChangingTheField_ClearsItsMessage_AndTellsTheForm()
    {
        var form = new NoteForm();
        var context = new EditContext(form);
        var errors = new FormErrors(context, nameof(NoteForm.Note));
        errors.Show(new ValidationFailedException(new Dictionary<string, string[]>
        {
            [nameof(NoteForm.Note)] = ["Write a short note for Sam: where things stand and what is in flight."],
            [nameof(NoteForm.Title)] = ["Give it a title."],
        }));
        Assert.Single(context.GetValidationMessages(context.Field(nameof(NoteForm.Note))));

        var told = 0;
        context.OnValidationStateChanged += (_, _) => told++;
        form.Note = "DB failover in progress; rollback plan in the doc.";
        context.NotifyFieldChanged(context.Field(nameof(NoteForm.Note)));

        Assert.Empty(context.GetValidationMessages(context.Field(nameof(NoteForm.Note))));
        Assert.Equal(["Give it a title."], context.GetValidationMessages(context.Field(nameof(NoteForm.Title))));
        Assert.True(told > 0, "The form was not told that the note's message went away, so it stays on screen.");
    }

    [Fact]
    public void ChangingAFieldWithoutAMessage_DoesNotDisturbTheForm()
    {
        var form = new NoteForm();
        var context = new EditContext(form);
        _ = new FormErrors(context, nameof(NoteForm.Note));
        var told = 0;
        context.OnValidationStateChanged += (_, _) => told++;

        context.NotifyFieldChanged(context.Field(nameof(NoteForm.Note)));

        Assert.Equal(0, told);
    }
}
