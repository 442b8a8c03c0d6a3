"""Notifiers (Apprise URLs: chat and webhooks) and their outbox (issue 17).

Two new tables; nothing existing changes.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notifier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("urls", sa.JSON(), nullable=False),
        sa.Column("mode", sa.String(length=64), nullable=False),
        sa.Column("organisers", sa.JSON(), nullable=False),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("cursor", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifier")),
        sa.UniqueConstraint("name", name=op.f("uq_notifier_name")),
    )
    op.create_table(
        "notify_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notifier_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sending_since", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["notifier_id"],
            ["notifier.id"],
            name=op.f("fk_notify_outbox_notifier_id_notifier"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notify_outbox")),
        sa.UniqueConstraint(
            "notifier_id", "target", "key", name=op.f("uq_notify_outbox_notifier_id_target_key")
        ),
    )
    op.create_index(op.f("ix_notify_outbox_status"), "notify_outbox", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_notify_outbox_status"), table_name="notify_outbox")
    op.drop_table("notify_outbox")
    op.drop_table("notifier")
