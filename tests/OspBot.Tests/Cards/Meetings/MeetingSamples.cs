using OspBot.Cards.Meetings;

namespace OspBot.Tests.Cards.Meetings;

internal static class MeetingSamples
{
    /// Tuesday 3 November 2026, 10:00 in London (GMT).
    public static readonly DateTimeOffset Start = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = new(2026, 10, 27, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<MeetingGroupChoice> Groups { get; } =
    [
        new("stronger-communities", "Stronger Communities", false),
        new("steering-group", "OSP Steering Group", true),
    ];

    public static MeetingCardModel Meeting(string title = "OSP Steering Group, Q3") => new()
    {
        MeetingId = 7,
        Title = title,
        GroupName = "OSP Steering Group",
        IsSteeringGroup = true,
        Start = Start,
        End = Start.AddHours(1),
        Agenda = "1. Apologies\n2. Updates",
        AttendeeCount = 6,
        Invitation = InvitationState.NotConfigured,
        IcsUrl = new Uri("https://bot.example/meetings/7/invitation.ics?t=abc"),
        RemindersLine = "7 days and 1 day before",
    };

    public static MeetingReminderModel Reminder(string agenda = "1. Apologies\n2. Updates") => new()
    {
        MeetingId = "7",
        Title = "OSP Steering Group, Q3",
        GroupName = "OSP Steering Group",
        When = "Tue 3 Nov 2026 10:00–11:00 (London time)",
        HowSoon = "in 7 days",
        Agenda = agenda,
        JoinUrl = new Uri("https://teams.microsoft.com/l/meetup-join/abc"),
    };
}
