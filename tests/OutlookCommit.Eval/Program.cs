using System.Globalization;
using OutlookCommit.Eval;

// dotnet run --project tests/OutlookCommit.Eval -- cases FILE.jsonl [FILE2.jsonl …] [--min-f1 0.95] [--quiet]
// dotnet run --project tests/OutlookCommit.Eval -- intent FILE.txt [--min-f1 0.8]
// dotnet run --project tests/OutlookCommit.Eval -- train-asks TRAIN.txt OUT.json
const string Usage = """
    usage:
      cases FILE.jsonl [FILE.jsonl …] [--min-f1 X] [--quiet]   score labelled drafts (dev-cases format)
      intent FILE.txt [--min-f1 X]                             score the ask detector on Yes|No<TAB>sentence lines
      train-asks TRAIN.txt OUT.json                            train the English ask weights
    """;

var options = args.ToList();
double? minF1 = null;
var at = options.IndexOf("--min-f1");
if (at >= 0)
{
    if (at + 1 >= options.Count || !double.TryParse(options[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
    {
        Console.Error.WriteLine("--min-f1 needs a number between 0 and 1");
        return 2;
    }
    minF1 = f;
    options.RemoveRange(at, 2);
}
var quiet = options.Remove("--quiet");

if (options.Count < 2)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var missing = options.Skip(1).Take(options[0] == "train-asks" ? 1 : int.MaxValue).FirstOrDefault(p => !File.Exists(p));
if (missing is not null)
{
    Console.Error.WriteLine($"no such file: {missing}");
    return 2;
}

return options[0] switch
{
    "cases" => CaseEval.Run(options.Skip(1).ToList(), minF1, quiet),
    "intent" => IntentEval.Run(options[1], minF1),
    "train-asks" when options.Count == 3 => AskTrainer.Run(options[1], options[2]),
    _ => Usage2(),
};

static int Usage2()
{
    Console.Error.WriteLine("unknown command; run without arguments for usage");
    return 2;
}
