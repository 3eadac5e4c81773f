"""Key material for the key tests (made up; never a real key)."""

from __future__ import annotations

import base64
import os

import pytest

K1 = bytes(range(32))
K2 = bytes(range(100, 132))
B1 = base64.b64encode(K1).decode()
B2 = base64.b64encode(K2).decode()
SHORT = base64.b64encode(bytes(31)).decode()
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")


def assert_no_key_material(text: str, *secrets: str | bytes) -> None:
    for secret in secrets:
        if isinstance(secret, bytes):
            assert secret.hex() not in text
            assert repr(secret) not in text
            assert base64.b64encode(secret).decode() not in text
        else:
            assert secret not in text
