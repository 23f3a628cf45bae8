#!/usr/bin/env bash
# Stop the Samba DC started by .ci/samba-up.sh, by the PID it recorded: SIGTERM (the master takes its prefork
# children down), wait up to 10 s, then SIGKILL that same PID. Never by name.
# Env: SAMBA_DIR (default /tmp/samba-ad). REMOVE=1 also deletes $SAMBA_DIR afterwards.
set -euo pipefail
SAMBA_DIR=${SAMBA_DIR:-/tmp/samba-ad}
PID_FILE="$SAMBA_DIR/samba.pid"
if [ -f "$PID_FILE" ]; then
  P=$(cat "$PID_FILE")
  if kill -0 "$P" 2>/dev/null; then
    kill -TERM "$P"
    for _ in $(seq 1 100); do kill -0 "$P" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$P" 2>/dev/null; then
      # samba-up started it with setsid, so $P also leads its own process group: take the prefork children too
      echo "samba-down: pid $P ignored SIGTERM; sending SIGKILL" >&2; kill -KILL -- "-$P" 2>/dev/null || kill -KILL "$P" || true
    fi
  fi
  rm -f "$PID_FILE"
  echo "samba down pid=$P"
else
  echo "samba-down: no $PID_FILE; nothing to stop"
fi
[ "${REMOVE:-0}" = 1 ] && rm -rf "$SAMBA_DIR"
exit 0
