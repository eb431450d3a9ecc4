"""The period summary counted from a real database, and the report commands end to end."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.db.ages import child_cutoff
from app.db.database import Database
from app.errors import UsageError
from app.reports.loaders import load_family_card, load_journal
from app.reports.summary import compute_summary
from app.reports.xlsx import read_summary_xlsx
from app.services.records import import_records
from app.services.setup import init_centre
from tests.conftest import PASSWORD

from . import dataset
from .dataset import EXPECTED, EXPECTED_MOROZIVSKYI, FROM, ID, TO
from .helpers import pdf_fonts, pdf_pages

D_FROM, D_TO = dt.date.fromisoformat(FROM), dt.date.fromisoformat(TO)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("summary")
    db = init_centre(
        folder / "centre.db",
        name="ЦНСП Малинської громади",
        admin="admin",
        password=PASSWORD,
        encrypted=False,
    )
    try:
        import_records(db, dataset.write(folder / "data.jsonl"))
    finally:
        db.close()
    return folder / "centre.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    from app.db.database import open_database

    database = open_database(db_path, authenticate=False)
    yield database
    database.close()


def run(db_path: Path, *args: str) -> int:
    return main(["--db", str(db_path), *args])


def test_summary_counts_every_figure(db: Database) -> None:
    assert compute_summary(db, D_FROM, D_TO).to_json() == EXPECTED


def test_summary_for_one_district(db: Database) -> None:
    assert compute_summary(db, D_FROM, D_TO, "Морозівський").to_json() == EXPECTED_MOROZIVSKYI


def test_summary_one_day_later_moves_the_edges(db: Database) -> None:
    later = compute_summary(db, D_FROM, D_TO + dt.timedelta(days=1)).to_json()
    # f2 (off on TO) stays off, f4 (off on 1 July) drops out, f5 (on from 1 July) comes in
    assert later["families_on_record"] == 3
    # childA (18 on 30 June) stays out, childB turns 18 on 1 July; f5 has no children
    assert later["children_in_families_on_record"] == 2


def test_summary_refuses_bad_input(db: Database) -> None:
    with pytest.raises(UsageError, match="Ніде"):
        compute_summary(db, D_FROM, D_TO, "Ніде")
    with pytest.raises(UsageError):
        compute_summary(db, D_TO, D_FROM)


@pytest.mark.parametrize(
    ("day", "cutoff"),
    [
        (dt.date(2025, 6, 30), dt.date(2007, 6, 30)),
        (dt.date(2024, 2, 29), dt.date(2006, 2, 28)),
        (dt.date(2025, 3, 1), dt.date(2007, 3, 1)),
    ],
)
def test_child_cutoff(day: dt.date, cutoff: dt.date) -> None:
    assert child_cutoff(day) == cutoff


def test_json_xlsx_and_pdf_agree(db_path: Path, tmp_path: Path) -> None:
    base = ["report", "summary", "--from", FROM, "--to", TO]
    assert run(db_path, *base, "--format", "json", "--out", str(tmp_path / "s.json")) == 0
    assert run(db_path, *base, "--format", "xlsx", "--out", str(tmp_path / "s.xlsx")) == 0
    assert run(db_path, *base, "--format", "pdf", "--out", str(tmp_path / "s.pdf")) == 0
    document = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert document == EXPECTED
    numbers = {k: v for k, v in document.items() if k not in ("from", "to", "district")}
    assert read_summary_xlsx(tmp_path / "s.xlsx") == numbers
    data = (tmp_path / "s.pdf").read_bytes()
    text = re.sub(r"\s+", " ", "\n".join(pdf_pages(data)))
    for expected in (
        "Охоплено індивідуальною роботою 5 сімей/осіб",
        "Перебувають на обліку в СЖО на кінець періоду 3 сім'ї",
        "у них дітей (до 18 років) 4 дитини",
        "у тому числі сімей з низьким батьківським потенціалом 3 сім'ї",
        "Надійшло повідомлень (звернень) 2 повідомлення",
        "Діяло груп взаємопідтримки 2 групи",
        "Проведено групових занять 3 заняття",
        "Відвідувань групових занять 4 відвідування",
        "Консультування 2 сім'ї/особи",
        "Морозівський 3 1",
        "Любовицький 1 2",
        "ЦНСП Малинської громади",
    ):
        assert expected in text
    assert all(
        "/FontFile2" in f["/FontDescriptor"] for f in pdf_fonts(data) if "/FontDescriptor" in f
    )


def test_summary_json_on_stdout(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        db_path,
        "report",
        "summary",
        "--from",
        FROM,
        "--to",
        TO,
        "--district",
        "Морозівський",
        "--format",
        "json",
        "--out",
        "-",
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == EXPECTED_MOROZIVSKYI


def test_attendance_journal_command(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "journal.pdf"
    assert run(db_path, "report", "attendance", "--group", ID["g1"], "--out", str(out)) == 0
    text = "\n".join(pdf_pages(out.read_bytes()))
    for expected in (
        "14.02",
        "30.06",
        "05.07",
        "Ґонтаренко Їва Євгенівна",
        "Наталія Сірко",
        "Ірина Ґудзь",
        "Морозівський",
        "Жінки з дітьми",
    ):
        assert expected in text
    assert "2 з 3" in text  # the mother: present at 2 of the 3 sessions

    period = tmp_path / "period.pdf"
    assert (
        run(
            db_path,
            "report",
            "attendance",
            "--group",
            ID["g1"],
            "--from",
            FROM,
            "--to",
            TO,
            "--out",
            str(period),
        )
        == 0
    )
    text = "\n".join(pdf_pages(period.read_bytes()))
    assert "05.07" not in text and "2 з 2" in text and "01.01.2025 – 30.06.2025" in text


def test_registration_command(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "registration.pdf"
    assert (
        run(
            db_path,
            "report",
            "registration",
            "--session",
            ID["sa"],
            "--blank-rows",
            "2",
            "--out",
            str(out),
        )
        == 0
    )
    text = "\n".join(pdf_pages(out.read_bytes()))
    assert "14.02.2025, 10:00" in text and "Стрес і як із ним жити" in text
    assert "Тренінг" in text and "+380931234567" in text
    numbers = [int(n) for n in re.findall(r"^\s*(\d{1,2})\s*$", text, flags=re.M)]
    assert numbers == [1, 2, 3, 4, 5]  # three participants and two blank rows


@pytest.mark.parametrize(
    "args",
    [
        [
            "report",
            "attendance",
            "--group",
            "0190b000-0000-7000-8000-999999999999",
            "--out",
            "x.pdf",
        ],
        [
            "report",
            "summary",
            "--from",
            "2025-13-01",
            "--to",
            TO,
            "--format",
            "json",
            "--out",
            "x.json",
        ],
        ["report", "summary", "--from", FROM, "--to", TO, "--format", "csv", "--out", "x"],
        [
            "report",
            "summary",
            "--from",
            FROM,
            "--to",
            TO,
            "--district",
            "Ніде",
            "--format",
            "json",
            "--out",
            "x.json",
        ],
        ["report", "registration", "--session", ID["sa"], "--blank-rows", "-1", "--out", "x.pdf"],
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(db_path, *args) == 2
    assert list(tmp_path.iterdir()) == []


def test_family_card_loader(db: Database) -> None:
    card = load_family_card(db, ID["f1"], today=dt.date(2025, 7, 1))
    assert card.title == "Ґонтаренко Їва Євгенівна"  # the family's name, as the list shows it
    assert card.district == "Морозівський" and card.settlement == "с. Морозівка"
    assert [m.birth_date.year for m in card.members] == [1990, 2007, 2007, 2015]
    assert card.members[0].relation != "mother"  # the reference data's Ukrainian label
    assert len(card.services) == 3  # two to the family, one to the mother
    assert {s.recipient for s in card.services} == {"сім'я", "Ґонтаренко Ї. Є."}
    kinds = sorted(e.kind for e in card.events)
    assert kinds == [
        "Відвідування",
        "Оцінка потреб",
        "Первинна консультація",
        "Повідомлення",
        "Скерування",
        "Скерування",
    ]


def test_family_card_command(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    assert run(db_path, "report", "family", "--family", ID["f1"], "--out", str(out)) == 0
    text = "\n".join(pdf_pages(out.read_bytes()))
    assert "КАРТКА СІМ'Ї: Ґонтаренко" in text and "перебуває на обліку з 01.01.2025" in text


def test_journal_loader_orders_sessions(db: Database) -> None:
    journal = load_journal(db, ID["g1"])
    assert [s.date.isoformat() for s in journal.sessions] == ["2025-02-14", TO, "2025-07-05"]
    assert journal.period_from == dt.date(2025, 1, 10)
    assert journal.marks[(ID["p2"], ID["sa"])] == "absent"


def test_family_card_shows_intakes_and_referrals(db: Database) -> None:
    from app.reports.pdf.family_card import render_family_card
    from app.services.family_form import family_events

    referrals = family_events(db, ID["f1"]).referrals
    assert [(r.title, r.text) for r in referrals] == [
        ("Юрист", "unknown"),
        ("Центр зайнятості", "refused"),
    ]
    data = load_family_card(db, ID["f1"], today=D_TO)
    kinds = sorted(e.kind for e in data.events)
    assert kinds.count("Скерування") == 2 and kinds.count("Первинна консультація") == 1
    buffer = __import__("io").BytesIO()
    render_family_card(data, buffer)
    text = " ".join(" ".join(p.split()) for p in pdf_pages(buffer.getvalue()))
    assert "Центр зайнятості; відмовлено" in text


def test_summary_counts_the_same_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    """The same hand-counted figures from a PostgreSQL centre (its driver returns dates and
    code lists in other forms than SQLite's)."""
    from app.db.database import open_database

    centre = init_centre(pg_url, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False)
    try:
        import_records(centre, dataset.write(tmp_path / "data.jsonl"))
    finally:
        centre.close()
    db = open_database(pg_url, login="admin", password=PASSWORD)
    try:
        assert compute_summary(db, D_FROM, D_TO).to_json() == EXPECTED
        assert compute_summary(db, D_FROM, D_TO, "Морозівський").to_json() == EXPECTED_MOROZIVSKYI
    finally:
        db.close()


def test_act_of_an_assessment_without_areas_has_a_block_per_child_and_adult(db: Database) -> None:
    """An assessment recorded without its act's areas (imported, or saved before the act was
    filled in) printed one unnamed child's block and one unnamed adult's, whatever the family;
    it now prints a blank block for each child and each adult of the family, by name, to fill
    in by hand (a child: under 18 on the day the assessment started)."""
    from app.reports.loaders import load_assessment_act
    from app.reports.pdf.assessment_act import render_assessment_act
    from app.reports.pdf.page import pdf_bytes

    data = load_assessment_act(db, ID["a3"])  # f1 on 20.12.2024: three children, a mother
    assert [p.name for p in data.children] == ["Ґонтаренко Їва Євгенівна"] * 3
    assert [p.name for p in data.adults] == ["Ґонтаренко Їва Євгенівна"]
    text = " ".join(
        " ".join(page.split()) for page in pdf_pages(pdf_bytes(render_assessment_act, data))
    )
    assert text.count("Вплив обставин на задоволення потреб дитини") == 3
    assert text.count("Виконання батьківських обов'язків") == 1


def test_act_command_is_recorded_as_a_print(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report act` wrote the act without a trace in the audit trail, where every other
    printout of a record is logged as printed by whom."""
    out = tmp_path / "act.pdf"
    assert run(db_path, "report", "act", "--assessment", ID["a3"], "--out", str(out)) == 0
    assert "АКТ ОЦІНКИ ПОТРЕБ" in "\n".join(pdf_pages(out.read_bytes()))
    capsys.readouterr()
    assert run(db_path, "audit", "list", "--json") == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert ("print", "assessment", ID["a3"]) in [
        (e["action"], e["type"], e["record_id"]) for e in events
    ]
