using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OspBot.Graph;
using OspBot.Meetings;

namespace OspBot.Tests.Meetings;

/// AddMeetingCalendar: nothing pretends when Graph is off, and bad settings stop the start with a named setting.
public sealed class MeetingCalendarSetupTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.AddMeetingCalendar();
        return builder.Build();
    }

    [Fact]
    public void Without_Graph_no_calendar_is_registered_and_availability_says_why()
    {
        using var host = Build();

        Assert.Null(host.Services.GetService<IMeetingCalendar>());
        var availability = host.Services.GetRequiredService<MeetingCalendarAvailability>();
        Assert.False(availability.IsConfigured);
        Assert.Null(availability.TeamsAppId);
        Assert.Equal(MeetingInvitationFallback.NotConfigured, availability.Reason);
    }

    [Fact]
    public void With_Graph_the_Graph_calendar_is_registered()
    {
        using var host = Build(
            ("Graph:TenantId", "contoso.onmicrosoft.com"), ("Graph:ClientId", "11111111-1111-1111-1111-111111111111"),
            ("Graph:ClientSecret", "secret"), ("Graph:OrganiserMailbox", "secretariat@osp.test"), ("Graph:TeamsAppId", "catalog-1"));

        Assert.IsType<GraphMeetingCalendar>(host.Services.GetRequiredService<IMeetingCalendar>());
        var availability = host.Services.GetRequiredService<MeetingCalendarAvailability>();
        Assert.True(availability.IsConfigured);
        Assert.Null(availability.Reason);
        Assert.Equal("catalog-1", availability.TeamsAppId);
    }

    [Theory]
    [InlineData("Graph:ClientId is set but no credential is", "Graph:TenantId", "t", "Graph:OrganiserMailbox", "s@osp.test")]
    [InlineData("Graph:OrganiserMailbox is required", "Graph:TenantId", "t", "Graph:ClientSecret", "x")]
    [InlineData("Graph:TenantId is required", "Graph:ClientSecret", "x", "Graph:OrganiserMailbox", "s@osp.test")]
    [InlineData("Choose one Graph credential", "Graph:ClientSecret", "x", "Graph:UseManagedIdentity", "true")]
    [InlineData("Graph:CertificatePath '/nowhere/osp.pfx' does not exist", "Graph:CertificatePath", "/nowhere/osp.pfx", "Graph:TenantId", "t")]
    [InlineData("Graph:Timeout '00:00:00' must be between", "Graph:Timeout", "00:00:00", "Graph:ClientSecret", "x")]
    [InlineData("Graph:Timeout '00:10:00' must be between", "Graph:Timeout", "00:10:00", "Graph:ClientSecret", "x")]
    public void Incomplete_settings_name_the_setting(string expected, string key1, string value1, string key2, string value2)
    {
        using var host = Build(("Graph:ClientId", "client"), (key1, value1), (key2, value2));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GraphOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }
}
