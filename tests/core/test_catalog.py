"""Every core message has its Ukrainian text: Ukrainian is the default language."""

from __future__ import annotations

import ast
from pathlib import Path

import app
from app.i18n.catalog_uk import UK

APP = Path(app.__file__).parent


def messages_in_code() -> set[tuple[str, str]]:
    found = set()
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add((str(path.relative_to(APP)), node.args[0].value))
    return found


def test_every_tr_message_has_a_ukrainian_text() -> None:
    missing = sorted((path, text) for path, text in messages_in_code() if text not in UK)
    assert missing == []


def test_placeholders_match() -> None:
    import string

    for english, ukrainian in UK.items():
        names_en = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        names_uk = {f for _, f, _, _ in string.Formatter().parse(ukrainian) if f}
        assert names_en == names_uk, english
