#!/usr/bin/env bash
# Builds EmployerWorkflows and runs every test project, on a fresh Debian 12 machine as well as on a
# developer's one. Installs what is missing (Debian packages, npm packages, .NET tools), starts one
# throwaway PostgreSQL server for the whole run, runs `dotnet test` once and ends with the line
# "N passed, N failed" (", N skipped" when some were skipped). Exit code 0 only if everything passed.
#
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Outbox"
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

readonly APT_PACKAGES=(chromium python3-aiosmtpd postgresql fonts-dejavu-core)
readonly RESULTS_DIR="$PWD/artifacts/test-results"
# Debian's interpreter: it is the one that has python3-aiosmtpd, whatever python3 comes first on PATH.
readonly PYTHON=/usr/bin/python3

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Every test host watches its configuration and content files. With inotify each watcher holds one of the
# machine's few inotify instances (128 by default), and a test project starts more hosts than that at once; polling
# watchers hold none.
export DOTNET_USE_POLLING_FILE_WATCHER=1

say() { printf 'test.sh: %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

# Runs a command without output, showing everything it printed only when it fails.
quietly() {
    local log
    log=$(mktemp)
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

is_root() { [ "$(id -u)" -eq 0 ]; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_apt_packages() {
    local missing=() package
    for package in "${APT_PACKAGES[@]}"; do
        installed "$package" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=()
    if ! is_root; then
        command -v sudo >/dev/null 2>&1 ||
            die "missing Debian packages: ${missing[*]}. Run this script as root, or install them first: apt-get install ${missing[*]}"
        sudo=(sudo)
    fi
    say "installing Debian packages: ${missing[*]}"
    quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# A stamp written after a successful install: when it is newer than the manifests, the packages are
# current and a reinstall would only cost time.
readonly NPM_STAMP=node_modules/.installed-by-test-sh

npm_packages_current() {
    local stamp="$1/$NPM_STAMP"
    [ -f "$stamp" ] && [ "$stamp" -nt "$1/package.json" ] &&
        { [ ! -f "$1/package-lock.json" ] || [ "$stamp" -nt "$1/package-lock.json" ]; }
}

install_npm_packages() {
    local dir
    for dir in . src/EmployerWorkflows.Web; do
        [ -f "$dir/package.json" ] || continue
        npm_packages_current "$dir" && continue
        command -v npm >/dev/null 2>&1 || die "npm is needed for $dir/package.json: install Node.js 20 with npm"
        say "installing npm packages in $dir"
        # Browsers come from Debian (chromium); packages must not try to download their own.
        if [ -f "$dir/package-lock.json" ]; then
            (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 quietly npm ci --no-audit --no-fund)
        else
            (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 quietly npm install --no-audit --no-fund)
        fi
        mkdir -p "$dir/node_modules"
        touch "$dir/$NPM_STAMP"
    done
}

PG_DIR=""
PG_BIN=""
# runuser lives in /usr/sbin, which is not on every PATH.
RUNUSER=$(PATH="$PATH:/usr/sbin:/sbin" command -v runuser || echo runuser)

# initdb refuses root, so as root the cluster belongs to the postgres account. Commands run from the
# cluster folder because the caller's folder may be closed to that account.
as_postgres() {
    if is_root; then
        (cd "$PG_DIR" && "$RUNUSER" -u postgres -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

start_postgres() {
    PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || die "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin"

    PG_DIR=$(mktemp -d /tmp/ew-postgres.XXXXXX)
    if is_root; then chown postgres:postgres "$PG_DIR"; fi
    quietly as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale --no-sync

    # A port found free may be taken before postgres binds it: try a few. The server is thrown away
    # after the run, so durability is switched off for speed.
    local port="" attempt candidate
    for attempt in 1 2 3; do
        candidate=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        if as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 -o \
            "-p $candidate -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null 2>&1; then
            port=$candidate
            break
        fi
    done
    if [ -z "$port" ]; then
        cat "$PG_DIR/postgres.log" >&2 || true
        die "PostgreSQL did not start"
    fi
    for attempt in $(seq 1 60); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break
        [ "$attempt" -eq 60 ] && die "PostgreSQL on port $port is not ready"
        sleep 0.5
    done
    export EW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop_postgres() {
    [ -n "$PG_DIR" ] || return 0
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
}

trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Sums the counters of every .trx file (one per test project); prints "files passed failed skipped".
count_results() {
    "$PYTHON" - "$RESULTS_DIR" <<'PY'
import pathlib, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
files = passed = failed = skipped = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    files += 1
    value = lambda name: int(counters.get(name, "0"))
    run_failed = value("failed") + value("error") + value("timeout") + value("aborted")
    passed += value("passed")
    failed += run_failed
    # Skipped tests are in "total" but not in "executed"; "notExecuted" stays 0 for them.
    skipped += max(value("notExecuted"), value("total") - value("passed") - run_failed)
print(files, passed, failed, skipped)
PY
}

install_apt_packages
install_npm_packages
quietly dotnet tool restore
start_postgres

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
set +e
# --blame: should a test host crash, the report names the tests that were running; a test host that stays
# busy for 15 minutes is stopped and counted as failed instead of stalling the whole run.
dotnet test EmployerWorkflows.sln --nologo --verbosity quiet --tl:off --results-directory "$RESULTS_DIR" --blame \
    --blame-hang-timeout 15m --blame-hang-dump-type none \
    --logger "trx;LogFilePrefix=results" --logger "console;verbosity=minimal" "$@"
status=$?
set -e

read -r files passed failed skipped < <(count_results) || die "could not read the test results in $RESULTS_DIR"
if [ "$files" -eq 0 ]; then
    die "no test results: the build failed or no test project ran (dotnet test exit code $status, see above)"
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    say "dotnet test exited with code $status although no test failed: a test host crashed or a project did not build (see above)"
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
