using OspBot.Cards.Model;
using OspBot.Teams.Schema;

namespace OspBot.Tests.Schemas;

public sealed class ActivitySchemaTests
{
    private static Activity Reply(object? cardContent = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "a:1XyzPersonal", ConversationType = "personal" },
        Recipient = new ChannelAccount { Id = "29:1AbcUser", Name = "Ada Lovelace" },
        Text = "Hello",
        Attachments = cardContent is null
            ? null
            : [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = System.Text.Json.JsonSerializer.SerializeToElement(cardContent) }],
    };

    [Fact]
    public void A_message_with_a_valid_card_passes()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("Hi")] };
        var activity = Reply() with
        {
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJsonElement() }],
        };

        Assert.Empty(ActivitySchema.Validate(activity));
    }

    [Fact]
    public void A_message_without_conversation_fails() =>
        Assert.Contains(ActivitySchema.Validate(Reply() with { Conversation = null }), e => e.Contains("conversation", StringComparison.Ordinal));

    [Fact]
    public void An_unknown_activity_type_fails() =>
        Assert.NotEmpty(ActivitySchema.Validate(Reply() with { Type = "mesage" }));

    [Fact]
    public void An_invalid_card_attachment_fails_with_its_position() =>
        Assert.Contains(
            ActivitySchema.Validate(Reply(new Dictionary<string, object> { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new[] { new { type = "Marquee" } } })),
            e => e.StartsWith("attachments[0].content:", StringComparison.Ordinal));

    [Fact]
    public void Attachment_content_must_be_an_object() =>
        Assert.NotEmpty(ActivitySchema.Validate("""{"type":"message","channelId":"msteams","conversation":{"id":"a"},"attachments":[{"contentType":"text/plain","content":"x"}]}"""));
}
