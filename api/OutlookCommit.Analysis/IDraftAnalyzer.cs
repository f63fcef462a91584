using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis;

/// <summary>
/// Reads a draft and reports which commitment elements it has. Implementations are thread-safe and
/// meant to be shared: one instance per process. <see cref="Analyze"/> never throws on any draft.
/// </summary>
public interface IDraftAnalyzer
{
    DraftAnalysis Analyze(Draft draft);

    /// <summary>Loads lexicons and date models so the first real draft is not slow.</summary>
    void WarmUp();
}
