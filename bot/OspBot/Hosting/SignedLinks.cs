using OspBot.Common;
using OspBot.Data;

namespace OspBot.Hosting;

public static class SignedLinks
{
    /// <summary>
    /// What signed download links need, for every feature that offers one: DownloadLinkOptions (section "DownloadLinks") and the
    /// Data Protection key ring that signs them. Links must survive restarts and work on every instance, so the keys
    /// are kept in the database every instance shares (or a folder the operator names), not in memory. Features that offer
    /// downloads call it; once is enough, and more is harmless.
    /// </summary>
    public static IHostApplicationBuilder AddSignedLinks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(SignedLinksMarker)))
        {
            return builder;
        }
        builder.Services.AddSingleton<SignedLinksMarker>();
        builder.Services.AddOptions<DownloadLinkOptions>()
            .BindConfiguration(DownloadLinkOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(DownloadLinkOptions.Section).Get<DownloadLinkOptions>() ?? new();
        // Links must survive restarts and work on every instance: the keys that sign them live in the database,
        // or in DownloadLinks:KeyRingFolder when an operator asks for a folder.
        builder.Services.AddOspKeyRing(options.KeyRingFolder);
        return builder;
    }

    private sealed class SignedLinksMarker;
}
