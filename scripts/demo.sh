#!/usr/bin/env bash
# Runs the demo: task worker in the background, the ASGI server in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/demo-env.sh
PY=.venv/bin/python
$PY manage.py migrate --noinput
$PY manage.py collectstatic --noinput -v 0
$PY manage.py load_demo
$PY manage.py load_library
$PY manage.py db_worker --queue-name '*' >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo
echo "SupportNet demo: http://127.0.0.1:8000  (sign-in details are in README.md; Ctrl-C stops it)"
echo
.venv/bin/daphne -b 127.0.0.1 -p 8000 supportnet.asgi:application
