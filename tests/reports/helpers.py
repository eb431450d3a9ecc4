"""Sample report inputs and PDF reading helpers for the report tests."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from app.db.database import Database, open_database
from app.reports.data import (
    Breakdown,
    Centre,
    EventEntry,
    FamilyCardData,
    FamilyMember,
    GroupFigures,
    JournalData,
    PersonFigures,
    RegistrationData,
    ServiceEntry,
    Summary,
    SummaryLabels,
)
from app.services.records import RecordService
from app.services.rosters import ParticipantRow, SessionRow
from app.services.setup import init_centre
from tests.conftest import PASSWORD

CENTRE = Centre("Центр надання соціальних послуг Малинської громади", "м. Малин, вул. Ґарна, 5")
NAMES = (
    "Ґонтаренко Єлизавета Ївгенівна",
    "Мʼякота Ірина Іванівна",
    "Дʼяченко Марʼяна Олегівна",
    "Шевчук Олена Петрівна",
)
MARK_CYCLE = ("present", "absent", "excused", "present", "present")


def journal(sessions: int = 5, participants: int = 4) -> JournalData:
    """A journal whose marks cycle through present/absent/excused."""
    people = tuple(
        ParticipantRow(f"p{i}", NAMES[i] if i < len(NAMES) else f"Учасниця Номер {i}")
        for i in range(participants)
    )
    dates = tuple(
        SessionRow(f"s{j}", dt.date(2026, 1, 5) + dt.timedelta(days=4 * j)) for j in range(sessions)
    )
    marks = {
        (p.id, s.id): MARK_CYCLE[(i + j) % len(MARK_CYCLE)]
        for i, p in enumerate(people)
        for j, s in enumerate(dates)
    }
    return JournalData(
        centre=CENTRE,
        group_name="Група «Разом»",
        district="Морозівський",
        facilitator="Коваль Наталія Ґеоргіївна",
        period_from=dt.date(2026, 1, 1),
        period_to=dt.date(2026, 12, 31),
        sessions=dates,
        participants=people,
        marks=marks,
    )


def registration(rows: int = 3, blank_rows: int = 5) -> RegistrationData:
    """A registration sheet of one session."""
    return RegistrationData(
        centre=CENTRE,
        group_name="Група «Разом»",
        district="Морозівський",
        session_date=dt.date(2026, 3, 12),
        topic="Підтримка родини: Ґанок, Єднання, Їжа, Іспит, сімʼя",
        rows=tuple(ParticipantRow(f"r{i}", NAMES[i % 4], f"+38067000000{i}") for i in range(rows)),
        session_time="15:00",
        session_format="тренінг",
        facilitator="Коваль Наталія Ґеоргіївна",
        blank_rows=blank_rows,
    )


def family_card() -> FamilyCardData:
    """A family card with two members, two services and one visit."""
    return FamilyCardData(
        centre=CENTRE,
        title="Ґонтаренко",
        settlement="с. Морозівка",
        district="Морозівський",
        address="вул. Шевченка, 12",
        phone="+380670001122",
        categories=("Внутрішньо переміщені особи (ВПО)", "Багатодітна сімʼя"),
        factors=("Малозабезпеченість",),
        on_record_from=dt.date(2025, 9, 1),
        on_record_to=None,
        close_reason="",
        specialist="Коваль Наталія Ґеоргіївна",
        members=(
            FamilyMember("Ґонтаренко Єлизавета Ївгенівна", "F", dt.date(1990, 4, 2), "мати"),
            FamilyMember("Ґонтаренко Іван Олегович", "M", dt.date(2015, 6, 30), "дитина"),
        ),
        services=(
            ServiceEntry(dt.date(2026, 2, 10), "002.0 Консультування", "сімʼя", 45, "individual"),
            ServiceEntry(dt.date(2026, 1, 10), "001.0 Інформування", "Ґонтаренко Є. Ї.", 20),
        ),
        events=(EventEntry(dt.date(2025, 10, 3), "Відвідування", "Умови задовільні"),),
        printed_on=dt.date(2026, 5, 1),
    )


def summary(n: int = 21) -> Summary:
    """A summary whose every figure is ``n`` (or derived from it)."""
    return Summary(
        date_from=dt.date(2026, 1, 1),
        date_to=dt.date(2026, 12, 31),
        district=None,
        families_covered=n,
        families_on_record=n + 1,
        children_in_families_on_record=n + 4,
        families_low_parenting_capacity=2,
        notifications=5,
        home_visits=11,
        needs_assessments=1,
        services={"001.0": n, "002.0": 0, "010.1": 3},
        groups=GroupFigures(active=1, sessions=2, participants=22, attendances=25),
        by_category={"idp": Breakdown(3, 2), "elderly": Breakdown(0, 0)},
        by_district={"Морозівський": Breakdown(n, n + 1), "Любовицький": Breakdown(0, 0)},
        persons=PersonFigures(
            total=3 * n,
            by_sex={"F": 2 * n, "M": n - 1},
            by_age={"under_18": n + 4, "18_59": n, "60_plus": n - 5},
            with_disability=4,
        ),
        service_events={"001.0": 2 * n, "002.0": 0, "010.1": 9},
        services_by_category={
            "001.0": {"idp": 3, "elderly": 0},
            "002.0": {"idp": 0, "elderly": 0},
            "010.1": {"idp": 1, "elderly": 2},
        },
        sessions_by_target={"idp": 1, "elderly": 0, "none": 2},
    )


LABELS = SummaryLabels(
    services={"001.0": "Інформування", "002.0": "Консультування", "010.1": "Соціальний супровід"},
    categories={"idp": "Внутрішньо переміщені особи (ВПО)", "elderly": "Особа похилого віку"},
)


def pdf_pages(data: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def pdf_fonts(data: bytes) -> list[dict]:
    """Every font dictionary the pages use (descendants of Type0 fonts included)."""
    fonts = []
    for page in PdfReader(BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts.append(font)
            for child in font.get("/DescendantFonts", []):
                fonts.append(child.get_object())
    return fonts


def pdf_runs(data: bytes) -> list[tuple[int, float, float, str]]:
    """Every piece of text drawn, as (page number, x, y of its baseline start, text)."""
    runs: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(BytesIO(data)).pages, start=1):

        def visit(text, cm, tm, _font, _size, number=number) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((number, x, y, text.strip()))

        page.extract_text(visitor_text=visit)
    return runs


def centre_with_a_village(path: Path) -> tuple[Database, str]:
    """A new centre file (not encrypted) with one district and its village, opened as its
    administrator; the village's id beside it. The caller closes the database."""
    init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False).close()
    db = open_database(path, authenticate=False)
    records = RecordService(db)
    district = records.save("district", None, {"name": "Морозівський"})
    village = records.save("settlement", None, {"name": "Морозівка", "district_id": district})
    return db, village
