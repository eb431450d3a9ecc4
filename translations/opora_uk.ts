<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>open the GUI on a fresh demo database</source>
        <translation>відкрити застосунок на новій демонстраційній базі</translation>
    </message>
    <message>
        <source>where to create the demo database (default: a temp folder)</source>
        <translation>де створити демонстраційну базу (типово: тимчасова тека)</translation>
    </message>
    <message>
        <source>this program was started without its GUI</source>
        <translation>цю програму запущено без графічного інтерфейсу</translation>
    </message>
</context>
<context>
    <name>AccountsBox</name>
    <message>
        <source>Accounts</source>
        <translation>Облікові записи</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логін</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Округи</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Додати обліковий запис</translation>
    </message>
    <message>
        <source>Disable selected</source>
        <translation>Вимкнути вибраний</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логін:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>Повне &amp;ім&apos;я:</translation>
    </message>
    <message>
        <source>&amp;Districts:</source>
        <translation>&amp;Округи:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>адміністратор</translation>
    </message>
    <message>
        <source>head</source>
        <translation>керівник</translation>
    </message>
    <message>
        <source>specialist</source>
        <translation>фахівець</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>переглядач</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>вимкнено</translation>
    </message>
    <message>
        <source>Account {login} created.</source>
        <translation>Обліковий запис {login} створено.</translation>
    </message>
    <message>
        <source>Account {login} disabled.</source>
        <translation>Обліковий запис {login} вимкнено.</translation>
    </message>
</context>
<context>
    <name>AssessmentActDialog</name>
    <message>
        <source>Needs assessment act</source>
        <translation>Акт оцінки потреб</translation>
    </message>
    <message>
        <source>2. The child&apos;s condition and needs</source>
        <translation>2. Стан і потреби дитини</translation>
    </message>
    <message>
        <source>3. The adults</source>
        <translation>3. Дорослі члени сім&apos;ї</translation>
    </message>
    <message>
        <source>Save and &amp;print the act…</source>
        <translation>Зберегти й &amp;надрукувати акт…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>1. General information</source>
        <translation>1. Загальна інформація</translation>
    </message>
    <message>
        <source>Assessment &amp;started:</source>
        <translation>Оцінку &amp;розпочато:</translation>
    </message>
    <message>
        <source>&amp;Finished:</source>
        <translation>&amp;Завершено:</translation>
    </message>
    <message>
        <source>&amp;Notification:</source>
        <translation>&amp;Повідомлення:</translation>
    </message>
    <message>
        <source>Speciali&amp;st:</source>
        <translation>&amp;Фахівець:</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Стан здоров&apos;я</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Розвиток</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Навчання</translation>
    </message>
    <message>
        <source>Emotional state and behaviour</source>
        <translation>Емоційний стан і поведінка</translation>
    </message>
    <message>
        <source>Identity and relationships</source>
        <translation>Самоусвідомлення та стосунки</translation>
    </message>
    <message>
        <source>Self-care skills</source>
        <translation>Навички самообслуговування</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Безпека</translation>
    </message>
    <message>
        <source>Emotional state</source>
        <translation>Емоційний стан</translation>
    </message>
    <message>
        <source>Harmful habits</source>
        <translation>Шкідливі звички</translation>
    </message>
    <message>
        <source>Social contacts</source>
        <translation>Соціальні контакти</translation>
    </message>
    <message>
        <source>Life history</source>
        <translation>Життєва історія</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Зайнятість</translation>
    </message>
    <message>
        <source>How parental duties are met</source>
        <translation>Виконання батьківських обов&apos;язків</translation>
    </message>
    <message>
        <source>No such members in the family record.</source>
        <translation>У картці сім&apos;ї немає таких членів.</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>незначний</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>помірний</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>значний</translation>
    </message>
    <message>
        <source>Impact of the circumstances on meeting the child&apos;s needs</source>
        <translation>Вплив обставин на задоволення потреб дитини</translation>
    </message>
    <message>
        <source>4. Family and environment</source>
        <translation>4. Сім&apos;я та середовище</translation>
    </message>
    <message>
        <source>Support network</source>
        <translation>Мережа підтримки</translation>
    </message>
    <message>
        <source>Family relations</source>
        <translation>Стосунки в сім&apos;ї</translation>
    </message>
    <message>
        <source>Income and debts</source>
        <translation>Доходи і борги</translation>
    </message>
    <message>
        <source>Others living in the home</source>
        <translation>Інші особи, які проживають разом</translation>
    </message>
    <message>
        <source>Housing and its condition</source>
        <translation>Житло та його стан</translation>
    </message>
    <message>
        <source>5. Conclusion</source>
        <translation>5. Висновок</translation>
    </message>
    <message>
        <source>present</source>
        <translation>наявні</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>відсутні</translation>
    </message>
    <message>
        <source>high</source>
        <translation>високий</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>середній</translation>
    </message>
    <message>
        <source>low</source>
        <translation>низький</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>позитивний</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>нейтральний</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>негативний</translation>
    </message>
    <message>
        <source>under 1 month</source>
        <translation>до 1 міс.</translation>
    </message>
    <message>
        <source>1–3 months</source>
        <translation>1–3 міс.</translation>
    </message>
    <message>
        <source>3–6 months</source>
        <translation>3–6 міс.</translation>
    </message>
    <message>
        <source>6–12 months</source>
        <translation>6–12 міс.</translation>
    </message>
    <message>
        <source>over a year</source>
        <translation>понад рік</translation>
    </message>
    <message>
        <source>provide social services</source>
        <translation>надавати соціальні послуги</translation>
    </message>
    <message>
        <source>close the case</source>
        <translation>закрити випадок</translation>
    </message>
    <message>
        <source>pass to another provider</source>
        <translation>передати іншому надавачу</translation>
    </message>
    <message>
        <source>complex</source>
        <translation>складний</translation>
    </message>
    <message>
        <source>of medium complexity</source>
        <translation>середньої складності</translation>
    </message>
    <message>
        <source>simple</source>
        <translation>простий</translation>
    </message>
    <message>
        <source>emergency</source>
        <translation>екстрений</translation>
    </message>
    <message>
        <source>Difficult life &amp;circumstances:</source>
        <translation>&amp;Складні життєві обставини:</translation>
    </message>
    <message>
        <source>Their ca&amp;uses:</source>
        <translation>&amp;Причини СЖО:</translation>
    </message>
    <message>
        <source>Signs of psychological &amp;trauma in a child:</source>
        <translation>Ознаки психологічної &amp;травми в дитини:</translation>
    </message>
    <message>
        <source>&amp;Parental capacity:</source>
        <translation>&amp;Батьківський потенціал:</translation>
    </message>
    <message>
        <source>Impact of family and &amp;environment:</source>
        <translation>Вплив сім&apos;ї та &amp;середовища:</translation>
    </message>
    <message>
        <source>Problems &amp;last:</source>
        <translation>&amp;Тривалість проблем:</translation>
    </message>
    <message>
        <source>Family is a&amp;ware of the problems:</source>
        <translation>Сім&apos;я &amp;усвідомлює проблеми:</translation>
    </message>
    <message>
        <source>Family is ready to &amp;cooperate:</source>
        <translation>Сім&apos;я готова до спів&amp;праці:</translation>
    </message>
    <message>
        <source>Services &amp;needed:</source>
        <translation>Потрібні &amp;послуги:</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Рішення:</translation>
    </message>
    <message>
        <source>Case comple&amp;xity:</source>
        <translation>Скла&amp;дність випадку:</translation>
    </message>
    <message>
        <source>C&amp;onclusion:</source>
        <translation>&amp;Висновок:</translation>
    </message>
    <message>
        <source>6. Acknowledgement and sign-off</source>
        <translation>6. Ознайомлення та підписи</translation>
    </message>
    <message>
        <source>The family &amp;agrees with the conclusion:</source>
        <translation>Сім&apos;я &amp;згодна з висновком:</translation>
    </message>
    <message>
        <source>Family&apos;s re&amp;marks:</source>
        <translation>&amp;Зауваження сім&apos;ї:</translation>
    </message>
    <message>
        <source>Others who took pa&amp;rt:</source>
        <translation>Хто ще брав &amp;участь:</translation>
    </message>
    <message>
        <source>Approved by (&amp;head):</source>
        <translation>Затвердив (&amp;керівник):</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
    <message>
        <source>Empty act</source>
        <translation>Порожній акт</translation>
    </message>
    <message>
        <source>Nothing of the act is filled in but its start date and specialist.</source>
        <translation>В акті нічого не заповнено, крім дати початку й фахівця.</translation>
    </message>
    <message>
        <source>Save it as an assessment begun, to fill in later, or go back and fill it in?</source>
        <translation>Зберегти його як розпочате оцінювання, щоб заповнити пізніше, чи повернутися й заповнити?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>&amp;Fill in</source>
        <translation>За&amp;повнити</translation>
    </message>
