"""Registration sheet, family card and period summary documents."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

from app.reports.pdf.family_card import age_on, render_family_card, status_text
from app.reports.pdf.page import pdf_bytes
from app.reports.pdf.registration import render_registration
from app.reports.pdf.summary_pdf import render_summary, services_chart
from app.reports.xlsx import read_summary_xlsx, render_summary_xlsx

from .helpers import CENTRE, LABELS, family_card, pdf_fonts, pdf_pages, registration, summary


def test_registration_sheet_rows_and_consent() -> None:
    data = registration(rows=3, blank_rows=5)
    text = "\n".join(pdf_pages(pdf_bytes(render_registration, data)))
    assert "РЕЄСТРАЦІЙНИЙ ЛИСТ УЧАСНИКІВ" in text
    assert "12.03.2026" in text and "Ґанок, Єднання, Їжа, Іспит, сімʼя" in text
    assert "«Про захист персональних даних»" in text
    for header in ("Прізвище, ім'я, по батькові", "Контактний", "Підпис"):
        assert header in text
    for row in data.rows:
        assert row.name in text and row.phone in text
    numbers = [int(n) for n in re.findall(r"^\s*(\d{1,2})\s*$", text, flags=re.M)]
    assert numbers == list(range(1, 9))  # 3 participants + 5 blank rows


def test_registration_blank_rows_option() -> None:
    text = "\n".join(pdf_pages(pdf_bytes(render_registration, registration(2, blank_rows=0))))
    numbers = [int(n) for n in re.findall(r"^\s*(\d{1,2})\s*$", text, flags=re.M)]
    assert numbers == [1, 2]


def test_family_card_content() -> None:
    data = family_card()
    text = "\n".join(pdf_pages(pdf_bytes(render_family_card, data)))
    for expected in (
        "КАРТКА СІМ'Ї: Ґонтаренко",
        "Ґонтаренко Іван Олегович",
        "30.06.2015",
        "Багатодітна сімʼя",
        "Малозабезпеченість",
        "перебуває на обліку з 01.09.2025",
        "002.0 Консультування",
        "Відвідування",
        "Умови задовільні",
    ):
        assert expected in text
    assert text.index("10.01.2026") < text.index("10.02.2026")  # services log in date order
    assert all(
        "/FontFile2" in f["/FontDescriptor"]
        for f in pdf_fonts(pdf_bytes(render_family_card, data))
        if "/FontDescriptor" in f
    )


def test_family_status_and_age() -> None:
    import dataclasses
    import datetime as dt

    closed = dataclasses.replace(
        family_card(), on_record_to=dt.date(2026, 4, 1), close_reason="переїзд"
    )
    assert (
        status_text(closed) == "знята з обліку 01.04.2026 (на обліку з 01.09.2025); "
        "причина: переїзд"
    )
    assert age_on(dt.date(2008, 5, 1), dt.date(2026, 4, 30)) == 17
    assert age_on(dt.date(2008, 5, 1), dt.date(2026, 5, 1)) == 18


def test_summary_pdf_plurals_and_sections() -> None:
    text = "\n".join(
        pdf_pages(pdf_bytes(render_summary, summary(21), centre=CENTRE, labels=LABELS))
    )
    assert "ЗВІТ ПРО РОБОТУ ЗА ПЕРІОД" in text
    assert "21 сім'я/особа" in text  # covered
    assert "22 сім'ї" in text  # on record
    assert "25 дітей" in text
    assert "2 сім'ї" in text  # low parenting capacity
    assert "5 повідомлень" in text and "11 відвідувань" in text and "1 оцінка" in text
    assert "1 група" in text and "2 заняття" in text and "22 учасники" in text
    assert "Внутрішньо переміщені особи (ВПО)" in text and "Любовицький" in text
    assert "усі старостинські округи" in text


def test_summary_chart_leaves_out_empty_types() -> None:
    chart = services_chart(summary(5), LABELS)
    bars = chart.contents[0]
    assert bars.data == [[3, 5]]  # 010.1 and 001.0 (drawn bottom-up); 002.0 with 0 left out


def test_xlsx_agrees_with_json() -> None:
    data = summary(7)
    buffer = BytesIO()
    render_summary_xlsx(data, buffer, centre=CENTRE, labels=LABELS)
    buffer.seek(0)
    read = read_summary_xlsx(buffer)
    expected = data.to_json()
    for key in ("from", "to", "district"):
        expected.pop(key)
    assert read == expected


def test_summary_pdf_shows_persons_events_categories_and_targets() -> None:
    buffer = BytesIO()
    render_summary(summary(7), buffer, centre=CENTRE, labels=LABELS)
    text = " ".join(" ".join(page.split()) for page in pdf_pages(buffer.getvalue()))
    assert "Охоплено осіб (члени сімей та особи без сім'ї) 21 особа" in text
    assert "жінок 14" in text and "чоловіків 6" in text
    assert "до 18 років 11" in text and "18–59 років 7" in text and "60 років і старших 2" in text
    assert "з інвалідністю 4" in text
    assert "Інформування 7 сімей/осіб 14" in text  # recipients, then events
    assert "у т.ч. 1 – Внутрішньо переміщені особи (ВПО); 2 – Особа похилого віку" in text
    assert "Внутрішньо переміщені особи (ВПО) 1 33,3 %" in text
    assert "цільову категорію не вказано 2 66,7 %" in text


def test_family_card_laid_out_like_the_social_card() -> None:
    from dataclasses import replace

    from app.reports.data import FamilyMember

    base = family_card()
    data = replace(
        base,
        card_number="СК-2025-014",
        take_reason="Повідомлення школи; оцінка потреб: СЖО наявні",
        organisations="Служба у справах дітей: контроль умов виховання, висновок від 03.10.2025",
        specialists=(
            (dt.date(2025, 9, 1), "Коваль Наталія Ґеоргіївна"),
            (dt.date(2026, 1, 12), "Їжакова Ольга Петрівна"),
        ),  # fmt: skip
        members=(
            replace(
                base.members[0],
                registered_address="м. Бахмут, вул. Миру, 3",
                actual_address="с. Морозівка, вул. Шевченка, 12",
                legal_capacity="full",
                work_study="ТОВ «Агро», обліковиця",
            ),  # fmt: skip
            FamilyMember(
                "Ґонтаренко Іван Олегович",
                "M",
                dt.date(2015, 6, 30),
                "дитина",
                work_study="Морозівський ліцей, 5 клас",
            ),  # fmt: skip
        ),
    )
    buffer = BytesIO()
    render_family_card(data, buffer)
    text = " ".join(" ".join(page.split()) for page in pdf_pages(buffer.getvalue()))
    assert "СОЦІАЛЬНА КАРТКА СІМ'Ї: Ґонтаренко" in text
    assert "Номер картки СК-2025-014" in text
    assert "Причина взяття на облік Повідомлення школи" in text
    assert "Адреси, дієздатність, зайнятість членів сім'ї" in text
    assert "м. Бахмут, вул. Миру, 3" in text and "дієздатна" in text
    assert "Морозівський ліцей, 5 клас" in text
    assert "Історія відповідальних фахівців" in text
    assert "12.01.2026 Їжакова Ольга Петрівна" in text
    assert "Інші організації, що працюють із сім'єю" in text


def test_registration_pages_all_name_the_session_date() -> None:
    """A group with a long name cut the footer before the session's date, so the second and
    later pages of a signed sheet did not say which session they were for."""
    from dataclasses import replace

    long_name = (
        "Група взаємопідтримки «Родини захисників і захисниць: віримо, чекаємо, підтримуємо»"
    )
    data = replace(registration(rows=40, blank_rows=5), group_name=long_name)
    pages = pdf_pages(pdf_bytes(render_registration, data))
    assert len(pages) >= 2
    for page in pages:
        assert "12.03.2026" in page


def test_hyphenated_names_break_at_their_hyphen() -> None:
    """A double surname or a town with a hyphen too wide for its column was cut inside a
    word («Ґонтаренко-Вишнеградсь» over «ка», «Новоград-Волинськи» over «й»); it now breaks
    after its hyphen."""
    from dataclasses import replace

    from app.reports.data import FamilyMember

    from .helpers import pdf_runs

    member = FamilyMember(
        "Ґонтаренко-Вишнеградська Єлизавета-Марʼяна Ївгенівна",
        "F",
        dt.date(1990, 4, 2),
        "мати",
        registered_address="м. Новоград-Волинський, вул. Шевченка, 3",
        work_study="Кам'янець-Подільський ліцей",
    )
    data = replace(family_card(), members=(member,))
    pieces = {
        piece.strip(",«»")
        for *_, text in pdf_runs(pdf_bytes(render_family_card, data))
        for word in text.split()
        for piece in word.split("-")
    }
    assert {"Ґонтаренко", "Вишнеградська", "Новоград", "Волинський", "Подільський"} <= pieces
    assert not {"Вишнеградсь", "Волинськи", "Подільськи", "Подільс"} & pieces


def test_family_card_keeps_the_lines_of_its_text_fields() -> None:
    """Notes and the other organisations typed as lines printed as one run-on paragraph,
    and the organisations' text was read as markup («<b>» made it bold and vanished)."""
    from dataclasses import replace

    from .helpers import pdf_runs

    data = replace(
        family_card(),
        notes="Мати працює позмінно.\nДзвонити після 18:00.",
        organisations="Служба у справах дітей <b>контроль</b>\nЦентр «Турбота» & ЦНАП",
    )
    texts = [text for *_, text in pdf_runs(pdf_bytes(render_family_card, data))]
    for line in (
        "Мати працює позмінно.",
        "Дзвонити після 18:00.",
        "Служба у справах дітей <b>контроль</b>",
        "Центр «Турбота» & ЦНАП",
    ):
        assert line in texts, line


def test_characters_the_font_lacks_are_left_out_not_boxed() -> None:
    """Emoji pasted into notes from a messenger printed as empty boxes (the embedded font has
    no glyph for them); they are left out, the text around them kept."""
    from dataclasses import replace

    from app.reports.data import Centre
    from app.reports.pdf.fonts import has_glyph

    assert not has_glyph("🙏") and not has_glyph("❗")
    data = replace(
        family_card(),
        centre=Centre("Центр «Турбота» 💙💛", "м. Малин"),
        notes="Мати дякує 🙏👍 — домовились ❗ на 12.03",
        services=(replace(family_card().services[0], notes="Передала речі 👕🧸"),),
    )
    pages = pdf_pages(pdf_bytes(render_family_card, data))
    text = " ".join(" ".join(page.split()) for page in pages)
    assert not {"🙏", "👍", "❗", "👕", "🧸", "💙", "💛"} & set(text)
    assert "Мати дякує — домовились на 12.03" in text and "Передала речі" in text
    assert "Центр «Турбота»" in text
