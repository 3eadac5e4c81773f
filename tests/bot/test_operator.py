"""`holdspace circles` and `holdspace resources import|export`, as an operator runs them."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from facilitation.circle import CircleSettings, Purpose
from storage.keyring import generate_key_text, parse_key_text
from storage.unit_of_work import Storage

GOOD = {
    "format": "holdspace-resources/1",
    "resources": [
        {
            "name": "Dr. Mira Hartmann",
            "description": "sees clients online",
            "email": "mira@example.org",
            "phones": [{"number": "+49 30 1234567"}],
            "languages": ["de", "en"],
            "service_areas": [{"name": "Berlin"}],
            "attributes": [{"label": "sex-positive"}],
            "status": "vetted",
            "assured_date": "2026-03-01",
            "x-holdspace": {"category": "therapist", "remote": True},
        },
        {
            "name": "Quill Tax Studio",
            "email": "quill@example.org",
            "status": "pending",
            "x-holdspace": {"category": "accountant"},
        },
    ],
}


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOLDSPACE_")}
    env.update(
        {
            "HOLDSPACE_SIGNAL__PHONE_NUMBER": "+15550000001",
            "HOLDSPACE_STORAGE__URL": f"sqlite+aiosqlite:///{tmp_path / 'ops.db'}",
            "HOLDSPACE_KEY": generate_key_text(),
        }
    )
    return env


async def make_circle(env: dict[str, str]) -> str:
    storage = await Storage.open(
        env["HOLDSPACE_STORAGE__URL"],
        parse_key_text(env["HOLDSPACE_KEY"]),
        account=env["HOLDSPACE_SIGNAL__PHONE_NUMBER"],  # the circle belongs to this bot
    )
    async with storage.unit_of_work() as uow:
        circle = await uow.circles.create(
            "T0xSYkloQXRMUFAvek1EUUVmSkdUdHVOQVBtRC9EYUg=", Purpose.SUPPORT, CircleSettings(), 1
        )
        await uow.commit()
    await storage.close()
    return circle.id.hex[:8]


def holdspace(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


async def test_import_export_round_trip_and_a_bad_file_changes_nothing(
    tmp_path: Path, environment: dict[str, str]
) -> None:
    short = await make_circle(environment)
    listed = holdspace(environment, "circles")
    assert short in listed.stdout and "0 directory entries" in listed.stdout

    good = tmp_path / "directory.json"
    good.write_text(json.dumps(GOOD, indent=2))
    imported = holdspace(environment, "resources", "import", str(good), "--circle", short)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2" in imported.stdout

    bad = dict(GOOD)
    bad["resources"] = [*GOOD["resources"], {"name": "", "x-holdspace": {"category": "bakery"}}]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(bad, indent=2))
    refused = holdspace(environment, "resources", "import", str(broken), "--circle", short)
    assert refused.returncode == 1 and "was not imported" in refused.stderr
    lines = broken.read_text().splitlines()
    starts = lines.index('      "name": "",') - 1 + 1  # the third record's "{", numbered from 1
    assert f"line {starts}: name" in refused.stderr  # the file's line, not a record index
    assert "2 directory entries" in holdspace(environment, "circles").stdout  # nothing partial

    out = tmp_path / "export.json"
    exported = holdspace(environment, "resources", "export", "--circle", short, "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert (out.stat().st_mode & 0o077) == 0
    again = json.loads(out.read_text())["resources"]
    assert [r["name"] for r in again] == ["Dr. Mira Hartmann", "Quill Tax Studio"]
    assert again[0]["assured_date"] == "2026-03-01" and again[0]["status"] == "vetted"
    csv = holdspace(environment, "resources", "export", "--circle", short, "--format", "csv")
    assert csv.stdout.splitlines()[0].startswith("name,category,phone,email")
    csv_file = tmp_path / "round.csv"
    csv_file.write_text(csv.stdout)
    assert (
        holdspace(environment, "resources", "import", str(csv_file), "--circle", short).returncode
        == 0
    )
    assert "4 directory entries" in holdspace(environment, "circles").stdout


async def test_unknown_circles_and_files_are_explained(
    tmp_path: Path, environment: dict[str, str]
) -> None:
    await make_circle(environment)
    missing = holdspace(environment, "resources", "export", "--circle", uuid.uuid4().hex[:8])
    assert missing.returncode == 1 and "holdspace circles" in missing.stderr
    nowhere = holdspace(
        environment, "resources", "import", str(tmp_path / "nope.json"), "--circle", "x"
    )
    assert nowhere.returncode == 1 and "cannot read" in nowhere.stderr


def test_an_export_is_created_private_and_never_replaces_or_follows_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is born 0600 (never readable by others, not even for a moment), an existing
    file is left alone, and a symlink planted at the path is not followed."""
    from bot.operator import OperatorError, export_to

    previous = os.umask(0o022)
    modes: list[int] = []
    real_open = os.open

    def spying_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        fd = real_open(path, flags, mode, **kwargs)
        modes.append(os.fstat(fd).st_mode & 0o777)  # the mode it was created with
        return fd

    monkeypatch.setattr(os, "open", spying_open)
    try:
        out = tmp_path / "directory.json"
        export_to(out, '{"resources": []}')
        assert modes == [0o600] and (out.stat().st_mode & 0o777) == 0o600
        assert out.read_text() == '{"resources": []}'

        with pytest.raises(OperatorError, match="already exists"):
            export_to(out, "replaced")
        assert out.read_text() == '{"resources": []}'

        target = tmp_path / "elsewhere.txt"
        target.write_text("the operator's notes")
        link = tmp_path / "link.json"
        link.symlink_to(target)
        with pytest.raises(OperatorError, match="already exists"):
            export_to(link, "leaked")
        assert target.read_text() == "the operator's notes"
        dangling = tmp_path / "dangling.json"
        dangling.symlink_to(tmp_path / "not-yet.txt")
        with pytest.raises(OperatorError, match="already exists"):
            export_to(dangling, "leaked")
        assert not (tmp_path / "not-yet.txt").exists()
    finally:
        os.umask(previous)


