using OutlookCommit.Analysis;

namespace OutlookCommit.Analysis.Tests;

/// <summary>Shared engine instance and the paths of the labelled data the tests read.</summary>
public static class TestData
{
    private static readonly Lazy<DraftAnalyzer> LazyAnalyzer = new(() =>
    {
        var analyzer = new DraftAnalyzer();
        analyzer.WarmUp();
        return analyzer;
    });

    public static DraftAnalyzer Analyzer => LazyAnalyzer.Value;

    /// <summary>
    /// The shared folder (domain cases, data sets) lives beside the repository checkout, on developer machines
    /// and in CI alike: walk up from the test binaries until a folder holds it.
    /// </summary>
    public static string SharedFile(string relative)
    {
        // From the test binaries (default output) or from this source file (an --artifacts-path build elsewhere).
        foreach (var start in new[] { AppContext.BaseDirectory, SourceFolder() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", relative);
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException($"shared/{relative} was not found above {AppContext.BaseDirectory}; the shared folder must sit beside the checkout.");
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? AppContext.BaseDirectory;

    /// <summary>A file of the repository's own tests/cases folder, copied beside the test binaries.</summary>
    public static string CasesFile(string name) => Path.Combine(AppContext.BaseDirectory, "cases", name);
}
