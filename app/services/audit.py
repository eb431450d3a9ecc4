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
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.db.clock import now_text
from app.db.database import Database, Target
from app.db.models import Account, AuditEvent, Device, Setting
from app.db.postgres import is_postgresql
from app.db.writer import WRITTEN
from app.errors import AuthError
from app.i18n import tr

ACTIONS = ("view", "print", "export", "change", "login", "login-failed")
_ACK_PREFIX = "audit_ack:"
_FAILURES = ".auth-failures"


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
    changes: tuple[str, int, int] | None = None,
) -> None:
    """Append one event made on this device; `changes` (origin, first seq, last seq) names
    the change-log entries a `change` event's unit of work appended."""
    device = _self_device(session)
    values = {
        "device_id": device,
        "at": at or now_text(),
        "user": user or "",
        "action": action,
        "entity": entity,
        "record_id": record_id,
        "count": count,
        "change_origin": changes[0] if changes else None,
        "change_first": changes[1] if changes else None,
        "change_last": changes[2] if changes else None,
    }
    if not is_postgresql(session):  # BEGIN IMMEDIATE: no other writer numbers meanwhile
        session.add(AuditEvent(seq=_last_seq(session, device) + 1, **values))
        return
    # On a PostgreSQL centre another PC may take the same number between our read and our
    # commit; the event is written at once in a savepoint and numbered again if it was, so
    # the transaction around it (an import, a merge) never fails for it.
    for _ in range(_NUMBERING_TRIES):
        try:
            with session.begin_nested():
                session.add(AuditEvent(seq=_last_seq(session, device) + 1, **values))
            return
        except IntegrityError:
            continue
    raise RuntimeError("audit events could not be numbered")


_NUMBERING_TRIES = 1000


def _last_seq(session: Session, device: str) -> int:
    return (
        session.scalar(select(func.max(AuditEvent.seq)).where(AuditEvent.device_id == device)) or 0
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
        except (OperationalError, IntegrityError) as error:
            # Busy: another process writes. Integrity: on PostgreSQL two events written at once
            # read the same last number (SQLite's BEGIN IMMEDIATE makes them wait); numbered again.
            busy = "locked" in str(error) or "busy" in str(error)
            again = busy or isinstance(error, IntegrityError)
            if not again or time.monotonic() > deadline:
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
    spans = session.info.pop(WRITTEN, {})
    if not touched:
        return
    # the change-log entries written (one origin per unit of work: its replica's actor)
    changes = next(((o, lo, hi) for o, (lo, hi) in spans.items()), None)
    if len(touched) == 1:
        record(session, user, "change", touched[0][0], touched[0][1], changes=changes)
        return
    kinds = {entity for entity, _ in touched}
    entity = kinds.pop() if len(kinds) == 1 else None
    record(session, user, "change", entity, None, len(touched), changes=changes)


def change_authors(
    session: Session, changes: Iterable[tuple[str, int]]
) -> dict[tuple[str, int], str]:
    """(origin, seq) of change-log entries → the login whose unit of work wrote each, read
    from the `change` events that name them (made here or received with a laptop's bundle)."""
    wanted: dict[str, list[int]] = {}
    for origin, seq in changes:
        wanted.setdefault(origin, []).append(seq)
    found: dict[tuple[str, int], str] = {}
    for origin, seqs in wanted.items():
        spans = session.execute(  # one query per origin: the events overlapping its seqs
            select(AuditEvent.change_first, AuditEvent.change_last, AuditEvent.user)
            .where(
                AuditEvent.change_origin == origin,
                AuditEvent.change_first <= max(seqs),
                AuditEvent.change_last >= min(seqs),
            )
            .order_by(AuditEvent.change_first)
        ).all()
        starts = [span[0] for span in spans]
        for seq in seqs:
            at = bisect_right(starts, seq) - 1
            if at >= 0 and spans[at][1] >= seq:
                found[(origin, seq)] = spans[at][2]
    return found


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
                **(
                    {"changes": [e.change_origin, e.change_first, e.change_last]}
                    if e.change_origin
                    else {}
                ),
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
                **_change_span(event.get("changes")),
            )
        )
        added += 1
    session.flush()
    return added


def _change_span(value: Any) -> dict[str, Any]:
    """A received event's `changes` [origin, first, last], when well formed."""
    if (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], str)
        and len(value[0]) <= 36
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value[1:])
        and value[1] <= value[2]
    ):
        return {"change_origin": value[0], "change_first": value[1], "change_last": value[2]}
    return {}


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
