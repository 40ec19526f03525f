#!/usr/bin/env bash
# Runs the production stack on this machine, in the background: PostgreSQL and Redis,
# DEBUG=false, gunicorn (pages), daphne (websockets under /ws/) and the task worker.
# Pid files, logs and the generated environment live in var/prod/. See docs/deploy.md.
#
#   scripts/prod-local.sh up        migrate, collectstatic, demo data and library; start all three
#   scripts/prod-local.sh down      stop what `up` started (only the pids it recorded)
#   scripts/prod-local.sh status    which processes run, and /healthz
#   scripts/prod-local.sh run CMD   run CMD with the stack's environment (e.g. manage.py backlog)
#
# Settings (environment):
#   PROD_WEB_PORT (8000)  PROD_WS_PORT (8001)  PROD_WEB_WORKERS (2 x cores + 1)
#   PROD_DB_NAME (supportnet_prod_local)  PROD_PG (postgres://postgres@127.0.0.1:5432)
#   PROD_REDIS_URL (redis://127.0.0.1:6379/3)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
RUN=var/prod
ENV_FILE=$RUN/env
PROCESSES=(web realtime worker)

die() { echo "prod-local: $*" >&2; exit 1; }

# The command line a process of ours must show, so a recycled pid is never signalled.
expected_cmd() {
    case $1 in
        web) echo "gunicorn" ;;
        realtime) echo "daphne" ;;
        worker) echo "db_worker" ;;
    esac
}

# Prints the pid of a running process of ours, or nothing.
running_pid() {
    local file=$RUN/$1.pid pid
    [ -s "$file" ] || return 0
    pid=$(cat "$file")
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$(expected_cmd "$1")"; then
        echo "$pid"
    fi
}

port_busy() { [ -n "$(ss -Hltn "sport = :$1")" ]; }

