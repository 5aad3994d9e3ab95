#!/usr/bin/env bash
# Run OspBot locally against Microsoft's local Teams client (Microsoft 365 Agents Playground).
#   bot/playground/run.sh                      # then open the printed URL; Ctrl-C stops both
#   bot/playground/run.sh --fresh              # forget what earlier runs stored and start from the demo directory
#   bot/playground/run.sh --demo-data          # also two earlier quarters already submitted (demo/previous-quarters.json)
#   BOT_PORT=3988 PLAYGROUND_PORT=56170 bot/playground/run.sh
# The bot runs with no MicrosoftAppId (auth off, loopback only), its own SQLite file
# (bot/playground/devTools/ospbot-demo.db) and the demo directory bot/playground/demo/directory.json, in which the
# playground's mock people hold real seats: the user at the keyboard, Hannah Whitfield, is the secretariat and the
# lead of Stronger Communities. The end-to-end tests (tests/OspBot.Tests/EndToEnd/OspDirectoryFixture.cs) run the bot
# on the same directory file. Production settings are untouched: the demo lives only in this script.
# Logs: bot/playground/devTools/bot.log and bot/playground/devTools/m365agentsplayground.log.
set -euo pipefail

BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LOGS="$HERE/devTools"
PG_LOG="$LOGS/m365agentsplayground.log"
BOT_LOG="$LOGS/bot.log"
PG_CLI="$HERE/node_modules/@microsoft/m365agentsplayground/cli.js"
DEMO_DIRECTORY="$HERE/demo/directory.json"
DEMO_DB="$LOGS/ospbot-demo.db"
fresh=0
demo_data=0
bot_pid=""
pg_pid=""

say() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

# Each child runs in its own session (setsid), so stopping it means signalling its whole process group:
# `dotnet run` starts the bot as a grandchild that would otherwise outlive us and keep the port.
stop_group() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
cleanup() {
  trap - EXIT INT TERM
  [[ -n "$pg_pid$bot_pid" ]] && say "stopping"
  stop_group "$pg_pid"
  stop_group "$bot_pid"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=1 ;;
    --demo-data) demo_data=1 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option '$arg' (try --help)" ;;
  esac
done

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

command -v node >/dev/null || die "node is missing: apt-get install nodejs npm (Node 20+)"
command -v dotnet >/dev/null || die "dotnet is missing: install the .NET 10 SDK"
for p in "$BOT_PORT" "$PLAYGROUND_PORT"; do
  port_in_use "$p" && die "port $p is already in use; stop that process or set BOT_PORT / PLAYGROUND_PORT"
done
mkdir -p "$LOGS"
if [[ $fresh == 1 ]]; then
  say "--fresh: removing $DEMO_DB"
  rm -f "$DEMO_DB" "$DEMO_DB-wal" "$DEMO_DB-shm"
fi

if [[ ! -f "$PG_CLI" ]]; then
  say "installing the playground (npm ci in bot/playground)"
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi

say "building bot/OspBot"
dotnet build "$ROOT/bot/OspBot" -nologo -v quiet -clp:ErrorsOnly

# --demo-data: Stronger Communities' updates of the two previous quarters (seeds 002 and 000), submitted by the bot
# at start into closed rounds, so carry-forward, history and the report have something to show; added once only
# (env sets it: an assignment that comes from an expansion is not an assignment to the shell).
demo_setting=()
[[ $demo_data == 1 ]] && demo_setting=("Demo__PreviousQuarters=$HERE/demo/previous-quarters.json")

say "starting the bot on http://127.0.0.1:$BOT_PORT (log: $BOT_LOG)"
# --no-launch-profile: a launchSettings.json would override the URLs. Run from the project folder so the content
# root (appsettings*.json, relative SQLite paths) is the project's, as in an IDE. appsettings.json's "Urls"
# outranks ASPNETCORE_URLS, so the plain Urls variable (which outranks appsettings.json) is set as well.
(cd "$ROOT/bot/OspBot" && ASPNETCORE_URLS="http://127.0.0.1:$BOT_PORT" Urls="http://127.0.0.1:$BOT_PORT" \
  ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
  Database__Provider=Sqlite Database__ConnectionString="Data Source=$DEMO_DB" \
  Directory__SeedFile="$DEMO_DIRECTORY" DownloadLinks__PublicBaseUrl="http://127.0.0.1:$BOT_PORT/" \
  exec env ${demo_setting[@]+"${demo_setting[@]}"} setsid dotnet run --no-build --no-launch-profile) >"$BOT_LOG" 2>&1 &
