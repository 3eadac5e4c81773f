"""key rotation fence: bot processes and the key generations they hold; the rotation journal

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'bot_processes',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('host', sa.String(length=64), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.BigInteger(), nullable=False),
        sa.Column('heartbeat_at', sa.BigInteger(), nullable=False),
        sa.Column('key_ids', sa.String(length=1024), nullable=False),
        sa.Column('write_key_id', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_bot_processes')),
    )
    with op.batch_alter_table('bot_processes', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_bot_processes_heartbeat_at'), ['heartbeat_at'], unique=False
        )
    op.create_table(
        'key_generations',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('added_at', sa.BigInteger(), nullable=True),
        sa.Column('writes_from', sa.BigInteger(), nullable=True),
        sa.Column('finished_at', sa.BigInteger(), nullable=True),
        sa.Column('retired_at', sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_key_generations')),
    )


def downgrade() -> None:
    op.drop_table('key_generations')
    with op.batch_alter_table('bot_processes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bot_processes_heartbeat_at'))
    op.drop_table('bot_processes')
