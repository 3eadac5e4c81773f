"""resources: the directory and its reviews

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 11:54:48.582074
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resources',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('circle_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('record_enc', sa.LargeBinary(), nullable=False),
    sa.Column('added_by_enc', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('verified_at', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['circle_id'], ['circles.id'], name=op.f('fk_resources_circle_id_circles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resources')),
    sa.UniqueConstraint('circle_id', 'number', name=op.f('uq_resources_circle_id_number'))
    )
    with op.batch_alter_table('resources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resources_circle_id'), ['circle_id'], unique=False)

    op.create_table('resource_reviews',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('resource_id', sa.Uuid(), nullable=False),
    sa.Column('reviewer_bidx', sa.LargeBinary(length=16), nullable=False),
    sa.Column('reviewer_enc', sa.LargeBinary(), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('reason_enc', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['resource_id'], ['resources.id'], name=op.f('fk_resource_reviews_resource_id_resources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource_reviews')),
    sa.UniqueConstraint('resource_id', 'reviewer_bidx', 'kind', name=op.f('uq_resource_reviews_resource_id_reviewer_bidx_kind'))
    )
    with op.batch_alter_table('resource_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_reviews_resource_id'), ['resource_id'], unique=False)

    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resources_in_group', sa.Boolean(), server_default=sa.text('false'), nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.drop_column('resources_in_group')

    with op.batch_alter_table('resource_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_reviews_resource_id'))

    op.drop_table('resource_reviews')
    with op.batch_alter_table('resources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resources_circle_id'))

    op.drop_table('resources')
