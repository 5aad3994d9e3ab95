namespace OspBot.Tests.Cards;

/// User text that must reach the screen exactly as typed.
internal static class NastyText
{
    public static TheoryData<string> All { get; } =
    [
        "**not bold** and _not italic_ and ~~not struck~~",
        "[click me](https://evil.example) ![img](https://evil.example/x.png)",
        "- not a list\n* nor this\n+ nor this\n1. nor a numbered list\n2) nor this",
        "# not a heading\n> not a quote\n---\n===",
        "{{DATE(2017-02-14T06:08:39Z, SHORT)}} and {{TIME(2017-02-14T06:08:39Z)}}",
        "<b>not html</b> &amp; <at>mention</at> \"quotes\" 'apostrophes' & ampersands",
        "back\\slash \\*already escaped\\* `code` C:\\temp\\",
        "Emoji 🎉👩🏽‍💻🇬🇧 and a heart ❤️",
        "مرحبا بكم في أكسفورد — עברית RTL with ‏marks‎",
        "O'Brien & Partners Ltd. — Zero Carbon Oxford Partnership (ZCOP)",
        "   indented    text\twith\ttabs\r\nand CRLF",
        "2024. A good year | pipes | and = signs",
    ];
}
