using System.Globalization;
using System.Text;
using OspBot.Common;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// Writes a <see cref="ReportModel"/> as Markdown for quick reading; user text is escaped so it shows as written.
/// The officer's notes (the .docx's comments) are footnotes ("[^3]", GitHub-flavoured), listed at the end.
internal static class MarkdownReportWriter
{
    public static string Write(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var md = new StringBuilder();
        var notes = new List<string>();
        md.Append("# ").Append(Escape(model.Title)).Append("\n\n");
        if (model.Cover.Count > 0)
        {
            md.Append("| ").Append(Escape(model.CoverHeading)).Append(" | |\n| --- | --- |\n");
            foreach (var row in model.Cover)
            {
                md.Append("| **").Append(Escape(row.Label)).Append("** | ")
                    .AppendJoin("<br>", row.Lines.Select(l => Escape(l).Replace("\n", "<br>", StringComparison.Ordinal))).Append(" |\n");
            }
            md.Append('\n');
        }
        foreach (var section in model.Sections)
        {
            md.Append(section.Level == 1 ? "## " : "### ").Append(Escape(section.Heading)).Append(Note(notes, section.Comment)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                Block(md, block, notes);
            }
        }
        for (var i = 0; i < notes.Count; i++)
        {
            md.Append("[^").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("]: ").Append(Escape(notes[i])).Append('\n');
        }
        return md.ToString();
    }

    /// The footnote reference for a comment, numbered in order of appearance; "" for none.
    private static string Note(List<string> notes, string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return "";
        }
        notes.Add(PastedText.Clean(comment).Replace('\n', ' '));
        return "[^" + notes.Count.ToString(CultureInfo.InvariantCulture) + "]";
    }

    private static void Block(StringBuilder md, ReportBlock block, List<string> notes)
    {
        switch (block)
        {
            case ReportParagraph { Number: { } n } p:
                var marker = n.ToString(CultureInfo.InvariantCulture) + ". ";
                md.Append(marker).Append(Lines(p.Text, new string(' ', marker.Length))).Append(Note(notes, p.Comment)).Append("\n\n");
                break;
            case ReportParagraph p:
                md.Append(Lines(p.Text, "")).Append(Note(notes, p.Comment)).Append("\n\n");
                break;
            case ReportListHeading h:
                md.Append("**").Append(Escape(h.Text)).Append("**").Append(Note(notes, h.Comment)).Append("\n\n");
                break;
            case ReportBulletList list:
                foreach (var item in list.Items)
                {
                    md.Append("- ").Append(Lines(item.Text, "  ")).Append(Note(notes, item.Comment)).Append('\n');
                }
                md.Append('\n');
                break;
            case ReportTable table:
                md.Append("| ").AppendJoin(" | ", table.Header.Select(Escape)).Append(" |\n|")
                    .Append(string.Concat(Enumerable.Repeat(" --- |", table.Header.Count))).Append('\n');
                foreach (var row in table.Rows)
                {
                    md.Append("| ").AppendJoin(" | ", row.Select(c => Escape(c).Replace("\n", "<br>", StringComparison.Ordinal))).Append(" |\n");
                }
                md.Append('\n');
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    /// Line breaks inside an item become hard breaks (trailing backslash), continuation lines indented to stay in the item.
    private static string Lines(string text, string indent) =>
        string.Join("\\\n" + indent, text.Split('\n').Select(Escape));

    /// Backslash-escapes every ASCII punctuation character CommonMark could read as markup, and the characters
    /// that would start a block (heading, list, quote) at the start of a line.
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '~' or '!' or '#' or '{' or '}')
            {
                sb.Append('\\');
            }
            else if (i == 0 && c is '+' or '-' or '=')
            {
                sb.Append('\\');
            }
            else if (c is '.' or ')' && i > 0 && char.IsAsciiDigit(text[i - 1]) && IsLeadingNumber(text, i))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // "12." at the start of a line would begin an ordered list.
    private static bool IsLeadingNumber(string text, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
