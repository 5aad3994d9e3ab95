using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using OspBot.Graph;
using OspBot.Outbox;

namespace OspBot.Mail;

/// Sends through Microsoft Graph from the organiser mailbox: POST /users/{mailbox}/sendMail with the message in MIME
/// form (base64, Content-Type text/plain), so the e-mail keeps its text alternative and the .ics attachment exactly as
/// the pickup folder writes it. Needs Mail.Send, scoped to that mailbox by an application access policy. The SDK's
/// RetryHandler retries 429 and 5xx within the attempt (honouring Retry-After); what is still throttled after that
/// goes back to the outbox to try later.
internal sealed class GraphMailTransport(
    GraphServiceClient client, IOptions<GraphOptions> graph, IOptions<MailOptions> options, TimeProvider clock, ILogger<GraphMailTransport> logger)
    : IMailTransport
{
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromMinutes(1);

    public async Task<SendOutcome> SendAsync(OutgoingMail mail, BeforeSend beforeSend, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(beforeSend);
        var mailbox = graph.Value.OrganiserMailbox!;
        var mime = MimeMail.Build(mail, options.Value, clock.GetUtcNow(), mailbox);
        using var buffer = new MemoryStream();
        await MimeMail.WriteAsync(mime, buffer, ct);
        // The SDK's typed request writes JSON; the MIME form is the same endpoint with a base64 text body.
        var request = new RequestInformation(Method.POST, "{+baseurl}/users/{user%2Did}/sendMail", new Dictionary<string, object> { ["user%2Did"] = mailbox });
        request.SetStreamContent(new MemoryStream(Encoding.ASCII.GetBytes(Convert.ToBase64String(buffer.ToArray()))), "text/plain");
        if (!await beforeSend(ct))
        {
            return new SendOutcome.Withdrawn();
        }
        try
        {
            var errors = new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
            await client.RequestAdapter.SendNoContentAsync(request, errors, ct);
            return new SendOutcome.Sent("graph:sendMail");
        }
        catch (Exception e) when (e is not OperationCanceledException || GraphErrors.TimedOut(e))
        {
            return Outcome(e, mail.ToAddress, mailbox);
        }
    }

    private SendOutcome Outcome(Exception error, string to, string mailbox)
    {
        if (GraphErrors.TimedOut(error))
        {
            return new SendOutcome.Ambiguous("Microsoft Graph did not answer in time; the e-mail may have gone.");
        }
        var (status, code, message) = GraphErrors.Describe(error);
        switch (status)
        {
            case 429 or 503:
                return new SendOutcome.Failed($"Microsoft Graph is throttling or unavailable ({status}); trying again later.", RetryAfter(error));
            case null or >= 500:
                // The request went out and no clear answer came back: it may have been sent.
                return new SendOutcome.Ambiguous($"Microsoft Graph answered {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} to sendMail: {message}");
        }
        var reason = (DeliveryReasons.EmailRefused + status switch
        {
            401 => "Microsoft Graph did not accept OspBot's credentials (401).",
            403 => $"Microsoft Graph refused to send mail from {mailbox} (403 {code}). An administrator must grant the Mail.Send " +
                "application permission and include the mailbox in its application access policy.",
            404 => $"Microsoft Graph found no mailbox {mailbox} (404 {code}). Check Graph:OrganiserMailbox.",
            _ => $"Microsoft Graph rejected the e-mail ({status} {code}): {message}",
        });
        logger.MailRefused(to, reason);
        return new SendOutcome.Unreachable(reason);
    }

    private static TimeSpan RetryAfter(Exception error)
    {
        var api = error as ApiException ?? (error as AggregateException)?.InnerExceptions.OfType<ApiException>().LastOrDefault();
        if (api?.ResponseHeaders is { } headers && headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DefaultRetry;
    }
}
