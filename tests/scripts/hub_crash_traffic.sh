#!/usr/bin/env bash
# The real hub killed with SIGKILL during traffic — one citizen in a conversation, one ringing
# at an advisor who does not answer, two waiting — then restarted on the same database:
# nothing accepted is lost, nothing is counted twice, the conversation is ended once, the
# others get their places back and are served in their order.
#   hub_crash_traffic.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BIN="$(cd "$1" && pwd)/apps"
SRC="$(cd "$2" && pwd)"
DIR=$(mktemp -d)
export XDG_RUNTIME_DIR="$DIR/runtime" QT_QPA_PLATFORM=offscreen
mkdir -m 700 "$XDG_RUNTIME_DIR"
PIDS=() HUB_PID=""
cleanup() { { kill -9 $HUB_PID "${PIDS[@]}"; wait; } 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$DIR"; }
trap cleanup EXIT
fail() { echo "hub_crash_traffic: $*" >&2; tail -n 15 "$DIR"/*.log >&2 || true; exit 1; }
hubctl() { "$BIN/hub/ventanilla-hub" --config "$DIR/hub.conf" "$@" 2>/dev/null; }
sql() { sqlite3 "$DIR/hub/hub.db" "$1"; }
wait_for() { for _ in $(seq 1 300); do eval "$1" && return 0; sleep 0.1; done; fail "timed out waiting for: $1"; }

PORT=32443
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
printf '[hub]\nport = %s\ndata_directory = %s/hub\nring_timeout_ms = 4000\n' "$PORT" "$DIR" > "$DIR/hub.conf"
hubctl init >/dev/null
hubctl import-charter "$SRC/resources/charter/albacete.charter" >/dev/null
for advisor in ana luis; do printf 'a long enough password\n' | hubctl add-advisor $advisor "$advisor" >/dev/null; done
printf 'a long enough password\n' > "$DIR/password"
for kiosk in k1 k2 k3 k4; do
  hubctl add-kiosk $kiosk "Town $kiosk" > "$DIR/$kiosk.credential"
  printf '[hub]\nurl = wss://127.0.0.1:%s/\ncertificate = hub/pki/hub.crt\n[kiosk]\nsite_id = %s\ncredential_file = %s.credential\n[media]\nice_local_addresses = 127.0.0.1\nwidth = 320\nheight = 240\ndesktop_width = 320\ndesktop_height = 240\n' \
    "$PORT" $kiosk $kiosk > "$DIR/$kiosk.conf"
done
for advisor in ana luis; do
  printf '[hub]\nurl = wss://127.0.0.1:%s/\ncertificate = hub/pki/hub.crt\n[advisor]\nuser = %s\n[media]\nice_local_addresses = 127.0.0.1\nwidth = 320\nheight = 240\ndesktop_width = 320\ndesktop_height = 240\n' \
    "$PORT" $advisor > "$DIR/$advisor.conf"
done

start_hub() {
  "$BIN/hub/ventanilla-hub" --config "$DIR/hub.conf" serve >> "$DIR/hub.log" 2>&1 &
  HUB_PID=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0; sleep 0.1; done
  fail "the hub did not start"
}
app() { # name, program, args…
  local name=$1 program=$2; shift 2
  (cd "$DIR" && exec "$BIN/$program/ventanilla-$program" --headless --deadline-ms 120000 "$@" > "$DIR/$name.log" 2>&1) &
  PIDS+=($!)
}
call_of() { sql "SELECT c.id FROM calls c JOIN kiosks k ON k.id = c.kiosk_id WHERE k.site_id = '$1'"; }

start_hub
# k1 talks to Ana (and would for a minute).
app ana console --config ana.conf --password-file password --answer
app k1 kiosk --config k1.conf --call general --hangup-after-ms 60000
wait_for '[ "$(sql "SELECT COUNT(*) FROM calls WHERE answered_at_ms IS NOT NULL")" = 1 ]'
# k2 rings at Luis, who does not answer; k3 and k4 wait behind.
app luis console --config luis.conf --password-file password --available
LUIS_PID=${PIDS[-1]}
wait_for '[ "$(sql "SELECT state FROM advisor_state_log l JOIN advisors a ON a.id = l.advisor_id WHERE a.username = '"'luis'"' ORDER BY l.id DESC LIMIT 1")" = available ]'
app k2 kiosk --config k2.conf --call general --hangup-after-ms 1500
wait_for '[ -n "$(sql "SELECT id FROM calls WHERE offered_at_ms IS NOT NULL AND answered_at_ms IS NULL")" ]'
app k3 kiosk --config k3.conf --call general --hangup-after-ms 1500
sleep 0.3
app k4 kiosk --config k4.conf --call general --hangup-after-ms 1500
wait_for '[ "$(sql "SELECT COUNT(*) FROM calls")" = 4 ]'
K1=$(call_of k1) K2=$(call_of k2) K3=$(call_of k3) K4=$(call_of k4)

{ kill -9 "$HUB_PID"; wait "$HUB_PID"; } 2>/dev/null || true
# Luis goes home meanwhile, so Ana alone serves the restored line and its order shows.
{ kill "$LUIS_PID"; wait "$LUIS_PID"; } 2>/dev/null || true
start_hub
grep -q "restored 3 waiting citizen" "$DIR/hub.log" || fail "the hub did not restore the three waiting citizens"
[ "$(sql "SELECT end_reason FROM calls WHERE id = '$K1'")" = hub-restart ] || fail "the conversation was not ended as hub-restart"
for kiosk in k2 k3 k4; do
  wait_for 'grep -q "is back for its waiting call $(call_of '$kiosk')" "$DIR/hub.log"'
done
# Ana takes each restored citizen in turn: the one who was ringing first, then the others.
for call in $K2 $K3 $K4; do
  wait_for '[ -n "$(sql "SELECT answered_at_ms FROM calls WHERE id = '"'$call'"'")" ]'
done
[ "$(sql "SELECT COUNT(*) FROM calls")" = 4 ] || fail "calls were lost or counted twice: $(sql "SELECT COUNT(*) FROM calls") rows"
[ "$(sql "SELECT COUNT(*) FROM calls WHERE end_reason = 'hub-restart'")" = 1 ] || fail "more than one call ended by the restart"
ORDER=$(sql "SELECT group_concat(id, ' ') FROM (SELECT id FROM calls WHERE id != '$K1' ORDER BY answered_at_ms)")
[ "$ORDER" = "$K2 $K3 $K4" ] || fail "served out of order: $ORDER"
echo "1 passed, 0 failed"
