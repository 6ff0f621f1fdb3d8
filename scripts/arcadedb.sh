#!/usr/bin/env bash
# Start, stop or inspect a local ArcadeDB server speaking Bolt, for the Neo4j backend's tests
# and for trying `--backend neo4j` without a Neo4j server (Neo4j itself cannot be installed here).
#
#   scripts/arcadedb.sh start    # background server on 127.0.0.1, writes .arcadedb/env.sh
#   source .arcadedb/env.sh      # NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE
#   scripts/arcadedb.sh status
#   scripts/arcadedb.sh stop     # kills the server by the pid in .arcadedb/pid
#
# The JRE and jars come from the arcadedb-embedded wheel in .venv (pip install "vocgraph[arcadedb]").
# Ports are free ones picked at start (override with ARCADEDB_BOLT_PORT / ARCADEDB_HTTP_PORT), so
# the server never collides with another service on 7687. Every listener binds 127.0.0.1 only.
# Environment: ARCADEDB_DATABASE (default vocgraph), ARCADEDB_HEAP (default 2g),
# ARCADEDB_START_TIMEOUT seconds (default 120).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="$PWD/.arcadedb"
PIDFILE="$DIR/pid"
LOG="$DIR/server.log"
ENVFILE="$DIR/env.sh"
PASSFILE="$DIR/password"
DATABASE="${ARCADEDB_DATABASE:-vocgraph}"
HEAP="${ARCADEDB_HEAP:-2g}"
TIMEOUT="${ARCADEDB_START_TIMEOUT:-120}"
PY="${PYTHON:-.venv/bin/python}"

die() { echo "arcadedb: $*" >&2; exit 1; }

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

package_dir() {
    # find_spec locates the package without importing it (importing would start nothing, but is slow).
    "$PY" -c 'import importlib.util, os, sys
spec = importlib.util.find_spec("arcadedb_embedded")
sys.exit("arcadedb-embedded is not installed: pip install \"vocgraph[arcadedb]\"") if spec is None else print(os.path.dirname(spec.origin))'
}

start() {
    if running; then
        echo "arcadedb: already running (pid $(cat "$PIDFILE")); settings in $ENVFILE"
        return 0
    fi
    [ -x "$PY" ] || die "$PY not found: run scripts/setup.sh first"
    local pkg java
    pkg="$(package_dir)" || die "cannot locate arcadedb-embedded with $PY"
    java="$pkg/jre/bin/java"
    [ -x "$java" ] || die "no bundled JRE at $java"
    ls "$pkg"/jars/*.jar >/dev/null 2>&1 || die "no jars in $pkg/jars"

    mkdir -p "$DIR"
    chmod 700 "$DIR"
    # Databases the tests create per module are dropped when they end; a killed run leaves them.
    rm -rf "$DIR"/databases/vocgraph_test_*
    if [ ! -s "$PASSFILE" ]; then
        # The root password is fixed when the server root is first created, so it is kept here.
        # ArcadeDB asks for one on the terminal (and hangs) when it is missing or shorter than 8.
        (umask 077; "$PY" -c 'import secrets; print("vg-" + secrets.token_hex(12))' > "$PASSFILE")
    fi
    local password bolt_port http_port
    password="$(cat "$PASSFILE")"
    bolt_port="${ARCADEDB_BOLT_PORT:-$(free_port)}"
    http_port="${ARCADEDB_HTTP_PORT:-$(free_port)}"

    : > "$LOG"
    # setsid: the server outlives this shell and is stopped by pid, not by the caller's job control.
    # Run from .arcadedb/: ArcadeDB writes its own log/ folder into the working directory.
    (cd "$DIR" && exec setsid "$java" -Xmx"$HEAP" -cp "$pkg/jars/*" \
        -Darcadedb.server.rootPath="$DIR/root" \
        -Darcadedb.server.databaseDirectory="$DIR/databases" \
        -Darcadedb.server.rootPassword="$password" \
        -Darcadedb.server.httpIncomingHost=127.0.0.1 \
        -Darcadedb.server.httpIncomingPort="$http_port" \
        -Darcadedb.bolt.host=127.0.0.1 \
        -Darcadedb.bolt.port="$bolt_port" \
        -Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin \
        -Darcadedb.server.defaultDatabases="$DATABASE[root]" \
        com.arcadedb.server.ArcadeDBServer >"$LOG" 2>&1 < /dev/null) &
    local pid=$!
    echo "$pid" > "$PIDFILE"

    local waited=0
    until grep -q "ArcadeDB Server started" "$LOG"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PIDFILE"
            echo "arcadedb: the server exited during start-up; last lines of $LOG:" >&2
            tail -n 30 "$LOG" >&2
            exit 1
        fi
        if [ "$waited" -ge "$TIMEOUT" ]; then
            echo "arcadedb: no 'ArcadeDB Server started' line after ${TIMEOUT}s; last lines of $LOG:" >&2
            tail -n 30 "$LOG" >&2
            kill "$pid" 2>/dev/null || true
            rm -f "$PIDFILE"
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    grep -q "Listening for incoming BOLT connections" "$LOG" || {
        echo "arcadedb: the server started without its Bolt listener; last lines of $LOG:" >&2
        tail -n 30 "$LOG" >&2
        stop
        exit 1
    }

    (umask 077; cat > "$ENVFILE" <<EOF
# Written by scripts/arcadedb.sh start: the local ArcadeDB server (pid $pid), Bolt on 127.0.0.1.
export NEO4J_URI=bolt://127.0.0.1:$bolt_port
export NEO4J_USER=root
export NEO4J_PASSWORD='$password'
export NEO4J_DATABASE=$DATABASE
export ARCADEDB_HTTP_URL=http://127.0.0.1:$http_port
EOF
)
    echo "arcadedb: started (pid $pid) in ${waited}s: bolt://127.0.0.1:$bolt_port database '$DATABASE'; source $ENVFILE"
}

stop() {
    if ! running; then
        rm -f "$PIDFILE"
        echo "arcadedb: not running"
        return 0
    fi
    local pid
    pid="$(cat "$PIDFILE")"
    kill "$pid"
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "arcadedb: pid $pid ignored SIGTERM for 30s; sending SIGKILL" >&2
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE" "$ENVFILE"
    echo "arcadedb: stopped (pid $pid)"
}

status() {
    if running; then
        echo "arcadedb: running (pid $(cat "$PIDFILE"))"
        grep -E '^export NEO4J_(URI|DATABASE)=' "$ENVFILE" 2>/dev/null | sed 's/^export /  /'
    else
        echo "arcadedb: not running"
        return 3
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: scripts/arcadedb.sh start|stop|status" >&2; exit 2 ;;
esac