write_env() {
    local web_port=${PROD_WEB_PORT:-8000} ws_port=${PROD_WS_PORT:-8001}
    local db=${PROD_DB_NAME:-supportnet_prod_local}
    local pg=${PROD_PG:-postgres://postgres@127.0.0.1:5432}
    local redis=${PROD_REDIS_URL:-redis://127.0.0.1:6379/3}
    case $db in supportnet | test_supportnet) die "use a database of its own, not '$db'" ;; esac
    mkdir -p "$RUN"
    chmod 700 "$RUN"
    [ -s "$RUN/secret-key" ] || (umask 077 && $PY -c 'import secrets; print(secrets.token_urlsafe(64))' >"$RUN/secret-key")
    (
        umask 077
        cat >"$ENV_FILE" <<EOF
# Written by scripts/prod-local.sh up; sourced by 'run' and by bench/load/run.py.
export DEBUG=false
export SECRET_KEY='$(cat "$RUN/secret-key")'
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL='$pg/$db'
export REDIS_URL='$redis'
export EMAIL_URL=consolemail://
export DEFAULT_FROM_EMAIL=no-reply@localhost
export SUPPORTNET_HTTPS=false
export SUPPORTNET_SITE_URL=http://127.0.0.1:$web_port
export STATIC_ROOT=$PWD/$RUN/static
export PROD_PG='$pg'
export PROD_DB_NAME='$db'
export PROD_WEB_PORT=$web_port
export PROD_WS_PORT=$ws_port
EOF
    )
}

create_database() {
    local exists
    exists=$(psql "$PROD_PG/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PROD_DB_NAME'") ||
        die "PostgreSQL does not answer at $PROD_PG"
    if [ "$exists" != 1 ]; then
        createdb --maintenance-db="$PROD_PG/postgres" "$PROD_DB_NAME"
        echo "Created database $PROD_DB_NAME."
    fi
}

# start NAME COMMAND...: in its own session, so it outlives the shell and Ctrl-C in it.
start() {
    local name=$1
    shift
    setsid "$@" >>"$RUN/$name.log" 2>&1 </dev/null &
    echo $! >"$RUN/$name.pid"
}

wait_healthy() {
    local url=$1 name=$2
    for _ in $(seq 1 60); do
        if curl -fs -o /dev/null "$url"; then return 0; fi
        [ -n "$(running_pid "$name")" ] || { tail -n 20 "$RUN/$name.log" >&2; die "$name exited; see $RUN/$name.log"; }
        sleep 0.5
    done
    die "$url did not answer 200 within 30 s; see $RUN/$name.log"
}

up() {
    for name in "${PROCESSES[@]}"; do
        [ -z "$(running_pid "$name")" ] || die "already running ($name); 'make prod-down' first"
    done
    write_env
    # shellcheck source=/dev/null
    . "$ENV_FILE"
    port_busy "$PROD_WEB_PORT" && die "port $PROD_WEB_PORT is taken; set PROD_WEB_PORT"
    port_busy "$PROD_WS_PORT" && die "port $PROD_WS_PORT is taken; set PROD_WS_PORT"
    redis-cli -u "$REDIS_URL" ping >/dev/null || die "Redis does not answer at $REDIS_URL"
    create_database
    $PY manage.py migrate --noinput -v 0
    $PY manage.py collectstatic --noinput -v 0
    $PY manage.py load_demo
    $PY manage.py load_library
    # With SUPPORTNET_HTTPS=false the HTTPS warnings are expected; anything else is worth a look.
    $PY manage.py check --deploy >"$RUN/check-deploy.log" 2>&1 || true
    local workers=${PROD_WEB_WORKERS:-$(($(nproc) * 2 + 1))}
    start web .venv/bin/gunicorn supportnet.wsgi:application \
        --bind "127.0.0.1:$PROD_WEB_PORT" --workers "$workers" \
        --access-logfile "$RUN/web-access.log" --access-logformat '"%(r)s" %(s)s %(b)s %(M)sms'
    start realtime .venv/bin/daphne -b 127.0.0.1 -p "$PROD_WS_PORT" supportnet.asgi:application
    start worker "$PY" manage.py db_worker --queue-name '*'
    wait_healthy "http://127.0.0.1:$PROD_WEB_PORT/healthz" web
    wait_healthy "http://127.0.0.1:$PROD_WS_PORT/healthz" realtime
    status
    cat <<EOF

Production stack up (DEBUG=false, PostgreSQL $PROD_DB_NAME, Redis $REDIS_URL):
  pages       http://127.0.0.1:$PROD_WEB_PORT   (gunicorn, $workers workers)
  websockets  ws://127.0.0.1:$PROD_WS_PORT/ws/  (daphne; no proxy joins the two ports locally,
              so live updates fall back to reloading pages: forms work without websockets)
  logs        $RUN/*.log        stop with: make prod-down
EOF
}

down() {
    local pids=() pid
    for name in "${PROCESSES[@]}"; do
        pid=$(running_pid "$name")
        if [ -n "$pid" ]; then
            kill -TERM "$pid"
            pids+=("$pid")
            echo "Stopping $name (pid $pid)."
        fi
    done
    for _ in $(seq 1 40); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do
        kill -0 "$pid" 2>/dev/null && { echo "pid $pid did not stop; killing it."; kill -KILL "$pid"; }
    done
    rm -f "$RUN"/{web,realtime,worker}.pid
    echo "Production stack stopped."
}

status() {
    local pid any=0
    for name in "${PROCESSES[@]}"; do
        pid=$(running_pid "$name")
        if [ -n "$pid" ]; then
            echo "$name: running (pid $pid)"
            any=1
        else
            echo "$name: stopped"
        fi
    done
    if [ $any = 1 ] && [ -s "$ENV_FILE" ]; then
        # shellcheck source=/dev/null
        . "$ENV_FILE"
        echo "healthz (pages): $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROD_WEB_PORT/healthz")"
        echo "readyz (pages):  $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROD_WEB_PORT/readyz")"
    fi
}

run() {
    [ -s "$ENV_FILE" ] || write_env
    # shellcheck source=/dev/null
    . "$ENV_FILE"
    exec "$@"
}

case ${1:-} in
    up) up ;;
    down) down ;;
    status) status ;;
    run) shift && run "$@" ;;
    *) die "usage: $0 up|down|status|run COMMAND..." ;;
esac
