using System.Text;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Requests;

/// GET /requests/register?t=token[&amp;format=md]: the register as CSV (or Markdown), from the link `requests` gives.
public static class RequestEndpoints
{
    public static RouteGroupBuilder MapRequests(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/requests");
        group.MapGet("/register", DownloadAsync).WithName("DownloadRequestsRegister");
        return group;
    }

    private static async Task<IResult> DownloadAsync(string? t, string? format, RegisterLinks links, RequestRegister register, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (links.Verify(t) is not { } personId)
        {
            return Results.Text("This download link is not valid or has expired. Ask OspBot for the register again for a new link.",
                "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }
        // The person the link was issued to must still be the secretariat now.
        if (await register.AllAsync(Actor.FromPerson(personId), ct) is not Lookup<IReadOnlyList<RequestView>>.Found { Value: var requests })
        {
            return Results.Text("Only the OSP secretariat can download the requests register.", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
        }
        return format is "md"
            ? Results.File(Encoding.UTF8.GetBytes(RegisterExport.Markdown(requests)), "text/markdown; charset=utf-8", "osp-requests-register.md")
            // A byte-order mark, so Excel opens the UTF-8 file with its accents and quotation marks intact.
            : Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(RegisterExport.Csv(requests))], "text/csv; charset=utf-8", "osp-requests-register.csv");
    }
}
