"""roster follows the group: the door, unvouched members, void vouches, ban and founder marks

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('door', sa.String(length=8), server_default=sa.text("'locked'"), nullable=False))
        batch_op.add_column(sa.Column('unvouched', sa.String(length=8), server_default=sa.text("'hold'"), nullable=False))
        batch_op.add_column(sa.Column('disappearing_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('door_notice_at', sa.BigInteger(), nullable=True))

    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=10), server_default=sa.text("'member'"), nullable=False))

    with op.batch_alter_table('join_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=10), server_default=sa.text("'join'"), nullable=False))
        batch_op.add_column(sa.Column('ban_hold', sa.Boolean(), server_default=sa.text('false'), nullable=False))
        batch_op.add_column(sa.Column('decided_by', sa.String(length=12), nullable=True))

    with op.batch_alter_table('vouches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('void_at', sa.BigInteger(), nullable=True))

    op.create_table('roster_marks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('key_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_roster_marks_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roster_marks')),
    sa.UniqueConstraint('circle_id', 'kind', 'key_bidx', name=op.f('uq_roster_marks_circle_id_kind_key_bidx'))
    )
    with op.batch_alter_table('roster_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roster_marks_circle_id'), ['circle_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('roster_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roster_marks_circle_id'))
    op.drop_table('roster_marks')

    with op.batch_alter_table('vouches', schema=None) as batch_op:
        batch_op.drop_column('void_at')

    with op.batch_alter_table('join_requests', schema=None) as batch_op:
        batch_op.drop_column('decided_by')
        batch_op.drop_column('ban_hold')
        batch_op.drop_column('origin')

    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('status')

    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.drop_column('door_notice_at')
        batch_op.drop_column('disappearing_seconds')
        batch_op.drop_column('unvouched')
        batch_op.drop_column('door')
