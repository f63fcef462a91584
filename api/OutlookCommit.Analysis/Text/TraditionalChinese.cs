using OutlookCommit.Analysis.Lexicons;

namespace OutlookCommit.Analysis.Text;

/// <summary>
/// Reads traditional Chinese (下禮拜二, 貴公司, 這樣 OK 嗎) as simplified, so that one set of Chinese lexicons serves both.
/// Character for character, from Unicode's Unihan data (Lexicons/t2s.json): the folded text has the original's length,
/// so every offset found in it is an offset into what the rep wrote.
/// </summary>
public static class TraditionalChinese
{
    private sealed record PairsFile(string Pairs);

    private const char First = '\u4E00';
    private static readonly Lazy<char[]> Map = new(() =>
    {
        var pairs = EmbeddedData.Load<PairsFile>("t2s.json").Pairs;
        var map = new char[0xA000 - First];
        for (var i = 0; i + 1 < pairs.Length; i += 2)
            map[pairs[i] - First] = pairs[i + 1];
        return map;
    });

    /// <summary>The text with traditional characters replaced by simplified ones; the same instance when there are none.</summary>
    public static string Fold(string text)
    {
        var map = Map.Value;
        char[]? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < First || c >= '\uA000' || map[c - First] == '\0') continue;
            folded ??= text.ToCharArray();
            folded[i] = map[c - First];
        }
        return folded is null ? text : new string(folded);
    }
}
