using System.Globalization;
using System.Text;

namespace OspBot.Requests;

/// The register as CSV (for Excel) and as Markdown (the plain-text rendition).
internal static class RegisterExport
{
    private static readonly string[] Header = ["Id", "Sub-group", "Quarter", "Request", "Status", "Owner", "Due", "Response", "Changed", "Changed by"];

    public static string Csv(IEnumerable<RequestView> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var r in requests)
        {
            Row(csv, [
                r.Id.ToString(CultureInfo.InvariantCulture), r.GroupName, r.Quarter.Label, r.Text, RequestRules.Describe(r.Status),
                r.OwnerName ?? "", Date(r.DueDate), r.Response ?? "", r.UpdatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), r.UpdatedBy]);
        }
        return csv.ToString();
    }

    /// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. A field a
    /// spreadsheet would run as a formula (starting =, +, -, @, or a tab or carriage return) gets a leading
    /// apostrophe, so a request typed as "=HYPERLINK(...)" opens as the text it is (OWASP "CSV injection").
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Markdown(IEnumerable<RequestView> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var md = new StringBuilder("# Requests register\n");
        foreach (var group in requests.GroupBy(r => r.GroupName))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {Inline(group.Key)}\n\n| Quarter | Request | Status | Owner | Due | Response |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var r in group)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {r.Quarter.Label} | {Inline(r.Text)} | {RequestRules.Describe(r.Status)} | {Inline(r.OwnerName ?? "")} | {Date(r.DueDate)} | {Inline(r.Response ?? "")} |\n");
            }
        }
        return md.ToString();
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// One table cell: line breaks become spaces and pipes and Markdown marks are escaped, so a lead's text cannot
    /// break the table or format itself.
    private static string Inline(string text)
    {
        var cell = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                cell.Append('\\');
            }
            cell.Append(c);
        }
        return cell.ToString();
    }
}