</context>
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
        <source>No. {n}</source>
        <translation>№ {n}</translation>
    </message>
    <message>
        <source>{n} visit|{n} visits|{n} visits</source>
        <translation>{n} відвідування|{n} відвідування|{n} відвідувань</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Обліковий запис</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Усі облікові записи</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Усі дії</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>З:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Обліковий запис:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Дія:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Пристрій</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Тип запису</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Журнал доступу</translation>
    </message>
    <message>
        <source>viewed</source>
        <translation>переглянув(-ла)</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>надрукував(-ла)</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>експортував(-ла)</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>змінив(-ла)</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>увійшов(-ла)</translation>
    </message>
    <message>
        <source>failed sign-in</source>
        <translation>невдалий вхід</translation>
    </message>
</context>
<context>
    <name>BackgroundExchange</name>
    <message>
        <source>Online exchange</source>
        <translation>Обмін через мережу</translation>
    </message>
    <message>
        <source>Exchanging with the centre…</source>
        <translation>Обмін із центром…</translation>
    </message>
    <message>
        <source>Last exchange with the centre: {time}</source>
        <translation>Останній обмін із центром: {time}</translation>
    </message>
    <message>
        <source>The centre is not reachable; next try at {time}</source>
        <translation>Центр недоступний; наступна спроба о {time}</translation>
    </message>
    <message>
        <source>Exchange failed: {error}; next try at {time}</source>
        <translation>Обмін не вдався: {error}; наступна спроба о {time}</translation>
    </message>
</context>
<context>
    <name>CommunityBox</name>
    <message>
        <source>Community: starosta districts and settlements</source>
        <translation>Громада: старостинські округи й населені пункти</translation>
    </message>
    <message>
        <source>Starosta districts and settlements</source>
        <translation>Старостинські округи й населені пункти</translation>
    </message>
    <message>
        <source>New starosta district</source>
        <translation>Новий старостинський округ</translation>
    </message>
    <message>
        <source>Add district</source>
        <translation>Додати округ</translation>
    </message>
    <message>
        <source>New settlement</source>
        <translation>Новий населений пункт</translation>
    </message>
    <message>
        <source>Its starosta district</source>
        <translation>Його старостинський округ</translation>
    </message>
    <message>
        <source>Add settlement</source>
        <translation>Додати населений пункт</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>in</source>
        <translation>в окрузі</translation>
    </message>
    <message>
        <source>New &amp;district:</source>
        <translation>Новий &amp;округ:</translation>
    </message>
    <message>
        <source>New s&amp;ettlement:</source>
        <translation>Новий &amp;населений пункт:</translation>
    </message>
    <message>
        <source>Type the district&apos;s name.</source>
        <translation>Введіть назву округу.</translation>
    </message>
    <message>
        <source>District «{name}» added.</source>
        <translation>Округ «{name}» додано.</translation>
    </message>
    <message>
        <source>Add a starosta district first.</source>
        <translation>Спершу додайте старостинський округ.</translation>
    </message>
    <message>
        <source>Type the settlement&apos;s name.</source>
        <translation>Введіть назву населеного пункту.</translation>
    </message>
    <message>
        <source>Settlement «{name}» added.</source>
        <translation>Населений пункт «{name}» додано.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.рррр</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Вибрати дату</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Laptops</source>
        <translation>Ноутбуки</translation>
    </message>
    <message>
        <source>Connect a laptop…</source>
        <translation>Підключити ноутбук…</translation>
    </message>
    <message>
        <source>Connect a laptop (Ctrl+N)</source>
        <translation>Підключити ноутбук (Ctrl+N)</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Відкликати…</translation>
    </message>
    <message>
        <source>A lost or stolen laptop: its bundles are refused from now on</source>
        <translation>Загублений чи викрадений ноутбук: його пакети відтепер не приймаються</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Ноутбук</translation>
    </message>
    <message>
        <source>Who works on it</source>
        <translation>Хто на ньому працює</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Округи</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Підключено</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>No laptop is connected yet. Press «Connect a laptop…» (Ctrl+N): the wizard makes the file the laptop starts from.</source>
        <translation>Ще не підключено жодного ноутбука. Натисніть «Підключити ноутбук…» (Ctrl+N): майстер створить файл, з якого ноутбук почне роботу.</translation>
    </message>
    <message>
        <source>Laptops are connected at the centre, in its copy of Opora.</source>
        <translation>Ноутбуки підключає центр у своїй «Опорі».</translation>
    </message>
    <message>
        <source>revoked {date}</source>
        <translation>відкликано {date}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>діє</translation>
    </message>
    <message>
        <source>Revoke a laptop</source>
        <translation>Відкликати ноутбук</translation>
    </message>
    <message>
        <source>Revoke «{name}»? Bundles from this laptop will be refused from now on, here and, after the next exchange, on every laptop. Do this when it is lost or handed over. It cannot be undone: the laptop would have to be connected again with a new file.</source>
        <translation>Відкликати «{name}»? Пакети з цього ноутбука відтепер не прийматимуться — тут, а після наступного обміну й на всіх ноутбуках. Робіть це, коли ноутбук загублено або передано. Скасувати не можна: ноутбук доведеться підключати знову з новим файлом.</translation>
    </message>
    <message>
        <source>«{name}» is revoked.</source>
        <translation>«{name}» відкликано.</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>DistrictList</name>
    <message>
        <source>Starosta districts</source>
        <translation>Старостинські округи</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Likely duplicates</source>
        <translation>Ймовірні дублікати</translation>
    </message>
    <message>
        <source>The two records side by side</source>
        <translation>Два записи поруч</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Ліворуч</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Праворуч</translation>
    </message>
    <message>
        <source>Merge: keep the &amp;left one</source>
        <translation>Об&apos;єднати: залишити &amp;лівий</translation>
    </message>
    <message>
        <source>Merge: keep the &amp;right one</source>
        <translation>Об&apos;єднати: залишити &amp;правий</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate</source>
        <translation>&amp;Не дублікат</translation>
    </message>
    <message>
        <source>&amp;Find again</source>
        <translation>&amp;Шукати знову</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Пошук дублікатів…</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Сім&apos;я</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s)</source>
        <translation>
            <numerusform>%n ймовірна пара дублікатів</numerusform>
            <numerusform>%n ймовірні пари дублікатів</numerusform>
            <numerusform>%n ймовірних пар дублікатів</numerusform>
        </translation>
    </message>
    <message>
        <source>No likely duplicates</source>
        <translation>Ймовірних дублікатів немає</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Член сім&apos;ї</translation>
    </message>
    <message>
        <source>Merge duplicates</source>
        <translation>Об&apos;єднання дублікатів</translation>
    </message>
    <message>
        <source>Everything recorded on the other record moves to the one kept; values that differ are kept as conflicts for review. Merge?</source>
        <translation>Усе, що записано в іншому записі, перейде до того, що залишається; відмінні значення збережуться як конфлікти для перегляду. Об&apos;єднати?</translation>
    </message>
    <message numerus="yes">
        <source>Merged; conflicting values kept for review: %n</source>
        <translation>
            <numerusform>Об&apos;єднано; збережено суперечливе значення для перегляду: %n</numerusform>
            <numerusform>Об&apos;єднано; збережено суперечливі значення для перегляду: %n</numerusform>
            <numerusform>Об&apos;єднано; збережено суперечливих значень для перегляду: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as not a duplicate</source>
        <translation>Позначено як «не дублікат»</translation>
    </message>
