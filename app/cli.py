"""The command line of CONTRACT.md: `opora [--db PATH_OR_URL] [--user LOGIN] COMMAND …`.

Exit status: 0 success, 2 invalid input or usage, 3 a bundle rejected, 4 authentication
failed, 5 not permitted for the account's role, 1 anything else. Messages go to stderr
in Ukrainian (OPORA_LANG=en for English).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import kdf
from app.errors import OporaError
from app.files import default_database, private_files
from app.i18n import current_language, tr

if TYPE_CHECKING:
    from app.commands.context import CommandContext
    from app.commands.gui import GuiOpener

# The database, its models and the commands are imported once a command needs them, so that
# `opora --version` answers without loading SQLAlchemy (bench/command_start.py).

COMMAND_MODULES = (
    "app.commands.init",
    "app.commands.records",
    "app.commands.backup",
    "app.commands.devices",
    "app.commands.sync",
    "app.commands.online",
    "app.commands.conflicts",
    "app.commands.report",
    "app.commands.duplicates",
    "app.commands.gui",
    "app.commands.accounts",
    "app.commands.audit",
)

# The first word of each command and the module that registers it: a command loads only its
# own module (and what that imports); help, a mistyped word and any module not named here
# load them all, so every message stays the same.
COMMAND_WORDS = {
    "init": "app.commands.init",
    "records": "app.commands.records",
    "backup": "app.commands.backup",
    "restore": "app.commands.backup",
    "devices": "app.commands.devices",
    "sync": "app.commands.sync",
    "serve": "app.commands.online",
    "conflicts": "app.commands.conflicts",
    "report": "app.commands.report",
    "duplicates": "app.commands.duplicates",
    "demo": "app.commands.gui",
    "accounts": "app.commands.accounts",
    "audit": "app.commands.audit",
}


ARGPARSE_UK = {
    "the following arguments are required: %s": "не вказано обов'язкові аргументи: %s",
    "unrecognized arguments: %s": "невідомі аргументи: %s",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "expected one argument": "потрібне одне значення",
    "expected at least one argument": "потрібне принаймні одне значення",
    "expected at most one argument": "потрібне не більше одного значення",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "неприпустиме значення: %(value)r (можливі: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "неправильне значення (%(type)s): %(value)r",
    "not allowed with argument %s": "не можна разом з аргументом %s",
    "one of the arguments %s is required": "потрібен один з аргументів %s",
    "ignored explicit argument %r": "зайве значення %r",
    "show this help message and exit": "показати цю довідку й вийти",
    "usage: ": "використання: ",
    "options": "параметри",
    "positional arguments": "позиційні аргументи",
}


def _argparse_text(message: str) -> str:
    """argparse's own messages in the user's language (it asks gettext for them)."""
    return ARGPARSE_UK.get(message, message) if current_language() == "uk" else message


argparse._ = _argparse_text  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors exit 2 with our message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise OporaError(message) from None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command group registered, or only the one of `command` (its
    first word) when a module is known to register it."""
    parser = _Parser(
        prog="opora",
        description=tr("Opora: case work with families in difficult life circumstances"),
    )
    parser.add_argument("--db", help=tr("SQLite file or SQLAlchemy URL"))
    parser.add_argument("--user", help=tr("login of the acting account"))
    parser.add_argument(
        "--version",
        action="store_true",
        help=tr("print the version, the schema revision and the reference data version"),
    )
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    wanted = COMMAND_WORDS.get((command or "").partition(" ")[0])
    for name in COMMAND_MODULES:
        if wanted is None or name == wanted or name not in COMMAND_WORDS.values():
            importlib.import_module(name).register(subparsers)
    return parser


def _global_options(args_list: list[str]) -> argparse.Namespace:
    """`--db` and `--user`, read before the command is parsed."""
    prefix: list[str] = []
    for arg in args_list:  # only what comes before the command (`audit list --user` is its own)
        if not arg.startswith("-") and (not prefix or prefix[-1] not in ("--db", "--user")):
            break
        prefix.append(arg)
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--db")
    early.add_argument("--user")
    return early.parse_known_args(prefix)[0]


