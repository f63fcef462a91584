using Microsoft.Extensions.Caching.Memory;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace OutlookCommit.Analysis.Dates;

/// <summary>
/// Remembers what the date recognizers returned for a clause. The pane re-analyzes the whole draft every time the rep
/// pauses typing, and all but the clause being typed are unchanged; the recognizers are most of an analysis's cost.
/// The key is the model, the clause's text and the reference time to the minute, so a hit returns exactly what a
/// fresh parse would. Entries expire after a few minutes; results are shared and never modified.
/// </summary>
public sealed class RecognizerCache : IDisposable
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _cache;

    /// <param name="maxEntries">How many clauses to remember (each entry is one clause's few results).</param>
    public RecognizerCache(int maxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxEntries, CompactionPercentage = 0.25 });
    }

    // The model instance stands for its culture: an analyzer holds one English and one Chinese model.
    private readonly record struct Key(DateTimeModel Model, DateTime Reference, string Clause);

    /// <summary>The model's results for <paramref name="clause"/>, from the cache when this clause was read in the same minute.</summary>
    public IReadOnlyList<ModelResult> Parse(DateTimeModel model, string clause, DateTime reference, Func<DateTimeModel, string, DateTime, List<ModelResult>> parse)
    {
        var key = new Key(model, reference, clause);
        if (_cache.TryGetValue(key, out IReadOnlyList<ModelResult>? known) && known is not null) return known;
        IReadOnlyList<ModelResult> results = parse(model, clause, reference);
        _cache.Set(key, results, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Expiry });
        return results;
    }

    public void Dispose() => _cache.Dispose();
}
