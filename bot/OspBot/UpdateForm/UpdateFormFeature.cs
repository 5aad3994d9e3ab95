using OspBot.Hosting;
using OspBot.Mail;

namespace OspBot.UpdateForm;

public static class UpdateFormFeature
{
    /// <summary>
    /// The quarterly update on a web form, for partners outside the council's Teams: the link in their prompt, chaser
    /// and "editing window closes" e-mails opens a server-rendered page with the Teams card's content, under the same
    /// rules (UpdateEditor). Signed links from the shared key ring, anti-forgery, rate limits, a strict CSP, and an
    /// optional one-time code to the person's address (Mail:RequireCode).
    /// </summary>
    public static IHostApplicationBuilder AddUpdateForm(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMailServices();
        builder.AddSignedLinks();
        builder.AddMailLinkProtection();
        builder.Services.AddSingleton<UpdateFormSessions>();
        builder.Services.AddScoped<UpdateFormAccess>();
        return builder;
    }

    /// <summary>GET and POST /mail/update/{updateId}?t=… (and …/code with Mail:RequireCode); GET /mail/form.css.</summary>
    public static WebApplication MapUpdateForm(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMailLinkProtection();
        UpdateFormEndpoints.Map(app);
        app.MapGet(UpdateFormPage.StylePath, UpdateFormStyle.Serve);
        return app;
    }
}

/// The form's style sheet, a file of its own (update-form.css, embedded in the assembly) because the CSP allows no
/// inline style.
internal static class UpdateFormStyle
{
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(UpdateFormStyle).Assembly.GetManifestResourceStream("OspBot.UpdateForm.update-form.css")
            ?? throw new InvalidOperationException("update-form.css is not embedded in the bot's assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(Css.Value, "text/css; charset=utf-8");
    }
}