def _unlock_early(args_list: list[str]) -> None:
    """With the password in the environment, the key derivation of an encrypted database
    begins now, beside the loading of the modules the command needs (app/kdf.py)."""
    password = os.environ.get("OPORA_PASSWORD")
    if password is None or {"-h", "--help"} & set(args_list):
        return
    early = _global_options(args_list)
    target = early.db or str(default_database())
    if "://" in target and not target.startswith("sqlite:///"):
        return  # a server: no key file
    kdf.start(Path(target.removeprefix("sqlite:///")).expanduser(), early.user, password)


def _command_words(args: argparse.Namespace | None) -> str:
    """`records import`, `sync export`…: which command failed, without any of its values."""
    if args is None:
        return "opora"
    words = [getattr(args, name, None) for name in ("command", "action", "kind", "report")]
    return " ".join(str(w) for w in words if isinstance(w, str))


def print_version(as_json: bool) -> int:
    """`opora --version`: answered before the commands (and their imports) are loaded."""
    import json

    from app.version import version_info

    info = version_info()
    if as_json:
        sys.stdout.write(json.dumps(info.as_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    else:
        sys.stdout.write(
            tr(
                "Opora {version}\nschema revision: {schema}\nreference data: {reference}",
                **info.as_dict(),
            )
            + "\n"
        )
    return 0


def main(argv: Sequence[str] | None = None, gui: GuiOpener | None = None) -> int:
    """Run one command; returns the exit status. Every file it creates is 0600. `gui` opens
    windows (given by the entry point, app/__main__.py; without it the GUI is unavailable).

    The one error boundary of the command line: whatever fails becomes one line on stderr
    in the user's language (app/boundary.py), never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a stray lone surrogate must not crash the printing
            reconfigure(errors="backslashreplace")
    with private_files():
        return _main(argv, gui)


def _main(argv: Sequence[str] | None, gui: GuiOpener | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args_list
    args_list = [a for a in args_list if a != "--json"]
    context: CommandContext | None = None
    args: argparse.Namespace | None = None
    if args_list[:1] == ["--version"] and len(args_list) == 1:
        return print_version(as_json)
    _unlock_early(args_list)
    from app.commands.context import CommandContext
    from app.services.permissions import command_name, command_needs_account

    try:
        command = command_name(args_list)
        if command is not None and command_needs_account(command) and "-h" not in args_list:
            # The role is checked before anything else: a command the account may not run
            # exits 5 whatever its arguments (CONTRACT.md «Accounts and roles»).
            early = _global_options(args_list)
            context = CommandContext(
                db_target=early.db or str(default_database()), user=early.user, json=as_json
            )
            context.gui = gui
            context.authorise(command)
        try:
            args = build_parser(None if {"-h", "--help"} & set(args_list) else command).parse_args(
                args_list
            )
        except OporaError as error:
            error.exit_code = 2
            raise
        if args.version:
            return print_version(as_json)
        if context is None:
            context = CommandContext(
                db_target=args.db or str(default_database()), user=args.user, json=as_json
            )
            context.gui = gui
        handler = getattr(args, "handler", None)
        if handler is None:
            from app.commands.gui import run_gui

            return run_gui(context)  # the GUI when no command is given
        code = int(handler(args, context) or 0)
        if code == 0:
            context.succeeded()
        return code
    except BrokenPipeError:
        # The reader stopped early (`opora records export | head`): nothing to report.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 1
    except Exception as error:  # noqa: BLE001 - the boundary: every failure becomes a message
        from app.boundary import explain

        explained = explain(error, where=_command_words(args))
        sys.stderr.write(tr("error: {message}", message=explained.message) + "\n")
        return explained.exit_code
    finally:
        if context is not None:
            try:
                context.close()
            except Exception:  # noqa: BLE001 - closing after a failure must stay quiet
                pass


if __name__ == "__main__":
    raise SystemExit(main())
