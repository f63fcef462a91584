using System.Diagnostics;
using System.Text;

namespace OutlookCommit.Fuzz;

/// <summary>
/// The fallback when afl-fuzz cannot run: blind random mutations of the seed files (byte flips, splices, repeats,
/// HTML and marker fragments) for a fixed time. No coverage guidance, so it finds only shallow failures; every
/// failing or slow input is written to $TMPDIR/outlookcommit-fuzz-findings/ for a look and for the corpus.
/// </summary>
public static class MutationLoop
{
    private static readonly string[] Fragments =
    [
        "<div>", "</div>", "<blockquote>", "</blockquote>", "<div id=\"divRplyFwdMsg\">", "<div class=\"gmail_quote\">",
        "<p>", "<br>", "<table><tr><td>", "<!--", "-->", "<script>", "</script>", "&amp;", "&#xD800;", "&#0;", "\r\n",
        "\nOn Tue, Dec 1, 2026 at 9:14 AM Ken <ken@x.com> wrote:\n", "\n-----原始邮件-----\n", "\n发件人: 张总\n发送时间: 2026年11月26日\n",
        "\nFrom: Ken\nSent: Monday\n", "\n> ", "\n--\n", "\nBest,\nAmy\n", "Tel: +1 415 555 0100", "😀", "\u202E", "\uFEFF",
    ];

    public static int Run(TimeSpan duration, string[] folders)
    {
        var seeds = folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)).Select(File.ReadAllBytes).ToList();
        if (seeds.Count == 0) { Console.WriteLine("no seed files"); return 1; }
        DocumentTarget.Run(seeds[0]); // builds the lexicons, so the first timed input is not seconds slow
        var random = new Random(Environment.TickCount);
        var findings = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "outlookcommit-fuzz-findings"));
        var watch = Stopwatch.StartNew();
        long execs = 0, failures = 0, slow = 0;
        while (watch.Elapsed < duration)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)], random);
            var one = Stopwatch.StartNew();
            try { DocumentTarget.Run(input); }
            catch (Exception e)
            {
                failures++;
                File.WriteAllBytes(Path.Combine(findings.FullName, $"crash-{failures}-{e.GetType().Name}"), input);
            }
            if (one.Elapsed > TimeSpan.FromSeconds(2))
                File.WriteAllBytes(Path.Combine(findings.FullName, $"slow-{++slow}"), input);
            execs++;
        }
        Console.WriteLine($"mutate: {execs} execs in {watch.Elapsed.TotalSeconds:F0} s, {failures} failures, {slow} slow (> 2 s); findings in {findings.FullName}");
        return failures > 0 ? 1 : 0;
    }

    private static byte[] Mutate(byte[] seed, byte[] other, Random random)
    {
        var data = new List<byte>(seed);
        for (var round = random.Next(1, 8); round > 0; round--)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when data.Count > 0: data.RemoveRange(at, Math.Min(random.Next(1, 64), data.Count - at)); break;
                case 2: data.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)])); break;
                case 3 when other.Length > 0:
                    var from = random.Next(other.Length);
                    data.InsertRange(at, other.Skip(from).Take(random.Next(1, 256)));
                    break;
                case 4 when data.Count > 0:
                    var piece = data.Skip(at).Take(random.Next(1, 16)).ToArray();
                    for (var n = random.Next(2, 500); n > 0; n--) data.InsertRange(at, piece);
                    break;
                default: data.Insert(at, (byte)random.Next(256)); break;
            }
        }
        return data.Count > 1_000_000 ? data.GetRange(0, 1_000_000).ToArray() : data.ToArray();
    }
}
