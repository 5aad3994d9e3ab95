namespace OspBot.Cards;

/// Who a card is for; decides what OspBot offers them.
internal enum CardAudience
{
    /// Not (yet) matched to a person in the OSP directory.
    Unknown,

    /// Steering group or sub-group member.
    Member,

    /// Chair, lead or deputy of one or more sub-groups; answers the quarterly update.
    SubGroupLead,

    /// Oxford City Council Policy & Partnerships Team.
    Secretariat,

    /// Chair of the Oxford Strategic Partnership.
    OspChair,
}
