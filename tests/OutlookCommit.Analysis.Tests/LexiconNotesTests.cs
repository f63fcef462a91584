using OutlookCommit.Analysis.Lexicons;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// Every pattern group in the lexicons says what it is for (en.json's groupNotes), so a maintainer editing the
/// data never has to read the C# to learn what a group does — and a note cannot outlive its group.
/// </summary>
public class LexiconNotesTests
{
    private static readonly LexiconFile English = EmbeddedData.Load<LexiconFile>("en.json");
    private static readonly LexiconFile Chinese = EmbeddedData.Load<LexiconFile>("zh.json");

    [Fact]
    public void Every_pattern_group_of_either_language_has_a_note()
    {
        var groups = English.Patterns.Keys.Concat(Chinese.Patterns.Keys).Distinct().Order();
        var missing = groups.Where(g => !English.GroupNotes.ContainsKey(g)).ToList();
        Assert.True(missing.Count == 0, "groups without a note in en.json's groupNotes: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_note_belongs_to_a_group_and_says_something()
    {
        var groups = English.Patterns.Keys.Concat(Chinese.Patterns.Keys).ToHashSet();
        Assert.All(English.GroupNotes, note =>
        {
            Assert.Contains(note.Key, groups);
            Assert.True(note.Value.Length >= 20, $"the note for {note.Key} is too short to explain it");
        });
    }
}
