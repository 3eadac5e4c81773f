#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on a private port, exported to the tests
# as HOLDSPACE_TEST_POSTGRES_URL. The server runs as an unprivileged user and is removed
# afterwards. With HOLDSPACE_REQUIRE_POSTGRES=1 (CI) a server that cannot start is an error;
# otherwise the PostgreSQL tests are skipped with a clear notice.
set -euo pipefail

require="${HOLDSPACE_REQUIRE_POSTGRES:-0}"
pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && pg_bin="$dir"
done
if [ -z "$pg_bin" ] && command -v initdb >/dev/null 2>&1; then
  pg_bin="$(dirname "$(command -v initdb)")"
fi

if [ -z "$pg_bin" ]; then
  if [ "$require" = "1" ]; then
    echo "with-postgres: no PostgreSQL server binaries found (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "with-postgres: PostgreSQL is not installed here; its tests will be skipped." >&2
  exec "$@"
fi

port="${HOLDSPACE_PG_PORT:-55432}"
base="$(mktemp -d /tmp/holdspace-pg.XXXXXX)"
chmod 755 "$base"
as_user=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$base"
  as_user=(runuser -u postgres --)
fi

cleanup() {
  "${as_user[@]}" "$pg_bin/pg_ctl" -D "$base/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$base"
}
trap cleanup EXIT

"${as_user[@]}" "$pg_bin/initdb" -D "$base/data" -U holdspace --auth=trust -E UTF8 >"$base/initdb.log" 2>&1 || {
  cat "$base/initdb.log" >&2
  echo "with-postgres: initdb failed" >&2
  [ "$require" = "1" ] && exit 1
  exec "$@"
}
if ! "${as_user[@]}" "$pg_bin/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
     -o "-p $port -k $base -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
  cat "$base/server.log" >&2
  echo "with-postgres: the PostgreSQL server did not start" >&2
  [ "$require" = "1" ] && exit 1
  exec "$@"
fi
"${as_user[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U holdspace holdspace_test

export HOLDSPACE_TEST_POSTGRES_URL="postgresql+asyncpg://holdspace@127.0.0.1:${port}/holdspace_test"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:${port}" >&2
set +e
"$@"
status=$?
exit $status
