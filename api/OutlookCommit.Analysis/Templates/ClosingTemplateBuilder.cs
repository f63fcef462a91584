using System.Globalization;
using System.Net;
using System.Text;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Templates;

/// <summary>Builds the five-part closing template in the draft's language, filled with what the draft already has.</summary>
public sealed class ClosingTemplateBuilder
{
    private sealed record TemplateFile(
        string Language, string Culture, string DateFormat, string TimeFormat, string DateTimeJoin,
        string BlankDate, string BlankAttendees, string ListJoin, string ListLastJoin, Dictionary<string, string[]> Types);

    private readonly Dictionary<string, (TemplateFile File, CultureInfo Culture)> _templates;

    public ClosingTemplateBuilder()
    {
        _templates = Lexicon.Languages.ToDictionary(l => l, l =>
        {
            var file = EmbeddedData.Load<TemplateFile>($"templates-{l}.json");
            return (file, CultureInfo.GetCultureInfo(file.Culture));
        });
    }

    public ClosingTemplate Build(string language, NextStepType? type, IReadOnlyList<string> attendees, ResolvedTime? when)
    {
        var templateLanguage = LanguageDetector.ForMessages(language);
        var (file, culture) = _templates[templateLanguage];
        var key = type is null ? "generic" : JsonName(type.Value);
        var parts = file.Types.GetValueOrDefault(key) ?? file.Types["generic"];

        var date = when is null ? file.BlankDate : FormatTime(when, file, culture);
        var people = attendees.Count == 0 ? file.BlankAttendees : JoinList(attendees, file);
        var lines = parts.Select(p => p.Replace("{date}", date, StringComparison.Ordinal).Replace("{attendees}", people, StringComparison.Ordinal)).ToList();

        var text = string.Join(templateLanguage == "zh" ? "" : " ", lines.Take(3)) + "\n" + string.Join(templateLanguage == "zh" ? "" : " ", lines.Skip(3));
        var html = new StringBuilder();
        html.Append("<p>").Append(WebUtility.HtmlEncode(string.Join(templateLanguage == "zh" ? "" : " ", lines.Take(3)))).Append("</p>");
        html.Append("<p>").Append(WebUtility.HtmlEncode(string.Join(templateLanguage == "zh" ? "" : " ", lines.Skip(3)))).Append("</p>");
        return new ClosingTemplate(templateLanguage, type, text, html.ToString());
    }

    private static string FormatTime(ResolvedTime when, TemplateFile file, CultureInfo culture)
    {
        var start = when.Start;
        var day = start.ToString(file.DateFormat, culture);
        var isWindow = when.End is { } end && end - start > TimeSpan.FromDays(1.5);
        if (isWindow)
        {
            var last = when.End!.Value.AddDays(-1);
            return file.Language == "zh"
                ? $"{day}至{last.ToString(file.DateFormat, culture)}之间"
                : $"between {day} and {last.ToString(file.DateFormat, culture)}";
        }
        var hasTime = start.TimeOfDay != TimeSpan.Zero;
        return hasTime ? day + file.DateTimeJoin + start.ToString(file.TimeFormat, culture) : day;
    }

    private static string JoinList(IReadOnlyList<string> items, TemplateFile file) =>
        items.Count == 1 ? items[0] : string.Join(file.ListJoin, items.Take(items.Count - 1)) + file.ListLastJoin + items[^1];

    private static string JsonName(NextStepType type)
    {
        var name = type.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
