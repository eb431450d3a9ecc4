"""sync integrity: actors (epochs of a replica), records a laptop must drop

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_actors',
        sa.Column('actor', sa.String(length=36), nullable=False),
        sa.Column('device', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('actor'),
    )
    op.create_index('ix_sync_actors_device', 'sync_actors', ['device'], unique=False)
    op.create_table(
        'sync_drops',
        sa.Column('peer', sa.String(length=36), nullable=False),
        sa.Column('entity', sa.String(length=32), nullable=False),
        sa.Column('record_id', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('peer', 'entity', 'record_id'),
    )


def downgrade() -> None:
    op.drop_table('sync_drops')
    op.drop_index('ix_sync_actors_device', table_name='sync_actors')
    op.drop_table('sync_actors')
