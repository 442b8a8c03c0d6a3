"""Sightings remember consecutive misses (a source's withdrawal of an event can be told);
events remember an operator's merge.

Plain ``ADD COLUMN`` on both backends: SQLite supports it for these columns, and a batch
(copy-and-rename) migration would trip the foreign keys of the tables that point at ``event``.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "sighting", sa.Column("missed_runs", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column(
        "sighting", sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    # merged_into has no foreign key: SQLite cannot add one without copying the table.
    op.add_column("event", sa.Column("merged_into", sa.Integer(), nullable=True))
    op.create_index("ix_event_merged_into", "event", ["merged_into"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_event_merged_into", table_name="event")
    with op.batch_alter_table("event") as batch:
        batch.drop_column("merged_into")
    with op.batch_alter_table("sighting") as batch:
        batch.drop_column("withdrawn")
        batch.drop_column("missed_runs")
