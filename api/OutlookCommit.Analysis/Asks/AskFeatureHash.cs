namespace OutlookCommit.Analysis.Asks;

/// <summary>
/// 64-bit FNV-1a over UTF-16 code units. A feature's key is the hash of its name
/// (<c>prefix + a</c>, or <c>prefix + a + "|" + b</c>), computed either in one go from the stored
/// name or streamed from its parts, so scoring never builds a string.
/// </summary>
internal static class AskFeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> name) => Append(Offset, name);

    public static ulong Of(ReadOnlySpan<char> prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        ulong h = Append(Append(Offset, prefix), a);
        if (!b.IsEmpty)
        {
            h = Append(h, '|');
            h = Append(h, b);
        }
        return h;
    }

    private static ulong Append(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            h = Append(h, c);
        }
        return h;
    }

    private static ulong Append(ulong h, char c)
    {
        h ^= (byte)c;
        h *= Prime;
        h ^= (byte)(c >> 8);
        h *= Prime;
        return h;
    }

    /// <summary>The stored name of a feature: the same characters <see cref="Of(ReadOnlySpan{char}, ReadOnlySpan{char}, ReadOnlySpan{char})"/> hashes.</summary>
    public static string Name(ReadOnlySpan<char> prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        b.IsEmpty ? string.Concat(prefix, a) : string.Concat(prefix, a, "|", b);
}
