"""survey: yearly survey records

Revision ID: 0002_survey
Revises: 0001_foundation
"""
from alembic import op
import sqlalchemy as sa


revision = "0002_survey"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_records",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.String(length=32), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=1), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("carried_over", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=1), nullable=False),
        sa.Column("surveyor", sa.String(length=64), nullable=False),
        sa.Column("survey_date", sa.Date(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("survey_records", schema=None) as batch_op:
        batch_op.create_index("ix_survey_records_person_id", ["person_id"], unique=False)
        batch_op.create_index("ix_survey_records_year_status", ["year", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("survey_records", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_records_year_status")
        batch_op.drop_index("ix_survey_records_person_id")
    op.drop_table("survey_records")
