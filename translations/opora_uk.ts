<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>AttendanceModel</name>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>✗</source>
        <translation>✗</translation>
    </message>
    <message>
        <source>E</source>
        <comment>excused</comment>
        <translation>П</translation>
    </message>
    <message>
        <source>present</source>
        <translation>присутній</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>відсутній</translation>
    </message>
    <message>
        <source>absent for a good reason</source>
        <translation>відсутній з поважної причини</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Разом</translation>
    </message>
    <message>
        <source>Present at the session</source>
        <translation>Присутні на занятті</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>не позначено</translation>
    </message>
    <message>
        <source>{present} of {total}</source>
        <translation>{present} з {total}</translation>
    </message>
    <message>
        <source>{n} visit|{n} visits|{n} visits</source>
        <translation>{n} відвідування|{n} відвідування|{n} відвідувань</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Opora — sign in</source>
        <translation>Опора — вхід</translation>
    </message>
    <message>
        <source>Enter your account and password to open the database.</source>
        <translation>Введіть обліковий запис і пароль, щоб відкрити базу даних.</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>База даних: {path}</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Обліковий запис</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Обліковий запис:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Увійти</translation>
    </message>
    <message>
        <source>Enter your account name.</source>
        <translation>Введіть назву облікового запису.</translation>
    </message>
    <message>
        <source>Wrong account or password. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Неправильний обліковий запис або пароль. Перевірте розкладку клавіатури та Caps Lock і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The database could not be opened: {error}</source>
        <translation>Не вдалося відкрити базу даних: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opora</source>
        <translation>Опора</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Розділи</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Сім'ї</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Групи</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Послуги</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Звіти</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>This section is not available in this version yet.</source>
        <translation>Цей розділ ще недоступний у цій версії.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Створити…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Друк…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Знайти</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ерейти</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;About Opora</source>
        <translation>&amp;Про програму «Опора»</translation>
    </message>
    <message>
        <source>About Opora</source>
        <translation>Про програму «Опора»</translation>
    </message>
    <message>
        <source>Opora — records of families, support groups and social services for specialists of a community's centre of social services. Works without the Internet.</source>
        <translation>«Опора» — облік сімей, груп взаємопідтримки та наданих соціальних послуг для фахівців центру соціальних служб громади. Працює без Інтернету.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Пристрій</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База даних</translation>
    </message>
    <message>
        <source>Exchange with the centre</source>
        <translation>Обмін із центром</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>Користувач: {name}</translation>
    </message>
    <message>
        <source>Device: {name}</source>
        <translation>Пристрій: {name}</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>База: {name}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Розмір тексту</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Вигляд</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Розмір тексту:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation>Назва центру</translation>
    </message>
    <message>
        <source>Centre address</source>
        <translation>Адреса центру</translation>
    </message>
    <message>
        <source>Centre (printed at the top of every form)</source>
        <translation>Центр (друкується вгорі кожної форми)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>А&amp;дреса:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>The new language will be used after Opora is restarted.</source>
        <translation>Нову мову буде застосовано після перезапуску програми.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Збережено.</translation>
    </message>
</context>
</TS>