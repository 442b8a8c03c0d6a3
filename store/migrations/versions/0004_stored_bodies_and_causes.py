"""Pages keep their last read body and the extraction tag it was read with; revisions say their
cause (NULL: the site changed; "correction": confwatch read the same page better); runs say their
kind (a crawl, or a re-read of stored pages).

Plain ``ADD COLUMN`` on both backends, as in 0002. Existing rows keep every value: their pages
have no body (nothing to re-read until a crawl reads the page again), their revisions are news
(cause NULL) and their runs crawls (``server_default``).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("page_state", sa.Column("body", sa.LargeBinary(), nullable=True))
    op.add_column("page_state", sa.Column("extraction", sa.String(80), nullable=True))
    op.add_column("page_state", sa.Column("read_on", sa.Date(), nullable=True))
    op.add_column("revision", sa.Column("cause", sa.String(64), nullable=True))
    op.add_column(
        "crawl_run",
        sa.Column("kind", sa.String(64), nullable=False, server_default="crawl"),
    )


def downgrade() -> None:
    with op.batch_alter_table("crawl_run") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("revision") as batch:
        batch.drop_column("cause")
    with op.batch_alter_table("page_state") as batch:
        batch.drop_column("read_on")
        batch.drop_column("extraction")
        batch.drop_column("body")
