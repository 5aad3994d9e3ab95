using OspBot.Commands;
using OspBot.Outbox;

namespace OspBot.Reports;

public static class SignOffFeature
{
    /// <summary>
    /// Each sub-group signs off its part of the annual report: `compile report` drafts and sends the parts (through
    /// the outbox), the part cards' Approve / Save changes / Ask the secretariat, and the secretariat's `report parts`
    /// card (chase the waiting, mark final). Compiling uses approved parts as approved.
    /// </summary>
    public static IHostApplicationBuilder AddReportSignOff(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<PartSignOffService>();
        builder.Services.AddScoped<IOutboxRenderer, PartDeliveryRenderer>();
        builder.Services.AddBotCommands(PartCardActions.Declare);
        return builder;
    }
}
