using Microsoft.Extensions.DependencyInjection.Extensions;
using OspBot.Cards.Common;
using OspBot.Cards.MeetingPack;
using OspBot.Cards.Model;
using OspBot.Commands;
using OspBot.Escalations;
using OspBot.Hosting;
using OspBot.Jobs.MeetingPack;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Requests;
using OspBot.Rounds;
using OspBot.Teams;

namespace OspBot.MeetingPack;

public static class MeetingPackFeature
{
    /// <summary>
    /// The steering group's meeting pack: `meeting pack` (or the round's deadline) queues a persisted build of a .docx
    /// for the meeting the newest round feeds (agenda, one-page summary, each sub-group's update, the requests
    /// register); the job keeps every version and turns the progress card into an expiring download link
    /// (MapMeetingPack). With Graph the pack is uploaded and linked from the meeting's calendar event.
    /// </summary>
    public static IHostApplicationBuilder AddMeetingPack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSignedLinks();
        builder.Services.AddRequestServices();
        builder.Services.AddEscalationServices();
        builder.Services.AddMeetingPackServices();
        builder.Services.AddScoped<IMeetingPackCardRenderer, MeetingPackCardRenderer>();
        // The same Bot Connector calls as the annual report's card; whichever feature comes first registers them.
        builder.Services.TryAddScoped<IReportCardSender, ConnectorReportCardSender>();
        builder.AddMeetingPackJobs();
        builder.Services.AddBotCommands(Declare);
        return builder;
    }

    internal static void Declare(CommandTableBuilder table) => table
        // Not in the Teams menu: its ten places are taken; `help` lists it.
        .Text<MeetingPackCommands>("meeting pack", "Build the steering group's meeting pack from the newest round", Roles.Secretariat,
            c => c.BuildAsync, aliases: ["pack"], inMenu: false)
        .Card<MeetingPackCommands>(MeetingPackVerbs.Build, Roles.Secretariat, c => c.BuildAgainAsync);
}

/// `meeting pack` and "Build again": queue a build and show its progress card (which the job keeps up to date), or
/// say that one is being built already, or why not.
internal sealed class MeetingPackCommands(MeetingPackBuilds builds)
{
    /// The progress card is sent first, so its activity id can be remembered for the job to update.
    public async Task<BotReply> BuildAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (card, started) = await RequestAsync(request, ct);
        var sentId = await request.SendAsync(card, ct);
        if (started is { } id)
        {
            await builds.StartAsync(id, sentId, ct);
        }
        return new BotReply();
    }

    /// The pressed card (a failed build's) becomes the new progress card.
    public async Task<BotReply> BuildAgainAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (card, started) = await RequestAsync(request, ct);
        if (started is { } id)
        {
            await builds.StartAsync(id, request.PressedActivityId, ct);
        }
        return BotReply.With(card);
    }

    private async Task<(AdaptiveCard Card, int? Started)> RequestAsync(CommandRequest request, CancellationToken ct) =>
        await builds.RequestAsync(request.Caller.ToActor(), new CardAddress(request.ServiceUrl, request.ConversationId), ct) switch
        {
            PackRequestResult.Started s => (MeetingPackCards.Progress(s.QuarterLabel, s.Build.Stage ?? "queued"), s.Build.Id),
            PackRequestResult.AlreadyBuilding a => (MeetingPackCards.AlreadyBuilding(a.QuarterLabel, a.Existing.Stage ?? "queued"), null),
            PackRequestResult.Refused { Refusal: var refusal } => (MessageCards.Message("Sorry", refusal.Message), null),
            _ => throw new InvalidOperationException("Unknown pack request."),
        };
}
