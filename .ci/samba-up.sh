#!/usr/bin/env bash
# Provision a throwaway Samba AD DC (realm TEST.LOCAL, DNS domain test.local) under $SAMBA_DIR and start it on
# loopback only (127.0.0.1:389 LDAP+StartTLS, 127.0.0.1:636 LDAPS). Based on the tested script in
# reference/feasibility.md section 1; every file it makes lives inside $SAMBA_DIR so that removing that one
# directory cleans up everything.
#
# Usage: .ci/samba-up.sh                 install if needed, provision fresh, start
#        .ci/samba-up.sh --install-only  install the Debian packages (run once as root) and exit
#        .ci/samba-up.sh --start-only    start the DC already provisioned in $SAMBA_DIR again (same data, same
#                                        address and ports), e.g. after .ci/samba-down.sh without REMOVE
# Env:   SAMBA_DIR  (default /tmp/samba-ad)   working directory; wiped and re-created
#        ADMIN_PW   (default below)           Administrator password (must meet AD complexity)
#        BACKEND    (tdb|mdb, default mdb)    mdb + NOSYNC is about twice as fast for writes
#        NOSYNC     (1 = ldb:nosync, default 1; throwaway DBs only)
#        SERVICES   (default 'ldap')          'ldap' = LDAP server only: fastest start, fewest processes
# Layout of $SAMBA_DIR afterwards:
#   dc/                provisioned domain (dc/etc/smb.conf, dc/private/tls/ca.pem, ...)
#   samba.pid          PID of the samba master process (stop it with .ci/samba-down.sh)
#   provision.log, samba.log, empty.conf
set -euo pipefail
SAMBA_DIR=${SAMBA_DIR:-/tmp/samba-ad}
ADMIN_PW=${ADMIN_PW:-'Passw0rd!Feas2024'}
BACKEND=${BACKEND:-mdb}
NOSYNC=${NOSYNC:-1}
SERVICES=${SERVICES:-ldap}
# Loopback address to listen on (default 127.0.0.1). Another 127.x.y.z lets two DCs run side by side, e.g. in
# two work trees; anything outside 127.0.0.0/8 is refused so that no DC ever listens off this machine.
SAMBA_IP=${HRP_SAMBA_IP:-127.0.0.1}
case "$SAMBA_IP" in 127.*) ;; *) echo "samba-up: HRP_SAMBA_IP must be a loopback address (127.x.y.z), not $SAMBA_IP" >&2; exit 2;; esac

samba_installed() { command -v samba >/dev/null && command -v samba-tool >/dev/null && [ -d /usr/share/samba/setup ]; }
port_open() { (exec 3<>"/dev/tcp/$SAMBA_IP/$1") 2>/dev/null; }

t0=$(date +%s%3N)
if ! samba_installed; then
  if [ "$(id -u)" != 0 ]; then echo "samba-up: samba is not installed and this is not root; run .ci/samba-up.sh --install-only as root" >&2; exit 1; fi
  # policy-rc.d (exit 101) keeps the packages' smbd/nmbd/samba-ad-dc from auto-starting on 0.0.0.0
  [ -x /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    samba samba-ad-dc samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind krb5-user ldb-tools >/dev/null
fi
t1=$(date +%s%3N)
if [ "${1:-}" = "--install-only" ]; then echo "samba-up: samba installed ($(samba --version)) in $((t1-t0))ms"; exit 0; fi

# The ports are fixed (the DC has no per-port option worth the trouble): refuse early rather than let samba
# fail half-way or, worse, let tests talk to somebody else's DC.
for p in 389 636; do
  if port_open "$p"; then echo "samba-up: $SAMBA_IP:$p is already in use (another Samba still running? see its samba.pid)" >&2; exit 1; fi
done

D="$SAMBA_DIR/dc"
if [ "${1:-}" = "--start-only" ]; then
  [ -f "$D/etc/smb.conf" ] || { echo "samba-up: nothing provisioned in $SAMBA_DIR to start again" >&2; exit 1; }
else
  rm -rf "$SAMBA_DIR"; mkdir -p "$SAMBA_DIR/dc"
  : > "$SAMBA_DIR/empty.conf"   # keeps provision from merging /etc/samba/smb.conf ([homes], [printers], ...)
  extra=()
  [ "$NOSYNC" = 1 ] && extra+=(--option="ldb:nosync=true")
  samba-tool domain provision --configfile="$SAMBA_DIR/empty.conf" --targetdir="$D" \
    --realm=TEST.LOCAL --domain=TEST --server-role=dc --dns-backend=NONE --use-rfc2307 \
    --host-name=dc1 --host-ip="$SAMBA_IP" --adminpass="$ADMIN_PW" --backend-store="$BACKEND" \
    --option="interfaces=$SAMBA_IP/8" --option="bind interfaces only=yes" --option="disable netbios=yes" \
    --option="server services=$SERVICES" --option="dns update command=/bin/true" \
    --option="pid directory=$D/run" --option="ncalrpc dir=$D/run/ncalrpc" \
    --option="winbindd socket directory=$D/run/winbindd" \
    --option="ntp signd socket directory=$D/run/ntp_signd" \
    --option="log file=$D/log.%m" "${extra[@]}" > "$SAMBA_DIR/provision.log" 2>&1 \
    || { echo "samba-up: provision failed:" >&2; tail -20 "$SAMBA_DIR/provision.log" >&2; exit 1; }
  mkdir -p "$D/cache" "$D/run"
  # Tests set and reset passwords many times: no minimum age (the default 1 day blocks a second change) and no
  # history. Complexity stays ON, because the product must generate passwords that a real AD accepts.
  samba-tool domain passwordsettings set -s "$D/etc/smb.conf" --history-length=0 --min-pwd-age=0 \
    >> "$SAMBA_DIR/provision.log" 2>&1 \
    || { echo "samba-up: passwordsettings failed:" >&2; tail -20 "$SAMBA_DIR/provision.log" >&2; exit 1; }
fi
t2=$(date +%s%3N)

# -F, not -i: "samba -i" exits as soon as its stdin is a pipe that closes (as in CI). setsid keeps it out of
# the caller's process group, so that a Ctrl-C in the test runner does not race our own stop-by-PID.
setsid samba -F --debug-stdout -s "$D/etc/smb.conf" < /dev/null >> "$SAMBA_DIR/samba.log" 2>&1 &
echo $! > "$SAMBA_DIR/samba.pid"
PID=$(cat "$SAMBA_DIR/samba.pid")
for _ in $(seq 1 300); do
  if port_open 636 && port_open 389; then break; fi
  kill -0 "$PID" 2>/dev/null || { echo "samba-up: samba died:" >&2; tail -20 "$SAMBA_DIR/samba.log" >&2; exit 1; }
  sleep 0.1
done
if ! port_open 636 || ! port_open 389; then
  echo "samba-up: ports 389/636 not up after 30s" >&2; tail -20 "$SAMBA_DIR/samba.log" >&2
  kill -TERM "$PID" 2>/dev/null || true
  exit 1
fi
t3=$(date +%s%3N)
echo "samba up pid=$PID dir=$SAMBA_DIR ca=$D/private/tls/ca.pem install=$((t1-t0))ms provision=$((t2-t1))ms start=$((t3-t2))ms"
