using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using OspBot.Common;
using OspBot.Data;

namespace OspBot.Hosting;

public static class SignedLinks
{
    /// <summary>
    /// What signed download links need, for every feature that offers one: DownloadLinkOptions (section "DownloadLinks") and the
    /// Data Protection key ring that signs them. Links must survive restarts and work on every instance, so the keys
    /// are kept on disk (a shared folder when there are several instances), not in memory. Features that offer
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
        builder.Services.AddDataProtection()
            .SetApplicationName("OspBot")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeyRingFolder ?? DefaultKeyFolder(builder)));
        return builder;
    }

    /// Beside the SQLite database file; under the content root's data folder otherwise (PostgreSQL, in-memory).
    private static string DefaultKeyFolder(IHostApplicationBuilder builder)
    {
        var db = DatabaseOptions.Resolve(builder);
        if (db.Provider == DatabaseProvider.Sqlite && !DatabaseOptions.IsInMemory(db.ConnectionString ?? "")
            && Path.GetDirectoryName(new SqliteConnectionStringBuilder(db.ConnectionString).DataSource) is { Length: > 0 } folder)
        {
            return Path.Combine(folder, "keys");
        }

        return Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
    }

    private sealed class SignedLinksMarker;
}
