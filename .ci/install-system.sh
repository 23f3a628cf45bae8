#!/usr/bin/env bash
# Debian packages the tests need: the Samba AD DC stack (AD integration tests) and openssl. Run as root;
# skips whatever is already installed. policy-rc.d keeps the packages' daemons from starting
# on all interfaces: the tests start their own DC on 127.0.0.1 only.
set -euo pipefail
need=()
command -v samba >/dev/null && command -v samba-tool >/dev/null && [ -d /usr/share/samba/setup ] || \
  need+=(samba samba-ad-dc samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind krb5-user ldb-tools)
# openssl makes the throwaway PKI of the Nedap Ons simulator (CA, server and client certificates).
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -eq 0 ]; then echo "install-system: nothing to install"; exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "install-system: run as root to install: ${need[*]}" >&2; exit 1; fi
[ -x /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
echo "install-system: installed ${need[*]}"
