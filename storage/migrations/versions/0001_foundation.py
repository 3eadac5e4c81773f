"""foundation: circles, people, members, agreements, dedupe, outbox

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 10:58:22.269824
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('circles',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('group_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('group_enc', sa.LargeBinary(), nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('vouches', sa.Integer(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('tz', sa.String(length=64), nullable=False),
    sa.Column('turn_seconds', sa.Integer(), nullable=False),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('agreement_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_circles')),
    sa.UniqueConstraint('group_bidx', name=op.f('uq_circles_group_bidx'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('payload_enc', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_order', ['created_at', 'ordinal'], unique=False)

    op.create_table('processed_events',
    sa.Column('key', sa.LargeBinary(length=16), nullable=False),
    sa.Column('seen_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_processed_events'))
    )
    with op.batch_alter_table('processed_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processed_events_seen_at'), ['seen_at'], unique=False)

    op.create_table('agreements',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('text_enc', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_agreements_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements')),
    sa.UniqueConstraint('circle_id', 'version', name=op.f('uq_agreements_circle_id_version'))
    )
    op.create_table('people',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('aci_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('aci_enc', sa.LargeBinary(), nullable=False),
    sa.Column('active_circle_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['active_circle_id'], ['circles.id'], name=op.f('fk_people_active_circle_id_circles'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('aci_bidx', name=op.f('uq_people_aci_bidx'))
    )
    op.create_table('members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('alias_enc', sa.LargeBinary(), nullable=True),
    sa.Column('alias_bidx', sa.LargeBinary(length=16), nullable=True),
    sa.Column('joined_at', sa.BigInteger(), nullable=False),
    sa.Column('agreed_version', sa.Integer(), nullable=False),
    sa.Column('founder', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_members_circle_id_circles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_members_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_members')),
    sa.UniqueConstraint('circle_id', 'alias_bidx', name=op.f('uq_members_circle_id_alias_bidx')),
    sa.UniqueConstraint('circle_id', 'person_id', name=op.f('uq_members_circle_id_person_id'))
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_members_circle_id'), ['circle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_members_person_id'))
        batch_op.drop_index(batch_op.f('ix_members_circle_id'))

    op.drop_table('members')
    op.drop_table('people')
    op.drop_table('agreements')
    with op.batch_alter_table('processed_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processed_events_seen_at'))

    op.drop_table('processed_events')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_order')

    op.drop_table('outbox')
    op.drop_table('circles')
