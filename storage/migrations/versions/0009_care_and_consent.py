"""care and consent: facilitator care and circle health (issue 16), the anonymous line and
decisions by consent (issue 17)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 12:00:00.000000

- circles: the settings load_limit, tell_expiry_days and agreement_by_consent;
- members: load_notice_enc (when they were last thanked for their load, encrypted);
- sessions: moods kept as tallies (how many gave one, how many were low), the /nospace,
  /pause and /sos counts and the co-host count; the stored mood averages (mood_in,
  mood_out) go: a mood is kept as one bit, and nothing reads an average back. Their values
  are cleared before the columns are dropped, so that SQLite (secure_delete) zeroes them;
- new tables: session_holders, debriefs, rotas, tickets, counters, proposals,
  proposal_votes.

SQLite drops the columns with its own ALTER TABLE DROP COLUMN (3.35 or newer), never by
copying the table: with foreign keys on, dropping the old sessions table would delete every
check-in with it (ON DELETE CASCADE).
"""
import sqlite3

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

SQLITE_DROP_COLUMN = (3, 35, 0)


def _drop_averages() -> None:
    op.execute("UPDATE sessions SET mood_in = NULL, mood_out = NULL")
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < SQLITE_DROP_COLUMN:
        raise RuntimeError(
            "holdspace needs SQLite 3.35 or newer (this Python has "
            f"{sqlite3.sqlite_version}): upgrade Python or its SQLite library"
        )
    op.execute("ALTER TABLE sessions DROP COLUMN mood_in")
    op.execute("ALTER TABLE sessions DROP COLUMN mood_out")


