"""The centre's upload spool: chunked uploads on disk, resumed after a broken link, applied
once by sync's import_bundle (a retried apply answers from what is remembered), and the
answers waiting to be fetched."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.db.database import Database
from app.db.models import Device
from app.errors import UsageError
from app.files import atomic_writer
from app.online.protocol import MAX_CHUNK
from app.sync.bundle import SUFFIX, read_header
from app.sync.bundle_codec import DEFAULT_LIMITS
from app.sync.errors import BundleError, Reason
from app.sync.exchange import REJECTED, export_bundle, import_bundle

T = TypeVar("T")
log = logging.getLogger("opora.exchange")


REPLY_TTL = 3600.0  # an answer not fetched within an hour is remade by the next round


DONE_TTL = 7 * 86400.0  # how long a finished upload is remembered for a retried apply


PART_TTL = 7 * 86400.0  # an upload not finished within a week is dropped


@dataclass(frozen=True)
class ServeLimits:
    """Limits of one `serve`: request size, uploads in flight, uploads open on disk."""

    max_chunk: int = MAX_CHUNK
    max_bundle: int = DEFAULT_LIMITS.max_file
    concurrent: int = 8
    open_uploads: int = 64
    wait_for_slot: float = 20.0


class Spool:
    """The server's state: the database (one thread), and files of uploads and answers."""

    def __init__(self, db: Database, folder: Path, limits: ServeLimits) -> None:
        self.db = db
        self.folder = folder
        self.limits = limits
        for sub in ("parts", "done", "replies"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        self._db_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="opora-db")
        self._slots = asyncio.Semaphore(limits.concurrent)
        self._locks: dict[str, asyncio.Lock] = {}
        self._checked: set[str] = set()
        self._applied = 0
        self.tidy()

    # plumbing
    async def in_db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn` on the one database thread."""
        return await asyncio.get_running_loop().run_in_executor(self._db_thread, fn, *args)

    async def in_thread(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def lock(self, bundle_id: str) -> asyncio.Lock:
        return self._locks.setdefault(bundle_id, asyncio.Lock())

    def close(self) -> None:
        self._db_thread.shutdown(wait=True)

    def part(self, bundle_id: str) -> Path:
        return self.folder / "parts" / f"{bundle_id}.part"

    def meta(self, bundle_id: str) -> Path:
        return self.folder / "parts" / f"{bundle_id}.json"

    def done(self, bundle_id: str) -> Path:
        return self.folder / "done" / f"{bundle_id}.json"

    def reply(self, token: str) -> Path:
        return self.folder / "replies" / f"{token}{SUFFIX}"

    def tidy(self) -> None:
        """Drop stale answers, forgotten uploads and old receipts."""
        now = time.time()
        for sub, ttl in (("replies", REPLY_TTL), ("done", DONE_TTL), ("parts", PART_TTL)):
            for path in (self.folder / sub).iterdir():
                try:
                    if now - path.stat().st_mtime > ttl:
                        path.unlink()
                except OSError:
                    pass

    def received(self, bundle_id: str) -> int:
        try:
            return self.part(bundle_id).stat().st_size
        except FileNotFoundError:
            return 0

    def forget(self, bundle_id: str) -> None:
        """An upload is finished: its lock is no longer needed (and stale files go)."""
        self._locks.pop(bundle_id, None)
        self._applied += 1
        if self._applied % 50 == 0:
            self.tidy()

    def drop(self, bundle_id: str) -> None:
        for path in (self.part(bundle_id), self.meta(bundle_id)):
            path.unlink(missing_ok=True)
        self._checked.discard(bundle_id)

    # slots: a bounded number of uploads in flight; the rest wait a little, then hear 503
    async def acquire(self) -> bool:
        try:
            await asyncio.wait_for(self._slots.acquire(), self.limits.wait_for_slot)
        except TimeoutError:
            return False
        return True

    def release(self) -> None:
        self._slots.release()

    # work on the database thread
    def sender_problem(self, sender: str) -> tuple[str, str] | None:
        """Why a device may not upload (unknown, revoked), or None."""
        with self.db.session() as session:
            device = session.get(Device, sender)
            if device is None or device.is_self:
                error = BundleError(Reason.UNKNOWN_DEVICE, device=sender)
            elif device.revoked_at is not None:
                error = BundleError(Reason.REVOKED_DEVICE, device=device.name)
            else:
                return None
        return str(error.reason), str(error)

    def apply(self, bundle_id: str) -> tuple[int, dict[str, Any]]:
        """Apply a fully received upload (or recall one applied before) and make the answer."""
        started = time.monotonic()
        done = self.done(bundle_id)
        if done.exists():
            receipt = json.loads(done.read_text("utf-8"))
            receipt["status"] = "already-applied"
            imported = 0.0
        else:
            part = self.part(bundle_id)
            if not part.exists():
                return 404, {"reason": "unknown-upload", "error": "", "received": 0}
            total = self._total(bundle_id)
            size = part.stat().st_size
            if total is not None and size < total:
                return 409, {"reason": "incomplete", "error": "", "received": size}
            result = import_bundle(self.db, part)
            imported = time.monotonic() - started
            if result.status == REJECTED:
                self.drop(bundle_id)
                log.info("exchange bundle=%s status=rejected reason=%s", bundle_id, result.reason)
                status = 403 if result.reason in ("unknown-device", "revoked-device") else 422
                return status, {"reason": result.reason, "error": result.error, "status": REJECTED}
            sender = read_header(part).sender
            receipt = {
                "sender": sender,
                "status": result.status,
                "changes": result.changes,
                "conflicts": result.conflicts,
            }
            with atomic_writer(done) as out:
                out.write(json.dumps(receipt).encode("utf-8"))
            self.drop(bundle_id)
        token = secrets.token_urlsafe(24)
        target = self.reply(token)
        try:
            exported = export_bundle(self.db, target, receipt["sender"])
        except UsageError as exc:  # revoked since
            target.unlink(missing_ok=True)
            return 403, {"reason": "revoked-device", "error": str(exc), "status": REJECTED}
        log.info(
            "exchange device=%s bundle=%s status=%s changes=%d conflicts=%d reply=%d "
            "import_s=%.2f seconds=%.2f",
            receipt["sender"],
            bundle_id,
            receipt["status"],
            receipt["changes"],
            receipt["conflicts"],
            exported.changes,
            imported,
            time.monotonic() - started,
        )
        answer = {
            "status": receipt["status"],
            "changes": receipt["changes"],
            "conflicts": receipt["conflicts"],
            "reply": {"token": token, "size": target.stat().st_size, "changes": exported.changes},
        }
        return 200, answer

    def _total(self, bundle_id: str) -> int | None:
        try:
            return int(json.loads(self.meta(bundle_id).read_text("utf-8"))["total"])
        except (OSError, ValueError, KeyError):
            return None

    def append(self, bundle_id: str, total: int, body: bytes) -> None:
        """Add a chunk to an upload (a file thread, never the event loop)."""
        meta = self.meta(bundle_id)
        if not meta.exists():
            with atomic_writer(meta) as out:
                out.write(json.dumps({"total": total}).encode("utf-8"))
        with self.part(bundle_id).open("ab") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
