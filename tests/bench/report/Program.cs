using System.Diagnostics;
using System.Globalization;
using OspBot.Bench.Report;
using OspBot.Reports;
using OspBot.Reports.Drafting;

// Ten years of updates (4 sub-groups x 4 quarters, sections of about 1,500 characters) compiled to .docx and Markdown:
// first each year's report on its own, then one report over all 160 updates (the worst case for merging).
var outDir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "ospbot-report-bench");
Directory.CreateDirectory(outDir);
var profile = ReportProfile.Sample();
var years = Enumerable.Range(2015, 10).Select(y => UpdateGenerator.Year(y, profile)).ToList();

var total = Stopwatch.StartNew();
long docxBytes = 0;
foreach (var input in years)
{
    docxBytes += Run(input, Path.Combine(outDir, $"report-{input.FinancialYear}"));
}
var perYear = total.Elapsed;

// Ten years' updates as one year's: 40 updates per sub-group, so each quarter number recurs ten times and every
// section merges ten times as many items.
var all = years[^1] with
{
    SubGroups = [.. years[0].SubGroups.Select((g, i) => g with { Updates = [.. years.SelectMany(y => y.SubGroups[i].Updates)] })],
};
var single = Stopwatch.StartNew();
var allBytes = Run(all, Path.Combine(outDir, "report-all-years"));
var allYears = single.Elapsed;
total.Stop();

// Merging alone, on a quarter, half and all of the ten years' achievement items: linear work doubles with the items.
var items = years.SelectMany(y => y.SubGroups).SelectMany(g => g.Updates).SelectMany(u => SectionDrafter.Pieces(u.Achievements)).ToList();
int[] fractions = [4, 2, 1];
var scaling = fractions.Select(d => items.Take(items.Count / d).ToList()).Select(slice =>
{
    ItemMerger.Cluster(slice);
    var sw = Stopwatch.StartNew();
    var clusters = ItemMerger.Cluster(slice).Count;
    return string.Create(CultureInfo.InvariantCulture, $"{slice.Count} items -> {clusters} in {sw.Elapsed.TotalMilliseconds:F1} ms");
}).ToList();

var hwm = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Trim();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"""
    10 annual reports (16 updates each): {perYear.TotalMilliseconds:F0} ms, {docxBytes / 1024} KiB of .docx
    1 report over all 160 updates:        {allYears.TotalMilliseconds:F0} ms, {allBytes / 1024} KiB of .docx
    total elapsed:                         {total.Elapsed.TotalMilliseconds:F0} ms
    merging alone:                         {string.Join("; ", scaling)}
    process CPU time (includes start-up):  {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms
    peak memory (VmHWM):                   {hwm}
    output:                                {outDir}
    """));

static long Run(AnnualReportInput input, string path)
{
    var sw = Stopwatch.StartNew();
    var model = AnnualReportCompiler.Compile(input);
    var compiled = sw.Elapsed.TotalMilliseconds;
    using (var docx = File.Create(path + ".docx"))
    {
        DocxReportWriter.Write(model, docx);
    }
    var written = sw.Elapsed.TotalMilliseconds;
    File.WriteAllText(path + ".md", MarkdownReportWriter.Write(model));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetFileName(path)}: compile {compiled:F0} ms, docx {written - compiled:F0} ms, markdown {sw.Elapsed.TotalMilliseconds - written:F0} ms"));
    return new FileInfo(path + ".docx").Length;
}
