using Microsoft.Extensions.DependencyInjection;
using OspBot.Outbox;
using OspBot.Requests;

namespace OspBot.Tests.MeetingPack;

/// The meeting pack registers the register's services as the requests feature does: whichever comes first, the
/// register's intake is one delivery planner, so it runs once per dispatch.
public sealed class MeetingPackWiringTests
{
    [Fact]
    public void Registering_the_register_twice_adds_its_intake_once()
    {
        var services = new ServiceCollection();
        services.AddRequestServices();
        var once = services.Count(d => d.ServiceType == typeof(IDeliveryPlanner));
        services.AddRequestServices();

        Assert.Equal(once, services.Count(d => d.ServiceType == typeof(IDeliveryPlanner)));
        Assert.Single(services, d => d.ServiceType == typeof(RequestRegister));
    }
}
