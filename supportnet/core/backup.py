"""Backups of the database: pg_dump/pg_restore for PostgreSQL, SQLite's own backup API for
the demo. Used by `manage.py backup` and `manage.py restore` (docs/operations.md)."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    pass


def _pg_env(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", settings_dict["NAME"]]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def backup(*, output: Path, alias: str = "default") -> Path:
    connection = connections[alias]
    if connection.vendor == "postgresql":
        args, env = _pg_env(connection.settings_dict)
        command = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(output), *args]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()[:500]}")
        return output
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(output) as target:
            connection.connection.backup(target)
        return output
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def restore(*, source: Path, alias: str = "default") -> None:
    """Replace the database's contents with the backup's."""
    if not source.exists():
        raise BackupError(f"{source} does not exist.")
    connection = connections[alias]
    if connection.vendor == "postgresql":
        args, env = _pg_env(connection.settings_dict)
        connection.close()
        command = [
            _tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
            *args, str(source),
        ]  # fmt: skip
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()[:500]}")
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source) as origin:
            origin.backup(connection.connection)
        return
    raise BackupError(f"Restoring {connection.vendor} databases is not supported.")
