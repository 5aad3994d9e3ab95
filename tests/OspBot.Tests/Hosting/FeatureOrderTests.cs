using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.Commands;
using OspBot.Data;
using OspBot.Escalations;
using OspBot.Jobs;
using OspBot.Mail;
using OspBot.MeetingPack;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Reports;
using OspBot.Requests;
using OspBot.Rounds;
using OspBot.Teams.Hosting;
using OspBot.UpdateForm;

namespace OspBot.Tests.Hosting;

/// Program.cs adds one feature per line; the order of those lines must not matter. What one feature replaces in
/// another (the rounds' answer to meetings, the meetings' out-of-office check) and what they declare (commands,
/// renderers) comes out the same either way. The database comes first (what reads it at start, the scheduler and the
/// report recovery, checks that), and the rest in any order.
public sealed class FeatureOrderTests
{
    private static readonly Action<IHostApplicationBuilder>[] Features =
    [
        b => b.AddTeamsBot(), b => b.AddMembers(), b => b.AddOutbox(), b => b.AddRounds(), b => b.AddMeetings(), b => b.AddReports(),
        b => b.AddMail(), b => b.AddUpdateForm(), b => b.AddReportSignOff(), b => b.AddSubGroupReport(),
        b => b.AddRequests(), b => b.AddEscalations(), b => b.AddMeetingPack(),
    ];

    [Fact]
    public void Features_added_in_any_order_make_the_same_bot()
    {
        var forward = Describe(Features);
        var backward = Describe([.. Features.Reverse()]);

        Assert.Equal(forward, backward);
        Assert.Contains("IMeetingRounds: RoundPlanner", forward);
        Assert.Contains("IAbsenceCheck: OutOfOfficeCheck", forward);
        Assert.Contains($"renders: {string.Join(",", Enum.GetNames<DeliveryKind>().Order())}", forward);
    }

    [Fact]
    public void What_reads_the_database_at_start_refuses_to_come_before_it()
    {
        Assert.Contains("AddOspDatabase", Assert.Throws<InvalidOperationException>(() => Builder().AddOspJobs()).Message, StringComparison.Ordinal);
        Assert.Contains("AddOspDatabase", Assert.Throws<InvalidOperationException>(() => Builder().AddReports()).Message, StringComparison.Ordinal);
    }

    private static List<string> Describe(IEnumerable<Action<IHostApplicationBuilder>> features)
    {
        var builder = Builder();
        builder.AddOspDatabase();
        builder.AddOspJobs();
        foreach (var add in features)
        {
            add(builder);
        }
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        return
        [
            .. sp.GetRequiredService<CommandTable>().All.Select(c => $"{c.Kind} {c.Name} {c.Roles}"),
            $"IMeetingRounds: {sp.GetRequiredService<IMeetingRounds>().GetType().Name}",
            $"IAbsenceCheck: {sp.GetRequiredService<IAbsenceCheck>().GetType().Name}",
            $"ICallerDirectory: {sp.GetRequiredService<ICallerDirectory>().GetType().Name}",
            $"renders: {string.Join(",", sp.GetServices<IOutboxRenderer>().SelectMany(r => r.Kinds).Select(k => k.ToString()).Order())}",
            // Planners do not depend on each other (the rounds' plan deliveries, the requests' intake reads submissions),
            // so which runs first is not part of the bot; which ones run is.
            $"planners: {string.Join(",", sp.GetServices<IDeliveryPlanner>().Select(p => p.GetType().Name).Order())}",
            $"dispatch now: {sp.GetRequiredService<IDispatchNow>().GetType().Name}",
            $"report jobs: {sp.GetRequiredService<IReportJobs>().GetType().Name}",
        ];
    }

    private static HostApplicationBuilder Builder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["Database:ConnectionString"] = $"Data Source=order-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        return builder;
    }
}
