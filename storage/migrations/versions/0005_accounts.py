"""accounts: each circle and outbox row belongs to one bot account

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 12:11:49.296893
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account_bidx', sa.LargeBinary(length=16), nullable=True))
        batch_op.add_column(sa.Column('account_enc', sa.LargeBinary(), nullable=True))
        batch_op.create_index(batch_op.f('ix_circles_account_bidx'), ['account_bidx'], unique=False)

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account_bidx', sa.LargeBinary(length=16), nullable=True))
        batch_op.add_column(sa.Column('account_enc', sa.LargeBinary(), nullable=True))
        batch_op.create_index(batch_op.f('ix_outbox_account_bidx'), ['account_bidx'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_account_bidx'))
        batch_op.drop_column('account_enc')
        batch_op.drop_column('account_bidx')

    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_circles_account_bidx'))
        batch_op.drop_column('account_enc')
        batch_op.drop_column('account_bidx')

