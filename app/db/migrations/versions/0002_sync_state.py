"""sync state: known vector, peer acknowledgements, import log

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_known',
        sa.Column('origin', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('origin'),
    )
    op.create_table(
        'sync_peer_acks',
        sa.Column('peer', sa.String(length=36), nullable=False),
        sa.Column('origin', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('peer', 'origin'),
    )
    op.create_table(
        'sync_imports',
        sa.Column('bundle_id', sa.String(length=36), nullable=False),
        sa.Column('sender', sa.String(length=36), nullable=False),
        sa.Column('created', sa.String(), nullable=False),
        sa.Column('imported_at', sa.String(), nullable=False),
        sa.Column('changes', sa.Integer(), nullable=False),
        sa.Column('conflicts', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('bundle_id'),
    )


def downgrade() -> None:
    op.drop_table('sync_imports')
    op.drop_table('sync_peer_acks')
    op.drop_table('sync_known')
