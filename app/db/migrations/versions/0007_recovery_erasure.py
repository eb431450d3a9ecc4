"""devices: the laptop's database key wrapped for the centre's recovery key; erasures

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('devices', sa.Column('recovery', sa.Text(), nullable=True))
    op.create_table(
        'erasures',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('entity', sa.String(length=32), nullable=False),
        sa.Column('erased_at', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('erasures')
    op.drop_column('devices', 'recovery')
