from __future__ import annotations

import logging

from bot.logsafety import RedactingFilter, redact

ACI = "7d3e2c1b-8a9f-4b6e-a5d4-3c2b1a0f9e02"
GROUP_REST = "group.T0xSYkloQXRMUFAvek1EUUVmSkdUdHVOQVBtRC9EYUgwYzJVUXBYRlVZUT0="
GROUP_INTERNAL = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="


def test_identifiers_are_redacted() -> None:
    line = (
        f"url=http://h/v1/groups/%2B4915100000001/{GROUP_REST} from +49 151 0000 0002 "
        f"uuid {ACI} internal {GROUP_INTERNAL} ts 1767225600000"
    )
    shown = redact(line)
    for secret in ("4915100000001", "0000 0002", ACI, GROUP_REST, GROUP_INTERNAL, "1767225600000"):
        assert secret not in shown


def test_the_filter_redacts_arguments_and_withholds_tracebacks() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "sent to %s", (ACI,), None)
    try:
        raise ValueError(f"boom {ACI}")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert RedactingFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert ACI not in formatted
    assert "ValueError (details withheld)" in formatted
