# ruff: noqa: E501
"""Ukrainian text of the messages of accounts, devices and erasure (issue 9, its later part)."""

UK_ROLES: dict[str, str] = {
    # recovery and account files (app/sync/recovery.py, commands accounts/devices)
    "a laptop's account needs both --device and --out": "обліковому запису ноутбука потрібні і --device, і --out",
    "a laptop's account works in the laptop's districts": "обліковий запис ноутбука працює в округах ноутбука",
    "a new password from the centre's recovery file (laptop)": "новий пароль із файлу відновлення від центру (ноутбук)",
    "account {login} created for «{device}»; account file {file}": "обліковий запис {login} створено для «{device}»; файл облікового запису {file}",
    "an account from the centre's account file (laptop)": "обліковий запис із файлу від центру (ноутбук)",
    "the account file for that laptop": "файл облікового запису для цього ноутбука",
    "the laptop the account signs in on (centre)": "ноутбук, на якому входить цей обліковий запис (центр)",
    "a recovery file for a laptop account's forgotten password": "файл відновлення забутого пароля облікового запису на ноутбуці",
    "recovery file {file} for {login} on «{device}»: it sets the new password there": "файл відновлення {file} для {login} на «{device}»: він встановлює там новий пароль",
    "a laptop's account is a specialist or a viewer": "обліковий запис ноутбука — фахівець або спостерігач",
    "no active account «{login}» on this laptop": "на цьому ноутбуці немає активного облікового запису «{login}»",
    "no active account «{login}» on «{name}»": "на «{name}» немає активного облікового запису «{login}»",
    "only the centre issues recovery files": "файли відновлення видає лише центр",
    "recovery files are for a laptop's database file": "файли відновлення призначені для файлу бази даних ноутбука",
    "the file was made by another centre": "файл створено іншим центром",
    "the file was made for another laptop": "файл створено для іншого ноутбука",
    "the file's signature is not the centre's": "підпис файлу не належить центру",
    "the laptop has several accounts: name one with --login": "на ноутбуці кілька облікових записів: вкажіть один через --login",
    "the laptop «{name}» was enrolled without a recovery key: enroll it again": "ноутбук «{name}» зареєстровано без ключа відновлення: зареєструйте його знову",
    "the recovery key of this laptop is damaged": "ключ відновлення цього ноутбука пошкоджено",
    "{file} is damaged": "{file} пошкоджено",
    "{file} is not a recovery file": "{file} не є файлом відновлення",
    "{file} is not an account file": "{file} не є файлом облікового запису",
    "{file} was made for another laptop": "{file} створено для іншого ноутбука",
    "«{name}» is not an active laptop": "«{name}» не є активним ноутбуком",
    # a laptop's districts (app/sync/device_districts.py)
    "change the districts a laptop serves": "змінити округи, які обслуговує ноутбук",
    "«{device}» now serves: {districts}; its next exchange brings the change": "«{device}» тепер обслуговує: {districts}; зміна настане після наступного обміну",
    "only the centre changes a laptop's districts": "округи ноутбука змінює лише центр",
    # erasure (app/services/erasure.py)
    "erase a family or a person for good (admin)": "остаточно стерти сім'ю або особу (адміністратор)",
    "erased for good: {count} records; every laptop erases them at its next exchange": "остаточно стерто записів: {count}; кожен ноутбук зітре їх під час наступного обміну",
    "only a family or a person can be erased": "стерти можна лише сім'ю або особу",
    "records are erased at the centre": "записи стирають у центрі",
    "no record with id {id}": "немає запису з ідентифікатором {id}",
}
