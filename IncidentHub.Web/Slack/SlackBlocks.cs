using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentHub.Web.Slack;

/// <summary>Block Kit pieces the modals share (inputs, texts) and reading their submitted values.</summary>
internal static class SlackBlocks
{
    /// <summary>Slack's own limit for a text input; IncidentHub takes longer text in the browser.</summary>
    internal const int SlackInputMax = 3_000;

    internal static JsonObject Input(string block, string label, JsonObject element, bool optional = false, string? hint = null)
    {
        var input = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = block,
            ["optional"] = optional,
            ["label"] = Plain(label),
            ["element"] = element,
        };
        if (hint is not null)
        {
            input["hint"] = Plain(hint);
        }

        return input;
    }

    internal static JsonObject Multiline() => new()
    {
        ["type"] = "plain_text_input",
        ["action_id"] = "value",
        ["multiline"] = true,
        ["max_length"] = SlackInputMax,
    };

    internal static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    internal static string? Text(JsonElement values, string block) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(block, out var b) && b.TryGetProperty("value", out var element)
            ? SlackEventMapper.Str(element, "value") : null;

    /// <summary>The value of the option picked in a select or radio-buttons input.</summary>
    internal static string? Selected(JsonElement values, string block) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(block, out var b) && b.TryGetProperty("value", out var element)
        && element.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object
            ? SlackEventMapper.Str(option, "value") : null;

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
