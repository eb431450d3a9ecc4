"""The audit trail: who signed in (or failed to), viewed a family card, printed, exported or
changed which record, on which device and when — never the record's content.

Events are appended, never edited: each device numbers its own (`device_id`, `seq`). A laptop
sends the events the centre has not acknowledged in its bundles (as lines of their own kind,
`{"audit": …}`); the centre keeps them once and acknowledges the highest number in its next
bundle. A failed sign-in on an encrypted database cannot be written into it (the key stays
locked), so it is noted in a 0600 sidecar `<database>.auth-failures` and moved into the
trail at the next successful sign-in.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.db.database import Database, Target
from app.db.models import Account, AuditEvent, Device, Setting
from app.errors import AuthError
from app.i18n import tr

ACTIONS = ("view", "print", "export", "change", "login", "login-failed")
_ACK_PREFIX = "audit_ack:"
_FAILURES = ".auth-failures"


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _self_device(session: Session) -> str:
    return session.scalar(select(Device.id).where(Device.is_self.is_(True))) or ""


def record(
    session: Session,
    user: str | None,
    action: str,
    entity: str | None = None,
    record_id: str | None = None,
    count: int | None = None,
    at: str | None = None,
) -> None:
    """Append one event made on this device."""
    device = _self_device(session)
    last = session.scalar(select(func.max(AuditEvent.seq)).where(AuditEvent.device_id == device))
    session.add(
        AuditEvent(
            device_id=device,
            seq=(last or 0) + 1,
            at=at or now_text(),
            user=user or "",
            action=action,
            entity=entity,
            record_id=record_id,
            count=count,
        )
    )


def _retrying(db: Database, work: Callable[[Session], None]) -> None:
    """Run a small write in its own unit of work, waiting while another process writes.

    A read-only command (an export, a report) writes only its audit event; several of them
    at once on one SQLite file contend for the write lock, and a transaction that began as a
    reader is refused at once instead of waiting, so the event is retried for up to a minute.
    """
    delay = 0.02
    deadline = time.monotonic() + 60
    while True:
        try:
            with db.session() as session:
                work(session)
            return
        except OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def log(
    db: Database,
    action: str,
    entity: str | None = None,
    record_id: str | None = None,
    count: int | None = None,
) -> None:
    """Append one event by the signed-in account, in its own unit of work."""
    _retrying(db, lambda session: record(session, db.login, action, entity, record_id, count))


def changed(session: Session, user: str | None, touched: list[tuple[str, str]]) -> None:
    """The event of one unit of work that wrote records: the record when it is one (a hand
    edit), else one event for the whole batch with how many records it wrote."""
    if not touched:
        return
    if len(touched) == 1:
        record(session, user, "change", touched[0][0], touched[0][1])
        return
    kinds = {entity for entity, _ in touched}
    record(session, user, "change", kinds.pop() if len(kinds) == 1 else None, None, len(touched))


# -- signing in ---------------------------------------------------------------------------


def _failures_file(target: Target) -> Path | None:
    return target.path.with_name(target.path.name + _FAILURES) if target.path else None


def _note_failure(target_text: str, user: str | None) -> None:
    """A failed sign-in, kept beside the database file without opening it (a wrong password
    changes nothing in the database; the next sign-in moves it into the trail)."""
    from app.files import append_private

    target = Target.parse(target_text)
    sidecar = _failures_file(target)
    if sidecar is None or not target.path or not target.path.exists():
        return
    append_private(sidecar, json.dumps({"at": now_text(), "user": user or ""}) + "\n")


def _take_failures(session: Session, db: Database) -> None:
    sidecar = _failures_file(db.target)
    if sidecar is None or not sidecar.exists():
        return
    try:
        lines = sidecar.read_text("utf-8").splitlines()
    except OSError:
        return
    for line in lines:
        try:
            item = json.loads(line)
            record(session, str(item["user"]), "login-failed", at=str(item["at"]))
        except (ValueError, KeyError, TypeError):
            continue
    session.flush()


def signed_in(opener: Callable[[], Database], target: str, user: str | None) -> Database:
    """Open a database with a password; a failure is noted for the trail. A disabled account
    is refused like a wrong password (exit 4). The sign-in itself is recorded by
    `note_sign_in` once the work it was for has succeeded."""
    try:
        db = opener()
    except AuthError:
        _note_failure(target, user)
        raise
    try:
        if db.login:
            with db.session() as session:
                account = session.get(Account, db.login)
                disabled = account is not None and account.disabled
            if disabled:
                _note_failure(target, db.login)
                raise AuthError(tr("the account «{login}» is disabled", login=db.login))
    except BaseException:
        db.close()
        raise
    return db


def note_sign_in(db: Database) -> None:
    """Record a sign-in, and the failed ones noted since the last."""

    def work(session: Session) -> None:
        _take_failures(session, db)
        record(session, db.login, "login")

    _retrying(db, work)
    sidecar = _failures_file(db.target)
    if sidecar is not None:  # moved into the trail: the note is done with
        sidecar.unlink(missing_ok=True)


# -- reading ------------------------------------------------------------------------------


def list_events(
    db: Database,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    user: str | None = None,
) -> list[dict[str, Any]]:
    """Events of every device, oldest first, in the form of `audit list --json`."""
    query = select(AuditEvent)
    if date_from is not None:
        query = query.where(AuditEvent.at >= date_from.isoformat())
    if date_to is not None:
        query = query.where(AuditEvent.at < (date_to + dt.timedelta(days=1)).isoformat())
    if user:
        query = query.where(AuditEvent.user == user)
    with db.session() as session:
        devices = dict(session.execute(select(Device.id, Device.name)).all())
        events = session.scalars(
            query.order_by(AuditEvent.at, AuditEvent.device_id, AuditEvent.seq)
        ).all()
        return [
            {
                "at": e.at,
                "user": e.user,
                "device": devices.get(e.device_id, e.device_id),
                "action": e.action,
                "type": e.entity,
                "record_id": e.record_id,
                "count": e.count,
            }
            for e in events
        ]


# -- travelling with bundles --------------------------------------------------------------


def outgoing(session: Session, peer_id: str) -> list[dict[str, Any]]:
    """This device's events the peer has not acknowledged, as bundle lines."""
    me = _self_device(session)
    acked = session.get(Setting, _ACK_PREFIX + peer_id)
    above = int(acked.value or 0) if acked is not None else 0
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.device_id == me, AuditEvent.seq > above)
        .order_by(AuditEvent.seq)
    ).all()
    return [
        {
            "audit": {
                "device": e.device_id,
                "seq": e.seq,
                "at": e.at,
                "user": e.user,
                "action": e.action,
                "type": e.entity,
                "record_id": e.record_id,
                "count": e.count,
            }
        }
        for e in events
    ]


