# Environment of the local demo: SQLite, in-memory realtime, console email, plain HTTP.
mkdir -p var
[ -s var/demo-secret-key ] || .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))' > var/demo-secret-key
export SECRET_KEY="$(cat var/demo-secret-key)"
export DEBUG=false
export SUPPORTNET_HTTPS=false
export ALLOWED_HOSTS="127.0.0.1,localhost"
export DATABASE_URL="${DEMO_DATABASE_URL:-sqlite:///var/demo.sqlite3}"
unset REDIS_URL
export EMAIL_URL="consolemail://"
export SUPPORTNET_WEBAUTHN_ALLOW_INSECURE_ORIGIN=true
