"""drop sessions.median_in: the old trauma-loop guard's median, unused since issue 16

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 18:30:00.000000

The trauma-loop rule (facilitation/loop.py) reads the mood tallies that 0009 added; nothing
has written or read ``sessions.median_in`` since. A median of a few moods is more than the
circle needs to keep (with three moods, whoever knows two can work out the third), so the
column goes rather than waiting empty. Its values are cleared first, so that SQLite
(secure_delete) zeroes them, and SQLite drops the column with its own ALTER TABLE DROP
COLUMN (3.35 or newer; 0009 already requires it), never by copying the table, which with
foreign keys on would delete every check-in with it (ON DELETE CASCADE).
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE sessions SET median_in = NULL")
    op.execute("ALTER TABLE sessions DROP COLUMN median_in")


def downgrade() -> None:
    """The column comes back empty and nullable (what it held is not kept anywhere)."""
    op.execute("ALTER TABLE sessions ADD COLUMN median_in FLOAT")
