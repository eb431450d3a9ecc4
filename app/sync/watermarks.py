"""Watermarks: the known vector of this replica and what each peer has acknowledged.

A replica holds, per origin device, every change in its scope up to a sequence number (its
known vector). A bundle carries the sender's known vector as its `ack`, so the receiver
learns what not to send back; a lost bundle is healed because acknowledgements only ever
come from what a peer has really applied.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db.actors import own_actors
from app.db.models import Change
from app.sync.tables import KnownSeq, PeerAck


def own_seq(session: Session, actor: str) -> int:
    """The highest sequence number of one of this replica's own actors in its log."""
    return int(session.scalar(select(func.max(Change.seq)).where(Change.origin == actor)) or 0)


def known_vector(session: Session, device_id: str) -> dict[str, int]:
    """Per origin, the sequence number up to which this replica holds every change (for its
    own actors, what its log holds: after a restore that is less than peers may hold)."""
    known = {row.origin: row.seq for row in session.scalars(select(KnownSeq))}
    for actor in own_actors(session, device_id):
        seq = own_seq(session, actor)
        if seq or actor == device_id:
            known[actor] = max(seq, known.get(actor, 0))
    return known


def raise_known(
    session: Session, device_id: str, ranges: Mapping[str, list[int]], known: dict[str, int]
) -> None:
    """Advance the known vector over the ranges a merged bundle covered completely.

    A range that starts above what is held leaves a gap, so it does not move the watermark
    (its changes were applied anyway; a later bundle re-covers the gap harmlessly). An own
    actor's changes coming back (after this replica was restored) count like any others.
    """
    del device_id  # every origin counts, this replica's own older actors included
    for origin, (first, last) in ranges.items():
        held = known.get(origin, 0)
        if first - 1 <= held < last:
            known[origin] = last
            session.merge(KnownSeq(origin=origin, seq=last))


def peer_acks(session: Session, peer: str) -> dict[str, int]:
    """What `peer` has acknowledged holding, per origin."""
    rows = session.scalars(select(PeerAck).where(PeerAck.peer == peer))
    return {row.origin: row.seq for row in rows}


def record_acks(session: Session, peer: str, ack: Mapping[str, int]) -> None:
    """Take a peer's acknowledgement vector as what it holds now. It replaces the earlier one,
    lower values included: a peer restored from a backup holds less than it acknowledged
    before, and the next bundle for it must bring back what it lost (an older bundle imported
    late only makes the next one overlap, which is harmless)."""
    current = peer_acks(session, peer)
    for origin, seq in ack.items():
        if seq != current.get(origin):
            session.merge(PeerAck(peer=peer, origin=origin, seq=seq))
    gone = [origin for origin in current if origin not in ack]
    if gone:
        session.execute(delete(PeerAck).where(PeerAck.peer == peer, PeerAck.origin.in_(gone)))
