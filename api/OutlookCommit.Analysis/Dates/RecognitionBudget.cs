using System.Diagnostics;

namespace OutlookCommit.Analysis.Dates;

/// <summary>
/// How much text date recognition may read for one draft. The recognizers cost about a millisecond per character
/// of date-dense text, so recognition stops after this much text or time: far more than a real follow-up needs,
/// and a bound on what a hostile draft can cost. <see cref="Exhausted"/> marks the analysis as truncated.
/// </summary>
public sealed class RecognitionBudget(int maxCharacters = RecognitionBudget.DefaultCharacters, TimeSpan? maxTime = null)
{
    public const int DefaultCharacters = 4_000;
    public static readonly TimeSpan DefaultTime = TimeSpan.FromMilliseconds(250);

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _maxTime = maxTime ?? DefaultTime;
    private int _characters;

    public bool Exhausted { get; private set; }

    /// <summary>True when <paramref name="characters"/> more may be read.</summary>
    public bool Spend(int characters)
    {
        if (Exhausted) return false;
        if (_characters + characters > maxCharacters || Stopwatch.GetElapsedTime(_started) > _maxTime)
        {
            Exhausted = true;
            return false;
        }
        _characters += characters;
        return true;
    }
}
