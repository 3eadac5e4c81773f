"""sessions: sessions, check-ins, schedules, timers, away

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 11:23:37.560898
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('schedules',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('hour', sa.Integer(), nullable=False),
    sa.Column('minute', sa.Integer(), nullable=False),
    sa.Column('length_ms', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_schedules_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedules'))
    )
    with op.batch_alter_table('schedules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_schedules_circle_id'), ['circle_id'], unique=False)

    op.create_table('sessions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('state_enc', sa.LargeBinary(), nullable=False),
    sa.Column('wins_only', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.BigInteger(), nullable=False),
    sa.Column('closed_at', sa.BigInteger(), nullable=True),
    sa.Column('checked_in', sa.Integer(), nullable=False),
    sa.Column('checked_out', sa.Integer(), nullable=False),
    sa.Column('mood_in', sa.Float(), nullable=True),
    sa.Column('mood_out', sa.Float(), nullable=True),
    sa.Column('median_in', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_sessions_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions'))
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessions_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessions_closed_at'), ['closed_at'], unique=False)
        batch_op.create_index('uq_sessions_one_open', ['circle_id'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))

    op.create_table('timers',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref_id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('due_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_timers_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('kind', 'ref_id', name=op.f('pk_timers'))
    )
    with op.batch_alter_table('timers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_timers_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_timers_due_at'), ['due_at'], unique=False)

    op.create_table('checkins',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=3), nullable=False),
    sa.Column('mood_enc', sa.LargeBinary(), nullable=True),
    sa.Column('words_enc', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_checkins_circle_id_circles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_checkins_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_checkins_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkins')),
    sa.UniqueConstraint('session_id', 'member_id', 'kind', name=op.f('uq_checkins_session_id_member_id_kind'))
    )
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkins_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkins_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkins_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkins_session_id'), ['session_id'], unique=False)

    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('guard_suggested_at', sa.BigInteger(), nullable=True))

    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('away_until', sa.BigInteger(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('away_until')

    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.drop_column('guard_suggested_at')

    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkins_session_id'))
        batch_op.drop_index(batch_op.f('ix_checkins_member_id'))
        batch_op.drop_index(batch_op.f('ix_checkins_created_at'))
        batch_op.drop_index(batch_op.f('ix_checkins_circle_id'))

    op.drop_table('checkins')
    with op.batch_alter_table('timers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timers_due_at'))
        batch_op.drop_index(batch_op.f('ix_timers_circle_id'))

    op.drop_table('timers')
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index('uq_sessions_one_open', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f('ix_sessions_closed_at'))
        batch_op.drop_index(batch_op.f('ix_sessions_circle_id'))

    op.drop_table('sessions')
    with op.batch_alter_table('schedules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_schedules_circle_id'))

    op.drop_table('schedules')
