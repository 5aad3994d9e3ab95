using OspBot.Hosting;

namespace OspBot.Mail;

public static class MailFeature
{
    /// <summary>
    /// Partners outside the council's Teams: prompts, chasers, the "editing window closes" notice and meeting reminders
    /// by e-mail, through the same outbox as Teams messages (sent once, retried, recorded), to whoever the directory
    /// says is reached by e-mail (or by Teams then e-mail); and the reminders' signed apologies link.
    /// </summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMailServices();
        builder.AddSignedLinks();
        builder.AddMailLinkProtection();
        return builder;
    }

    /// <summary>GET and POST /mail/apologies/{meetingId}?t=… (signed, expiring, one person and one meeting).</summary>
    public static WebApplication MapMail(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMailLinkProtection();
        ApologiesEndpoints.Map(app);
        return app;
    }
}
