"""Who may do what: the one place where roles, districts and restricted families are decided.

Every service that lists, reads, prints, exports or writes records asks this module about the
acting account (`Actor`): the command line checks the role of each command here before doing
anything else, the GUI builds its menus from the same answers, and the queries take the set
of families the actor may not see (`hidden`) from here. CONTRACT.md «Accounts and roles».
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from app.db.chunks import chunked
from app.db.database import Database
from app.db.models import Account, Device, Family, Person, Settlement
from app.errors import NotPermitted
from app.i18n import tr

ADMIN, HEAD, SPECIALIST, VIEWER = "admin", "head", "specialist", "viewer"
ROLES = (ADMIN, HEAD, SPECIALIST, VIEWER)
LEGACY_ROLES = {"centre": ADMIN, "field": SPECIALIST}

# What a record of another specialist's restricted family shows where a visible record names
# it (a group participant, a family's service): no personal data.
RESTRICTED_LABEL = "restricted record"

# The commands of CONTRACT.md and the roles that may run them. A command not listed needs no
# account (init, demo). `accounts passwd` of one's own account is allowed to every role; the
# command checks the login itself.
_EVERYONE = frozenset(ROLES)
_WRITERS = frozenset({ADMIN, HEAD, SPECIALIST})
_STAFF = frozenset({ADMIN, HEAD})
_ADMIN = frozenset({ADMIN})
COMMANDS: dict[str, frozenset[str]] = {
    "accounts add": _ADMIN,
    "accounts list": _ADMIN,
    "accounts disable": _ADMIN,
    "accounts passwd": _EVERYONE,
    "devices enroll": _ADMIN,
    "devices list": _ADMIN,
    "devices revoke": _ADMIN,
    "devices": _ADMIN,
    "serve": _ADMIN,
    "restore": frozenset({ADMIN, SPECIALIST}),
    "records import": _WRITERS,
    "records erase": _ADMIN,
    "sync import": _WRITERS,
    "sync export": _WRITERS,
    "sync now": _WRITERS,
    "backup": _WRITERS,
    "conflicts resolve": _STAFF,
    "duplicates merge": _STAFF,
    "duplicates distinct": _STAFF,
    "records export": _EVERYONE,
    "report": _EVERYONE,
    "conflicts list": _EVERYONE,
    "duplicates list": _EVERYONE,
    "audit list": _STAFF,
    "audit": _STAFF,
    "accounts": _ADMIN,
}
# Commands run without signing in: a laptop takes a file the centre sealed with the
# account's new password (app/sync/recovery.py).
NO_ACCOUNT = frozenset({"accounts recover", "accounts join"})
# Commands whose first word takes a second (the action), e.g. `records import`.
GROUPS = frozenset({"accounts", "devices", "records", "sync", "conflicts", "duplicates", "audit"})


@dataclass(frozen=True)
class Actor:
    """The acting account: its login, role and the districts it works in.

    `districts` is None for roles that reach every district (admin, head, viewer). A bare
    `Actor()` is a viewer: it sees no restricted family and changes nothing."""

    login: str = ""
    display_name: str = ""
    role: str = VIEWER
    districts: frozenset[str] | None = field(default=None)

    @property
    def centre(self) -> bool:
        """Sees every restricted family (admin and head)."""
        return self.role in (ADMIN, HEAD)

    @property
    def may_write(self) -> bool:
        return self.role != VIEWER

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    def may_run(self, command: str) -> bool:
        """Whether the role allows a command (`records import`, `report`, …)."""
        allowed = COMMANDS.get(command)
        return allowed is None or self.role in allowed

    def may_see(self, restricted: bool | None, responsible: str | None) -> bool:
        """Whether a family shows to this actor: an unrestricted one always; a restricted one
        to admin and head, and to the specialist who is its `responsible`."""
        if not restricted or self.centre:
            return True
        return self.role == SPECIALIST and bool(responsible) and responsible == self.login

    def require(self, command: str) -> None:
        """Raise NotPermitted unless the role may run `command`."""
        if not self.may_run(command):
            raise NotPermitted(
                tr(
                    "the account «{login}» (role {role}) may not run «{command}»",
                    login=self.login,
                    role=tr(self.role),
                    command=command,
                )
            )


# Programmatic use without an account (the demo database, tests): full access, said aloud.
SYSTEM = Actor(login="", display_name="", role=ADMIN)


def normalise_role(role: str | None) -> str:
    """A stored role in the contract's names (the first schema said centre/field)."""
    role = role or VIEWER
    return LEGACY_ROLES.get(role, role)


