"""Who is signed in, and what they may see."""

from __future__ import annotations

from app.db.database import Database
from app.db.models import Account
from app.services.family_index import Viewer


def viewer_for(db: Database) -> Viewer:
    """The signed-in account as a `Viewer`: restricted cases show only to their specialist
    and to centre staff. A database opened without an account (the demo) sees everything."""
    with db.session() as session:
        account = session.get(Account, db.login) if db.login else None
        if account is None:
            return Viewer(login=db.login or "", centre=True)
        return Viewer(
            account.login, account.display_name or account.login, account.role == "centre"
        )
