"""initial schema: domain, accounts, devices, change log

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 15:03:28.136079
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('accounts',
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('display_name', sa.String(), nullable=True),
    sa.Column('password_hash', sa.String(), nullable=False),
    sa.Column('created', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('login')
    )
    op.create_table('changes',
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('hlc', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('bases', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('origin', 'seq'),
    sqlite_with_rowid=False,
    )
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_changes_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_changes_record_id'), ['record_id'], unique=False)

    op.create_table('conflicts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('winner', sa.Text(), nullable=True),
    sa.Column('loser', sa.Text(), nullable=True),
    sa.Column('winner_version', sa.String(length=64), nullable=False),
    sa.Column('loser_version', sa.String(length=64), nullable=False),
    sa.Column('winner_device', sa.String(length=36), nullable=False),
    sa.Column('loser_device', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('detected_at', sa.String(), nullable=False),
    sa.Column('resolved_at', sa.String(), nullable=True),
    sa.Column('resolved_by', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflicts_record_id'), ['record_id'], unique=False)
        batch_op.create_index('ux_conflicts_versions', ['record_id', 'field', 'winner_version', 'loser_version'], unique=True)

    op.create_table('devices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('is_self', sa.Boolean(), nullable=False),
    sa.Column('sign_public', sa.String(), nullable=True),
    sa.Column('enc_public', sa.String(), nullable=True),
    sa.Column('sign_private', sa.String(), nullable=True),
    sa.Column('enc_private', sa.String(), nullable=True),
    sa.Column('districts', sa.Text(), nullable=True),
    sa.Column('enrolled_at', sa.String(), nullable=True),
    sa.Column('revoked_at', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('districts',
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('community', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('ref_entries',
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('label_uk', sa.String(), nullable=True),
    sa.Column('label_en', sa.String(), nullable=True),
    sa.Column('version', sa.String(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ref_entries', schema=None) as batch_op:
        batch_op.create_index('ix_ref_entries_kind_code', ['kind', 'code'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('settlements',
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('district_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('settlements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_settlements_district_id'), ['district_id'], unique=False)

    op.create_table('support_groups',
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('target_category', sa.String(), nullable=True),
    sa.Column('district_id', sa.String(length=36), nullable=True),
    sa.Column('place', sa.String(), nullable=True),
    sa.Column('facilitator', sa.String(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('support_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_groups_district_id'), ['district_id'], unique=False)

    op.create_table('families',
    sa.Column('settlement_id', sa.String(length=36), nullable=True),
    sa.Column('address', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('categories', sa.Text(), nullable=True),
    sa.Column('factors', sa.Text(), nullable=True),
    sa.Column('on_record_from', sa.Date(), nullable=True),
    sa.Column('on_record_to', sa.Date(), nullable=True),
    sa.Column('close_reason', sa.String(), nullable=True),
    sa.Column('specialist', sa.String(), nullable=True),
    sa.Column('restricted', sa.Boolean(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('search_key', sa.String(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['settlement_id'], ['settlements.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('families', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_families_settlement_id'), ['settlement_id'], unique=False)

    op.create_table('group_sessions',
    sa.Column('group_id', sa.String(length=36), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('time', sa.String(), nullable=True),
    sa.Column('topic', sa.String(), nullable=True),
    sa.Column('format', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['support_groups.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('group_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_sessions_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_sessions_group_id'), ['group_id'], unique=False)

    op.create_table('assessments',
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('started', sa.Date(), nullable=True),
    sa.Column('finished', sa.Date(), nullable=True),
    sa.Column('sjo_present', sa.Boolean(), nullable=True),
    sa.Column('parental_capacity', sa.String(), nullable=True),
    sa.Column('needed_services', sa.Text(), nullable=True),
    sa.Column('conclusion', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_family_id'), ['family_id'], unique=False)

    op.create_table('notifications',
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('source', sa.String(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_notifications_family_id'), ['family_id'], unique=False)

    op.create_table('persons',
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('surname', sa.String(), nullable=True),
    sa.Column('given_name', sa.String(), nullable=True),
    sa.Column('patronymic', sa.String(), nullable=True),
    sa.Column('sex', sa.String(), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('relation', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('rnokpp', sa.String(), nullable=True),
    sa.Column('disability', sa.Boolean(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('search_key', sa.String(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_family_id'), ['family_id'], unique=False)

    op.create_table('visits',
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('purpose', sa.String(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_family_id'), ['family_id'], unique=False)

    op.create_table('participants',
    sa.Column('group_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['support_groups.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participants_person_id'), ['person_id'], unique=False)

    op.create_table('services',
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('service_code', sa.String(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('form', sa.String(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_services_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_person_id'), ['person_id'], unique=False)

    op.create_table('attendance',
    sa.Column('session_id', sa.String(length=36), nullable=True),
    sa.Column('participant_id', sa.String(length=36), nullable=True),
    sa.Column('mark', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['session_id'], ['group_sessions.id'], initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_session_id'), ['session_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_session_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_participant_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_services_person_id'))
        batch_op.drop_index(batch_op.f('ix_services_family_id'))
        batch_op.drop_index(batch_op.f('ix_services_date'))

    op.drop_table('services')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_person_id'))
        batch_op.drop_index(batch_op.f('ix_participants_group_id'))

    op.drop_table('participants')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_family_id'))
        batch_op.drop_index(batch_op.f('ix_visits_date'))

    op.drop_table('visits')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_family_id'))

    op.drop_table('persons')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_family_id'))
        batch_op.drop_index(batch_op.f('ix_notifications_date'))

    op.drop_table('notifications')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_family_id'))

    op.drop_table('assessments')
    with op.batch_alter_table('group_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_sessions_group_id'))
        batch_op.drop_index(batch_op.f('ix_group_sessions_date'))

    op.drop_table('group_sessions')
    with op.batch_alter_table('families', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_families_settlement_id'))

    op.drop_table('families')
    with op.batch_alter_table('support_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_groups_district_id'))

    op.drop_table('support_groups')
    with op.batch_alter_table('settlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_settlements_district_id'))

    op.drop_table('settlements')
    op.drop_table('settings')
    with op.batch_alter_table('ref_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ref_entries_kind_code')

    op.drop_table('ref_entries')
    op.drop_table('districts')
    op.drop_table('devices')
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.drop_index('ux_conflicts_versions')
        batch_op.drop_index(batch_op.f('ix_conflicts_record_id'))

    op.drop_table('conflicts')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_changes_record_id'))
        batch_op.drop_index(batch_op.f('ix_changes_hlc'))

    op.drop_table('changes')
    op.drop_table('accounts')
    
