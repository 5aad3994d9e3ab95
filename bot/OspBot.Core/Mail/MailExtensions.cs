using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Graph;
using OspBot.Outbox;

namespace OspBot.Mail;

public static class MailExtensions
{
    /// <summary>
    /// E-mail as the outbox's second channel: MailOptions from section "Mail", the composer, and one transport: Graph
    /// sendMail when Graph is configured, else SMTP when Mail:Smtp:Host is set, else the pickup folder.
    /// </summary>
    public static IHostApplicationBuilder AddMailServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(MailComposer)))
        {
            return builder; // the Mail and UpdateForm features both need it; once is enough
        }
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<MailComposer>();
        builder.Services.AddSingleton<ApologyLinks>();
        builder.Services.AddSingleton<UpdateFormLinks>();
        builder.Services.AddScoped<IMailChannel, MailChannel>();

        var graph = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new();
        var mail = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new();
        if (graph.IsConfigured)
        {
            builder.Services.AddSingleton<IMailTransport>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<GraphOptions>>();
                var client = GraphClients.Create(options.Value, GraphClients.Credential(options.Value));
                sp.GetRequiredService<ILogger<GraphMailTransport>>().MailTransportChosen($"Microsoft Graph sendMail from {options.Value.OrganiserMailbox}");
                return ActivatorUtilities.CreateInstance<GraphMailTransport>(sp, client);
            });
        }
        else if (!string.IsNullOrWhiteSpace(mail.Smtp.Host))
        {
            builder.Services.AddSingleton<IMailTransport, SmtpTransport>();
        }
        else
        {
            builder.Services.AddSingleton<IMailTransport, PickupFolderTransport>();
        }
        return builder;
    }
}
