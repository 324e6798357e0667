#!/usr/bin/env bash
# The hub killed with SIGKILL while a citizen waits: restarted on the same database, it still
# has the citizen's call (once), and the kiosk gets its place back by itself.
#   hub_kill_restart.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BIN="$1/apps"
SRC="$2"
DIR=$(mktemp -d)
export XDG_RUNTIME_DIR="$DIR/runtime" QT_QPA_PLATFORM=offscreen
mkdir -m 700 "$XDG_RUNTIME_DIR"
HUB_PID="" KIOSK_PID=""
cleanup() { { kill -9 $HUB_PID $KIOSK_PID; wait; } 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
fail() { echo "hub_kill_restart: $*" >&2; tail -20 "$DIR"/*.log >&2 || true; exit 1; }

PORT=31443
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
"$BIN/hub/ventanilla-hub" --data "$DIR/hub" init >/dev/null 2>&1
"$BIN/hub/ventanilla-hub" --data "$DIR/hub" import-charter "$SRC/resources/charter/albacete.charter" >/dev/null 2>&1
"$BIN/hub/ventanilla-hub" --data "$DIR/hub" add-kiosk el-bonillo "El Bonillo" > "$DIR/kiosk.credential" 2>/dev/null
printf '[hub]\nurl = wss://127.0.0.1:%s/\ncertificate = hub/pki/hub.crt\n[kiosk]\nsite_id = el-bonillo\ncredential_file = kiosk.credential\n[media]\nice_local_addresses = 127.0.0.1\n' "$PORT" > "$DIR/kiosk.conf"

start_hub() {
  "$BIN/hub/ventanilla-hub" --data "$DIR/hub" --port "$PORT" serve >> "$DIR/hub.log" 2>&1 &
  HUB_PID=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0; sleep 0.1; done
  fail "the hub did not start"
}
calls() { sqlite3 "$DIR/hub/hub.db" "SELECT COUNT(*) FROM calls WHERE ended_at_ms IS NULL"; }
wait_for() { for _ in $(seq 1 150); do eval "$1" && return 0; sleep 0.1; done; fail "timed out waiting for: $1"; }

start_hub
"$BIN/kiosk/ventanilla-kiosk" --config "$DIR/kiosk.conf" --headless --call general --deadline-ms 60000 > "$DIR/kiosk.log" 2>&1 &
KIOSK_PID=$!
wait_for '[ "$(calls)" = 1 ]'
CALL_ID=$(sqlite3 "$DIR/hub/hub.db" "SELECT id FROM calls")

{ kill -9 "$HUB_PID"; wait "$HUB_PID"; } 2>/dev/null || true
start_hub
wait_for 'grep -q "is back for its waiting call $CALL_ID" "$DIR/hub.log"'
[ "$(sqlite3 "$DIR/hub/hub.db" "SELECT COUNT(*) FROM calls")" = 1 ] || fail "the call was counted twice"
[ "$(calls)" = 1 ] || fail "the waiting call was ended"
grep -q "restored 1 waiting citizen" "$DIR/hub.log" || fail "the hub did not restore the waiting line"
echo "1 passed, 0 failed"
