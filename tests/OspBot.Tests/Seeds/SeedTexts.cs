using System.Text.RegularExpressions;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Seeds;

/// The project's source documents, read where they are kept (shared/seeds beside the schemas, never copied into
/// the tests), and the one parser that cuts an update into the template's four sections at its numbered headings.
internal static partial class SeedTexts
{
    /// Stronger Communities update, mid-2019, PDF text.
    public const string Mid2019 = "000_91fefc7a839040f0.txt";

    /// Stronger Communities update, early 2019, scanned (OCR) text.
    public const string Early2019Ocr = "002_1d5a24d985c60213.txt";

    /// Oxford City Council's annual OSP report, 15 July 2024.
    public const string CouncilReport2024 = "004_51886f35076676f6.txt";

    private static readonly Lazy<string> Folder = new(() => Path.Combine(Path.GetDirectoryName(SchemaFiles.SchemasDirectory)!, "seeds"));

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder.Value, file));

    /// The four answers of an update, text kept exactly as extracted apart from the whitespace around each.
    public static SeedSections Sections(string file)
    {
        var text = Read(file);
        var headings = Heading().Matches(text);
        Assert.True(headings.Count == 4, $"{file}: expected the template's 4 numbered headings, found {headings.Count}");
        string Section(int i) =>
            text[(headings[i].Index + headings[i].Length)..(i + 1 < headings.Count ? headings[i + 1].Index : text.Length)].Trim();
        return new(Section(0), Section(1), Section(2), Section(3));
    }

    [GeneratedRegex(@"^\s*[1-4]\. (Achievements since last update|Plans for the next six months|Challenges and/or blocks to progress|Requests for OSP support/advice/action/intervention \(if required\))[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}

/// The template's four sections of one update.
internal sealed record SeedSections(string Achievements, string Plans, string Challenges, string Requests);
