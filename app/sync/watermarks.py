"""Watermarks: the known vector of this replica and what each peer has acknowledged.

A replica holds, per origin device, every change in its scope up to a sequence number (its
known vector). A bundle carries the sender's known vector as its `ack`, so the receiver
learns what not to send back; a lost bundle is healed because acknowledgements only ever
come from what a peer has really applied.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Change
from app.sync.tables import KnownSeq, PeerAck


def known_vector(session: Session, device_id: str) -> dict[str, int]:
    """Per origin, the sequence number up to which this replica holds every change."""
    known = {row.origin: row.seq for row in session.scalars(select(KnownSeq))}
    own = session.scalar(select(func.max(Change.seq)).where(Change.origin == device_id))
    known[device_id] = int(own or 0)
    return known


def raise_known(
    session: Session, device_id: str, ranges: Mapping[str, list[int]], known: dict[str, int]
) -> None:
    """Advance the known vector over the ranges a merged bundle covered completely.

    A range that starts above what is held leaves a gap, so it does not move the watermark
    (its changes were applied anyway; a later bundle re-covers the gap harmlessly).
    """
    for origin, (first, last) in ranges.items():
        if origin == device_id:
            continue
        held = known.get(origin, 0)
        if first - 1 <= held < last:
            known[origin] = last
            session.merge(KnownSeq(origin=origin, seq=last))


def peer_acks(session: Session, peer: str) -> dict[str, int]:
    """What `peer` has acknowledged holding, per origin."""
    rows = session.scalars(select(PeerAck).where(PeerAck.peer == peer))
    return {row.origin: row.seq for row in rows}


def record_acks(session: Session, peer: str, ack: Mapping[str, int]) -> None:
    """Remember a peer's acknowledgement vector; watermarks only ever move up."""
    current = peer_acks(session, peer)
    for origin, seq in ack.items():
        if seq > current.get(origin, 0):
            session.merge(PeerAck(peer=peer, origin=origin, seq=seq))
