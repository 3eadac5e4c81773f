"""languages: a circle's language for its group posts, a person's own for what they alone read

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 14:00:00.000000

A language code is not identifying (it says which words to use, nothing about who), so both
columns are plain text. Circles that exist already speak English, as they always have; a
person's own choice starts empty (NULL: they follow their first circle's language).
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), server_default=sa.text("'en'"), nullable=False))

    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('language')

    with op.batch_alter_table('circles', schema=None) as batch_op:
        batch_op.drop_column('language')
