using OspBot.Cards.Common;
using OspBot.Cards.Rounds;
using OspBot.Commands;
using OspBot.Outbox;

namespace OspBot.Rounds;

public static class RoundsFeature
{
    /// <summary>
    /// The quarterly update rounds: their services, what they send through the outbox (prompts, chasers, reminders,
    /// digests), and their commands: `my update`, `status`, `rounds`, `open round`, `close round`, `history` and the round cards'
    /// buttons.
    /// </summary>
    public static IHostApplicationBuilder AddRounds(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRoundServices();
        // The playground's --demo-data only: earlier quarters submitted at start (off unless Demo:PreviousQuarters is set).
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddHostedService<DemoQuarterSeeder>();
        builder.Services.AddScoped<IOutboxRenderer, RoundDeliveryRenderer>();
        builder.Services.AddScoped<RoundStatusReplies>();
        builder.Services.AddBotCommands(Declare);
        return builder;
    }

    internal static void Declare(CommandTableBuilder table) => table
        .Text<RoundCommands>("my update", "Write or edit your sub-group's quarterly update", Roles.SubGroupSeat,
            c => c.MyUpdateAsync, aliases: ["my updates", "update"], shortcut: true)
        .Text<RoundCommands>("status", "See which sub-groups have sent their update this round", Roles.Secretariat,
            c => c.StatusAsync, argument: ArgumentMode.Optional, shortcut: true)
        .Text<RoundCommands>("rounds", "See past rounds and open any one's status (or type e.g. status Q3 2025/26)", Roles.Secretariat,
            c => c.RoundsAsync, aliases: ["past rounds"], shortcut: true)
        // Offered as the status card's button; not listed, as the manifest's list is full (Teams shows ten).
        .Text<RoundAdminActions>("close round", "Close this quarter's round: no more updates, and the digest goes out",
            Roles.Secretariat, a => a.CloseRoundAsync, listed: false)
        .Text<RoundCommands>("open round", "Ask sub-group chairs and leads for their quarterly updates", Roles.Secretariat, c => c.OpenRoundAsync)
        // By the sub-group's name as the cards show it, or part of it; alone or unclear, a picker.
        .Text<RoundCommands>("history", "See one sub-group's past updates", Readers,
            c => c.HistoryAsync, usage: "history Stronger Communities", argument: ArgumentMode.Optional, shortcut: true)
        .Card<RoundCommands>(RoundVerbs.SubGroupHistory, Readers, c => c.SubGroupHistoryAsync)
        .Card<UpdateCardActions>(RoundVerbs.Refresh, Roles.Anyone, a => a.RefreshAsync)
        .Card<UpdateCardActions>(RoundVerbs.OpenUpdate, Readers, a => a.EditAsync)
        .Card<UpdateCardActions>(RoundVerbs.Edit, Readers, a => a.EditAsync)
        .Card<UpdateCardActions>(RoundVerbs.EditSection, Readers, a => a.EditSectionAsync)
        .Card<UpdateCardActions>(RoundVerbs.ReadUpdate, Readers, a => a.ReadAsync)
        .Card<UpdateCardActions>(RoundVerbs.SaveDraft, Roles.SubGroupSeat, a => a.SaveDraftAsync)
        .Card<UpdateCardActions>(RoundVerbs.Submit, Roles.SubGroupSeat, a => a.SubmitAsync)
        .Card<UpdateCardActions>(RoundVerbs.CheckRequests, Roles.SubGroupSeat, a => a.CheckRequestsAsync)
        .Card<UpdateCardActions>(RoundVerbs.Approve, Roles.SubGroupSeat, a => a.ApproveAsync)
        .Card<UpdateCardActions>(RoundVerbs.RemindTomorrow, Roles.SubGroupSeat, a => a.RemindTomorrowAsync)
        .Card<RoundAdminActions>(RoundVerbs.RemindGroup, Roles.Secretariat, a => a.RemindGroupAsync)
        .Card<RoundAdminActions>(RoundVerbs.Reopen, Roles.Secretariat, a => a.ReopenAsync)
        .Card<RoundAdminActions>(RoundVerbs.CloseRound, Roles.Secretariat, a => a.CloseRoundAsync)
        .Card<RoundAdminActions>(RoundVerbs.ShowStatus, Roles.Secretariat, a => a.ShowStatusAsync)
        .Card<RoundAdminActions>(RoundVerbs.ShowHistory, Roles.Secretariat, a => a.ShowRoundsAsync)
        .Card<RoundAdminActions>(RoundVerbs.OpenRound, Roles.Secretariat, a => a.OpenRoundAsync)
        // On a steering group meeting's reminder, for any member; only the secretariat and the OSP chair are shown the updates.
        .Card<QuarterUpdatesAction>(CrossFeatureVerbs.ReadQuarterUpdates, Roles.Member, a => a.ReadAsync);

    /// Who may read an update: the secretariat, the OSP chair and the sub-group's own seats (the editor checks which).
    private const Roles Readers = Roles.Secretariat | Roles.OspChair | Roles.SubGroupSeat;
}