def upgrade() -> None:
    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('load_limit', sa.Integer(), server_default=sa.text('4'), nullable=False))
        batch_op.add_column(sa.Column('tell_expiry_days', sa.Integer(), server_default=sa.text('7'), nullable=False))
        batch_op.add_column(sa.Column('agreement_by_consent', sa.Boolean(), server_default=sa.text('false'), nullable=False))

    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('load_notice_enc', sa.LargeBinary(), nullable=True))

    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('moods_in_given', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('moods_in_low', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('moods_out_given', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('moods_out_low', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('nospace', sa.Integer(), server_default=sa.text('0'), nullable=False))
        batch_op.add_column(sa.Column('pauses', sa.Integer(), server_default=sa.text('0'), nullable=False))
        batch_op.add_column(sa.Column('sos', sa.Integer(), server_default=sa.text('0'), nullable=False))
        batch_op.add_column(sa.Column('cohosts', sa.Integer(), server_default=sa.text('0'), nullable=False))
    _drop_averages()

    op.create_table('session_holders',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('holder_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('holder_enc', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_session_holders_circle_id_circles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_session_holders_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_holders')),
    sa.UniqueConstraint('session_id', 'holder_bidx', name=op.f('uq_session_holders_session_id_holder_bidx'))
    )
    with op.batch_alter_table('session_holders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_holders_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_holders_session_id'), ['session_id'], unique=False)

    op.create_table('debriefs',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('holder_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('holder_enc', sa.LargeBinary(), nullable=False),
    sa.Column('score_enc', sa.LargeBinary(), nullable=False),
    sa.Column('words_enc', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_debriefs_circle_id_circles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_debriefs_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_debriefs')),
    sa.UniqueConstraint('session_id', 'holder_bidx', name=op.f('uq_debriefs_session_id_holder_bidx'))
    )
    with op.batch_alter_table('debriefs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_debriefs_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_debriefs_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_debriefs_session_id'), ['session_id'], unique=False)

    op.create_table('rotas',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('schedule_id', sa.Uuid(), nullable=False),
    sa.Column('members_enc', sa.LargeBinary(), nullable=False),
    sa.Column('last_host_enc', sa.LargeBinary(), nullable=True),
    sa.Column('reminded_start', sa.BigInteger(), nullable=True),
    sa.Column('swap_enc', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_rotas_circle_id_circles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['schedule_id'], ['schedules.id'], name=op.f('fk_rotas_schedule_id_schedules'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rotas')),
    sa.UniqueConstraint('schedule_id', name=op.f('uq_rotas_schedule_id'))
    )
    with op.batch_alter_table('rotas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rotas_circle_id'), ['circle_id'], unique=False)

    op.create_table('tickets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.BigInteger(), nullable=False),
    sa.Column('opener_enc', sa.LargeBinary(), nullable=False),
    sa.Column('responders_enc', sa.LargeBinary(), nullable=False),
    sa.Column('opened_at', sa.BigInteger(), nullable=False),
    sa.Column('last_activity_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_tickets_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tickets')),
    sa.UniqueConstraint('circle_id', 'number', name=op.f('uq_tickets_circle_id_number'))
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tickets_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_number'), ['number'], unique=False)

    op.create_table('counters',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('account_bidx', sa.LargeBinary(length=16), nullable=True),
    sa.Column('account_enc', sa.LargeBinary(), nullable=True),
    sa.Column('name', sa.String(length=16), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_counters')),
    sa.UniqueConstraint('account_bidx', 'name', name=op.f('uq_counters_account_bidx_name'))
    )
    with op.batch_alter_table('counters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_counters_account_bidx'), ['account_bidx'], unique=False)

    op.create_table('proposals',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('text_enc', sa.LargeBinary(), nullable=True),
    sa.Column('proposer_enc', sa.LargeBinary(), nullable=True),
    sa.Column('electorate_enc', sa.LargeBinary(), nullable=True),
    sa.Column('agreement_base', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.BigInteger(), nullable=False),
    sa.Column('deadline', sa.BigInteger(), nullable=False),
    sa.Column('closed_at', sa.BigInteger(), nullable=True),
    sa.Column('result', sa.String(length=12), nullable=True),
    sa.Column('agrees', sa.Integer(), nullable=True),
    sa.Column('asides', sa.Integer(), nullable=True),
    sa.Column('concerns', sa.Integer(), nullable=True),
    sa.Column('blocks', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_proposals_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposals')),
    sa.UniqueConstraint('circle_id', 'number', name=op.f('uq_proposals_circle_id_number'))
    )
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposals_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_status'), ['status'], unique=False)

    op.create_table('proposal_votes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('proposal_id', sa.Uuid(), nullable=False),
    sa.Column('voter_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('voter_enc', sa.LargeBinary(), nullable=False),
    sa.Column('stance_enc', sa.LargeBinary(), nullable=False),
    sa.Column('reason_enc', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_votes_proposal_id_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_votes')),
    sa.UniqueConstraint('proposal_id', 'voter_bidx', name=op.f('uq_proposal_votes_proposal_id_voter_bidx'))
    )
    with op.batch_alter_table('proposal_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_votes_proposal_id'), ['proposal_id'], unique=False)


def downgrade() -> None:
    """The new tables and columns go; the mood averages come back as empty columns (what they
    held is not kept anywhere to restore)."""
    for table in ('proposal_votes', 'proposals', 'counters', 'tickets', 'rotas', 'debriefs', 'session_holders'):
        op.drop_table(table)

    op.execute("ALTER TABLE sessions ADD COLUMN mood_in FLOAT")
    op.execute("ALTER TABLE sessions ADD COLUMN mood_out FLOAT")
    for column in ('cohosts', 'sos', 'pauses', 'nospace', 'moods_out_low', 'moods_out_given', 'moods_in_low', 'moods_in_given'):
        op.execute(f"ALTER TABLE sessions DROP COLUMN {column}")

    op.execute("ALTER TABLE members DROP COLUMN load_notice_enc")
    for column in ('agreement_by_consent', 'tell_expiry_days', 'load_limit'):
        op.execute(f"ALTER TABLE circles DROP COLUMN {column}")
