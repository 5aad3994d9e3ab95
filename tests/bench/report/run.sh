#!/usr/bin/env bash
# Annual report benchmark (not a test): builds in Release and prints elapsed time and peak memory (VmHWM).
# Usage: tests/bench/report/run.sh [output-folder]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/OspBot.Bench.Report.csproj" -c Release -v quiet -nologo
dotnet "$here/bin/Release/net10.0/OspBot.Bench.Report.dll" "$@"