def test_the_cli_refuses_to_overwrite_an_export(
    tmp_path: Path, environment: dict[str, str]
) -> None:
    short = asyncio.run(make_circle(environment))
    out = tmp_path / "export.json"
    out.write_text("keep me")
    refused = holdspace(environment, "resources", "export", "--circle", short, "--out", str(out))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert out.read_text() == "keep me"


async def test_an_import_during_a_rotation_encrypts_as_the_running_bots_do(
    tmp_path: Path, environment: dict[str, str]
) -> None:
    """Between rotate-key's first two steps the new generation is for reading only: an
    import with the new key file must not write values a bot still on the old key could
    not read. And a key without the generation the database moved to is refused."""
    from storage import keyfence
    from storage.rotation import status

    short = await make_circle(environment)
    first = parse_key_text(environment["HOLDSPACE_KEY"])
    both, _ = first.with_new_generation()
    storage = await Storage.open(environment["HOLDSPACE_STORAGE__URL"], both)
    try:
        await keyfence.record(storage.engine, 2, {"added_at": 1})
        good = tmp_path / "directory.json"
        good.write_text(json.dumps(GOOD))
        newer = dict(environment, HOLDSPACE_KEY=both.to_key_text())
        assert holdspace(newer, "resources", "import", str(good), "--circle", short).returncode == 0
        assert set((await status(storage.engine, both)).per_generation) == {1}

        await keyfence.record(storage.engine, 2, {"writes_from": 2})
        stale = holdspace(environment, "resources", "import", str(good), "--circle", short)
        assert stale.returncode == 1 and "generation 2" in stale.stderr
        assert holdspace(newer, "resources", "import", str(good), "--circle", short).returncode == 0
        assert (await status(storage.engine, both)).per_generation.get(2, 0) > 0
    finally:
        await storage.close()