def acknowledgements(session: Session, peer_id: str) -> dict[str, int]:
    """What this replica holds of the peer's events (goes in the bundle header's extra)."""
    top = session.scalar(select(func.max(AuditEvent.seq)).where(AuditEvent.device_id == peer_id))
    return {peer_id: int(top)} if top else {}


def split(lines: Iterable[Mapping[str, Any]], sink: list[dict[str, Any]]) -> Iterator[Any]:
    """The change lines of a bundle; audit lines are put aside into `sink`."""
    for line in lines:
        if "audit" in line and len(line) == 1:
            sink.append(dict(line["audit"]))
        else:
            yield line


def take(session: Session, sender: str, events: list[dict[str, Any]]) -> int:
    """Keep a peer's events (only the sender's own), each once; returns how many were new."""
    added = 0
    for event in events:
        try:
            key = (str(event["device"]), int(event["seq"]))
            action = str(event["action"])
        except (KeyError, TypeError, ValueError):
            continue
        if key[0] != sender or action not in ACTIONS:
            continue
        if session.get(AuditEvent, key) is not None:
            continue
        session.add(
            AuditEvent(
                device_id=key[0],
                seq=key[1],
                at=str(event.get("at") or ""),
                user=str(event.get("user") or ""),
                action=action,
                entity=event.get("type") if isinstance(event.get("type"), str) else None,
                record_id=(
                    event.get("record_id") if isinstance(event.get("record_id"), str) else None
                ),
                count=event.get("count") if isinstance(event.get("count"), int) else None,
            )
        )
        added += 1
    session.flush()
    return added


def take_acknowledgement(session: Session, sender: str, acks: Any) -> None:
    """Remember the highest own event the peer holds, so the next bundle starts above it."""
    if not isinstance(acks, dict):
        return
    me = _self_device(session)
    value = acks.get(me)
    if not isinstance(value, int):
        return
    key = _ACK_PREFIX + sender
    current = session.get(Setting, key)
    if current is None:
        session.add(Setting(key=key, value=str(value)))
    elif int(current.value or 0) < value:
        current.value = str(value)
