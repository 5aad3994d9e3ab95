using OspBot.Cards.Common;

namespace OspBot.Cards.Rounds;

/// One line per chair or lead under a sub-group on the status card, in London time:
/// "Hannah Whitfield, lead: prompted 19 Oct 2026, 9:00 in Teams · 2 chasers, the last 23 Oct 2026, 9:00";
/// "Lead not named yet (Community Safety Service Manager): not prompted yet"; "Seat not filled (…), chair: nobody to prompt".
internal static class PersonLines
{
    public static string Line(PersonRow person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var seat = string.IsNullOrWhiteSpace(person.SeatTitle) ? person.Role : CardBlocks.Name(person.SeatTitle);
        if (person.IsVacant)
        {
            return $"Seat not filled ({seat}), {person.Role}: nobody to prompt";
        }

        var who = person.Name is { } name
            ? $"{CardBlocks.Name(name)}, {person.Role}"
            : $"{char.ToUpperInvariant(person.Role[0])}{person.Role[1..]} not named yet ({seat})";
        var prompted = person.PromptedAt is { } at ? $"prompted {CardFormat.ShortDateTime(at)}{Channel(person.Channel)}" : "not prompted yet";
        var chased = person.Chasers switch
        {
            0 => "",
            1 when person.LastChasedAt is { } last => $" · 1 chaser, {CardFormat.ShortDateTime(last)}",
            var n when person.LastChasedAt is { } last => $" · {CardFormat.Count(n)} chasers, the last {CardFormat.ShortDateTime(last)}",
            var n => $" · {CardFormat.Count(n)} chasers",
        };
        return $"{who}: {prompted}{chased}";
    }

    private static string Channel(SentBy? channel) => channel switch
    {
        SentBy.Teams => " in Teams",
        SentBy.Email => " by e-mail",
        _ => "",
    };
}
