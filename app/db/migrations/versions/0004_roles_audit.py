"""roles: account roles and districts, family responsible, audit trail

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('families', sa.Column('responsible', sa.String(), nullable=True))
    op.add_column('accounts', sa.Column('districts', sa.Text(), nullable=True))
    op.add_column(
        'accounts',
        sa.Column('disabled', sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column('accounts', sa.Column('device_id', sa.String(length=36), nullable=True))
    # The two roles of the first schema become the contract's: the centre's account is its
    # administrator, a laptop's account a specialist.
    op.execute("UPDATE accounts SET role = 'admin' WHERE role = 'centre'")
    op.execute("UPDATE accounts SET role = 'specialist' WHERE role = 'field'")
    op.create_table(
        'audit_events',
        sa.Column('device_id', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('at', sa.String(), nullable=False),
        sa.Column('user', sa.String(length=64), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('entity', sa.String(length=32), nullable=True),
        sa.Column('record_id', sa.String(length=36), nullable=True),
        sa.Column('count', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('device_id', 'seq'),
    )
    op.create_index('ix_audit_events_at', 'audit_events', ['at'])


def downgrade() -> None:
    op.drop_index('ix_audit_events_at', table_name='audit_events')
    op.drop_table('audit_events')
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of `families`
    # would trip the foreign keys of the tables that name it.
    op.execute("UPDATE accounts SET role = 'centre' WHERE role IN ('admin', 'head')")
    op.execute("UPDATE accounts SET role = 'field' WHERE role IN ('specialist', 'viewer')")
    for column in ('device_id', 'disabled', 'districts'):
        op.execute(f'ALTER TABLE accounts DROP COLUMN {column}')
    op.execute('ALTER TABLE families DROP COLUMN responsible')
