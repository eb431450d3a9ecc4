"""`opora backup --out FILE` and `opora restore FILE`."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from app.commands.context import CommandContext
from app.db import keyring
from app.db.actors import new_epoch
from app.db.backups import backup_file, restore_content
from app.db.database import Database, Target, open_database, self_device_id
from app.errors import OporaError, UsageError
from app.i18n import tr


def register(subparsers: Any) -> None:
    """Add `backup` and `restore`."""
    backup = subparsers.add_parser("backup", help=tr("a consistent copy of the database"))
    backup.add_argument("--out", required=True)
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser("restore", help=tr("replace the database with a backup"))
    restore.add_argument("file")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, context: CommandContext) -> int:
    """Copy the open database through SQLite's online backup API."""
    db = context.open()
    if db.path is None:
        raise UsageError(
            tr("a PostgreSQL database is backed up by the server's own tools (pg_dump)")
        )
    target = Path(args.out).resolve()
    if not target.parent.is_dir():  # SQLite would say only that «a file» cannot be opened
        raise UsageError(
            tr(
                "{file}: no such file or folder; check the path (its folder must exist)",
                file=target.parent,
            )
        )
    out = backup_file(db, target)
    context.emit({"backup": str(out)}, tr("backup written to {path}", path=out))
    return 0


def run_restore(args: argparse.Namespace, context: CommandContext) -> int:
    """Check the backup opens with the user's password, then put its content in place.

    A new file is simply created from the backup. An existing database is taken
    exclusively and overwritten in place (`restore_content`): refused while another program
    has it open, so no acknowledged work is swapped away under a running import."""
    context.close()  # the role was checked on the current database; it is replaced now
    context.note_sign_in = False
    source = Path(args.file).resolve()
    target = Target.parse(context.db_target)
    if target.path is None or not source.is_file():
        raise UsageError(tr("{path} is not an Opora backup", path=source))
    staging = target.path.with_name(f".{target.path.name}.restore")
    source_keys = keyring.keyring_path(source)
    staging_keys = keyring.keyring_path(staging)
    try:
        shutil.copyfile(source, staging)
        if source_keys.exists():
            shutil.copyfile(source_keys, staging_keys)
        try:
            check = open_database(staging, login=context.user, password=context.password_lazy())
        except OporaError as error:
            if error.exit_code == 4:
                raise
            raise UsageError(tr("{path} is not an Opora backup", path=source)) from error
        try:
            with check.session() as session:
                # The restored database starts a new epoch: it must never reuse a sequence
                # number of the changes it made after this backup (decision 032).
                new_epoch(session, self_device_id(session))
            if target.path.exists():
                _restore_in_place(check, target, context)
            else:
                check.close()
                if staging_keys.exists():
                    staging_keys.replace(keyring.keyring_path(target.path))
                staging.replace(target.path)
        finally:
            check.close()
    finally:
        for leftover in (staging, staging_keys, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
            leftover.unlink(missing_ok=True)
    context.emit({"restored": str(source)}, tr("database restored from {path}", path=source))
    return 0


def _restore_in_place(backup: Database, target: Target, context: CommandContext) -> None:
    live_keys = target.keyring
    key = None
    if live_keys is not None and live_keys.exists():
        accounts = keyring.read(live_keys)
        only = next(iter(accounts)) if len(accounts) == 1 else None
        login = context.user or only or backup.login or ""
        password = context.password_lazy() or ""
        key = keyring.unwrap(accounts, login, password)
    if (key is None) != (backup.key is None):
        raise UsageError(
            tr(
                "the backup is encrypted and the database is not, or the reverse; "
                "restore it to a new file (--db NEW_FILE)"
            )
        )
    restore_content(backup, target, key)
    if backup.key is not None and live_keys is not None and backup.target.keyring is not None:
        keyring.write(live_keys, keyring.read(backup.target.keyring))
