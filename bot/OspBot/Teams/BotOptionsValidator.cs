using Microsoft.Extensions.Options;

namespace OspBot.Teams;

/// Checks the Bot Framework settings at start-up and says which setting to fix, as the SDK's
/// ConfigurationServiceClientCredentialFactory does (the credential itself in BotCredentialValidation), plus our own rule: without authentication the bot
/// listens on loopback only, unless told otherwise.
internal sealed class BotOptionsValidator(IConfiguration configuration, TimeProvider time) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = [];
        for (var i = 0; i < options.AllowedTenants.Count; i++)
        {
            if (!Guid.TryParse(options.AllowedTenants[i], out _))
            {
                errors.Add($"AllowedTenants:{i} '{options.AllowedTenants[i]}' is not a GUID: list the Entra tenant ids whose Teams users the bot serves.");
            }
        }

        if (!options.AuthenticationEnabled)
        {
            if (!options.AllowUnauthenticatedNonLoopback && NonLoopbackUrls().FirstOrDefault() is { } url)
            {
                errors.Add($"MicrosoftAppId is empty, so channel authentication is off, but the bot is told to listen on {url}. "
                    + "Set MicrosoftAppId (with MicrosoftAppPassword/MicrosoftAppTenantId) for a real Azure Bot, listen on "
                    + "localhost only (ASPNETCORE_URLS=http://localhost:3978), or set AllowUnauthenticatedNonLoopback=true "
                    + "if you really mean to accept unauthenticated traffic from the network.");
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            errors.Add($"MicrosoftAppId '{options.MicrosoftAppId}' is not a GUID: set it to the Azure Bot's Microsoft App ID.");
        }

        errors.AddRange(BotCredentialValidation.Errors(options, time.GetUtcNow()));
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        if (hasTenant && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            errors.Add($"MicrosoftAppTenantId '{options.MicrosoftAppTenantId}' is not a GUID: set it to the tenant id of the app registration.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private IEnumerable<string> NonLoopbackUrls()
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? ""))
            .Where(u => u.Length > 0);
        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                yield return url;
            }
        }

        // ASPNETCORE_HTTP_PORTS binds every interface; it applies only when no urls are set.
        if (string.IsNullOrEmpty(configuration["urls"]) && configuration["http_ports"] is { Length: > 0 } ports)
        {
            yield return $"http://*:{ports}";
        }
    }

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (*, +, 0.0.0.0, [::]) are not valid Uri hosts or are not loopback.
        var host = url.Split("://", 2) is [_, var rest] ? rest.Split('/')[0] : url;
        host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }
}