bot_pid=$!
for i in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$BOT_PORT/healthz" && break
  kill -0 "$bot_pid" 2>/dev/null || { tail -n 40 "$BOT_LOG" >&2; die "the bot exited during start-up (log above)"; }
  [[ $i == 600 ]] && { tail -n 40 "$BOT_LOG" >&2; die "the bot did not answer /healthz within 60 s"; }
  sleep 0.1
done
say "bot is healthy"

say "starting the playground on port $PLAYGROUND_PORT (log: $PG_LOG)"
rm -f "$PG_LOG"
# TEAMSAPPTESTER_BROWSER=none: otherwise it spawns xdg-open (and crashes with ENOENT where there is none).
(cd "$HERE" && TEAMSAPPTESTER_BROWSER=none exec setsid node "$PG_CLI" start \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams --dt -p "$PLAYGROUND_PORT") >"$LOGS/playground.out" 2>&1 &
pg_pid=$!
# When stdout is not a TTY the playground writes everything to its log, including start-up failures that come
# after "Listening on", and it silently falls back to a random port when its port is taken.
for i in $(seq 1 300); do
  if [[ -f "$PG_LOG" ]] && grep -q 'Listening on' "$PG_LOG"; then
    got="$(grep -o 'Listening on [0-9]*' "$PG_LOG" | head -n1 | awk '{print $3}')"
    [[ "$got" == "$PLAYGROUND_PORT" ]] || die "the playground took port $got instead of $PLAYGROUND_PORT (was it taken meanwhile?)"
    curl -sf -o /dev/null "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping" && break
  fi
  kill -0 "$pg_pid" 2>/dev/null || { cat "$PG_LOG" >&2 2>/dev/null || true; die "the playground exited during start-up (log above)"; }
  [[ $i == 300 ]] && { cat "$PG_LOG" >&2; die "the playground did not answer /_debug/ping within 30 s"; }
  sleep 0.1
done
sleep 1   # a bad .m365agentsplayground.yml prints "Listening on" and then exits 1
if ! kill -0 "$pg_pid" 2>/dev/null || grep -q 'Failed to start' "$PG_LOG"; then
  cat "$PG_LOG" >&2
  die "the playground printed 'Listening' and then failed (log above)"
fi

# This financial year (April-March), for the banner: `compile report` alone compiles the last complete year.
month="$(date +%-m)"; year="$(date +%Y)"
(( month >= 4 )) || year=$((year - 1))
this_year="$year/$(printf '%02d' $(((year + 1) % 100)))"

cat <<EOF

  OspBot is running in the local Teams client:   http://localhost:$PLAYGROUND_PORT
  (bot: http://127.0.0.1:$BOT_PORT/api/messages; mock users and chats: bot/playground/.m365agentsplayground.yml)
  You are Hannah Whitfield, the OSP secretariat and the lead of Stronger Communities (bot/playground/demo/directory.json).
  In the personal chat say "help", then "open round" with a meeting date in the next three weeks (prompts go out
  21 days before it; "my update" opens your card at any time), fill in the update card that arrives, and say
  "status", "history Stronger Communities" or "compile report" (the last complete year; "compile report $this_year"
  for this year so far, where --demo-data puts its quarters). Press Ctrl-C to stop both.

EOF

# Stay up until Ctrl-C or until either process dies; then the EXIT trap stops the other one.
while kill -0 "$bot_pid" 2>/dev/null && kill -0 "$pg_pid" 2>/dev/null; do sleep 1; done
kill -0 "$bot_pid" 2>/dev/null || { tail -n 20 "$BOT_LOG" >&2; die "the bot stopped (log above)"; }
tail -n 20 "$PG_LOG" >&2
die "the playground stopped (log above)"
