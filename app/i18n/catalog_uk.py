# ruff: noqa: E501
"""Ukrainian text of the core's messages, keyed by the English message id."""

UK: dict[str, str] = {
    # errors.py
    "{file}, line {line}, field «{field}»: {message}": "{file}, рядок {line}, поле «{field}»: {message}",
    "field «{field}»: {message}": "поле «{field}»: {message}",
    # validation
    "is required": "обов'язкове поле",
    "is not a valid date (expected YYYY-MM-DD)": "не є правильною датою (очікується РРРР-ММ-ДД)",
    "cannot be in the future": "не може бути пізніше сьогоднішньої дати",
    "is not a plausible birth date": "неправдоподібна дата народження",
    "is not a valid UUID": "не є правильним ідентифікатором (UUID)",
    "unknown record type «{value}»": "невідомий тип запису «{value}»",
    "unknown field": "невідоме поле",
    "unknown code «{value}»": "невідомий код «{value}»",
    "must be one of: {values}": "має бути одним із: {values}",
    "must be true or false": "має бути true або false",
    "must be text": "має бути текстом",
    "must be a list of codes": "має бути списком кодів",
    "must be a whole number of 0 or more": "має бути цілим числом не менше 0",
    "refers to a record that does not exist: {value}": "посилається на запис, якого немає: {value}",
    "is not a Ukrainian phone number": "не є українським номером телефону",
    "RNOKPP must be 10 digits": "РНОКПП має складатися з 10 цифр",
    "RNOKPP check digit does not match": "контрольна цифра РНОКПП не збігається",
    "must not be earlier than the start date": "не може бути раніше дати початку",
    "a service needs a family or a person": "послуга має стосуватися сім'ї або особи",
    "a participant needs a person or a name": "учасник має бути особою з реєстру або мати ім'я",
    "time must be HH:MM": "час має бути у форматі ГГ:ХХ",
    "the record is still used by {count} other record(s)": "запис використовують ще {count} інших записів",
    "the record does not exist": "такого запису немає",
    "not a JSON object: {error}": "не є об'єктом JSON: {error}",
    "the record was deleted": "запис видалено",
    # records
    "cannot read {file}: {error}": "не вдається прочитати {file}: {error}",
    "imported {count} records from {file}": "імпортовано записів: {count} з {file}",
    "exported {count} records": "експортовано записів: {count}",
    # database / accounts
    "wrong login or password": "неправильний логін або пароль",
    "no database at {path}: create one with «opora init centre»": "бази даних {path} немає: створіть її командою «opora init centre»",
    "a database already exists at {path}": "база даних {path} вже існує",
    "the database has several accounts: name one with --user": "у базі даних кілька облікових записів: вкажіть один через --user",
    "the password is empty": "пароль порожній",
    "Password for {login}: ": "Пароль для {login}: ",
    "New password for {login}: ": "Новий пароль для {login}: ",
    "no password given: set OPORA_PASSWORD": "пароль не вказано: задайте OPORA_PASSWORD",
    "the database {path} is not an Opora database or is damaged": "файл {path} не є базою даних Опори або пошкоджений",
    "the database was made by a newer Opora (schema {revision}); install a newer version": "базу даних створено новішою версією Опори (схема {revision}); встановіть новішу версію",
    "backup of the database saved to {path} before upgrading": "перед оновленням збережено резервну копію бази даних: {path}",
    "created centre database {path} (centre «{name}», administrator {login})": "створено базу даних центру {path} (центр «{name}», адміністратор {login})",
    "backup written to {path}": "резервну копію записано: {path}",
    "database restored from {path}": "базу даних відновлено з {path}",
    "{path} is not an Opora backup": "{path} не є резервною копією Опори",
    "not enough disk space: {error}": "недостатньо місця на диску: {error}",
    "error: {message}": "помилка: {message}",
    "unexpected error: {message}": "неочікувана помилка: {message}",
    "PostgreSQL databases are not encrypted by Opora; use the server's own protection": "бази даних PostgreSQL Опора не шифрує; використовуйте захист самого сервера",
    # reports
    "unknown district «{name}»": "невідомий старостинський округ «{name}»",
    "the period's start {start} is after its end {end}": (
        "початок періоду {start} пізніше за його кінець {end}"
    ),
    "no group with id {id}": "немає групи з ідентифікатором {id}",
    "no session with id {id}": "немає заняття з ідентифікатором {id}",
    "no family with id {id}": "немає сімʼї з ідентифікатором {id}",
    "the number of blank rows cannot be negative": (
        "кількість порожніх рядків не може бути відʼємною"
    ),
    "{value} is not a valid date (expected YYYY-MM-DD)": (
        "{value} не є правильною датою (очікується РРРР-ММ-ДД)"
    ),
    "wrote {path}": "збережено {path}",
    "the output file must end in {suffix}": "файл результату має закінчуватися на {suffix}",
}
