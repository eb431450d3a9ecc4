"""gui: a change event of the audit trail names the change-log entries it made (who changed)

Revision ID: 0009
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events') as batch:
        batch.add_column(sa.Column('change_origin', sa.String(length=36), nullable=True))
        batch.add_column(sa.Column('change_first', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('change_last', sa.Integer(), nullable=True))
    op.create_index(
        'ix_audit_events_changes', 'audit_events', ['change_origin', 'change_first'], unique=False
    )


def downgrade() -> None:
    op.drop_index('ix_audit_events_changes', table_name='audit_events')
    with op.batch_alter_table('audit_events') as batch:
        batch.drop_column('change_last')
        batch.drop_column('change_first')
        batch.drop_column('change_origin')
