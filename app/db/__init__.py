"""Storage: models, registry, opening databases, migrations and the write path."""

from app.db.database import Database, Target, add_account, create_database, open_database

__all__ = ["Database", "Target", "add_account", "create_database", "open_database"]
