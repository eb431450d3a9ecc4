"""centre: merged duplicates (redirects, «not a duplicate» marks), per-account wrapped keys

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'redirects',
        sa.Column('entity', sa.String(), nullable=True),
        sa.Column('target_id', sa.String(length=36), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('versions', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'duplicate_marks',
        sa.Column('entity', sa.String(), nullable=True),
        sa.Column('a_id', sa.String(length=36), nullable=True),
        sa.Column('b_id', sa.String(length=36), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('versions', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


    op.create_table(
        'account_keys',
        sa.Column('login', sa.String(length=64), nullable=False),
        sa.Column('wrapped', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('login'),
    )


def downgrade() -> None:
    op.drop_table('account_keys')
    op.drop_table('duplicate_marks')
    op.drop_table('redirects')
