# shellcheck shell=bash
# Test services for narrator's report/server/store tests. SOURCE this file from .ci/run:
#
#     . .ci/services.sh
#
# It installs (if missing) Debian's chromium and postgresql, starts PostgreSQL on 127.0.0.1,
# creates the role/database `narrator_test` and exports NARRATOR_TEST_PG_URL. It installs the
# Python packages playwright (its wheel ships the driver; the system chromium is used, so no
# `playwright install`) and psycopg[binary]. On a developer's machine every step fails soft (a
# warning; the tests that need a missing service skip with a clear reason). In CI (CI=true) a
# service that fails to come up fails the run: the source returns non-zero.

_narrator_failed=0
_narrator_warn() { echo "services.sh: WARNING: $*" >&2; _narrator_failed=1; }
_narrator_status() {
    if [ "${CI:-}" = "true" ] && [ "$_narrator_failed" = 1 ]; then
        echo "services.sh: ERROR: a test service did not come up; CI needs every one" >&2
        return 1
    fi
    return 0
}

_narrator_services() {
    local sudo=""
    if [ "$(id -u)" != "0" ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    fi

    # ---- apt packages -----------------------------------------------------------------------
    local need=()
    [ -x /usr/bin/chromium ] || need+=(chromium)
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
    [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need+=(fonts-noto-color-emoji)
    if [ "${#need[@]}" -gt 0 ]; then
        if command -v apt-get >/dev/null 2>&1; then
            { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
                $sudo apt-get install -y -qq "${need[@]}" >/dev/null; } \
                || _narrator_warn "could not apt-get install ${need[*]}"
        else
            _narrator_warn "no apt-get: cannot install ${need[*]}"
        fi
    fi

    # ---- python packages --------------------------------------------------------------------
    python -c "import playwright, psycopg" >/dev/null 2>&1 \
        || python -m pip install -q playwright 'psycopg[binary]' \
        || _narrator_warn "could not pip install playwright psycopg[binary]"

    # ---- postgresql on 127.0.0.1 ------------------------------------------------------------
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$bindir" ]; then
        _narrator_warn "PostgreSQL is not installed: PostgreSQL store tests will be skipped"
        _narrator_status; return
    fi
    local port="${NARRATOR_PG_PORT:-54329}"
    local pgdata="${NARRATOR_PGDATA:-/tmp/narrator-pg}"
    local runas=""
    if [ "$(id -u)" = "0" ]; then runas="runuser -u postgres --"; fi
    if [ ! -s "$pgdata/PG_VERSION" ]; then
        mkdir -p "$pgdata" && { [ -z "$runas" ] || chown postgres:postgres "$pgdata"; }
        $runas "$bindir/initdb" -D "$pgdata" -A trust -U postgres >/dev/null \
            || { _narrator_warn "initdb failed"; _narrator_status; return; }
    fi
    if ! $runas "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
        $runas "$bindir/pg_ctl" -D "$pgdata" -w -l "$pgdata/server.log" \
            -o "-h 127.0.0.1 -p $port -k /tmp" start >/dev/null \
            || { _narrator_warn "PostgreSQL did not start (see $pgdata/server.log)"; _narrator_status; return; }
    fi
    local psql=("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq)
    if ! "${psql[@]}" -c "select 1 from pg_roles where rolname='narrator_test'" | grep -q 1; then
        "${psql[@]}" -c "create role narrator_test login" || _narrator_warn "create role failed"
    fi
    if ! "${psql[@]}" -c "select 1 from pg_database where datname='narrator_test'" | grep -q 1; then
        "${psql[@]}" -c "create database narrator_test owner narrator_test" \
            || _narrator_warn "create database failed"
    fi
    export NARRATOR_TEST_PG_URL="postgresql+psycopg://narrator_test@127.0.0.1:$port/narrator_test"
    # an empty database for the votes benchmark's exact-tally check, new on every start
    "${psql[@]}" -c "drop database if exists narrator_bench" >/dev/null 2>&1 \
        && "${psql[@]}" -c "create database narrator_bench owner narrator_test" \
        && export NARRATOR_BENCH_PG_URL="postgresql+psycopg://narrator_test@127.0.0.1:$port/narrator_bench" \
        || _narrator_warn "could not create the benchmark database narrator_bench"
    echo "services.sh: PostgreSQL ready, NARRATOR_TEST_PG_URL=$NARRATOR_TEST_PG_URL" >&2
    [ -x /usr/bin/chromium ] || _narrator_warn "/usr/bin/chromium is missing: the browser test will skip"
    _narrator_status
}

_narrator_services
unset -f _narrator_services _narrator_status
