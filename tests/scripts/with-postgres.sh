#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temporary folder, pg_ctl start
# with a private Unix socket directory (no TCP: a socket is faster and nothing else can reach it),
# DATABASE_URL exported, cluster stopped and removed afterwards even when the command fails.
# PostgreSQL refuses to run as root, so as root the cluster belongs to an unprivileged system user.
set -euo pipefail
bindir=/usr/lib/postgresql/15/bin
[ -x "$bindir/initdb" ] || bindir=$(dirname "$(command -v initdb)")
tmp=$(mktemp -d /tmp/portal-pg.XXXXXX)
chmod 755 "$tmp"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  id pgtest >/dev/null 2>&1 || useradd --system --no-create-home pgtest
  chown pgtest "$tmp"
  as_pg=(runuser -u pgtest --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
"${as_pg[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-p $port -k $tmp -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
# The socket directory is the URL's host, percent-encoded; the port names the socket file.
export DATABASE_URL="postgres://postgres@${tmp//\//%2F}:$port/portal"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on socket $tmp/.s.PGSQL.$port"
"$@"
