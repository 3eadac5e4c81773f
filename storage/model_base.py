"""The declarative base every table shares, with its naming convention (storage/models.py and
the tables of issues 16 and 17 in storage/care_models.py and storage/consent_models.py)."""

from __future__ import annotations

from sqlalchemy import LargeBinary, MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

BIDX = LargeBinary(16)
"""A blind index: a keyed HMAC-SHA256 truncated to 16 bytes (storage/crypto.py)."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
