namespace OspBot.Tests.Rounds;

/// A Teams user in the tests: their ids and personal chat with the bot.
public sealed record TeamsUser(string Aad, string Mri, string ConversationId, string? Name = null);
