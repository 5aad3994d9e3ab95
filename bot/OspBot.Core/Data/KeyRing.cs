using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace OspBot.Data;

/// Where the ASP.NET Core Data Protection keys that sign download links (reports, meeting invitations) are kept.
public static class KeyRing
{
    /// <summary>
    /// In the database (the DataProtectionKeys table) unless <paramref name="folder"/> is set, so every instance on
    /// one database signs and checks links with the same keys and nothing needs a shared volume. The framework
    /// creates, activates and retires keys on its own schedule (a new key every 90 days, made two days before it is
    /// needed) and keeps the old ones, so a link signed with a retired key still opens until its own expiry.
    /// </summary>
    public static IDataProtectionBuilder AddOspKeyRing(this IServiceCollection services, string? folder)
    {
        var keyRing = services.AddDataProtection().SetApplicationName("OspBot");
        return string.IsNullOrWhiteSpace(folder)
            ? keyRing.PersistKeysToDbContext<OspDbContext>()
            : keyRing.PersistKeysToFileSystem(new DirectoryInfo(folder));
    }
}
