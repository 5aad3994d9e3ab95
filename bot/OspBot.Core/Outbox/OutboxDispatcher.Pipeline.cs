namespace OspBot.Outbox;

internal sealed partial class OutboxDispatcher
{
    private sealed class SendItem(DeliveryWork work, Rendered.Message message, OutgoingMail? mail)
    {
        public DeliveryWork Work { get; } = work;

        public Rendered.Message Message { get; } = message;

        /// Set when the delivery goes by e-mail.
        public OutgoingMail? Mail { get; } = mail;

        public SendOutcome? Outcome { get; set; }
    }

    /// One dispatch's renders and sends. Claims and renders use the dispatcher's DbContext, one at a time on this
    /// loop; only the sends (each with its own marks) run alongside.
    private sealed class SendPipeline(OutboxDispatcher dispatcher, DeliveryClaims claims, SemaphoreSlim slots, SemaphoreSlim ahead)
    {
        private readonly List<Task> _inFlight = [];

        public List<SendItem> Items { get; } = [];

        /// False when nothing was due.
        public async Task<bool> RunPassAsync(CancellationToken ct)
        {
            var any = false;
            while (await claims.ClaimDueAsync(ClaimBatchSize, ct) is { Count: > 0 } batch)
            {
                any = true;
                foreach (var work in batch)
                {
                    await ahead.WaitAsync(ct);
                    if (await dispatcher.PrepareAsync(work, ct) is { } prepared)
                    {
                        var item = new SendItem(work, prepared.Message, prepared.Mail);
                        Items.Add(item);
                        _inFlight.Add(dispatcher.SendAsync(item, slots, ahead, ct));
                    }
                    else
                    {
                        ahead.Release();
                    }
                }
            }
            await Task.WhenAll(_inFlight);
            _inFlight.Clear();
            return any;
        }

        /// Shutting down: once the sends under way have ended, what never left (still Claimed, perhaps cut off while
        /// waiting for the rate limiter) is released for the next run; a send cut off mid-flight stays Sending and
        /// turns Ambiguous when its lease ends, because it may have been delivered.
        public async Task ReleaseUnstartedAsync()
        {
            // Waited for first: a send still starting must not have its row put back under it.
            await Task.WhenAll(_inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            foreach (var item in Items.Where(i => i.Outcome is null))
            {
                await claims.ReleaseClaimAsync(item.Work, "Not sent: the bot was stopping.", CancellationToken.None);
            }
        }
    }
}