def actor_in(session: Session, login: str | None) -> Actor:
    """The actor of an account; no login (an unauthenticated programmatic open) is SYSTEM."""
    if not login:
        return SYSTEM
    account = session.get(Account, login)
    if account is None:
        return Actor(login=login)
    role = normalise_role(account.role)
    districts: frozenset[str] | None = None
    if role == SPECIALIST:
        own = list(account.districts or [])
        if not own:
            device = session.scalar(select(Device).where(Device.is_self.is_(True)))
            if device is not None and device.kind == "field":
                own = list(device.districts or [])
            elif device is not None:
                own = []  # a specialist at the centre without districts reaches none
        districts = frozenset(own)
    return Actor(account.login, account.display_name or account.login, role, districts)


def actor_of(db: Database, session: Session | None = None) -> Actor:
    """The actor of an open database (cached on it for the life of the handle); pass the
    session when one is open (SQLite gives a thread one connection)."""
    cached = db.__dict__.get("_actor")
    if cached is not None and cached[0] == db.login:
        return cached[1]  # type: ignore[no-any-return]
    if session is not None:
        actor = actor_in(session, db.login)
    else:
        with db.session() as own:
            actor = actor_in(own, db.login)
    db.__dict__["_actor"] = (db.login, actor)
    return actor


def command_name(argv: Iterable[str]) -> str | None:
    """`records import`, `report`, … from a command line (global options skipped)."""
    words: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--db", "--user"):
            skip = True
            continue
        if arg.startswith("-"):
            if words:
                break
            continue
        words.append(arg)
        if words[0] not in GROUPS or len(words) == 2:
            break
    if not words:
        return None
    return " ".join(words)


def hidden_condition(actor: Actor) -> ColumnElement[bool] | None:
    """The condition on Family of the families the actor may not see (None: it sees all) —
    for queries that count rather than list (the period summary)."""
    if actor.centre:
        return None
    condition = Family.restricted.is_(True)
    if actor.role == SPECIALIST and actor.login:
        others = or_(Family.responsible.is_(None), Family.responsible != actor.login)
        condition = and_(condition, others)
    return condition


def hidden_families(session: Session, actor: Actor) -> set[str]:
    """Ids of families (live or deleted) the actor may not see."""
    condition = hidden_condition(actor)
    if condition is None:
        return set()
    return set(session.scalars(select(Family.id).where(condition)))


@dataclass(frozen=True)
class Hidden:
    """What an actor may not see: restricted families and their persons."""

    families: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.families)

    def hides(self, entity: str, record: Any) -> bool:
        """Whether a record (mapping or row with attributes) hangs on a hidden family."""
        if not self.families:
            return False

        def get(name: str) -> Any:
            if isinstance(record, dict):
                return record.get(name)
            return getattr(record, name, None)

        if entity == "family":
            return get("id") in self.families
        if entity == "person":
            return get("id") in self.persons or get("family_id") in self.families
        if entity in ("notification", "assessment", "visit"):
            return get("family_id") in self.families
        if entity == "service":
            family, person = get("family_id"), get("person_id")
            if family in self.families:
                return True
            return family is None and person in self.persons
        return False


def hidden_for(session: Session, actor: Actor) -> Hidden:
    """The families (and their persons) hidden from the actor."""
    families = hidden_families(session, actor)
    if not families:
        return Hidden()
    ids = sorted(families)
    persons: set[str] = set()
    for chunk in chunked(ids):
        persons.update(session.scalars(select(Person.id).where(Person.family_id.in_(chunk))))
    return Hidden(frozenset(families), frozenset(persons))


def family_district(session: Session, family_id: str | None) -> str | None:
    """The district of a family (its settlement's)."""
    if not family_id:
        return None
    return session.scalar(
        select(Settlement.district_id)
        .join(Family, Family.settlement_id == Settlement.id)
        .where(Family.id == family_id)
    )


def in_districts(actor: Actor, districts: Collection[str | None]) -> bool:
    """Whether every named district is one the actor works in (None: no district known)."""
    if actor.districts is None:
        return True
    return all(d is None or d in actor.districts for d in districts)


def command_needs_account(command: str) -> bool:
    """Whether a command (as `command_name` gives it) is checked against a role."""
    if command in NO_ACCOUNT:
        return False
    return command in COMMANDS or command.split(" ")[0] in COMMANDS


def require_command(actor: Actor, command: str, db: Database | None = None) -> None:
    """Raise NotPermitted unless the actor may run the command (or its group) on `db`: a
    specialist restores only its own laptop's database (CONTRACT.md), never the centre's."""
    key = command if command in COMMANDS else command.split(" ")[0]
    actor.require(key)
    if key == "restore" and actor.role == SPECIALIST and db is not None and _is_centre(db):
        raise NotPermitted(
            tr(
                "the account «{login}» (role {role}) may restore only its own laptop's "
                "database, not the centre's",
                login=actor.login,
                role=tr(actor.role),
            )
        )


def _is_centre(db: Database) -> bool:
    with db.reading() as session:
        kind = session.scalar(select(Device.kind).where(Device.is_self.is_(True)))
    return kind == "centre"