</context>
<context>
    <name>EnrollWizard</name>
    <message>
        <source>Connect a laptop</source>
        <translation>Підключення ноутбука</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Назад</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Далі &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Which laptop, for which districts</source>
        <translation>Який ноутбук і для яких округів</translation>
    </message>
    <message>
        <source>Laptop name</source>
        <translation>Назва ноутбука</translation>
    </message>
    <message>
        <source>e.g. Ноутбук Морозівка</source>
        <translation>наприклад, Ноутбук Морозівка</translation>
    </message>
    <message>
        <source>Laptop &amp;name:</source>
        <translation>&amp;Назва ноутбука:</translation>
    </message>
    <message>
        <source>&amp;Districts:</source>
        <translation>&amp;Округи:</translation>
    </message>
    <message>
        <source>The laptop will hold the families of the starosta districts you tick, and only those.</source>
        <translation>На ноутбуці будуть сім&apos;ї позначених старостинських округів, і лише вони.</translation>
    </message>
    <message>
        <source>Give the laptop a name you will recognise.</source>
        <translation>Дайте ноутбуку назву, за якою ви його впізнаєте.</translation>
    </message>
    <message>
        <source>A laptop with this name is already connected.</source>
        <translation>Ноутбук із такою назвою вже підключено.</translation>
    </message>
    <message>
        <source>Tick at least one district.</source>
        <translation>Позначте хоча б один округ.</translation>
    </message>
    <message>
        <source>Who will work on it</source>
        <translation>Хто на ньому працюватиме</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логін</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Пароль ще раз</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логін:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Пароль ще &amp;раз:</translation>
    </message>
    <message>
        <source>The specialist signs in on the laptop with this login and password. The enrollment file is locked with the same password: tell it to them in person, never in the same message as the file.</source>
        <translation>Фахівець входить на ноутбуці з цим логіном і паролем. Файл підключення захищено тим самим паролем: повідомте його особисто, ніколи не в одному повідомленні з файлом.</translation>
    </message>
    <message>
        <source>Enter a login without spaces, e.g. olena.koval.</source>
        <translation>Введіть логін без пробілів, наприклад olena.koval.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Пароль має містити щонайменше 8 символів.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Паролі не збігаються.</translation>
    </message>
    <message>
        <source>Where to save the enrollment file</source>
        <translation>Куди зберегти файл підключення</translation>
    </message>
    <message>
        <source>Create the file</source>
        <translation>Створити файл</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>Файл підключення</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>Save it on a USB stick to carry it to the laptop. The file holds the families of the chosen districts, encrypted with the password.</source>
        <translation>Збережіть його на флешку, щоб перенести на ноутбук. Файл містить сім&apos;ї вибраних округів, зашифровані паролем.</translation>
    </message>
    <message>
        <source>Enrollment files (*.enroll);;All files (*)</source>
        <translation>Файли підключення (*.enroll);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Виберіть, куди зберегти файл.</translation>
    </message>
    <message>
        <source>There is no such folder. Choose another one.</source>
        <translation>Такої папки немає. Виберіть іншу.</translation>
    </message>
    <message>
        <source>The laptop&apos;s file is ready</source>
        <translation>Файл для ноутбука готовий</translation>
    </message>
    <message>
        <source>Saved: {path}

What to do now:
1. Carry the file to the laptop «{name}» (a USB stick).
2. On the laptop, install and start Opora and choose «Connect a laptop with its enrollment file» (in a terminal: opora init field --enroll &quot;{file}&quot;).
3. Sign in as «{login}» with the password you set here, and tell it to the specialist in person.
4. Delete the file from the USB stick once the laptop has opened it.

Bundles from this laptop are accepted from now on; «Revoke…» in this list refuses them if the laptop is lost.</source>
        <translation>Збережено: {path}

Що робити далі:
1. Перенесіть файл на ноутбук «{name}» (флешкою).
2. На ноутбуці встановіть і запустіть «Опору» та виберіть «Підключити ноутбук за файлом підключення» (у терміналі: opora init field --enroll &quot;{file}&quot;).
3. Увійдіть як «{login}» з паролем, який ви тут задали, і повідомте його фахівцеві особисто.
4. Видаліть файл із флешки, щойно ноутбук його відкрив.

Пакети з цього ноутбука відтепер приймаються; «Відкликати…» в цьому списку відмовить їм, якщо ноутбук загубиться.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Opora: something went wrong</source>
        <translation>Опора: щось пішло не так</translation>
    </message>
    <message>
        <source>What you saved before is safe. Close this message and try again; if it happens again, restart Opora. If it keeps happening, give the log file to whoever supports your centre:</source>
        <translation>Усе, що ви зберегли раніше, у безпеці. Закрийте це повідомлення й спробуйте ще раз; якщо повториться — перезапустіть Опору. Якщо помилка не зникає, передайте файл журналу тому, хто підтримує роботу вашого центру:</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Home visit</source>
        <translation>Візит</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Оцінка потреб</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Скерування</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Мета:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Результат:</translation>
    </message>
    <message>
        <source>&amp;Who reported:</source>
        <translation>&amp;Хто повідомив:</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Зміст:</translation>
    </message>
    <message>
        <source>Notification number</source>
        <translation>Номер повідомлення</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>given when saved</source>
        <translation>буде надано під час збереження</translation>
    </message>
    <message>
        <source>the whole family</source>
        <translation>уся сім&apos;я</translation>
    </message>
    <message>
        <source>&amp;For whom:</source>
        <translation>Для ко&amp;го:</translation>
    </message>
    <message>
        <source>e.g. ЦНАП, legal aid, a psychologist</source>
        <translation>напр. ЦНАП, правова допомога, психолог</translation>
    </message>
    <message>
        <source>&amp;Where to:</source>
        <translation>&amp;Куди:</translation>
    </message>
    <message>
        <source>W&amp;hy:</source>
        <translation>&amp;Чому:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Результат:</translation>
    </message>
    <message>
        <source>Outcome &amp;known on:</source>
        <translation>Результат &amp;відомий з:</translation>
    </message>
    <message>
        <source>&amp;Started:</source>
        <translation>&amp;Розпочато:</translation>
    </message>
    <message>
        <source>&amp;Finished:</source>
        <translation>&amp;Завершено:</translation>
    </message>
    <message>
        <source>Difficult life circumstances are present</source>
        <translation>Складні життєві обставини наявні</translation>
    </message>
    <message>
        <source>&amp;Parental capacity:</source>
        <translation>&amp;Батьківський потенціал:</translation>
    </message>
    <message>
        <source>&amp;Services needed:</source>
        <translation>&amp;Потрібні послуги:</translation>
    </message>
    <message>
        <source>&amp;Conclusion:</source>
        <translation>&amp;Висновок:</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>Вкажіть дату.</translation>
    </message>
    <message>
        <source>Fill this in: a record without it cannot be saved.</source>
        <translation>Заповніть це поле: без нього запис не зберегти.</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
</context>
<context>
    <name>FamiliesModel</name>
    <message>
        <source>Family</source>
        <translation>Сім&apos;я</translation>
    </message>
    <message>
        <source>(no members)</source>
        <translation>(немає членів)</translation>
    </message>
    <message>
        <source> · found by another member</source>
        <translation> · знайдено за іншим членом сім&apos;ї</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <source>On record since</source>
        <translation>На обліку з</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Фахівець</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Останній контакт</translation>
    </message>
    <message>
        <source>{member} · in the family of {name}</source>
        <translation>{member} · у сім&apos;ї: {name}</translation>
    </message>
