"""The password-sealed enrollment file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.sync.enrollment_file import read_enrollment_file, write_enrollment_file
from app.sync.errors import EnrollmentFileError, NotAnEnrollmentFile

CONTENT = {"device": {"id": "d1", "name": "Ноутбук Ґанни"}, "keys": {"sign": "AAAA"}}


def test_round_trip_and_wrong_password(tmp_path: Path) -> None:
    path = tmp_path / "e.opora-enroll"
    write_enrollment_file(path, CONTENT, "пароль-1", n=1 << 10)
    assert read_enrollment_file(path, "пароль-1") == CONTENT
    with pytest.raises(EnrollmentFileError) as info:
        read_enrollment_file(path, "пароль-2")
    assert info.value.exit_code == 4
    data = path.read_bytes()
    for position in (0, 20, len(data) // 2, len(data) - 1):
        damaged = bytearray(data)
        damaged[position] ^= 0x40
        path.write_bytes(bytes(damaged))
        with pytest.raises(EnrollmentFileError):
            read_enrollment_file(path, "пароль-1")
    path.write_bytes(data[:-1])
    with pytest.raises(EnrollmentFileError):
        read_enrollment_file(path, "пароль-1")
    assert "пароль" not in data.decode("latin-1")


def test_a_missing_or_foreign_file_is_invalid_input_not_a_wrong_password(tmp_path: Path) -> None:
    """Both exited 4 («authentication failed»): CONTRACT.md's 2 is for invalid input."""
    with pytest.raises(NotAnEnrollmentFile) as info:
        read_enrollment_file(tmp_path / "no-such.enroll", "пароль-1")
    assert info.value.exit_code == 2 and "no-such.enroll" in info.value.message
    foreign = tmp_path / "notes.txt"
    foreign.write_text("hello\n")
    with pytest.raises(NotAnEnrollmentFile) as info:
        read_enrollment_file(foreign, "пароль-1")
    assert info.value.exit_code == 2
