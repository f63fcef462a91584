namespace OutlookCommit.Analysis.Dates;

public enum DateQuality
{
    /// <summary>A future date, time or a bounded window of at most about a week.</summary>
    Resolvable,
    /// <summary>Already past at the reference time.</summary>
    Past,
    /// <summary>Too wide to plan around ("next month", "in January").</summary>
    TooWide,
    /// <summary>A bare duration or a recurring time that says nothing about when the next step is.</summary>
    NotATime,
}

/// <summary>A time expression found in the text, resolved in the reference time's offset.</summary>
public sealed record DateMention(int Start, int End, string Text, DateTimeOffset From, DateTimeOffset? To, DateQuality Quality, bool HasTimeOfDay, bool IsWeekdayOnly = false)
{
    /// <summary>A clock time with no day of its own ("下午2点", "at 3pm").</summary>
    public bool IsTimeOnly { get; init; }

    /// <summary>A rule's reading that replaces whatever the recognizers read over the same words ("by the end of the month").</summary>
    public bool ReplacesRecognizer { get; init; }

    public bool Overlaps(int start, int end) => Start < end && start < End;
}
