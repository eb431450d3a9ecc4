"""`opora sync now`: one online round with the centre — send, receive, merge.

The laptop exports a bundle into its outbox (beside the database), uploads it in chunks the
centre acknowledges one by one, asks the centre to apply it, then downloads the centre's
answer (resuming by byte range) and imports it with `sync import`'s own function. Each step
is idempotent: an upload is known by its bundle id, an applied bundle by the import log, and
the watermarks skip changes already held. A dropped link is retried with back-off; after a
few failures in a row with no progress the round gives up with exit 6, having changed
nothing in the database that was not wholly received and merged.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import urllib3
from urllib3.exceptions import HTTPError, SSLError

from app.db.database import Database
from app.db.settings import get_setting
from app.errors import BundleRejected, CentreUnreachable, UsageError
from app.i18n import tr
from app.online.protocol import (
    API,
    CLIENT_CHUNK,
    PIN_SETTING,
    URL_SETTING,
    Endpoint,
    check_url,
    normal_pin,
    work_folder,
)
from app.services.queries import status_summary
from app.sync.bundle import SUFFIX, read_header
from app.sync.devices import self_device
from app.sync.errors import BundleError
from app.sync.exchange import REJECTED, export_bundle, import_bundle


@dataclass(frozen=True)
class RoundResult:
    """What one round moved: changes sent, changes received and merged, conflicts kept."""

    sent: int = 0
    received: int = 0
    conflicts: int = 0

    def to_json(self) -> dict[str, int]:
        return {"sent": self.sent, "received": self.received, "conflicts": self.conflicts}

    def __add__(self, other: RoundResult) -> RoundResult:
        return RoundResult(
            self.sent + other.sent,
            self.received + other.received,
            self.conflicts + other.conflicts,
        )


@dataclass(frozen=True)
class LinkOptions:
    """How hard a round tries: failures in a row, seconds without progress, timeouts."""

    attempts: int = 6
    patience: float = 35.0
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    apply_timeout: float = 300.0
    chunk: int = CLIENT_CHUNK
    first_backoff: float = 0.5
    max_backoff: float = 8.0


def endpoint_for(db: Database, url: str | None = None) -> Endpoint:
    """The centre's address (given, else from the enrollment) and its certificate pin."""
    with db.session() as session:
        if self_device(session).kind == "centre":
            raise UsageError(tr("the centre does not run «sync now»: it runs «serve»"))
    chosen = url or get_setting(db, URL_SETTING)
    if not chosen:
        raise UsageError(tr("no exchange address: give --url URL, or enroll with --exchange-url"))
    chosen = check_url(chosen)
    pin = get_setting(db, PIN_SETTING)
    if chosen.startswith("https://") and not pin:
        raise UsageError(
            tr("the centre's certificate is not pinned: enroll with --exchange-url over HTTPS")
        )
    return Endpoint(chosen, normal_pin(pin) if pin else None)


