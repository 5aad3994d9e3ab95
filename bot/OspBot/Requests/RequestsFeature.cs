using OspBot.Cards.Requests;
using OspBot.Commands;
using OspBot.Hosting;
using OspBot.Outbox;

namespace OspBot.Requests;

public static class RequestsFeature
{
    /// <summary>
    /// The requests register ("you asked / we did"): each submitted update's section 4 taken in as requests, the
    /// secretariat's `requests` card (filters, owner, status, due date, response, the steering group's agenda, CSV),
    /// the owner's card through the outbox, and the CSV/Markdown download (MapRequests).
    /// </summary>
    public static IHostApplicationBuilder AddRequests(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSignedLinks();
        builder.Services.AddRequestServices();
        builder.Services.AddSingleton<RegisterLinks>();
        builder.Services.AddScoped<IOutboxRenderer, RequestOwnerRenderer>();
        builder.Services.AddBotCommands(Declare);
        return builder;
    }

    internal static void Declare(CommandTableBuilder table) => table
        // Not in the Teams menu: its ten places are taken; `help` lists it.
        .Text<RequestCommands>("requests", "Work the register of the sub-groups' requests for OSP support", Roles.Secretariat,
            c => c.ListAsync, usage: "requests (or: requests all, requests done, requests stronger)", argument: ArgumentMode.Optional, inMenu: false)
        .Card<RequestCommands>(RequestVerbs.Filter, Roles.Secretariat, c => c.FilterAsync)
        .Card<RequestCommands>(RequestVerbs.Export, Roles.Secretariat, c => c.ExportAsync)
        .Card<RequestCommands>(RequestVerbs.Agenda, Roles.Secretariat, c => c.AgendaAsync)
        // The owner may be anyone in the directory; the register checks it is theirs.
        .Card<RequestCommands>(RequestVerbs.Save, Roles.Member, c => c.SaveAsync);
}
