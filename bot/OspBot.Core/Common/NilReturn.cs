using System.Text.RegularExpressions;

namespace OspBot.Common;

/// A section item that says there is nothing to say: "None", "N/A", "No requests this quarter", "There are no
/// particular challenges or blocks to progress to report currently." Leads write one rather than leave a section
/// empty; the report leaves it out, the register takes no request from it, and it is never a persistent challenge.
public static partial class NilReturn
{
    public static bool Is(string text) => Pattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:(?:none|n/?a|nil|not applicable|nothing(?: to report)?|-+)(?: (?:at present|at this time|this quarter|currently))?|no (?:particular |specific )?(?:challenges|blocks|requests?|issues)[^\n]{0,80}|there are no (?:particular |specific )?(?:challenges|blocks|requests|issues)[^\n]{0,80})[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