class Link:
    """HTTP to the centre with retries and back-off.

    A failure is a refused or dropped connection, a timeout or a 5xx; any answer from the
    centre counts as progress. After `attempts` failures in a row, or `patience` seconds
    without progress, the round gives up (CentreUnreachable, exit 6)."""

    def __init__(
        self,
        endpoint: Endpoint,
        options: LinkOptions | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.endpoint = endpoint
        self.options = options or LinkOptions()
        self._sleep = sleep
        timeout = urllib3.Timeout(
            connect=self.options.connect_timeout, read=self.options.read_timeout
        )
        if endpoint.tls:
            self.pool = urllib3.PoolManager(
                timeout=timeout,
                retries=False,
                cert_reqs="CERT_NONE",
                assert_hostname=False,
                assert_fingerprint=endpoint.pin,
            )
        else:
            self.pool = urllib3.PoolManager(timeout=timeout, retries=False)
        self.failures = 0
        self.strange = 0  # answers that are no part of the exchange, progress or not
        self.last_progress = time.monotonic()

    def progressed(self) -> None:
        self.failures = 0
        self.last_progress = time.monotonic()

    def failed(self, error: BaseException | str) -> None:
        """Count a failure: wait before the next try, or give up."""
        self.failures += 1
        waited = time.monotonic() - self.last_progress
        options = self.options
        if self.failures >= options.attempts or waited >= options.patience:
            raise CentreUnreachable(
                tr("the centre cannot be reached at {url}", url=self.endpoint.url)
            )
        delay = min(options.first_backoff * 2 ** (self.failures - 1), options.max_backoff)
        delay = min(delay * (1 + random.random() / 4), max(0.0, options.patience - waited))
        self._sleep(delay)

    def unexpected(self, what: str) -> None:
        """An answer no step of the exchange expects (another server at that address):
        counted apart, since any answer counts as progress; too many and the round ends."""
        self.strange += 1
        if self.strange >= self.options.attempts:
            self.failures = self.options.attempts
        self.failed(what)

    def call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
        stream: bool = False,
    ) -> urllib3.BaseHTTPResponse:
        """One request, retried until the centre answers with something other than 5xx."""
        response = self._answer(
            method, path, body=body, headers=headers, timeout=timeout, stream=stream
        )
        self.progressed()
        return response

    def _answer(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
        stream: bool = False,
    ) -> urllib3.BaseHTTPResponse:
        """The first answer other than a 5xx; failures before it are counted (not progress:
        what the answer holds is judged by the caller)."""
        # Every request has a read timeout: a listener that never answers is a failure.
        limit = urllib3.Timeout(
            connect=self.options.connect_timeout, read=timeout or self.options.read_timeout
        )
        while True:
            try:
                response = self.pool.request(
                    method,
                    self.endpoint.url + API + path,
                    body=body,
                    headers=headers,
                    timeout=limit,
                    preload_content=not stream,
                    retries=False,
                )
            except SSLError as exc:
                if "fingerprint" in str(exc).lower():
                    raise CentreUnreachable(
                        tr(
                            "the centre's certificate at {url} does not match the enrollment "
                            "file: refusing to connect",
                            url=self.endpoint.url,
                        )
                    ) from exc
                self.failed(exc)
                continue
            except HTTPError as exc:
                self.failed(exc)
                continue
            if response.status >= 500:
                response.drain_conn()
                self.failed(f"HTTP {response.status}")
                continue
            return response

    def json(self, method: str, path: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
        """A request whose answer is a JSON object. Anything else (a captive portal's page,
        another server at that address) is a failure, not progress: the round gives up."""
        while True:
            response = self._answer(method, path, **kwargs)
            try:
                answer = json.loads(response.data or b"{}")
            except ValueError:
                answer = None
            if isinstance(answer, dict):
                self.progressed()
                return response.status, answer
            self.failed("bad answer")


def _unsent(db: Database) -> bool:
    return status_summary(db).pending > 0


def sync_round(
    db: Database,
    url: str | None = None,
    *,
    options: LinkOptions | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> RoundResult:
    """One round with the centre (see the module's text); raises CentreUnreachable (exit 6)
    or BundleRejected (exit 3)."""
    endpoint = endpoint_for(db, url)
    folder = work_folder(db.path, ".exchange")
    folder.mkdir(parents=True, exist_ok=True)
    link = Link(endpoint, options, sleep)
    resumed = (folder / f"outgoing{SUFFIX}").exists()
    total = _one_pass(db, link, folder)
    if resumed and _unsent(db):  # the resumed upload was older than the latest edits
        total = total + _one_pass(db, link, folder)
    return total


def _outbox(db: Database, folder: Path) -> Path:
    outbox = folder / f"outgoing{SUFFIX}"
    if outbox.exists():
        try:
            read_header(outbox)
        except BundleError:
            outbox.unlink()
    if not outbox.exists():
        export_bundle(db, outbox)
    return outbox


def _one_pass(db: Database, link: Link, folder: Path) -> RoundResult:
    outbox = _outbox(db, folder)
    header = read_header(outbox)
    bundle_id = header.bundle_id
    total = outbox.stat().st_size
    held = [0]  # bytes the centre has confirmed holding
    try:
        _, state = link.json("GET", f"/uploads/{bundle_id}")
        held[0] = total if state.get("applied") else int(state.get("received") or 0)
        while True:
            if not state.get("applied"):
                _upload(link, outbox, bundle_id, held, total)
            code, answer = link.json(
                "POST", f"/uploads/{bundle_id}/apply", timeout=link.options.apply_timeout
            )
            if code in (404, 409):  # the centre lost or misses part of it: send the rest
                held[0] = int(answer.get("received") or 0)
                state = {}
                continue
            break
    except CentreUnreachable:
        if held[0] == 0:
            outbox.unlink(missing_ok=True)  # nothing reached the centre: leave no trace
        raise
    except BundleRejected:
        outbox.unlink(missing_ok=True)
        raise
    if code != 200:
        outbox.unlink(missing_ok=True)
        raise BundleRejected(
            tr("the centre refused the bundle: {error}", error=answer.get("error") or code)
        )
    outbox.unlink(missing_ok=True)  # the centre holds it now
    reply = answer["reply"]
    incoming = _download(link, folder, reply["token"], int(reply["size"]))
    result = import_bundle(db, incoming)
    incoming.unlink(missing_ok=True)
    try:
        link.pool.request("DELETE", link.endpoint.url + API + f"/replies/{reply['token']}")
    except HTTPError:
        pass  # the centre drops unfetched answers by itself
    if result.status == REJECTED:
        raise BundleRejected(tr("the centre's answer was refused: {error}", error=result.error))
    sent = int(header.counts.get("lines", 0)) - int(header.counts.get("audit", 0))
    return RoundResult(sent, result.changes, result.conflicts)


def _upload(link: Link, outbox: Path, bundle_id: str, held: list[int], total: int) -> None:
    """Send the chunks the centre has not acknowledged; `held[0]` follows what it holds."""
    with outbox.open("rb") as handle:
        while (have := held[0]) < total:
            handle.seek(have)
            chunk = handle.read(link.options.chunk)
            code, answer = link.json(
                "PUT",
                f"/uploads/{bundle_id}?offset={have}&total={total}",
                body=chunk,
                headers={"Content-Type": "application/octet-stream"},
            )
            if answer.get("applied"):
                held[0] = total
                return
            if code in (200, 409):
                held[0] = int(answer.get("received") or 0)
                continue
            if code in (403, 422):
                raise BundleRejected(
                    tr("the centre refused the bundle: {error}", error=answer.get("error"))
                )
            link.unexpected(f"HTTP {code}")


def _download(link: Link, folder: Path, token: str, size: int) -> Path:
    """Fetch the centre's answer, resuming by byte range after a drop."""
    target = folder / f"incoming-{token}.part"
    for stale in folder.glob("incoming-*.part"):
        if stale != target:
            stale.unlink(missing_ok=True)
    while True:
        have = target.stat().st_size if target.exists() else 0
        if have >= size:
            break
        response = link.call(
            "GET", f"/replies/{token}", headers={"Range": f"bytes={have}-"}, stream=True
        )
        if response.status not in (200, 206):
            response.drain_conn()
            raise CentreUnreachable(tr("the centre lost its answer; the next round remakes it"))
        mode = "ab" if response.status == 206 else "wb"
        try:
            with target.open(mode) as out:
                for block in response.stream(64 << 10):
                    out.write(block)
            response.release_conn()
        except HTTPError as exc:
            link.failed(exc)
            continue
        if target.stat().st_size > size:
            target.unlink()
            link.failed("too long")
            continue
        link.progressed()
    return target
