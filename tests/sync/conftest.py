"""Fixtures of the sync tests: one enrolled network per session, copied into each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.network import ALL, DISTRICTS, Network, build_network


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Network:
    """A plain centre and three laptops serving both districts, plus L4 serving only the
    second one (for scope)."""
    return build_network(
        tmp_path_factory.mktemp("template"),
        {"L1": ALL, "L2": ALL, "L3": ALL, "L4": [DISTRICTS[1][1]]},
    )


@pytest.fixture
def network(template: Network, tmp_path: Path) -> Network:
    """A fresh copy of the template network for one test."""
    return template.copy(tmp_path / "net")
