#!/usr/bin/env bash
# Side-by-side benchmark of one `help` turn: OspBot (Release) vs the peer (Bot Framework JS SDK echo bot),
# both with auth off on loopback, both replying to the same fake Bot Connector. See tests/bench/README.md.
#   tests/bench/run-help-bench.sh
#   ROUNDS=3 DURATION=30s CONNECTIONS=64 tests/bench/run-help-bench.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${ROUNDS:-2}"             # each round runs the peer, then OspBot
DURATION="${DURATION:-20s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-5s}"
OSPBOT_PORT="${OSPBOT_PORT:-3978}"
PEER_PORT="${PEER_PORT:-3979}"
CONNECTOR_PORT=3980               # fixed: help-activity.json's serviceUrl points there
BODY="$HERE/help-activity.json"
SCRIPT="${SCRIPT:-$HERE/unique-ids.lua}"   # SCRIPT=post.lua: the peer's script as is (one fixed activity id)
PEER_SRC="${PEER_DIR:-}"
if [[ -z "$PEER_SRC" ]]; then
  for d in "$ROOT/../shared/bench/peer" /work/shared/bench/peer; do [[ -f "$d/index.js" ]] && { PEER_SRC="$d"; break; }; done
fi
[[ -f "${PEER_SRC:-}/index.js" ]] || { echo "peer not found: set PEER_DIR to shared/bench/peer" >&2; exit 1; }

WORK="$(mktemp -d /tmp/ospbot-bench.XXXXXX)"
LOGS="$ROOT/TestResults/bench"   # the bots' and the connector's logs of the last run are kept here
pids=()
cleanup() {
  local rc=$?
  mkdir -p "$LOGS" && cp "$WORK"/*.log "$LOGS"/ 2>/dev/null || true
  if ((rc != 0)); then
    for log in "$LOGS"/*.log; do echo "--- last lines of $log" >&2; tail -n 15 "$log" >&2; done
  fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { printf '[bench] %s\n' "$*"; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_http() { # url pid name
  for _ in $(seq 1 600); do
    curl -s -o /dev/null -m 1 "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "$3 exited; log:" >&2; cat "$WORK/$3.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$3 did not answer $1 within 60 s" >&2; exit 1
}

command -v wrk >/dev/null || { say "installing wrk"; apt-get install -y -q wrk || { apt-get update -q && apt-get install -y -q wrk; }; }
for p in "$OSPBOT_PORT" "$PEER_PORT" "$CONNECTOR_PORT"; do
  port_in_use "$p" && { echo "port $p is in use; stop that process (or set OSPBOT_PORT / PEER_PORT)" >&2; exit 1; }
done

say "building OspBot (Release)"
dotnet build "$ROOT/bot/OspBot" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
BOT_DLL="$ROOT/bot/OspBot/bin/Release/net10.0/OspBot.dll"

say "installing the peer into $WORK/peer (its code is not part of this repository)"
cp -r "$PEER_SRC" "$WORK/peer" && chmod -R u+w "$WORK/peer"
if [[ -f "$WORK/peer/package-lock.json" ]]; then
  (cd "$WORK/peer" && npm ci --no-audit --no-fund --loglevel=error)
else
  (cd "$WORK/peer" && npm install --no-audit --no-fund --loglevel=error)
fi

(cd "$WORK/peer" && PORT=$CONNECTOR_PORT exec node fake-connector.js) >"$WORK/connector.log" 2>&1 &
pids+=($!); connector_pid=$!
(cd "$WORK/peer" && PORT=$PEER_PORT HOST=127.0.0.1 exec node index.js) >"$WORK/peer.log" 2>&1 &
pids+=($!); peer_pid=$!
# OspBot with its embedded defaults except: no MicrosoftAppId (auth off), a throwaway SQLite file,
# warnings-only logging (the peer writes nothing per request either), and, unless TEAMS_LIMITS=1, its outbound
# rate limiter opened up: it keeps to Teams' published limits (50 sends/s per app, 60 per 30 s per conversation)
# by waiting, and the peer has no such limiter, so with them the run would measure the limits, not the turn.
limits=()
if [[ "${TEAMS_LIMITS:-0}" != 1 ]]; then
  limits=(Connector__AppWindows__0__Permits=1000000 Connector__AppWindows__0__Window=00:00:01
    Connector__ConversationWindows__0__Permits=1000000 Connector__ConversationWindows__0__Window=00:00:01)
fi
# Content root = the build output, so appsettings.json applies as in production; its "Urls" outranks
# ASPNETCORE_URLS, so the plain Urls variable is set too.
(cd "$(dirname "$BOT_DLL")" && exec env -u MicrosoftAppId -u MicrosoftAppPassword \
  ASPNETCORE_URLS="http://127.0.0.1:$OSPBOT_PORT" Urls="http://127.0.0.1:$OSPBOT_PORT" \
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "${limits[@]}" \
  Database__Provider=Sqlite Database__ConnectionString="Data Source=$WORK/osp.db" \
  dotnet "$BOT_DLL") >"$WORK/ospbot.log" 2>&1 &
pids+=($!); ospbot_pid=$!

wait_http "http://127.0.0.1:$CONNECTOR_PORT/stats" "$connector_pid" connector
wait_http "http://127.0.0.1:$PEER_PORT/" "$peer_pid" peer
wait_http "http://127.0.0.1:$OSPBOT_PORT/healthz" "$ospbot_pid" ospbot

replies() { curl -s "http://127.0.0.1:$CONNECTOR_PORT/stats" | sed -n 's/.*"replies":\([0-9]*\).*/\1/p'; }
# Replies may still be in flight when wrk stops: wait until the count holds still for a second.
settled_replies() {
  local last now
  last="$(replies)"
  for _ in $(seq 1 20); do sleep 1; now="$(replies)"; [[ "$now" == "$last" ]] && break; last="$now"; done
  echo "$last"
}
run_wrk() { # name port duration -> RESULT json with the connector's reply count added
  local before after result
  before="$(settled_replies)"
  result="$(cd "$WORK/peer" && RUN_ID="$(date +%s%N)" BODY="$BODY" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" -s "$SCRIPT" "http://127.0.0.1:$2/api/messages" | sed -n 's/^RESULT //p')"
  [[ -n "$result" ]] || { echo "wrk printed no RESULT line for $1" >&2; exit 1; }
  after="$(settled_replies)"
  echo "{\"bot\":\"$1\",\"replies\":$((after - before)),\"wrk\":$result}"
}

say "warm-up ($WARMUP each)"
run_wrk peer "$PEER_PORT" "$WARMUP" >/dev/null
run_wrk ospbot "$OSPBOT_PORT" "$WARMUP" >/dev/null
: >"$WORK/results.jsonl"
for r in $(seq 1 "$ROUNDS"); do
  for bot in peer ospbot; do
    port=$PEER_PORT; [[ $bot == ospbot ]] && port=$OSPBOT_PORT
    say "round $r/$ROUNDS: $bot (wrk -t$THREADS -c$CONNECTIONS -d$DURATION)"
    run_wrk "$bot" "$port" "$DURATION" | tee -a "$WORK/results.jsonl"
  done
done

peak_rss() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }
node "$HERE/summarize.js" "$WORK/results.jsonl" "$(peak_rss "$peer_pid")" "$(peak_rss "$ospbot_pid")" \
  "wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s $(basename "$SCRIPT"), $ROUNDS alternating rounds, body $(basename "$BODY")"
