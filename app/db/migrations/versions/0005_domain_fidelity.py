"""domain fidelity: retired reference entries; service codes moved to the official classifier

Revision ID: 0005
Revises: 0004

Records written under a reference version before 2026.2 (where 005.0 was labelled
humanitarian aid and 007.0 shelter) move to the official codes once: 005.0 → 019.0 and
007.0 → 005.0, in the records, the change log and the kept conflicts (docs/decisions/052).
"""

from alembic import op
import sqlalchemy as sa

from app.db.codemoves import CODE_FIELDS, FIRST_FIXED_VERSION, SERVICE_MOVES, move_change_data, move_value


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _version_key(version):
    try:
        return tuple(int(part) for part in (version or "").split("."))
    except ValueError:
        return ()


def _written_under_old_reference(bind) -> bool:
    version = bind.execute(
        sa.text(
            "SELECT version FROM ref_entries WHERE kind = 'service' AND code = '005.0' "
            "AND position IS NOT NULL"
        )
    ).scalar()
    return version is not None and _version_key(version) < FIRST_FIXED_VERSION


def _like_any(column: str) -> str:
    return "(" + " OR ".join(f"{column} LIKE '%\"{old}\"%'" for old in SERVICE_MOVES) + ")"


def _move_codes(bind) -> None:
    olds = ", ".join(f"'{old}'" for old in SERVICE_MOVES)
    cases = " ".join(f"WHEN '{old}' THEN '{new}'" for old, new in SERVICE_MOVES.items())
    bind.execute(
        sa.text(
            f"UPDATE services SET service_code = CASE service_code {cases} END "
            f"WHERE service_code IN ({olds})"
        )
    )
    import json

    rows = bind.execute(
        sa.text(f"SELECT id, needed_services FROM assessments WHERE {_like_any('needed_services')}")
    ).all()
    for record_id, text in rows:
        moved = json.dumps(move_value("codes", json.loads(text)), ensure_ascii=False)
        bind.execute(
            sa.text("UPDATE assessments SET needed_services = :v WHERE id = :id"),
            {"v": moved, "id": record_id},
        )
    entities = ", ".join(f"'{entity}'" for entity, _ in CODE_FIELDS)
    rows = bind.execute(
        sa.text(
            f"SELECT origin, seq, entity, data FROM changes "
            f"WHERE entity IN ({entities}) AND {_like_any('data')}"
        )
    ).all()
    for origin, seq, entity, data in rows:
        moved = move_change_data(entity, data)
        if moved != data:
            bind.execute(
                sa.text("UPDATE changes SET data = :d WHERE origin = :o AND seq = :s"),
                {"d": moved, "o": origin, "s": seq},
            )
    for (entity, field), kind in CODE_FIELDS.items():
        rows = bind.execute(
            sa.text(
                "SELECT id, winner, loser FROM conflicts WHERE entity = :e AND field = :f"
            ),
            {"e": entity, "f": field},
        ).all()
        for conflict_id, winner, loser in rows:
            values = [
                None if v is None else json.dumps(move_value(kind, json.loads(v)), ensure_ascii=False)
                for v in (winner, loser)
            ]
            if values != [winner, loser]:
                bind.execute(
                    sa.text("UPDATE conflicts SET winner = :w, loser = :l WHERE id = :id"),
                    {"w": values[0], "l": values[1], "id": conflict_id},
                )


def upgrade() -> None:
    op.add_column('ref_entries', sa.Column('retired', sa.Boolean(), nullable=True))
    for name in ('card_number',):
        op.add_column('families', sa.Column(name, sa.String(), nullable=True))
    for name in ('take_reason', 'organisations'):
        op.add_column('families', sa.Column(name, sa.Text(), nullable=True))
    for name in ('registered_address', 'actual_address', 'legal_capacity', 'work_study'):
        op.add_column('persons', sa.Column(name, sa.String(), nullable=True))
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        for name in ('number', 'person_name', 'address'):
            batch_op.add_column(sa.Column(name, sa.String(), nullable=True))
        batch_op.add_column(sa.Column('settlement_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            'fk_notifications_settlement_id', 'settlements', ['settlement_id'], ['id'],
            initially='DEFERRED', deferrable=True,
        )
        batch_op.create_index(batch_op.f('ix_notifications_settlement_id'), ['settlement_id'], unique=False)
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notification_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            'fk_assessments_notification_id', 'notifications', ['notification_id'], ['id'],
            initially='DEFERRED', deferrable=True,
        )
        batch_op.create_index(batch_op.f('ix_assessments_notification_id'), ['notification_id'], unique=False)
        for name in ('specialist', 'environment_impact', 'problem_duration', 'decision',
                     'approved_by', 'case_level'):
            batch_op.add_column(sa.Column(name, sa.String(), nullable=True))
        for name in ('act', 'sjo_causes', 'family_remarks', 'participants'):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=True))
        for name in ('child_trauma', 'family_aware', 'family_ready', 'family_agrees'):
            batch_op.add_column(sa.Column(name, sa.Boolean(), nullable=True))
    op.create_table('intakes',
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('visitor_name', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('settlement_id', sa.String(length=36), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('specialist', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['settlement_id'], ['settlements.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('intakes', schema=None) as batch_op:
        for name in ('date', 'person_id', 'family_id', 'settlement_id'):
            batch_op.create_index(batch_op.f(f'ix_intakes_{name}'), [name], unique=False)
    op.create_table('referrals',
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('intake_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('to_whom', sa.String(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(), nullable=True),
    sa.Column('outcome_date', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['intake_id'], ['intakes.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        for name in ('date', 'intake_id', 'person_id', 'family_id'):
            batch_op.create_index(batch_op.f(f'ix_referrals_{name}'), [name], unique=False)
    bind = op.get_bind()
    if _written_under_old_reference(bind):
        _move_codes(bind)


def downgrade() -> None:
    op.drop_table('referrals')
    op.drop_table('intakes')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_notification_id'))
        batch_op.drop_constraint('fk_assessments_notification_id', type_='foreignkey')
        for name in ('notification_id', 'specialist', 'environment_impact', 'problem_duration',
                     'decision', 'approved_by', 'case_level', 'act', 'sjo_causes',
                     'family_remarks', 'participants', 'child_trauma', 'family_aware',
                     'family_ready', 'family_agrees'):
            batch_op.drop_column(name)
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_settlement_id'))
        batch_op.drop_constraint('fk_notifications_settlement_id', type_='foreignkey')
        for name in ('number', 'person_name', 'address', 'settlement_id'):
            batch_op.drop_column(name)
    # Plain DROP COLUMN (SQLite 3.35+): recreating a table that others reference would delete
    # its rows under the foreign keys' eyes.
    for table, names in (
        ('persons', ('registered_address', 'actual_address', 'legal_capacity', 'work_study')),
        ('families', ('card_number', 'take_reason', 'organisations')),
        ('ref_entries', ('retired',)),
    ):
        for name in names:
            op.drop_column(table, name)
