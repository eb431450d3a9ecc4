"""`opora backup --out FILE` and `opora restore FILE`."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from app.commands.context import CommandContext
from app.db import keyring
from app.db.actors import new_epoch
from app.db.database import Target, backup_file, open_database, self_device_id
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
        raise UsageError(tr("{path} is not an Opora backup", path=db.target.url))
    out = backup_file(db, Path(args.out).resolve())
    context.emit({"backup": str(out)}, tr("backup written to {path}", path=out))
    return 0


def run_restore(args: argparse.Namespace, context: CommandContext) -> int:
    """Check the backup opens with the user's password, then put it in place atomically."""
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
        with check.session() as session:
            # The restored database starts a new epoch: it must never reuse a sequence number
            # of the changes it made after this backup (docs/decisions/032-replica-epochs.md).
            new_epoch(session, self_device_id(session))
        check.close()
        for suffix in ("-wal", "-shm"):
            Path(str(target.path) + suffix).unlink(missing_ok=True)
        if staging_keys.exists():
            staging_keys.replace(keyring.keyring_path(target.path))
        else:
            keyring.keyring_path(target.path).unlink(missing_ok=True)
        staging.replace(target.path)
    finally:
        for leftover in (staging, staging_keys, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
            leftover.unlink(missing_ok=True)
    context.emit({"restored": str(source)}, tr("database restored from {path}", path=source))
    return 0
