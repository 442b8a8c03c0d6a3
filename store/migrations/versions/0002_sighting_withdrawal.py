"""Sightings remember consecutive misses, so a source's withdrawal of an event can be told.

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
    with op.batch_alter_table("sighting") as batch:
        batch.add_column(sa.Column("missed_runs", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("sighting") as batch:
        batch.drop_column("withdrawn")
        batch.drop_column("missed_runs")
