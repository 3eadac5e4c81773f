"""vouching: invites, join requests, vouches

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 11:43:43.409452
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('invites',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('inviter_member_id', sa.Uuid(), nullable=True),
    sa.Column('code_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('expires_at', sa.BigInteger(), nullable=False),
    sa.Column('used_at', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_invites_circle_id_circles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['inviter_member_id'], ['members.id'], name=op.f('fk_invites_inviter_member_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invites')),
    sa.UniqueConstraint('code_bidx', name=op.f('uq_invites_code_bidx'))
    )
    with op.batch_alter_table('invites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invites_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invites_inviter_member_id'), ['inviter_member_id'], unique=False)

    op.create_table('join_requests',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('invite_id', sa.Uuid(), nullable=True),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('name_enc', sa.LargeBinary(), nullable=False),
    sa.Column('intro_enc', sa.LargeBinary(), nullable=True),
    sa.Column('objections', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('expires_at', sa.BigInteger(), nullable=False),
    sa.Column('decided_at', sa.BigInteger(), nullable=True),
    sa.Column('post_timestamp', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_join_requests_circle_id_circles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invite_id'], ['invites.id'], name=op.f('fk_join_requests_invite_id_invites'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_join_requests_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_join_requests')),
    sa.UniqueConstraint('circle_id', 'number', name=op.f('uq_join_requests_circle_id_number'))
    )
    with op.batch_alter_table('join_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_join_requests_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_join_requests_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_join_requests_post', ['circle_id', 'post_timestamp'], unique=False)
        batch_op.create_index(batch_op.f('ix_join_requests_status'), ['status'], unique=False)

    op.create_table('vouches',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('request_id', sa.Uuid(), nullable=False),
    sa.Column('voucher_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('voucher_enc', sa.LargeBinary(), nullable=False),
    sa.Column('kind', sa.String(length=6), nullable=False),
    sa.Column('reason_enc', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['join_requests.id'], name=op.f('fk_vouches_request_id_join_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vouches')),
    sa.UniqueConstraint('request_id', 'voucher_bidx', name=op.f('uq_vouches_request_id_voucher_bidx'))
    )
    with op.batch_alter_table('vouches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vouches_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_vouches_request_id'), ['request_id'], unique=False)

    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tenure_days', sa.Integer(), server_default=sa.text('14'), nullable=False))
        batch_op.add_column(sa.Column('request_days', sa.Integer(), server_default=sa.text('7'), nullable=False))
        batch_op.add_column(sa.Column('vouch_retention_days', sa.Integer(), server_default=sa.text('180'), nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.drop_column('vouch_retention_days')
        batch_op.drop_column('request_days')
        batch_op.drop_column('tenure_days')

    with op.batch_alter_table('vouches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vouches_request_id'))
        batch_op.drop_index(batch_op.f('ix_vouches_created_at'))

    op.drop_table('vouches')
    with op.batch_alter_table('join_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_join_requests_status'))
        batch_op.drop_index('ix_join_requests_post')
        batch_op.drop_index(batch_op.f('ix_join_requests_person_id'))
        batch_op.drop_index(batch_op.f('ix_join_requests_circle_id'))

    op.drop_table('join_requests')
    with op.batch_alter_table('invites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invites_inviter_member_id'))
        batch_op.drop_index(batch_op.f('ix_invites_circle_id'))

    op.drop_table('invites')
