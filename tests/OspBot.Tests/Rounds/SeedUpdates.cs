using OspBot.Rounds;
using OspBot.Tests.Seeds;

namespace OspBot.Tests.Rounds;

/// The two real Stronger Communities updates as the rounds store them (read and cut by <see cref="SeedTexts"/>).
internal static class SeedUpdates
{
    public const string Mid2019 = SeedTexts.Mid2019;
    public const string Early2019Ocr = SeedTexts.Early2019Ocr;

    public static UpdateContent Read(string file)
    {
        var seed = SeedTexts.Sections(file);
        return new UpdateContent
        {
            Achievements = seed.Achievements,
            Plans = seed.Plans,
            Challenges = seed.Challenges,
            Requests = seed.Requests,
            Rag = Rag.Green,
        };
    }
}
