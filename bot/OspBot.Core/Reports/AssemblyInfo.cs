using System.Runtime.CompilerServices;

// The report benchmark (tests/bench/report, in no solution) drives the internal compiler and writers directly.
[assembly: InternalsVisibleTo("OspBot.Bench.Report")]
