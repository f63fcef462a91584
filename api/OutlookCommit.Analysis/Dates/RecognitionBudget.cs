using System.Diagnostics;

namespace OutlookCommit.Analysis.Dates;

/// <summary>
/// How much text date recognition may read for one draft. The recognizers cost about a millisecond per character
/// of date-dense text, so recognition stops after this much of the rep's text — more than a real follow-up has —
/// and, as a backstop on a starved machine, after this much time. The character bound decides in practice, so
/// results do not depend on load. <see cref="Exhausted"/> marks the analysis as truncated.
/// </summary>
public sealed class RecognitionBudget(int maxCharacters = RecognitionBudget.DefaultCharacters, TimeSpan? maxTime = null)
{
    public const int DefaultCharacters = 2_500;
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(1);

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