</context>
<context>
    <name>FamiliesPage</name>
    <message>
        <source>Families</source>
        <translation>Сім&apos;ї</translation>
    </message>
    <message>
        <source>Search: surname, name, phone or address (Ctrl+F)</source>
        <translation>Пошук: прізвище, ім&apos;я, телефон або адреса (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search families</source>
        <translation>Пошук сімей</translation>
    </message>
    <message>
        <source>Starosta district</source>
        <translation>Старостинський округ</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Усі округи</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Усі категорії</translation>
    </message>
    <message>
        <source>On record</source>
        <translation>На обліку</translation>
    </message>
    <message>
        <source>On record and off record</source>
        <translation>Усі статуси</translation>
    </message>
    <message>
        <source>Taken off record</source>
        <translation>Знято з обліку</translation>
    </message>
    <message>
        <source>New family</source>
        <translation>Нова сім&apos;я</translation>
    </message>
    <message>
        <source>New family (Ctrl+N)</source>
        <translation>Нова сім&apos;я (Ctrl+N)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>Notifications…</source>
        <translation>Повідомлення…</translation>
    </message>
    <message>
        <source>Notifications and their assessment deadlines; overdue ones in red</source>
        <translation>Повідомлення і строки оцінки потреб; прострочені — червоним</translation>
    </message>
    <message>
        <source>Walk-in visitor…</source>
        <translation>Первинна консультація…</translation>
    </message>
    <message>
        <source>An intake consultation of a visitor who is not on record, with a referral</source>
        <translation>Первинна консультація відвідувача, якого немає на обліку, зі скеруванням</translation>
    </message>
    <message>
        <source>{n} family|{n} families|{n} families</source>
        <translation>{n} сім&apos;я|{n} сім&apos;ї|{n} сімей</translation>
    </message>
    <message>
        <source>There are no families yet. Press «New family» (Ctrl+N) to add one.</source>
        <translation>Ще немає жодної сім&apos;ї. Натисніть «Нова сім&apos;я» (Ctrl+N).</translation>
    </message>
    <message>
        <source>No family matches the search. Check the spelling or clear the filters.</source>
        <translation>Жодна сім&apos;я не відповідає пошуку. Перевірте написання або зніміть фільтри.</translation>
    </message>
</context>
<context>
    <name>FamilyCard</name>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>🔒 Restricted: not shown in printouts or exports to others</source>
        <translation>🔒 Обмежений доступ: не потрапляє до друку та експорту для інших</translation>
    </message>
    <message>
        <source>Provide a service…</source>
        <translation>Надати послугу…</translation>
    </message>
    <message>
        <source>A service to the family; on the «Family members» tab, to the member selected</source>
        <translation>Послуга сім&apos;ї; на вкладці «Члени сім&apos;ї» — обраній особі</translation>
    </message>
    <message>
        <source>Print card…</source>
        <translation>Друк картки…</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Сім&apos;я</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>Члени сім&apos;ї</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>{name} — {field}: {message}.</source>
        <translation>{name} — {field}: {message}.</translation>
    </message>
    <message>
        <source>There are no settlements yet: the centre&apos;s administrator adds the starosta districts and their settlements in Settings, under «Community».</source>
        <translation>Населених пунктів ще немає: адміністратор центру додає старостинські округи й населені пункти в «Налаштуваннях», розділ «Громада».</translation>
    </message>
    <message>
        <source>(no members)</source>
        <translation>(немає членів)</translation>
    </message>
    <message>
        <source>street, house, flat</source>
        <translation>вулиця, будинок, квартира</translation>
    </message>
    <message>
        <source>Print the family card (Ctrl+P); the arrow saves it as a PDF</source>
        <translation>Друк картки сім&apos;ї (Ctrl+P); стрілка — зберегти її як PDF</translation>
    </message>
    <message>
        <source>Notification the family came from</source>
        <translation>Повідомлення, з якого взято сім&apos;ю</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— оберіть —</translation>
    </message>
    <message>
        <source>Restricted access</source>
        <translation>Обмежений доступ</translation>
    </message>
    <message>
        <source>For cases such as domestic violence: not shown in printouts or exports</source>
        <translation>Для випадків на кшталт домашнього насильства: не потрапляє до друку й вивантажень</translation>
    </message>
    <message>
        <source>who, why, documents issued</source>
        <translation>хто, з якою метою, які документи видано</translation>
    </message>
    <message>
        <source>Se&amp;ttlement:</source>
        <translation>&amp;Населений пункт:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адреса:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>Responsible &amp;specialist:</source>
        <translation>Відповідальний &amp;фахівець:</translation>
    </message>
    <message>
        <source>Taken on &amp;record:</source>
        <translation>&amp;Взято на облік:</translation>
    </message>
    <message>
        <source>Taken o&amp;ff record:</source>
        <translation>&amp;Знято з обліку:</translation>
    </message>
    <message>
        <source>Reason for taking off r&amp;ecord:</source>
        <translation>&amp;Причина зняття з обліку:</translation>
    </message>
    <message>
        <source>Social card &amp;number:</source>
        <translation>&amp;Номер соціальної картки:</translation>
    </message>
    <message>
        <source>Reason taken on recor&amp;d:</source>
        <translation>Причина взяття на о&amp;блік:</translation>
    </message>
    <message>
        <source>Other &amp;organisations:</source>
        <translation>Інші &amp;організації:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <source>СЖО factors</source>
        <translation>Чинники СЖО</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Категорії:</translation>
    </message>
    <message>
        <source>СЖО factors:</source>
        <translation>Чинники СЖО:</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>&amp;Додати члена сім&apos;ї…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Змінити…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>В&amp;илучити</translation>
    </message>
    <message>
        <source>No members yet. Press «Add member…» (Insert) and start with the head of the family.</source>
        <translation>Членів сім&apos;ї ще немає. Натисніть «Додати члена сім&apos;ї…» (Insert) і почніть з голови сім&apos;ї.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мета</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Parental capacity</source>
        <translation>Батьківський потенціал</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Висновок</translation>
    </message>
    <message>
        <source>Who reported</source>
        <translation>Хто повідомив</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Зміст</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Куди скеровано</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Record a visit…</source>
        <translation>Записати візит…</translation>
    </message>
    <message>
        <source>Record an assessment…</source>
        <translation>Записати оцінку потреб…</translation>
    </message>
    <message>
        <source>Record a notification…</source>
        <translation>Записати повідомлення…</translation>
    </message>
    <message>
        <source>Record a referral…</source>
        <translation>Записати скерування…</translation>
    </message>
    <message>
        <source>No services yet. Press «Provide a service…» to record one.</source>
        <translation>Послуг ще немає. Натисніть «Надати послугу…», щоб записати першу.</translation>
    </message>
    <message>
        <source>No home visits yet. Press «Record a visit…».</source>
        <translation>Візитів ще немає. Натисніть «Записати візит…».</translation>
    </message>
    <message>
        <source>No needs assessments yet. Press «Record an assessment…».</source>
        <translation>Оцінок потреб ще немає. Натисніть «Записати оцінку потреб…».</translation>
    </message>
    <message>
        <source>No notifications yet. Press «Record a notification…».</source>
        <translation>Повідомлень ще немає. Натисніть «Записати повідомлення…».</translation>
    </message>
    <message>
        <source>No referrals yet. Press «Record a referral…» (Insert) to send the family or a member to another service or organisation.</source>
        <translation>Скерувань ще немає. Натисніть «Записати скерування…» (Insert), щоб скерувати сім&apos;ю чи її члена до іншої служби або організації.</translation>
    </message>
    <message>
        <source>No changes yet: every save of this family will be listed here.</source>
        <translation>Змін ще немає: тут з&apos;являтиметься кожне збереження цієї сім&apos;ї.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Послуги</translation>
    </message>
    <message>
        <source>Home visits</source>
        <translation>Візити</translation>
    </message>
    <message>
        <source>Needs assessments</source>
        <translation>Оцінки потреб</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Скерування</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Історія змін</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Змінити…</translation>
    </message>
    <message>
        <source>Open the selected line (Enter or double-click)</source>
        <translation>Відкрити вибраний рядок (Enter або подвійне клацання)</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Видалити…</translation>
    </message>
    <message>
        <source>Delete the selected line (Delete)</source>
        <translation>Видалити вибраний рядок (Delete)</translation>
    </message>
    <message>
        <source>from notification № {number} of {date}</source>
        <translation>за повідомленням № {number} від {date}</translation>
    </message>
    <message>
        <source>from notification № {number}</source>
        <translation>за повідомленням № {number}</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Не вдалося зберегти</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Вилучити члена сім&apos;ї</translation>
    </message>
    <message>
        <source>Remove {name} from the family?</source>
        <translation>Вилучити {name} зі складу сім&apos;ї?</translation>
    </message>
    <message>
        <source>New family</source>
        <translation>Нова сім&apos;я</translation>
    </message>
    <message>
        <source>on record</source>
        <translation>на обліку</translation>
    </message>
    <message>
        <source>taken off record</source>
        <translation>знято з обліку</translation>
    </message>
    <message>
        <source>not on record</source>
        <translation>не на обліку</translation>
    </message>
    <message>
        <source>Unsaved draft</source>
        <translation>Незбережена чернетка</translation>
    </message>
    <message>
        <source>This card has changes from {when} that were not saved (the program closed unexpectedly). Restore them?</source>
        <translation>У цій картці є зміни від {when}, які не були збережені (програма несподівано закрилася). Відновити їх?</translation>
    </message>
    <message>
        <source>Family card — {name}</source>
        <translation>Картка сім&apos;ї — {name}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>The family card has unsaved changes. Save them?</source>
        <translation>У картці сім&apos;ї є незбережені зміни. Зберегти їх?</translation>
    </message>
    <message>
        <source>Select a line in the table first.</source>
        <translation>Спочатку виберіть рядок у таблиці.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Delete «{what}»? This cannot be undone.</source>
        <translation>Видалити «{what}»? Скасувати це буде неможливо.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Opora — first start</source>
        <translation>Опора — перший запуск</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>Welcome to Opora</source>
        <translation>Ласкаво просимо до Опори</translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Choose how to start; Opora will open the same database next time.</source>
        <translation>На цьому комп&apos;ютері ще немає бази даних. Оберіть, як почати; наступного разу Опора відкриє ту саму базу.</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Відкрити демо</translation>
    </message>
    <message>
        <source>Try Opora on invented families, groups and services. Nothing real.</source>
        <translation>Спробувати Опору на вигаданих сім&apos;ях, групах і послугах. Жодних справжніх даних.</translation>
    </message>
    <message>
        <source>Create the centre&apos;s database</source>
        <translation>Створити базу центру</translation>
    </message>
    <message>
        <source>For the centre&apos;s computer: a new encrypted database and the administrator&apos;s account.</source>
        <translation>Для комп&apos;ютера центру: нова зашифрована база й обліковий запис адміністратора.</translation>
    </message>
    <message>
        <source>Connect a laptop with its enrollment file</source>
        <translation>Підключити ноутбук за файлом підключення</translation>
    </message>
    <message>
        <source>For a specialist&apos;s laptop: the file the centre made for it and the password set for you at the centre.</source>
        <translation>Для ноутбука фахівця: файл, який для нього створив центр, і пароль, заданий для вас у центрі.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Змінити…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Centre&apos;s name</source>
        <translation>Назва центру</translation>
    </message>
    <message>
        <source>e.g. ЦНСП Малинської громади</source>
        <translation>наприклад, ЦНСП Малинської громади</translation>
    </message>
    <message>
        <source>Administrator&apos;s login</source>
        <translation>Логін адміністратора</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Повторіть пароль</translation>
    </message>
    <message>
        <source>Centre&apos;s &amp;name:</source>
        <translation>&amp;Назва центру:</translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;login:</source>
        <translation>&amp;Логін адміністратора:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>Повторіть п&amp;ароль:</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Файл бази даних:</translation>
    </message>
    <message>
        <source>The database is encrypted; without this password nobody can read it, and it cannot be recovered. Write it down and keep it safe.</source>
        <translation>База зашифрована: без цього пароля її ніхто не прочитає, і відновити пароль неможливо. Запишіть його й зберігайте в надійному місці.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Створити</translation>
    </message>
    <message>
        <source>&lt;b&gt;The centre&apos;s database&lt;/b&gt;</source>
        <translation>&lt;b&gt;База центру&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>Файл підключення</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Обрати…</translation>
    </message>
    <message>
        <source>Enrollment &amp;file:</source>
        <translation>&amp;Файл підключення:</translation>
    </message>
    <message>
        <source>The password is the one set for you at the centre when this laptop was enrolled; it opens the file and, from now on, this laptop&apos;s database.</source>
        <translation>Це пароль, який для вас задали в центрі під час підключення ноутбука; він відкриває файл, а відтепер і базу цього ноутбука.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Підключити</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connect this laptop&lt;/b&gt;</source>
        <translation>&lt;b&gt;Підключення ноутбука&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Where to keep the database</source>
        <translation>Де зберігати базу даних</translation>
    </message>
    <message>
        <source>Opora database (*.db)</source>
        <translation>База Опори (*.db)</translation>
    </message>
    <message>
        <source>There is already a database at {path}. Choose another place with «Change…».</source>
        <translation>За адресою {path} уже є база даних. Оберіть інше місце кнопкою «Змінити…».</translation>
    </message>
    <message>
        <source>The folder cannot be created: {error}.</source>
        <translation>Не вдалося створити теку: {error}.</translation>
    </message>
    <message>
        <source>It did not work: {error}.</source>
        <translation>Не вдалося: {error}.</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Створюю демонстраційні дані…</translation>
    </message>
    <message>
        <source>Enter the centre&apos;s name.</source>
        <translation>Введіть назву центру.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s login.</source>
        <translation>Введіть логін адміністратора.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Введіть пароль.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type them again.</source>
        <translation>Паролі різні. Введіть їх ще раз.</translation>
    </message>
    <message>
        <source>Choose the enrollment file the centre gave you.</source>
        <translation>Оберіть файл підключення, який вам дав центр.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введіть свій пароль.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New support group</source>
        <translation>Нова група взаємопідтримки</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;For whom:</source>
        <translation>&amp;Для кого:</translation>
    </message>
    <message>
        <source>Starosta &amp;district:</source>
        <translation>Старостинський &amp;округ:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Місце:</translation>
    </message>
    <message>
        <source>F&amp;acilitator:</source>
        <translation>&amp;Ведучий:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Початок:</translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>&amp;Завершення:</translation>
    </message>
    <message>
        <source>Enter the group&apos;s name.</source>
        <translation>Введіть назву групи.</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Округ</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Ведучий</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>Проведено занять</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасників</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Support groups</source>
        <translation>Групи взаємопідтримки</translation>
    </message>
    <message>
        <source>There are no support groups yet. Press «New group…» (Ctrl+N) to start one, then add its participants and sessions in its card.</source>
        <translation>Ще немає жодної групи. Натисніть «Нова група…» (Ctrl+N), щоб створити групу, а потім додайте в її картці учасників і заняття.</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Нова група…</translation>
    </message>
    <message>
        <source>New support group (Ctrl+N)</source>
        <translation>Нова група (Ctrl+N)</translation>
    </message>
    <message>
        <source>← To the list</source>
        <translation>← До списку</translation>
    </message>
    <message>
        <source>+ Session</source>
        <translation>+ Заняття</translation>
    </message>
    <message>
        <source>Add a session for today (Ctrl+N)</source>
        <translation>Додати заняття на сьогодні (Ctrl+N)</translation>
    </message>
    <message>
        <source>Change session…</source>
        <translation>Змінити заняття…</translation>
    </message>
    <message>
        <source>Date, time, topic and format of the selected session (F2)</source>
        <translation>Дата, час, тема і форма проведення вибраного заняття (F2)</translation>
    </message>
    <message>
        <source>For whom: {category} · Place: {place} · Facilitator: {who} · {period}</source>
        <translation>Для кого: {category} · Місце: {place} · Ведучий: {who} · {period}</translation>
    </message>
    <message>
        <source>The group has no participants yet. Press «Add participant…» to add a person on record or someone from outside.</source>
        <translation>У групі ще немає учасників. Натисніть «Додати учасника…», щоб додати особу з обліку або сторонню особу.</translation>
    </message>
    <message>
        <source>There are no sessions yet. Press «+ Session» (Ctrl+N): the session appears as a column where attendance is marked.</source>
        <translation>Ще немає жодного заняття. Натисніть «+ Заняття» (Ctrl+N): заняття з&apos;явиться стовпцем, у якому позначають відвідування.</translation>
    </message>
    <message>
        <source>Select the participant in the table first.</source>
        <translation>Спочатку виберіть учасника в таблиці.</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>Вилучити учасника</translation>
    </message>
    <message>
        <source>Remove {name} from the group? Their attendance marks will be deleted too.</source>
        <translation>Вилучити {name} з групи? Позначки відвідування цього учасника теж буде видалено.</translation>
    </message>
    <message>
        <source>Choose the session first: click its date or a cell in its column.</source>
        <translation>Спершу оберіть заняття: клацніть на його дату або на клітинку в його стовпці.</translation>
    </message>
    <message>
        <source>Add participant…</source>
        <translation>Додати учасника…</translation>
    </message>
    <message>
        <source>Remove participant…</source>
        <translation>Вилучити учасника…</translation>
    </message>
    <message>
        <source>Remove the selected participant from the group</source>
        <translation>Вилучити вибраного учасника з групи</translation>
    </message>
    <message>
        <source>Attendance journal</source>
        <translation>Журнал відвідування</translation>
    </message>
    <message>
        <source>Registration sheet</source>
        <translation>Реєстраційний лист</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Відвідування</translation>
    </message>
    <message>
        <source>Arrows move, Space changes the mark, Delete clears it. Double-click a date (or F2) to change the session.</source>
        <translation>Стрілки — перехід, Пробіл — змінити позначку, Delete — стерти. Подвійне клацання на даті (або F2) — змінити заняття.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Пристрій</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Змінено</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Intake consultation</source>
        <translation>Первинна консультація</translation>
    </message>
    <message>
        <source>leave empty for an anonymous visitor</source>
        <translation>залиште порожнім для анонімного відвідувача</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>&amp;Visitor:</source>
        <translation>&amp;Відвідувач:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>Se&amp;ttlement:</source>
        <translation>&amp;Населений пункт:</translation>
    </message>
    <message>
        <source>&amp;What about:</source>
        <translation>&amp;З якого питання:</translation>
    </message>
    <message>
        <source>Speciali&amp;st:</source>
        <translation>&amp;Фахівець:</translation>
    </message>
    <message>
        <source>&amp;Referred to another service or organisation</source>
        <translation>&amp;Скеровано до іншої служби чи організації</translation>
    </message>
    <message>
        <source>e.g. ЦНАП, legal aid, a psychologist</source>
        <translation>напр. ЦНАП, правова допомога, психолог</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Скерування</translation>
    </message>
    <message>
        <source>&amp;Where to:</source>
        <translation>&amp;Куди:</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Навіщо:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Результат:</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
    <message>
        <source>Say where the visitor is referred to.</source>
        <translation>Вкажіть, куди скеровано відвідувача.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Opora</source>
        <translation>Опора</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Створюю демонстраційні дані…</translation>
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
        <source>The database could not be opened: {error}.</source>
        <translation>Не вдалося відкрити базу даних: {error}.</translation>
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
        <translation>Сім&apos;ї</translation>
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
        <source>Devices</source>
        <translation>Пристрої</translation>
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
        <source>Opora — records of families, support groups and social services for specialists of a community&apos;s centre of social services. Works without the Internet.</source>
        <translation>«Опора» — облік сімей, груп взаємопідтримки та наданих соціальних послуг для фахівців центру соціальних служб громади. Працює без Інтернету.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock</source>
        <translation>Годинник цього комп&apos;ютера</translation>
    </message>
    <message>
        <source>The centre set aside {changes} from this computer for review: they were dated more than a day ahead, so this computer&apos;s clock is wrong. Set the right date and time (Windows: Settings → Time &amp; language → Date &amp; time), then make a new package for the centre. Nothing is lost: the centre keeps those changes and will check them.</source>
        <translation>Центр відклав на перевірку {changes} з цього комп&apos;ютера: вони позначені датою більш ніж на добу наперед, тож годинник цього комп&apos;ютера показує неправильний час. Встановіть правильні дату й час (Windows: Параметри → Час і мова → Дата й час), потім створіть новий пакет для центру. Нічого не втрачено: центр зберігає ці зміни й перевірить їх.</translation>
    </message>
    <message>
        <source>{n} change|{n} changes|{n} changes</source>
        <comment>held</comment>
        <translation>{n} зміну|{n} зміни|{n} змін</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is behind the centre&apos;s: what you save now would get a wrong date. Set the right date and time (Windows: Settings → Time &amp; language → Date &amp; time) before you go on.</source>
        <translation>Годинник цього комп&apos;ютера відстає від годинника центру: те, що ви збережете зараз, отримає неправильну дату. Встановіть правильні дату й час (Windows: Параметри → Час і мова → Дата й час), перш ніж працювати далі.</translation>
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
    <message>
        <source>Centre database</source>
        <translation>База даних центру</translation>
    </message>
    <message>
        <source>Not sent to the centre: {changes}</source>
        <translation>Не передано до центру: {changes}</translation>
    </message>
    <message>
        <source>{n} change|{n} changes|{n} changes</source>
        <translation>{n} зміна|{n} зміни|{n} змін</translation>
    </message>
    <message>
        <source>no exchange yet</source>
        <translation>обміну ще не було</translation>
    </message>
    <message>
        <source>{n} day ago|{n} days ago|{n} days ago</source>
        <translation>{n} день тому|{n} дні тому|{n} днів тому</translation>
    </message>
    <message>
        <source>last exchange {date} ({ago})</source>
        <translation>останній обмін {date} ({ago})</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>демонстраційні дані</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Family member</source>
        <translation>Член сім&apos;ї</translation>
    </message>
    <message>
        <source>female</source>
        <translation>жіноча</translation>
    </message>
    <message>
        <source>male</source>
        <translation>чоловіча</translation>
    </message>
    <message>
        <source>Has a disability</source>
        <translation>Має інвалідність</translation>
    </message>
    <message>
        <source>full</source>
        <translation>дієздатна</translation>
    </message>
    <message>
        <source>limited</source>
        <translation>обмежено дієздатна</translation>
    </message>
    <message>
        <source>legally incapable</source>
        <translation>недієздатна</translation>
    </message>
    <message>
        <source>&amp;Surname:</source>
        <translation>&amp;Прізвище:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Ім&apos;я:</translation>
    </message>
    <message>
        <source>&amp;Patronymic:</source>
        <translation>По &amp;батькові:</translation>
    </message>
    <message>
        <source>S&amp;ex:</source>
        <translation>&amp;Стать:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Дата народження:</translation>
    </message>
    <message>
        <source>&amp;Relation:</source>
        <translation>&amp;Родинний зв&apos;язок:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>&amp;Tax number (РНОКПП):</source>
        <translation>&amp;РНОКПП:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
    <message>
        <source>Re&amp;gistered address:</source>
        <translation>Адреса ре&amp;єстрації:</translation>
    </message>
    <message>
        <source>&amp;Actual address:</source>
        <translation>&amp;Фактична адреса:</translation>
    </message>
    <message>
        <source>&amp;Legal capacity:</source>
        <translation>&amp;Дієздатність:</translation>
    </message>
    <message>
        <source>&amp;Work or study:</source>
        <translation>&amp;Робота / навчання:</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Інвалідність</translation>
    </message>
    <message>
        <source>Enter the surname.</source>
        <translation>Введіть прізвище.</translation>
    </message>
    <message>
        <source>Enter the given name.</source>
        <translation>Введіть ім&apos;я.</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
    <message>
        <source>The date of birth cannot be after today.</source>
        <translation>Дата народження не може бути пізніше сьогоднішньої.</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Full name</source>
        <translation>ПІБ</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Вік</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Родинний зв&apos;язок</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
</context>
<context>
    <name>NewNotificationDialog</name>
    <message>
        <source>New notification</source>
        <translation>Нове повідомлення</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>&amp;Person (name):</source>
        <translation>&amp;Особа (ПІБ):</translation>
    </message>
    <message>
        <source>Se&amp;ttlement:</source>
        <translation>&amp;Населений пункт:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адреса:</translation>
    </message>
    <message>
        <source>&amp;Who reported:</source>
        <translation>&amp;Хто повідомив:</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Зміст:</translation>
    </message>
    <message>
        <source>It gets a number when saved. The assessment is due in 5 working days.</source>
        <translation>Номер присвоюється під час збереження. Оцінку потреб треба провести протягом 5 робочих днів.</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
</context>
<context>
    <name>NotificationsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>&amp;New notification…</source>
        <translation>&amp;Нове повідомлення…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>All notifications</source>
        <translation>Усі повідомлення</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Лише прострочені</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Family, person or address</source>
        <translation>Сім&apos;я, особа або адреса</translation>
    </message>
    <message>
        <source>Who reported</source>
        <translation>Хто повідомив</translation>
    </message>
    <message>
        <source>Assess by</source>
        <translation>Оцінити до</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>{total} notifications, {overdue} overdue</source>
        <translation>повідомлень: {total}, прострочено: {overdue}</translation>
    </message>
    <message>
        <source>assessed</source>
        <translation>оцінку проведено</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>прострочено</translation>
    </message>
    <message>
        <source>awaits assessment</source>
        <translation>очікує оцінки</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Add participant</source>
        <translation>Додати учасника</translation>
    </message>
    <message>
        <source>A person from the records</source>
        <translation>Особа з обліку</translation>
    </message>
    <message>
        <source>An outside person</source>
        <translation>Стороння особа</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Особа:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Ім&apos;я:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>Who joins the group?</source>
        <translation>Хто приєднується до групи?</translation>
    </message>
    <message>
        <source>Find and choose the person.</source>
        <translation>Знайдіть і виберіть особу.</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>Введіть ім&apos;я.</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Type a surname or phone…</source>
        <translation>Введіть прізвище або телефон…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Save PDF</source>
        <translation>Зберегти PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not make the printout</source>
        <translation>Не вдалося підготувати друк</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Не вдалося почати друк на принтері.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Збережено: {path}</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>Готую документ до друку…</translation>
    </message>
    <message>
        <source>Print preview — {name}</source>
        <translation>Попередній перегляд друку — {name}</translation>
    </message>
    <message>
        <source>attendance-journal.pdf</source>
        <translation>журнал-відвідування.pdf</translation>
    </message>
    <message>
        <source>registration-sheet.pdf</source>
        <translation>реєстраційний-лист.pdf</translation>
    </message>
    <message>
        <source>family-card.pdf</source>
        <translation>картка-сімʼї.pdf</translation>
    </message>
    <message>
        <source>assessment-act.pdf</source>
        <translation>akt-otsinky-potreb.pdf</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Зберегти PDF…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Period summary</source>
        <translation>Звіт за період</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Цей місяць</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Цей квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Цей рік</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Довільний період</translation>
    </message>
    <message>
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Starosta district</source>
        <translation>Старостинський округ</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Усі округи</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Зберегти PDF…</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>Зберегти Excel…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Друк…</translation>
    </message>
    <message>
        <source>Print the summary (Ctrl+P)</source>
        <translation>Друк звіту (Ctrl+P)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>з</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показник</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Показники</translation>
    </message>
    <message>
        <source>Choose a period and press «Show».</source>
        <translation>Оберіть період і натисніть «Показати».</translation>
    </message>
    <message>
        <source>Families and persons who received each service</source>
        <translation>Сім&apos;ї та особи, які отримали кожну послугу</translation>
    </message>
    <message>
        <source>Type both dates as 12.03.2024.</source>
        <translation>Введіть обидві дати як 12.03.2024.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Рахую…</translation>
    </message>
    <message>
        <source>Period {start} – {end}</source>
        <translation>Період {start} – {end}</translation>
    </message>
    <message>
        <source>Services provided: {service}</source>
        <translation>Надано послуг: {service}</translation>
    </message>
    <message>
        <source>{events} (to {units} families/persons)</source>
        <translation>{events} (сімей/осіб: {units})</translation>
    </message>
    <message>
        <source>Sessions for: {category}</source>
        <translation>Занять для: {category}</translation>
    </message>
    <message>
        <source>no target category</source>
        <translation>цільову категорію не вказано</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Зберегти звіт</translation>
    </message>
    <message>
        <source>Saving the summary…</source>
        <translation>Зберігаю звіт…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Збережено: {path}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не збережено</translation>
    </message>
</context>
<context>
    <name>ScriptHint</name>
    <message>
        <source>«{word}» mixes Latin letters ({letters}) into Cyrillic: check the spelling and the keyboard layout. You can still save.</source>
        <translation>У слові «{word}» є латинські літери ({letters}) серед кириличних: перевірте написання та розкладку клавіатури. Зберегти можна й так.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Provide a service</source>
        <translation>Надати послугу</translation>
    </message>
    <message>
        <source>Change a provided service</source>
        <translation>Змінити надану послугу</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Отримувач</translation>
    </message>
    <message>
        <source>to the whole family</source>
        <translation>усій сім&apos;ї</translation>
    </message>
    <message>
        <source>to this person only</source>
        <translation>лише цій особі</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Хвилин</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Отримувач:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Послуга:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Тривалість:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Форма:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>При&amp;мітки:</translation>
    </message>
    <message>
        <source>Family: {name}</source>
        <translation>Сім&apos;я: {name}</translation>
    </message>
    <message>
        <source>Choose who received the service.</source>
        <translation>Оберіть, хто отримав послугу.</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
    <message>
        <source>Choose a service from the list.</source>
        <translation>Оберіть послугу зі списку.</translation>
    </message>
    <message>
        <source>Saved: {service}, {date}. Enter the next one or close.</source>
        <translation>Збережено: {service}, {date}. Введіть наступну або закрийте.</translation>
    </message>
    <message>
        <source>The same service again</source>
        <translation>Та сама послуга ще раз</translation>
    </message>
    <message>
        <source>{recipient}, {date}: «{service}» is recorded already.</source>
        <translation>{recipient}, {date}: послугу «{service}» уже записано.</translation>
    </message>
    <message>
        <source>Record the same service once more?</source>
        <translation>Записати таку саму послугу ще раз?</translation>
    </message>
    <message>
        <source>Record &amp;once more</source>
        <translation>Записати &amp;ще раз</translation>
    </message>
    <message>
        <source>&amp;Do not record</source>
        <translation>&amp;Не записувати</translation>
    </message>
</context>
<context>
    <name>ServicesModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Отримувач</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Хвилин</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services provided</source>
        <translation>Надані послуги</translation>
    </message>
    <message>
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Усі послуги</translation>
    </message>
    <message>
        <source>Starosta district</source>
        <translation>Старостинський округ</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Усі округи</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Provide a service…</source>
        <translation>Надати послугу…</translation>
    </message>
    <message>
        <source>Provide a service (Ctrl+N)</source>
        <translation>Надати послугу (Ctrl+N)</translation>
    </message>
    <message>
        <source>No services are recorded for these dates. Press «Provide a service…» (Ctrl+N) to record one, or change the dates and filters above.</source>
        <translation>За ці дати наданих послуг не записано. Натисніть «Надати послугу…» (Ctrl+N), щоб записати послугу, або змініть дати й фільтри вище.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>З:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>по:</translation>
    </message>
    <message>
        <source>{n} service|{n} services|{n} services</source>
        <translation>{n} послуга|{n} послуги|{n} послуг</translation>
    </message>
    <message>
        <source>{n} hour|{n} hours|{n} hours</source>
        <translation>{n} година|{n} години|{n} годин</translation>
    </message>
    <message>
        <source>{n} minute|{n} minutes|{n} minutes</source>
        <translation>{n} хвилина|{n} хвилини|{n} хвилин</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Change session</source>
        <translation>Змінити заняття</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Нове заняття</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>ГГ:ХХ</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Форма проведення</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Час:</translation>
    </message>
    <message>
        <source>T&amp;opic:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Форма проведення:</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Видалити заняття</translation>
    </message>
    <message>
        <source>Enter the date of the session.</source>
        <translation>Введіть дату заняття.</translation>
    </message>
    <message>
        <source>Not a date. Type it as 12.03.2024.</source>
        <translation>Неправильна дата. Введіть її як 12.03.2024.</translation>
    </message>
    <message>
        <source>Another session the same day</source>
        <translation>Ще одне заняття того ж дня</translation>
    </message>
    <message>
        <source>The group has a session on {date} already{times}.</source>
        <translation>{date} у групі вже є заняття{times}.</translation>
    </message>
    <message>
        <source>Add one more session that day, or go back?</source>
        <translation>Додати ще одне заняття цього дня чи повернутися?</translation>
    </message>
    <message>
        <source>&amp;Add one more</source>
        <translation>&amp;Додати ще одне</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Повернутися</translation>
    </message>
    <message>
        <source>The session&apos;s date, {date}, is before the group starts.</source>
        <translation>Дата заняття, {date}, раніша за початок групи.</translation>
    </message>
    <message>
        <source>The session&apos;s date, {date}, is after the group ends.</source>
        <translation>Дата заняття, {date}, пізніша за завершення групи.</translation>
    </message>
    <message>
        <source>The group&apos;s period: {period}.</source>
        <translation>Період групи: {period}.</translation>
    </message>
    <message>
        <source>Date outside the group&apos;s period</source>
        <translation>Дата поза періодом групи</translation>
    </message>
    <message>
        <source>Save the session with this date (when the group has been extended, for example), or go back and correct the date?</source>
        <translation>Зберегти заняття з цією датою (наприклад, якщо групу продовжено) чи повернутися й виправити дату?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>&amp;Correct the date</source>
        <translation>&amp;Виправити дату</translation>
    </message>
    <message>
        <source>Delete the session of {date} together with its attendance marks?</source>
        <translation>Видалити заняття {date} разом із позначками відвідування?</translation>
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
        <source>Audit trail</source>
        <translation>Журнал доступу</translation>
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
<context>
    <name>Shell</name>
    <message>
        <source>a new family</source>
        <translation>нова сім&apos;я</translation>
    </message>
    <message>
        <source>Unsaved changes were kept</source>
        <translation>Незбережені зміни збережено</translation>
    </message>
    <message>
        <source>Opora closed unexpectedly last time. What was typed and not saved is kept for:
{families}

Open these cards now to check and save it?</source>
        <translation>Минулого разу «Опора» закрилася неочікувано. Те, що було введено й не збережено, зберігається для:
{families}

Відкрити ці картки зараз, щоб перевірити й зберегти?</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Exchange with the centre</source>
        <translation>Обмін із центром</translation>
    </message>
    <message>
        <source>Exchange with laptops</source>
        <translation>Обмін із ноутбуками</translation>
    </message>
    <message>
        <source>For which device</source>
        <translation>Для якого пристрою</translation>
    </message>
    <message>
        <source>Create a bundle for the centre…</source>
        <translation>Створити пакет для центру…</translation>
    </message>
    <message>
        <source>Create a bundle for the laptop…</source>
        <translation>Створити пакет для ноутбука…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Передати</translation>
    </message>
    <message>
        <source>Laptop:</source>
        <translation>Ноутбук:</translation>
    </message>
    <message>
        <source>Accept bundles from the centre…</source>
        <translation>Прийняти пакет від центру…</translation>
    </message>
    <message>
        <source>Accept bundles from laptops…</source>
        <translation>Прийняти пакети від ноутбуків…</translation>
    </message>
    <message>
        <source>You can also drop bundle files onto this page.</source>
        <translation>Файли пакетів можна також перетягнути на цю сторінку.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <source>Results per file</source>
        <translation>Результати за файлами</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Прийняти</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Пристрої</translation>
    </message>
    <message>
        <source>Data discrepancies</source>
        <translation>Розбіжності даних</translation>
    </message>
    <message>
        <source>Keep A</source>
        <translation>Залишити A</translation>
    </message>
    <message>
        <source>Keep B</source>
        <translation>Залишити B</translation>
    </message>
    <message>
        <source>Value A (kept now)</source>
        <translation>Значення A (зараз у базі)</translation>
    </message>
    <message>
        <source>Value B</source>
        <translation>Значення B</translation>
    </message>
    <message>
        <source>No laptop yet</source>
        <translation>Ноутбуків ще немає</translation>
    </message>
    <message>
        <source>No laptop is connected to the centre yet. Connect one now? The wizard makes the file the laptop starts from.</source>
        <translation>До центру ще не підключено жодного ноутбука. Підключити зараз? Майстер створить файл, з якого ноутбук почне роботу.</translation>
    </message>
    <message>
        <source>Where to save the bundle</source>
        <translation>Куди зберегти пакет</translation>
    </message>
    <message>
        <source>No laptop is enrolled yet.</source>
        <translation>Ще не підключено жодного ноутбука.</translation>
    </message>
    <message>
        <source>Creating the bundle…</source>
        <translation>Створюю пакет…</translation>
    </message>
    <message>
        <source>Created «{name}» ({size} KB, {changes} changes). Pass this file to the centre.</source>
        <translation>Створено «{name}» ({size} КБ, змін: {changes}). Передайте цей файл до центру.</translation>
    </message>
    <message>
        <source>Bundles to accept</source>
        <translation>Пакети для прийняття</translation>
    </message>
    <message>
        <source>Bundles (*{suffix});;All files (*)</source>
        <translation>Пакети (*{suffix});;Усі файли (*)</translation>
    </message>
    <message>
        <source>Accepting bundles…</source>
        <translation>Приймаю пакети…</translation>
    </message>
    <message>
        <source>{changes} changes, {conflicts} discrepancies</source>
        <translation>змін: {changes}, розбіжностей: {conflicts}</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>прийнято</translation>
    </message>
    <message>
        <source>already accepted</source>
        <translation>вже було прийнято</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>Data discrepancies ({count})</source>
        <translation>Розбіжності даних ({count})</translation>
    </message>
    <message>
        <source>No discrepancies.</source>
        <translation>Розбіжностей немає.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(порожньо)</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>What is typed here is not saved yet.</source>
        <translation>Те, що тут введено, ще не збережено.</translation>
    </message>
    <message>
        <source>Save it before closing?</source>
        <translation>Зберегти перед закриттям?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Do &amp;not save</source>
        <translation>&amp;Не зберігати</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Повернутися</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <source>СЖО factors</source>
        <translation>Чинники СЖО</translation>
    </message>
    <message>
        <source>Taken on record</source>
        <translation>Взято на облік</translation>
    </message>
    <message>
        <source>Taken off record</source>
        <translation>Знято з обліку</translation>
    </message>
    <message>
        <source>Reason for taking off record</source>
        <translation>Причина зняття з обліку</translation>
    </message>
    <message>
        <source>Responsible specialist</source>
        <translation>Відповідальний фахівець</translation>
    </message>
    <message>
        <source>Responsible account (login)</source>
        <translation>Відповідальний обліковий запис (логін)</translation>
    </message>
    <message>
        <source>Restricted access</source>
        <translation>Обмежений доступ</translation>
    </message>
    <message>
        <source>Retired (kept on old records)</source>
        <translation>Вилучено (лишається на старих записах)</translation>
    </message>
    <message>
        <source>Social card number</source>
        <translation>Номер соціальної картки</translation>
    </message>
    <message>
        <source>Reason taken on record</source>
        <translation>Підстава взяття на облік</translation>
    </message>
    <message>
        <source>Other organisations working with the family</source>
        <translation>Інші організації, що працюють із сім&apos;єю</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>Зареєстроване місце проживання</translation>
    </message>
    <message>
        <source>Actual address</source>
        <translation>Фактичне місце проживання</translation>
    </message>
    <message>
        <source>Legal capacity</source>
        <translation>Дієздатність</translation>
    </message>
    <message>
        <source>Work or study</source>
        <translation>Місце роботи чи навчання</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Person named</source>
        <translation>Особа (ім&apos;я)</translation>
    </message>
    <message>
        <source>Assessment act</source>
        <translation>Акт оцінки потреб</translation>
    </message>
    <message>
        <source>Causes of the difficult circumstances</source>
        <translation>Причини складних життєвих обставин</translation>
    </message>
    <message>
        <source>Child traumatised</source>
        <translation>Дитина травмована</translation>
    </message>
    <message>
        <source>Impact of the environment</source>
        <translation>Вплив середовища</translation>
    </message>
    <message>
        <source>How long the problem lasts</source>
        <translation>Тривалість проблеми</translation>
    </message>
    <message>
        <source>Family aware of the problem</source>
        <translation>Сім&apos;я усвідомлює проблему</translation>
    </message>
    <message>
        <source>Family ready to work on it</source>
        <translation>Сім&apos;я готова до співпраці</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <source>Family agrees</source>
        <translation>Сім&apos;я згодна</translation>
    </message>
    <message>
        <source>Family&apos;s remarks</source>
        <translation>Зауваження сім&apos;ї</translation>
    </message>
    <message>
        <source>Took part in the assessment</source>
        <translation>Учасники оцінки</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Затвердив</translation>
    </message>
    <message>
        <source>Case level</source>
        <translation>Рівень випадку</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Відвідувач</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Первинне звернення</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Куди скеровано</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>Дата результату</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Прізвище</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>По батькові</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Родинний зв&apos;язок</translation>
    </message>
    <message>
        <source>Tax number (РНОКПП)</source>
        <translation>РНОКПП</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Інвалідність</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Сім&apos;я</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Хвилин</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Позначка</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>Вилучення</translation>
    </message>
    <message>
        <source>Who reported</source>
        <translation>Хто повідомив</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Зміст</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Розпочато</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Difficult life circumstances present</source>
        <translation>Наявність СЖО</translation>
    </message>
    <message>
        <source>Parental capacity</source>
        <translation>Батьківський потенціал</translation>
    </message>
    <message>
        <source>Services needed</source>
        <translation>Потрібні послуги</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Висновок</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мета</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Громада</translation>
    </message>
    <message>
        <source>Starosta district</source>
        <translation>Старостинський округ</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Ведучий</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Дата початку</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Дата завершення</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Форма проведення</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Заняття</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Учасник</translation>
    </message>
    <message>
        <source>Reference list</source>
        <translation>Довідник</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name in Ukrainian</source>
        <translation>Назва українською</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Назва англійською</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Вид запису</translation>
    </message>
    <message>
        <source>Record kept</source>
        <translation>Збережений запис</translation>
    </message>
    <message>
        <source>First record</source>
        <translation>Перший запис</translation>
    </message>
    <message>
        <source>Second record</source>
        <translation>Другий запис</translation>
    </message>
    <message>
        <source>Family card</source>
        <translation>Картка сім&apos;ї</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Член сім&apos;ї</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Візит</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Оцінка потреб</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Support group</source>
        <translation>Група взаємопідтримки</translation>
    </message>
    <message>
        <source>Group participant</source>
        <translation>Учасник групи</translation>
    </message>
    <message>
        <source>Group session</source>
        <translation>Заняття групи</translation>
    </message>
    <message>
        <source>Attendance mark</source>
        <translation>Позначка відвідування</translation>
    </message>
    <message>
        <source>Reference list entry</source>
        <translation>Запис довідника</translation>
    </message>
    <message>
        <source>Walk-in visitor</source>
        <translation>Звернення відвідувача</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Скерування</translation>
    </message>
    <message>
        <source>Merged duplicate</source>
        <translation>Об&apos;єднаний дублікат</translation>
    </message>
    <message>
        <source>Not a duplicate</source>
        <translation>Не дублікат</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>індивідуальна</translation>
    </message>
    <message>
        <source>group</source>
        <translation>групова</translation>
    </message>
    <message>
        <source>parental capacity: high</source>
        <translation>батьківський потенціал: високий</translation>
    </message>
    <message>
        <source>parental capacity: medium</source>
        <translation>батьківський потенціал: середній</translation>
    </message>
    <message>
        <source>parental capacity: low</source>
        <translation>батьківський потенціал: низький</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>прийнято</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>відмовлено</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>ще невідомо</translation>
    </message>
    <message>
        <source>female</source>
        <translation>жіноча</translation>
    </message>
    <message>
        <source>male</source>
        <translation>чоловіча</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>Wrong account or password. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Неправильний обліковий запис або пароль. Перевірте розкладку клавіатури та Caps Lock і спробуйте ще раз.</translation>
    </message>
</context>
</TS>
