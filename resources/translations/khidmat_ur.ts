<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="47"/>
        <source>&amp;User name</source>
        <translation>صارف نام (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="48"/>
        <source>&amp;Full name</source>
        <translation>پورا نام (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="57"/>
        <source>Roles</source>
        <translation>ذمہ داریاں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="63"/>
        <source>&amp;Password</source>
        <translation>پاس ورڈ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="64"/>
        <source>&amp;Repeat password</source>
        <translation>پاس ورڈ دوبارہ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="88"/>
        <source>Tick at least one role.</source>
        <translation>کم از کم ایک ذمہ داری منتخب کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="91"/>
        <source>The two passwords differ; type them again.</source>
        <translation>دونوں پاس ورڈ مختلف ہیں؛ دوبارہ لکھیں۔</translation>
    </message>
</context>
<context>
    <name>Age</name>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="111"/>
        <source>%1 min</source>
        <translation>%1 منٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="113"/>
        <source>%1 h %2 min</source>
        <translation>%1 گھنٹے %2 منٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="115"/>
        <source>%1 days</source>
        <translation>%1 دن</translation>
    </message>
</context>
<context>
    <name>ApplicationView</name>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="66"/>
        <source>Status: %1</source>
        <translation>حالت: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="98"/>
        <source>Record &amp;finding…</source>
        <translation>پولیس رپورٹ درج کریں… (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="103"/>
        <source>Mark %1</source>
        <translation>%1 قرار دیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="109"/>
        <source>Back to the list (Esc)</source>
        <translation>فہرست پر واپس (Esc)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="141"/>
        <source>Decision</source>
        <translation>فیصلہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="142"/>
        <source>Record status</source>
        <translation>ریکارڈ کی حیثیت</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="143"/>
        <source>Reference</source>
        <translation>حوالہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="145"/>
        <source>Reference date</source>
        <translation>حوالے کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="147"/>
        <source>Remark</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="148"/>
        <source>Recorded by</source>
        <translation>درج کنندہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="151"/>
        <source>Decided on own intake because</source>
        <translation>اپنی وصول کردہ درخواست پر فیصلے کی وجہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="152"/>
        <source>Police finding</source>
        <translation>پولیس رپورٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="158"/>
        <location filename="../../khidmat_desk/gui/application_view.py" line="171"/>
        <source>Print</source>
        <translation>پرنٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="162"/>
        <source>%1 printed</source>
        <translation>%1 پرنٹ ہوئیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="163"/>
        <source>not printed yet</source>
        <translation>ابھی پرنٹ نہیں ہوئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="168"/>
        <source> · a duplicate needs the in-charge</source>
        <translation> · دوسری کاپی کے لیے انچارج درکار ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="171"/>
        <source>Reprint</source>
        <translation>دوبارہ پرنٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="173"/>
        <source>Print %1</source>
        <translation>%1 پرنٹ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="177"/>
        <source>Print (Ctrl+P)</source>
        <translation>پرنٹ (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="180"/>
        <source>Preview</source>
        <translation>پیش منظر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="193"/>
        <source>Submitted</source>
        <translation>جمع ہوئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="193"/>
        <source>%1 · %2 counter %3 · %4</source>
        <translation>%1 · %2 کاؤنٹر %3 · %4</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="197"/>
        <source>Expected on</source>
        <translation>متوقع تاریخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="198"/>
        <source>Fee</source>
        <translation>فیس</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="199"/>
        <source>Documents received</source>
        <translation>وصول شدہ دستاویزات</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="200"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="201"/>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="202"/>
        <source>Queue token</source>
        <translation>ٹوکن نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="204"/>
        <source>Application</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="208"/>
        <source>no fee</source>
        <translation>کوئی فیس نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="210"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2، %3)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="220"/>
        <source>Answers</source>
        <translation>جوابات</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/application_view.py" line="229"/>
        <source>Status history</source>
        <translation>حالت کی تاریخ</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="48"/>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="199"/>
        <source>Audit trail</source>
        <extracomment>Who may appear that is not an account of this centre. Details not worth a column: digests of a record&apos;s state, the number already shown.</extracomment>
        <translation>آڈٹ ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="51"/>
        <source>DD-MM-YYYY, empty for any day</source>
        <translation>DD-MM-YYYY، کسی بھی دن کے لیے خالی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="54"/>
        <source>Anyone</source>
        <translation>کوئی بھی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="56"/>
        <source>Anything</source>
        <translation>کچھ بھی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="60"/>
        <source>tracking number, user name or counter</source>
        <translation>ٹریکنگ نمبر، صارف نام یا کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="61"/>
        <source>&amp;Show</source>
        <translation>دکھائیں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="67"/>
        <source>&amp;Day</source>
        <translation>دن (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="67"/>
        <source>&amp;By</source>
        <translation>کس نے (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="68"/>
        <source>&amp;What</source>
        <translation>کیا (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="68"/>
        <source>Abou&amp;t</source>
        <translation>کس بارے میں (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="75"/>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="75"/>
        <source>By</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="75"/>
        <source>What</source>
        <translation>کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="76"/>
        <source>About</source>
        <translation>کس بارے میں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="76"/>
        <source>Details</source>
        <translation>تفصیل</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="88"/>
        <source>&amp;Older</source>
        <translation>پرانے (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="91"/>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="229"/>
        <source>&amp;Check the trail</source>
        <translation>ریکارڈ جانچیں (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="93"/>
        <source>Walk the whole chain and its signed checkpoints, and every record against it</source>
        <translation>پوری زنجیر، اس کے دستخط شدہ مقامات اور ہر ریکارڈ کو اس کے مقابل جانچیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="95"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="128"/>
        <source>Type the day as DD-MM-YYYY, or leave it empty for any day.</source>
        <translation>دن DD-MM-YYYY کی صورت لکھیں، یا کسی بھی دن کے لیے خالی چھوڑ دیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="170"/>
        <source>No event matches.</source>
        <translation>کوئی واقعہ نہیں ملا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="171"/>
        <source>%1 event(s), newest first.</source>
        <translation>%1 واقعات، نئے پہلے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="172"/>
        <source>Older ones: Older.</source>
        <translation>پرانے: &quot;پرانے&quot; دبائیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="194"/>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="202"/>
        <source>The trail cannot be trusted: %1</source>
        <translation>اس ریکارڈ پر بھروسہ نہیں کیا جا سکتا: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="206"/>
        <source>The chain is broken at event %1 (%2): the trail was changed after it was written. Keep this PC as it is and tell the district office.</source>
        <translation>زنجیر واقعہ %1 پر ٹوٹی ہوئی ہے (%2): ریکارڈ لکھے جانے کے بعد بدلا گیا۔ اس کمپیوٹر کو ایسے ہی رہنے دیں اور ضلعی دفتر کو بتائیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="211"/>
        <source>The audit trail is empty, but this centre was set up: the database was replaced or emptied. Put back a backup.</source>
        <translation>آڈٹ ریکارڈ خالی ہے، حالانکہ یہ مرکز ترتیب دیا جا چکا ہے: ڈیٹا بیس بدل دیا گیا یا خالی کر دیا گیا۔ بیک اپ واپس لگائیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="215"/>
        <source>%1 record(s) do not match the trail; the first: %2</source>
        <translation>%1 ریکارڈ آڈٹ سے مطابقت نہیں رکھتے؛ پہلا: %2</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="218"/>
        <source>no signed checkpoint yet</source>
        <translation>ابھی کوئی دستخط شدہ مقام نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="219"/>
        <source>last signed at event %1, %2</source>
        <translation>آخری دستخط واقعہ %1 پر، %2</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="223"/>
        <source>The audit trail is intact: %1 events checked, %2 records match it; %3.</source>
        <translation>آڈٹ ریکارڈ درست ہے: %1 واقعات جانچے گئے، %2 ریکارڈ اس سے مطابقت رکھتے ہیں؛ %3۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="257"/>
        <source>signed in</source>
        <translation>سائن ان کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="258"/>
        <source>sign-in refused (wrong password)</source>
        <translation>سائن ان رد (غلط پاس ورڈ)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="260"/>
        <source>sign-in refused</source>
        <translation>سائن ان رد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="261"/>
        <source>account locked</source>
        <translation>اکاؤنٹ بند ہوا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="262"/>
        <source>account added</source>
        <translation>اکاؤنٹ بنایا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="263"/>
        <source>roles changed</source>
        <translation>کردار بدلے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="264"/>
        <source>account switched off</source>
        <translation>اکاؤنٹ غیر فعال کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="265"/>
        <source>account switched on</source>
        <translation>اکاؤنٹ فعال کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="266"/>
        <source>account unlocked</source>
        <translation>اکاؤنٹ کھولا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="267"/>
        <source>password changed</source>
        <translation>پاس ورڈ بدلا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="268"/>
        <source>application taken</source>
        <translation>درخواست لی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="269"/>
        <source>status changed</source>
        <translation>حیثیت بدلی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="270"/>
        <source>status changed by the central server</source>
        <translation>مرکزی سرور نے حیثیت بدلی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="272"/>
        <source>police finding recorded</source>
        <translation>پولیس رپورٹ درج کی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="273"/>
        <source>police finding&apos;s details</source>
        <translation>پولیس رپورٹ کی تفصیل</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="274"/>
        <source>document printed</source>
        <translation>دستاویز پرنٹ کی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="275"/>
        <source>document reprinted</source>
        <translation>دستاویز دوبارہ پرنٹ کی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="276"/>
        <source>print reached the printer</source>
        <translation>پرنٹ پرنٹر تک پہنچا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="277"/>
        <source>print failed</source>
        <translation>پرنٹ ناکام</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="278"/>
        <source>document handed over</source>
        <translation>دستاویز حوالے کی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="279"/>
        <source>photograph kept</source>
        <translation>تصویر محفوظ کی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="280"/>
        <source>photograph retaken</source>
        <translation>تصویر دوبارہ لی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="281"/>
        <source>day closed</source>
        <translation>دن بند کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="282"/>
        <source>day reopened</source>
        <translation>دن دوبارہ کھولا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="283"/>
        <source>closed day changed</source>
        <translation>بند دن میں تبدیلی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="284"/>
        <source>shift times set</source>
        <translation>شفٹوں کے اوقات مقرر کیے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="285"/>
        <source>report exported</source>
        <translation>رپورٹ برآمد کی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="286"/>
        <source>audit trail signed</source>
        <translation>آڈٹ ریکارڈ پر دستخط</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="287"/>
        <source>central server set up</source>
        <translation>مرکزی سرور ترتیب دیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="288"/>
        <source>tracking numbers carried on</source>
        <translation>ٹریکنگ نمبر آگے بڑھائے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="290"/>
        <source>record sent again</source>
        <translation>ریکارڈ دوبارہ بھیجا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="291"/>
        <source>application taken back</source>
        <translation>درخواست واپس لی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="293"/>
        <source>application imported</source>
        <translation>درخواست درآمد کی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="294"/>
        <source>counter&apos;s day exported</source>
        <translation>کاؤنٹر کا دن برآمد کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="295"/>
        <source>counter&apos;s day imported</source>
        <translation>کاؤنٹر کا دن درآمد کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="296"/>
        <source>records exported for the central server</source>
        <translation>مرکزی سرور کے لیے ریکارڈ برآمد کیے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="298"/>
        <source>backup put back</source>
        <translation>بیک اپ واپس لگایا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="299"/>
        <source>centre&apos;s signing key made</source>
        <translation>مرکز کی دستخطی کلید بنائی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/audit_dialog.py" line="301"/>
        <source>centre set up</source>
        <translation>مرکز ترتیب دیا</translation>
    </message>
</context>
<context>
    <name>CentralServerDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="39"/>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="110"/>
        <source>Central server</source>
        <extracomment>the setup was kept: the counter starts (or restarts) sending with it</extracomment>
        <translation>مرکزی سرور</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="44"/>
        <source>This counter sends every application to the central server with its own token. The central server&apos;s staff give the address and the token of this counter; the server is asked before anything is kept.</source>
        <translation>یہ کاؤنٹر ہر درخواست اپنے ٹوکن کے ساتھ مرکزی سرور کو بھیجتا ہے۔ مرکزی سرور کا عملہ اس کاؤنٹر کا پتہ اور ٹوکن دیتا ہے؛ کچھ محفوظ کرنے سے پہلے سرور سے پوچھا جاتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="53"/>
        <source>Server &amp;address</source>
        <translation>سرور کا پتہ (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="54"/>
        <source>This counter&apos;s &amp;token</source>
        <translation>اس کاؤنٹر کا ٹوکن (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="60"/>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="103"/>
        <source>&amp;Check and save</source>
        <translation>جانچیں اور محفوظ کریں (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="64"/>
        <source>the token kept now stays when this is left empty</source>
        <translation>خالی چھوڑنے پر موجودہ ٹوکن ہی رہے گا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="71"/>
        <source>Type the central server&apos;s address.</source>
        <translation>مرکزی سرور کا پتہ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="75"/>
        <source>Paste this counter&apos;s token from the central server.</source>
        <translation>مرکزی سرور سے ملا اس کاؤنٹر کا ٹوکن چسپاں کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="80"/>
        <source>Asking the server…</source>
        <translation>سرور سے پوچھا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="92"/>
        <source>The central server refused this token, so nothing was kept. Paste the whole token its staff gave for this counter.</source>
        <translation>مرکزی سرور نے یہ ٹوکن قبول نہیں کیا، اس لیے کچھ محفوظ نہیں ہوا۔ عملے کا اس کاؤنٹر کے لیے دیا گیا پورا ٹوکن چسپاں کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="113"/>
        <source>Kept, but the central server could not be asked now: %1

The counter sends when the link is up; Help → Diagnostics checks the address and token again.</source>
        <translation>محفوظ ہو گیا، مگر ابھی مرکزی سرور سے پوچھا نہ جا سکا: %1

رابطہ بحال ہوتے ہی کاؤنٹر بھیجنا شروع کر دے گا؛ مدد ← تشخیص پتہ اور ٹوکن دوبارہ جانچتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="120"/>
        <source>This PC has numbered nothing yet, and the server could not say which of this counter&apos;s numbers it holds: today&apos;s tracking numbers go on from %1. If this PC replaces a lost one, take back from the central server when the link is up.</source>
        <translation>اس کمپیوٹر نے ابھی کوئی نمبر نہیں دیا، اور سرور نہ بتا سکا کہ اس کاؤنٹر کے کون سے نمبر اس کے پاس ہیں: آج کے ٹریکنگ نمبر %1 سے آگے چلیں گے۔ اگر یہ کمپیوٹر کسی گم شدہ کمپیوٹر کی جگہ ہے تو رابطہ بحال ہونے پر مرکزی سرور سے واپس لیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="127"/>
        <source>The central server answered and the setup is kept. The token is %1&apos;s.</source>
        <translation>مرکزی سرور نے جواب دیا اور ترتیب محفوظ ہو گئی۔ یہ ٹوکن %1 کا ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="130"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="134"/>
        <source>The server already holds applications of this counter: tracking numbers go on from %1. Take them back: Centre → Take back from the central server.</source>
        <translation>سرور کے پاس اس کاؤنٹر کی درخواستیں پہلے سے موجود ہیں: ٹریکنگ نمبر %1 سے آگے چلیں گے۔ انہیں واپس لیں: مرکز ← مرکزی سرور سے واپس لیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="141"/>
        <source>%1, any counter</source>
        <translation>%1، کوئی بھی کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/central_server_dialog.py" line="142"/>
        <source>%1 counter %2</source>
        <translation>%1 کاؤنٹر %2</translation>
    </message>
</context>
<context>
    <name>CentreMenu</name>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="62"/>
        <source>C&amp;entre</source>
        <extracomment>An application was opened from the centre&apos;s list: Esc goes back to that list.</extracomment>
        <translation>مرکز (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="63"/>
        <source>&amp;Today at the centre…</source>
        <translation>مرکز میں آج… (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="65"/>
        <source>&amp;All counters&apos; applications</source>
        <translation>تمام کاؤنٹرز کی درخواستیں (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="67"/>
        <source>&amp;Users…</source>
        <translation>صارفین… (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="68"/>
        <source>&amp;Shift times…</source>
        <translation>شفٹوں کے اوقات… (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="69"/>
        <source>Awaiting a &amp;finding</source>
        <translation>نتیجے کی منتظر درخواستیں (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="71"/>
        <source>E&amp;xport this counter&apos;s day…</source>
        <translation>اس کاؤنٹر کا دن برآمد کریں… (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="73"/>
        <source>&amp;Import a counter&apos;s day…</source>
        <translation>کسی کاؤنٹر کا دن درآمد کریں… (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="75"/>
        <source>Take &amp;back from the central server…</source>
        <translation>مرکزی سرور سے واپس لیں… (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="77"/>
        <source>&amp;Central server…</source>
        <translation>مرکزی سرور… (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="79"/>
        <source>Au&amp;dit trail…</source>
        <translation>آڈٹ ریکارڈ… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="116"/>
        <source>Finish or cancel the application being taken first (Esc).</source>
        <translation>پہلے زیرِ کارروائی درخواست مکمل یا منسوخ کریں (Esc)۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_menu.py" line="200"/>
        <source>Finding recorded on %1: %2. Esc: back to the list.</source>
        <translation>%1 پر نتیجہ درج ہو گیا: %2۔ Esc: فہرست پر واپس۔</translation>
    </message>
</context>
<context>
    <name>CentreModel</name>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="38"/>
        <source>Tracking number</source>
        <translation>ٹریکنگ نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="38"/>
        <source>Citizen</source>
        <translation>شہری</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="38"/>
        <source>Service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="39"/>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="39"/>
        <source>Counter</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="39"/>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="40"/>
        <source>Officer</source>
        <translation>افسر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="40"/>
        <source>Due</source>
        <translation>مقررہ تاریخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="73"/>
        <source> overdue</source>
        <translation> تاخیر شدہ</translation>
    </message>
</context>
<context>
    <name>CentreView</name>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="90"/>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="153"/>
        <source>All counters&apos; applications</source>
        <translation>تمام کاؤنٹرز کی درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="96"/>
        <source>Tracking number, CNIC, mobile, plate or name</source>
        <translation>ٹریکنگ نمبر، شناختی کارڈ، موبائل، نمبر پلیٹ یا نام</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="99"/>
        <source>Any status</source>
        <translation>کوئی بھی حیثیت</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="103"/>
        <source>Any service</source>
        <translation>کوئی بھی سروس</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="108"/>
        <source>Officer (user name)</source>
        <translation>افسر (صارف نام)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="119"/>
        <source>&amp;Overdue only</source>
        <translation>صرف تاخیر شدہ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="120"/>
        <source>&amp;Show</source>
        <translation>دکھائیں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="152"/>
        <source>Awaiting a police finding — oldest first</source>
        <translation>پولیس کے نتیجے کی منتظر درخواستیں — پرانی پہلے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/centre_view.py" line="169"/>
        <source>Applications: %1 · overdue: %2</source>
        <translation>درخواستیں: %1 · تاخیر شدہ: %2</translation>
    </message>
</context>
<context>
    <name>ClockWatch</name>
    <message>
        <location filename="../../khidmat_desk/gui/clock_watch.py" line="50"/>
        <location filename="../../khidmat_desk/gui/clock_watch.py" line="60"/>
        <source>This PC&apos;s clock is wrong</source>
        <extracomment>How often the clock is looked at again, in milliseconds.</extracomment>
        <translation>اس کمپیوٹر کی گھڑی غلط ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/clock_watch.py" line="67"/>
        <source>The PC&apos;s clock is right again.</source>
        <translation>کمپیوٹر کی گھڑی اب درست ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/clock_watch.py" line="79"/>
        <source>⚠ Set the PC&apos;s clock</source>
        <translation>⚠ کمپیوٹر کی گھڑی درست کریں</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="87"/>
        <source>Close the day</source>
        <translation>دن بند کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="96"/>
        <source>A day with shifts is closed as the sum of its shifts: close each shift first; their cash counts make the day&apos;s.</source>
        <translation>شفٹوں والا دن اپنی شفٹوں کے مجموعے سے بند ہوتا ہے: پہلے ہر شفٹ بند کریں؛ ان کی نقدی کی گنتی سے دن کی گنتی بنتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="120"/>
        <source>&amp;Day</source>
        <translation>دن (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="125"/>
        <source>S&amp;hift</source>
        <translation>شفٹ (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="138"/>
        <source>Cash &amp;counted (whole centre)</source>
        <translation>گنی گئی نقدی، پورا مرکز (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="141"/>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="292"/>
        <source>Difference</source>
        <translation>فرق</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="145"/>
        <source>&amp;Explanation of a difference</source>
        <translation>فرق کی وضاحت (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="149"/>
        <source>treasury challan or bank deposit slip number</source>
        <translation>ٹریژری چالان یا بینک ڈپازٹ سلپ نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="150"/>
        <source>De&amp;posit reference</source>
        <translation>جمع کرانے کا حوالہ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="155"/>
        <source>&amp;Reopen…</source>
        <translation>دوبارہ کھولیں… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="160"/>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="253"/>
        <source>C&amp;lose the day</source>
        <translation>دن بند کریں (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="164"/>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="220"/>
        <source>%1 was closed by %2 at %3: cash counted %4 against %5 expected. Reopen it to change it.</source>
        <translation>%1 کو %2 نے %3 پر بند کیا: گنی گئی نقدی %4، متوقع %5۔ تبدیلی کے لیے اسے دوبارہ کھولیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="229"/>
        <source>Since then: %1 late record(s); the cash expected is now %2.</source>
        <translation>اس کے بعد: %1 تاخیر سے آنے والے ریکارڈ؛ اب متوقع نقد رقم %2 ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="233"/>
        <source>%1: %2 applications, cash expected %3.</source>
        <translation>%1: %2 درخواستیں، متوقع نقدی %3۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="239"/>
        <source>Reopened by %1: %2</source>
        <translation>%1 نے دوبارہ کھولا: %2</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="252"/>
        <source>C&amp;lose the shift</source>
        <translation>شفٹ بند کریں (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="274"/>
        <source>Whole day</source>
        <translation>پورا دن</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="276"/>
        <source>%1 shift</source>
        <translation>%1 شفٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="291"/>
        <source>Officer</source>
        <translation>افسر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="291"/>
        <source>Cash expected</source>
        <translation>متوقع نقدی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="292"/>
        <source>Handed over</source>
        <translation>جمع کرائی گئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="369"/>
        <source>Type the cash counted for the whole centre.</source>
        <translation>پورے مرکز کی گنی گئی نقدی لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="377"/>
        <source>The cash counted differs from the cash expected: type the explanation.</source>
        <translation>گنی گئی نقدی متوقع نقدی سے مختلف ہے: وضاحت لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="397"/>
        <source>Cash counted %1 against %2 expected: difference %3.</source>
        <translation>گنی گئی نقدی %1، متوقع %2: فرق %3۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="401"/>
        <source>Close %1</source>
        <translation>%1 بند کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="392"/>
        <source>Close %1? It is locked once closed: a later change needs your override with a reason.</source>
        <translation>%1 بند کریں؟ بند ہونے کے بعد یہ مقفل ہو جاتا ہے: بعد کی کسی تبدیلی کے لیے وجہ کے ساتھ آپ کی اجازت درکار ہوگی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="412"/>
        <source>%1 closed: %2 applications; cash counted %3, expected %4, difference %5.</source>
        <translation>%1 بند ہو گیا: %2 درخواستیں؛ گنی گئی نقدی %3، متوقع %4، فرق %5۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="418"/>
        <source>Audit trail signed.</source>
        <translation>آڈٹ ریکارڈ پر دستخط ہو گئے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="419"/>
        <source>The audit trail was NOT signed: %1</source>
        <translation>آڈٹ ریکارڈ پر دستخط نہیں ہوئے: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="421"/>
        <source>Backup: %1</source>
        <translation>بیک اپ: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="422"/>
        <source>No backup: %1</source>
        <translation>بیک اپ نہیں بنا: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="424"/>
        <source>Closed</source>
        <translation>بند</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="433"/>
        <source>Reopen %1</source>
        <translation>%1 دوبارہ کھولیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="434"/>
        <source>Why is %1 reopened? (kept in the audit trail and sent to the central server)</source>
        <translation>%1 کیوں دوبارہ کھولا جا رہا ہے؟ (آڈٹ ریکارڈ میں محفوظ ہوگا اور مرکزی سرور کو بھیجا جائے گا)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/close_dialog.py" line="439"/>
        <source>Type why the day is reopened.</source>
        <translation>دن دوبارہ کھولنے کی وجہ لکھیں۔</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="138"/>
        <source>Khidmat Desk — the database is damaged</source>
        <translation>خدمت ڈیسک — ڈیٹا بیس خراب ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="141"/>
        <source>The database on this computer is damaged (%1) and there is no good backup on this computer to put back. Do not use this counter: call the in-charge. The damaged file stays untouched in %2.</source>
        <translation>اس کمپیوٹر کا ڈیٹا بیس خراب ہے (%1) اور اس کمپیوٹر پر کوئی درست بیک اپ موجود نہیں جسے واپس لگایا جا سکے۔ یہ کاؤنٹر استعمال نہ کریں: انچارج کو بلائیں۔ خراب فائل %2 میں جوں کی توں محفوظ ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="150"/>
        <source>The database on this computer is damaged (%1): nothing more can be saved in it. Stop working at this counter and call the in-charge.

The last good backup is:
%2

The in-charge can put it back now.</source>
        <translation>اس کمپیوٹر کا ڈیٹا بیس خراب ہے (%1): اب اس میں کچھ محفوظ نہیں ہو سکتا۔ اس کاؤنٹر پر کام روک دیں اور انچارج کو بلائیں۔

آخری درست بیک اپ یہ ہے:
%2

انچارج اسے ابھی واپس لگا سکتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="154"/>
        <source>&amp;Restore the last good backup…</source>
        <translation>آخری درست بیک اپ واپس لگائیں… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="154"/>
        <source>&amp;Quit</source>
        <translation>پروگرام بند کریں (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="177"/>
        <source>The backup is back in place. The damaged database is kept at %1. Applications saved after the backup was taken must be entered again from their papers.</source>
        <translation>بیک اپ واپس لگ گیا ہے۔ خراب ڈیٹا بیس %1 پر محفوظ رکھا گیا ہے۔ بیک اپ بننے کے بعد محفوظ کی گئی درخواستیں ان کے کاغذات سے دوبارہ درج کرنی ہوں گی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="181"/>
        <source>The backup is back in place. The damaged database is kept at %1. %2 application(s) saved or changed after the backup were taken back from it: check them against their papers; enter again any other application saved after the backup.</source>
        <translation>بیک اپ واپس لگا دیا گیا ہے۔ خراب ڈیٹا بیس %1 پر محفوظ ہے۔ بیک اپ کے بعد محفوظ یا تبدیل ہونے والی %2 درخواستیں اس سے واپس لے لی گئیں: انہیں ان کے کاغذات سے ملا لیں؛ بیک اپ کے بعد محفوظ ہونے والی کوئی اور درخواست دوبارہ درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="186"/>
        <source>The backup is back in place. The damaged database is kept at %1; it held no application newer than the backup.</source>
        <translation>بیک اپ واپس لگا دیا گیا ہے۔ خراب ڈیٹا بیس %1 پر محفوظ ہے؛ اس میں بیک اپ سے نئی کوئی درخواست نہیں تھی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="191"/>
        <source>counter %1, %2: %3</source>
        <translation>کاؤنٹر %1، %2: %3</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="194"/>
        <source>Tracking numbers go on after those handed out before: %1.</source>
        <translation>ٹریکنگ نمبر پہلے دیے گئے نمبروں کے بعد سے چلیں گے: %1۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="195"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="198"/>
        <source>Before typing anything again, take back what this counter sent to the central server after the backup: the in-charge signs in and chooses Centre, then Take back from the central server. Only what the server does not hold is typed again.</source>
        <translation>کچھ بھی دوبارہ درج کرنے سے پہلے، بیک اپ کے بعد اس کاؤنٹر نے جو مرکزی سرور کو بھیجا وہ واپس لیں: انچارج سائن ان کر کے مرکز، پھر &quot;مرکزی سرور سے واپس لیں&quot; منتخب کریں۔ صرف وہی دوبارہ درج کیا جائے جو سرور کے پاس نہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="322"/>
        <source>Khidmat Desk is already open with the data folder %1 on this computer. Use that window (it may be minimised), or close it first.</source>
        <translation>اس کمپیوٹر پر خدمت ڈیسک ڈیٹا فولڈر %1 کے ساتھ پہلے سے کھلا ہے۔ وہی ونڈو استعمال کریں (ہو سکتا ہے وہ چھوٹی کی ہوئی ہو)، یا پہلے اسے بند کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="104"/>
        <source>Counter %1</source>
        <translation>کاؤنٹر %1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="99"/>
        <source>Today at the centre</source>
        <translation>مرکز میں آج</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="108"/>
        <source>Applications by hour</source>
        <translation>فی گھنٹہ درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="109"/>
        <source>Applications by category</source>
        <translation>زمرہ وار درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="123"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="142"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="145"/>
        <source>Applications</source>
        <translation>درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="123"/>
        <source>Paid</source>
        <translation>ادا شدہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="124"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="147"/>
        <source>Cash expected</source>
        <translation>متوقع نقدی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="124"/>
        <source>Pending / overdue</source>
        <translation>زیرِ التوا / تاخیر شدہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="125"/>
        <source>Ready, not collected</source>
        <translation>تیار، وصول نہیں کی گئیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="126"/>
        <source>Voids / reprints</source>
        <translation>منسوخ / دوبارہ پرنٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="126"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="162"/>
        <source>Drafts open</source>
        <translation>کھلے مسودے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="127"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="163"/>
        <source>Late records</source>
        <translation>تاخیر سے آنے والے ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="142"/>
        <source>Counter</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="142"/>
        <source>Last saved</source>
        <translation>آخری محفوظ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="143"/>
        <source>Waiting to send</source>
        <translation>بھیجنے کے منتظر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="143"/>
        <source>Oldest waiting</source>
        <translation>سب سے پرانا منتظر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="144"/>
        <source>Set aside</source>
        <translation>الگ رکھے گئے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="144"/>
        <source>Day bundle imported</source>
        <translation>دن کا بنڈل درآمد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="145"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="153"/>
        <source>Officer</source>
        <translation>افسر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="145"/>
        <source>Cash</source>
        <translation>نقد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="146"/>
        <source>Card</source>
        <translation>کارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="146"/>
        <source>Online</source>
        <translation>آن لائن</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="146"/>
        <source>Refunded</source>
        <translation>واپس کی گئی رقم</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="148"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="155"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="156"/>
        <source>What</source>
        <translation>کیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="148"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="151"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="154"/>
        <source>Tracking number</source>
        <translation>ٹریکنگ نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="148"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="156"/>
        <source>At</source>
        <translation>وقت</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="148"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="156"/>
        <source>By</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="149"/>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="150"/>
        <source>Police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="150"/>
        <source>Pending</source>
        <translation>زیرِ التوا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="150"/>
        <source>Overdue</source>
        <translation>تاخیر شدہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="151"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="153"/>
        <source>Service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="152"/>
        <source>Applicant</source>
        <translation>درخواست گزار</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="152"/>
        <source>Ready since</source>
        <translation>کب سے تیار</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="153"/>
        <source>Last typed</source>
        <translation>آخری اندراج</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="154"/>
        <source>Closed day</source>
        <translation>بند شدہ دن</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="154"/>
        <source>Made at</source>
        <translation>کب بنا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="156"/>
        <source>About</source>
        <translation>کس بارے میں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="157"/>
        <source>Details</source>
        <translation>تفصیل</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="159"/>
        <source>By officer</source>
        <translation>افسر وار</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="160"/>
        <source>Voids and reprints</source>
        <translation>منسوخیاں اور دوبارہ پرنٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="164"/>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="299"/>
        <source>Needs your eye</source>
        <translation>توجہ طلب</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="180"/>
        <source>Next list: Ctrl+Tab; previous: Ctrl+Shift+Tab</source>
        <translation>اگلی فہرست: Ctrl+Tab؛ پچھلی: Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="201"/>
        <source>&amp;Day report (PDF)…</source>
        <translation>یومیہ رپورٹ (PDF)… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="202"/>
        <source>&amp;Spreadsheet (XLSX)…</source>
        <translation>اسپریڈشیٹ (XLSX)… (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="203"/>
        <source>CS&amp;V…</source>
        <translation>CSV… (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="257"/>
        <source> · closed by %1: cash counted Rs %2, difference Rs %3</source>
        <translation> · بند کیا: %1، گنی گئی نقدی Rs %2، فرق Rs %3</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="159"/>
        <source>Counters</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="161"/>
        <source>Pending by police station</source>
        <translation>تھانہ وار زیرِ التوا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="162"/>
        <source>Not collected</source>
        <translation>وصول نہیں کی گئیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="190"/>
        <source>&amp;Refresh</source>
        <translation>تازہ کریں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="193"/>
        <source>C&amp;lose the day…</source>
        <translation>دن بند کریں… (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="209"/>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="241"/>
        <source>This PC has not sent to the central server yet.</source>
        <translation>اس کمپیوٹر نے ابھی تک مرکزی سرور کو کچھ نہیں بھیجا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="243"/>
        <source>Central server: reached; last sent %1.</source>
        <translation>مرکزی سرور: رابطہ ہے؛ آخری بار بھیجا %1۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="246"/>
        <source>Central server NOT reached; last sent %1.</source>
        <translation>مرکزی سرور سے رابطہ نہیں؛ آخری بار بھیجا %1۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="260"/>
        <source>%1 — %2, updated %3%4</source>
        <translation>%1 — %2، تازہ کاری %3%4</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="298"/>
        <source>Needs your eye (%1)</source>
        <translation>توجہ طلب (%1)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="306"/>
        <source>reprint</source>
        <translation>دوبارہ پرنٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="308"/>
        <source>void</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="358"/>
        <source>Save the day&apos;s %1</source>
        <translation>دن کی %1 محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="390"/>
        <source>Export</source>
        <translation>برآمد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/dashboard.py" line="390"/>
        <source>Written: %1</source>
        <translation>محفوظ ہو گئی: %1</translation>
    </message>
</context>
<context>
    <name>DayBundles</name>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="49"/>
        <source>Export this counter&apos;s day</source>
        <translation>اس کاؤنٹر کا دن برآمد کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="50"/>
        <source>Which day of counter %1 goes into the file?</source>
        <translation>کاؤنٹر %1 کا کون سا دن فائل میں جائے؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="52"/>
        <source>The &amp;working day, %1</source>
        <translation>کام کا دن، %1 (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="53"/>
        <source>The day &amp;before, %1</source>
        <translation>اس سے پہلا دن، %1 (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="54"/>
        <source>&amp;Cancel</source>
        <translation>منسوخ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="61"/>
        <source>Save the day bundle</source>
        <translation>دن کی فائل محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="64"/>
        <source>Writing the day bundle…</source>
        <translation>دن کی فائل لکھی جا رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="70"/>
        <source>Day bundle written: %1</source>
        <translation>دن کی فائل لکھ دی گئی: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="72"/>
        <source>Day bundle written</source>
        <translation>دن کی فائل لکھ دی گئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="73"/>
        <source>Counter %1, %2: %3 applications taken, changed or printed that day, with their %4 record versions, written to
%5

Take the file to the in-charge&apos;s PC and import it there (Centre menu). The first time, it asks for this counter&apos;s key:

%6</source>
        <translation>کاؤنٹر %1، %2: اس دن لی گئی، بدلی گئی یا پرنٹ ہوئی %3 درخواستیں، ان کے %4 ریکارڈ ورژن سمیت، اس فائل میں لکھی گئیں:
%5

فائل انچارج کے کمپیوٹر پر لے جا کر وہاں درآمد کریں (مرکز کا مینو)۔ پہلی بار وہ اس کاؤنٹر کی کلید مانگے گا:

%6</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="84"/>
        <source>Import a counter&apos;s day bundle</source>
        <translation>کسی کاؤنٹر کے دن کی فائل درآمد کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="91"/>
        <source>Importing %1…</source>
        <translation>%1 درآمد ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="104"/>
        <source>Counter %1&apos;s key</source>
        <translation>کاؤنٹر %1 کی کلید</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="105"/>
        <source>%1

The key (spaces do not matter):</source>
        <translation>%1

کلید (خالی جگہوں سے فرق نہیں پڑتا):</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="112"/>
        <source>Counter %1, %2: %3 applications, %4 record versions and %5 printed copies added.</source>
        <translation>کاؤنٹر %1، %2: %3 درخواستیں، %4 ریکارڈ ورژن اور %5 چھپی ہوئی نقول شامل کی گئیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="117"/>
        <source>%1 of them reached a day already closed: they are listed as late on the dashboard.</source>
        <translation>ان میں سے %1 ایسے دن میں آئیں جو بند ہو چکا تھا: یہ ڈیش بورڈ پر تاخیر سے آنے والوں میں درج ہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/day_bundles.py" line="120"/>
        <source>Day bundle imported</source>
        <translation>دن کا بنڈل درآمد</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/diagnostics.py" line="27"/>
        <source>Diagnostics</source>
        <translation>تشخیص</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/diagnostics.py" line="32"/>
        <source>Checking this counter…</source>
        <translation>اس کاؤنٹر کی جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/diagnostics.py" line="33"/>
        <source>&amp;Copy</source>
        <translation>کاپی کریں (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/diagnostics.py" line="37"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="55"/>
        <source>Documents received</source>
        <translation>وصول شدہ دستاویزات</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="57"/>
        <source>All received</source>
        <translation>سب وصول ہو گئیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="58"/>
        <source>Tick every document (Ctrl+Shift+D)</source>
        <translation>تمام دستاویزات پر نشان لگائیں (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="63"/>
        <source>Fee</source>
        <translation>فیس</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="66"/>
        <source>Queue token number</source>
        <translation>ٹوکن نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="67"/>
        <source>optional</source>
        <translation>اختیاری</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="69"/>
        <source>Payment method</source>
        <translation>ادائیگی کا طریقہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="70"/>
        <source>Cash</source>
        <translation>نقد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="70"/>
        <source>Card</source>
        <translation>کارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="71"/>
        <source>Online transfer</source>
        <translation>آن لائن منتقلی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="74"/>
        <source>&amp;Queue token number</source>
        <translation>ٹوکن نمبر (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="75"/>
        <source>Pa&amp;yment</source>
        <translation>ادائیگی (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="97"/>
        <source> (if any)</source>
        <translation> (اگر ہو)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="119"/>
        <source>not set</source>
        <translation>مقرر نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="122"/>
        <source>fee not set: take no money</source>
        <translation>فیس مقرر نہیں: کوئی رقم نہ لیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="123"/>
        <source>No fee</source>
        <translation>کوئی فیس نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="126"/>
        <source>Total</source>
        <translation>کل</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="129"/>
        <source>This fee is not set at this centre: take no money. The application is saved without payment; ask the in-charge to set the fee.</source>
        <translation>اس مرکز پر یہ فیس ابھی مقرر نہیں: کوئی رقم نہ لیں۔ درخواست ادائیگی کے بغیر محفوظ ہو گی؛ فیس مقرر کرنے کے لیے انچارج سے کہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="139"/>
        <source>Not received yet: %1</source>
        <translation>ابھی وصول نہیں ہوئیں: %1</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="213"/>
        <source>Application saved</source>
        <translation>درخواست محفوظ ہو گئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="217"/>
        <source>Tracking number</source>
        <translation>ٹریکنگ نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="222"/>
        <source>&amp;New application</source>
        <translation>نئی درخواست (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="223"/>
        <source>Same service, next citizen (Enter)</source>
        <translation>یہی سروس، اگلا شہری (Enter)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="224"/>
        <source>Back to the &amp;queue</source>
        <translation>قطار پر واپس (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="225"/>
        <source>Back to the queue (Esc)</source>
        <translation>قطار پر واپس (Esc)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="228"/>
        <source>&amp;Print receipt</source>
        <translation>رسید پرنٹ کریں (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="229"/>
        <source>Print the receipt (Ctrl+P)</source>
        <translation>رسید پرنٹ کریں (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="245"/>
        <source>Fee received: %1</source>
        <translation>وصول شدہ فیس: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="246"/>
        <source>Expected on: %1</source>
        <translation>متوقع تاریخ: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="254"/>
        <source>Saved after the in-charge closed this day (or shift): it is kept there as a late record, and its fee is not in that close&apos;s count. Tell the in-charge.</source>
        <translation>یہ درخواست انچارج کے دن (یا شفٹ) بند کرنے کے بعد محفوظ ہوئی: یہ وہاں تاخیر سے آنے والے ریکارڈ کے طور پر رکھی گئی ہے، اور اس کی فیس اُس بندش کی گنتی میں شامل نہیں۔ انچارج کو بتائیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="257"/>
        <source>Saved after the in-charge closed this day (or shift): it is kept there as a late record. Tell the in-charge.</source>
        <translation>یہ درخواست انچارج کے دن (یا شفٹ) بند کرنے کے بعد محفوظ ہوئی: یہ وہاں تاخیر سے آنے والے ریکارڈ کے طور پر رکھی گئی ہے۔ انچارج کو بتائیں۔</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="58"/>
        <source> (optional)</source>
        <extracomment>A focus ring that shows on every kind of input, not only on text boxes: the officer works by keyboard and must see where the next key lands (a choice list or a tick box included).</extracomment>
        <translation> (اختیاری)</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="44"/>
        <source>Record finding — %1</source>
        <translation>پولیس رپورٹ درج کریں — %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="49"/>
        <source>&amp;Verified</source>
        <translation>تصدیق شدہ (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="50"/>
        <source>&amp;Rejected</source>
        <translation>مسترد (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="59"/>
        <source>Decision</source>
        <translation>فیصلہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="61"/>
        <source>Record &amp;status</source>
        <translation>ریکارڈ کی حیثیت (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="66"/>
        <source>DD-MM-YYYY (optional)</source>
        <translation>DD-MM-YYYY (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="68"/>
        <source>Reference &amp;date</source>
        <translation>حوالے کی تاریخ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="72"/>
        <source>Re&amp;mark (the reason, for a rejection)</source>
        <translation>کیفیت (مسترد کرنے پر وجہ) (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="75"/>
        <source>You took in this application yourself. As the in-charge you may decide on it only with a reason.</source>
        <translation>یہ درخواست آپ نے خود وصول کی تھی۔ بطور انچارج آپ اس پر صرف وجہ لکھ کر فیصلہ کر سکتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="78"/>
        <source>Reason for deciding it &amp;yourself</source>
        <translation>خود فیصلہ کرنے کی وجہ (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="125"/>
        <source>The reference date is not a date like 25-11-2026.</source>
        <translation>حوالے کی تاریخ 25-11-2026 جیسی تاریخ نہیں ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/finding_dialog.py" line="142"/>
        <source>Type why you decide on an application you took in.</source>
        <translation>لکھیں کہ آپ اپنی وصول کردہ درخواست پر فیصلہ کیوں کر رہے ہیں۔</translation>
    </message>
</context>
<context>
    <name>GroupEditor</name>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="111"/>
        <source>Add a row</source>
        <translation>نئی قطار شامل کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="112"/>
        <source>Add a row (Ctrl+Shift+A)</source>
        <translation>نئی قطار شامل کریں (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="136"/>
        <source>Row %1</source>
        <translation>قطار %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="138"/>
        <source>Remove</source>
        <translation>ہٹائیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="139"/>
        <source>Remove row %1</source>
        <translation>قطار %1 ہٹائیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="140"/>
        <source>Remove this row (Ctrl+Shift+Delete)</source>
        <translation>یہ قطار ہٹائیں (Ctrl+Shift+Delete)</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="38"/>
        <source>Hand over %1</source>
        <translation>%1 حوالے کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="41"/>
        <source>Who is collecting the document for %1? Ask for their CNIC and type its number.</source>
        <translation>%1 کی دستاویز کون وصول کر رہا ہے؟ ان کا شناختی کارڈ دیکھیں اور اس کا نمبر لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="43"/>
        <source>The &amp;applicant in person</source>
        <translation>درخواست گزار خود (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="45"/>
        <source>A &amp;representative</source>
        <translation>نمائندہ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="52"/>
        <source>Representative&apos;s name</source>
        <translation>نمائندے کا نام</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="56"/>
        <source>Collector&apos;s CNIC</source>
        <translation>وصول کنندہ کا شناختی کارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="58"/>
        <source>Representative&apos;s &amp;name</source>
        <translation>نمائندے کا نام (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="59"/>
        <source>&amp;CNIC shown</source>
        <translation>دکھایا گیا شناختی کارڈ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="66"/>
        <source>DD-MM-YYYY</source>
        <translation>DD-MM-YYYY (دن-مہینہ-سال)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/handover.py" line="70"/>
        <source>Hand over</source>
        <translation>حوالے کریں</translation>
    </message>
</context>
<context>
    <name>Issue</name>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="223"/>
        <source>row %1</source>
        <extracomment>English words that stand inside a message (field labels, a service&apos;s own sentences) and their Urdu, gathered from the services the counter has opened.</extracomment>
        <translation>قطار %1</translation>
    </message>
</context>
<context>
    <name>LauncherEntry</name>
    <message>
        <location filename="../../khidmat_desk/gui/launcher.py" line="46"/>
        <source>Applications today at this counter</source>
        <translation>اس کاؤنٹر پر آج کی درخواستیں</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/login.py" line="39"/>
        <source>Khidmat Desk — counter locked</source>
        <translation>خدمت ڈیسک — کاؤنٹر مقفل</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/login.py" line="40"/>
        <source>Counter locked</source>
        <translation>کاؤنٹر مقفل ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/login.py" line="43"/>
        <source>&amp;Unlock</source>
        <translation>کھولیں (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/login.py" line="45"/>
        <source>Type your password to go on where you left off.</source>
        <translation>جہاں چھوڑا تھا وہیں سے جاری رکھنے کے لیے اپنا پاس ورڈ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/login.py" line="72"/>
        <source>Type your user name and password.</source>
        <translation>اپنا یوزر نیم اور پاس ورڈ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/login.py" line="77"/>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/login.py" line="95"/>
        <source>Could not sign in.</source>
        <translation>سائن اِن نہیں ہو سکا۔</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="12"/>
        <source>Khidmat Desk — sign in</source>
        <translation>خدمت ڈیسک — سائن اِن</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="23"/>
        <source>Khidmat Desk</source>
        <translation>خدمت ڈیسک</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="38"/>
        <source>&amp;User name</source>
        <translation>یوزر نیم (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="44"/>
        <source>User name</source>
        <translation>یوزر نیم</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="50"/>
        <source>&amp;Password</source>
        <translation>پاس ورڈ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="56"/>
        <source>Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="66"/>
        <source>Caps Lock is on</source>
        <translation>کیپس لاک آن ہے</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="79"/>
        <source>S&amp;witch user</source>
        <translation>صارف بدلیں (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="80"/>
        <source>Sign in as another officer (Alt+W)</source>
        <translation>کسی دوسرے افسر کے طور پر سائن اِن کریں (Alt+W)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="91"/>
        <source>&amp;Sign in</source>
        <translation>سائن اِن (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="92"/>
        <source>Sign in (Enter)</source>
        <translation>سائن اِن (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="98"/>
        <source>&amp;Quit</source>
        <translation>پروگرام بند کریں (&amp;Q)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="139"/>
        <source>Counter locked</source>
        <extracomment>the in-charge set up the central server: the counter (re)starts its sync with it</extracomment>
        <translation>کاؤنٹر مقفل ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="155"/>
        <source>Khidmat Desk — %1</source>
        <translation>خدمت ڈیسک — %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/app.py" line="43"/>
        <location filename="../../khidmat_desk/gui/main_window.py" line="183"/>
        <source>%1 · counter %2</source>
        <translation>%1 · کاؤنٹر %2</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="192"/>
        <location filename="../../khidmat_desk/gui/main_window.py" line="549"/>
        <source>Sync: not set up</source>
        <translation>سنک: ترتیب نہیں دیا گیا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="193"/>
        <source>Sync with the central server (Ctrl+Shift+S)</source>
        <translation>مرکزی سرور سے سنک (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="229"/>
        <source>S&amp;ync…</source>
        <translation>سنک… (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="270"/>
        <source>Today&apos;s applications at this counter</source>
        <translation>اس کاؤنٹر پر آج کی درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="313"/>
        <location filename="../../khidmat_desk/gui/main_window.py" line="361"/>
        <source>Searching…</source>
        <translation>تلاش جاری ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="337"/>
        <source>Nothing matches.</source>
        <translation>کچھ نہیں ملا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="290"/>
        <location filename="../../khidmat_desk/gui/main_window.py" line="393"/>
        <source>Finish or cancel the application being taken first (Esc).</source>
        <translation>پہلے زیرِ کارروائی درخواست مکمل یا منسوخ کریں (Esc)۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="244"/>
        <source>&amp;Diagnostics…</source>
        <translation>تشخیص… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="246"/>
        <source>&amp;About Khidmat Desk</source>
        <translation>خدمت ڈیسک کے بارے میں (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="261"/>
        <source>Counter application for Punjab Police Khidmat Markaz service centres.</source>
        <translation>پنجاب پولیس خدمت مرکز سروس سینٹرز کے لیے کاؤنٹر ایپلیکیشن۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="263"/>
        <source>Data folder: %1</source>
        <translation>ڈیٹا فولڈر: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="265"/>
        <source>About Khidmat Desk</source>
        <translation>خدمت ڈیسک کے بارے میں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="323"/>
        <source>Found %1; finish or cancel the application being taken first (Esc) to see it.</source>
        <translation>%1 ملیں؛ دیکھنے کے لیے پہلے زیرِ اندراج درخواست مکمل یا منسوخ کریں (Esc)۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="325"/>
        <location filename="../../khidmat_desk/gui/main_window.py" line="335"/>
        <source>No application matches “%1”.</source>
        <translation>“%1” سے کوئی درخواست نہیں ملی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="330"/>
        <source>%1 found by %2</source>
        <translation>%2 سے %1 ملیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="332"/>
        <source>Found %1.</source>
        <translation>%1 ملیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="347"/>
        <source>1 application</source>
        <translation>1 درخواست</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="348"/>
        <source>%1 applications</source>
        <translation>%1 درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="354"/>
        <source>Scanned %1</source>
        <translation>%1 اسکین ہوا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="357"/>
        <source>Scanned %1: finish or cancel the application being taken first (Esc), then scan again.</source>
        <translation>%1 اسکین ہوا: پہلے زیرِ اندراج درخواست مکمل یا منسوخ کریں (Esc)، پھر دوبارہ اسکین کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="415"/>
        <source>Opened %1</source>
        <translation>%1 کھولی گئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="423"/>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="424"/>
        <source>Why is this application being marked %1?</source>
        <translation>یہ درخواست %1 کیوں قرار دی جا رہی ہے؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="432"/>
        <source>%1 marked %2.</source>
        <translation>%1 کو %2 قرار دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="435"/>
        <source>The day was closed: the override is in the audit trail.</source>
        <translation>دن بند ہو چکا تھا: یہ استثنا آڈٹ ریکارڈ میں درج ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="449"/>
        <source>The day is closed</source>
        <translation>دن بند ہو چکا ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="450"/>
        <source>%1

To change it anyway, type the reason (it is kept in the audit trail):</source>
        <translation>%1

پھر بھی تبدیل کرنے کے لیے وجہ لکھیں (یہ آڈٹ ریکارڈ میں محفوظ رہے گی):</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="489"/>
        <source>%1 handed over.</source>
        <translation>%1 حوالے کر دی گئی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="500"/>
        <source>Taking applications in is the officers&apos; work.</source>
        <translation>درخواستیں وصول کرنا افسران کا کام ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="505"/>
        <source>Finish or cancel this application first (Esc).</source>
        <translation>پہلے یہ درخواست مکمل یا منسوخ کریں (Esc)۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="525"/>
        <source>Saved %1</source>
        <translation>%1 محفوظ ہو گئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="531"/>
        <source>Receipt</source>
        <translation>رسید</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="550"/>
        <source> · %1 waiting</source>
        <translation> · %1 منتظر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="573"/>
        <source>This counter is not connected to a central server yet. The in-charge sets it up in Centre → Central server…, or with: khidmat-desk sync --setup --server URL --token-stdin</source>
        <translation>یہ کاؤنٹر ابھی مرکزی سرور سے منسلک نہیں۔ انچارج اسے مرکز ← مرکزی سرور… میں ترتیب دیتا ہے، یا اس کمانڈ سے: khidmat-desk sync --setup --server URL --token-stdin</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="596"/>
        <source>Sync</source>
        <translation>سنک</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="375"/>
        <source>Scanned %1: finish with this window first, then scan again.</source>
        <translation>%1 اسکین ہوا: پہلے اس ونڈو کا کام مکمل کریں، پھر دوبارہ اسکین کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="599"/>
        <source>Sending now…</source>
        <translation>ابھی بھیجا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="653"/>
        <source>Printers saved.</source>
        <translation>پرنٹر محفوظ ہو گئے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="698"/>
        <source>No unfinished applications.</source>
        <translation>کوئی نامکمل درخواست نہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="702"/>
        <source>Unfinished applications</source>
        <translation>نامکمل درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="703"/>
        <source>1 application was not finished (the counter was closed, locked or lost power). Resume it now?</source>
        <translation>ایک درخواست مکمل نہیں ہوئی (کاؤنٹر بند، مقفل ہوا یا بجلی چلی گئی)۔ اسے ابھی جاری رکھیں؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="705"/>
        <source>%1 applications were not finished (the counter was closed, locked or lost power). Resume one now?</source>
        <translation>%1 درخواستیں مکمل نہیں ہوئیں (کاؤنٹر بند، مقفل ہوا یا بجلی چلی گئی)۔ کوئی ایک ابھی جاری رکھیں؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="707"/>
        <source>&amp;Later</source>
        <translation>بعد میں (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="749"/>
        <source>Start a service (its key is beside it in the list of services)</source>
        <translation>سروس شروع کریں (اس کی کلید سروسز کی فہرست میں اس کے ساتھ لکھی ہے)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="751"/>
        <source>Anywhere</source>
        <translation>ہر جگہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="752"/>
        <source>Scan a receipt</source>
        <translation>رسید اسکین کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="753"/>
        <source>Opens that application, whatever has the focus</source>
        <translation>وہی درخواست کھلتی ہے، فوکس کہیں بھی ہو</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="757"/>
        <source>In the wizard</source>
        <translation>اندراج کے دوران</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="758"/>
        <source>Next field; the next page after the last field</source>
        <translation>اگلا خانہ؛ آخری خانے کے بعد اگلا صفحہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="759"/>
        <source>Next / previous input of the page</source>
        <translation>صفحے کا اگلا / پچھلا خانہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="760"/>
        <source>Next / previous page</source>
        <translation>اگلا / پچھلا صفحہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="761"/>
        <source>Same address as the one above (the permanent address as the present one)</source>
        <translation>اوپر والا پتہ ہی (مستقل پتہ وہی جو موجودہ پتہ)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="763"/>
        <source>Add a row to a table (periods of stay, items …)</source>
        <translation>جدول میں قطار شامل کریں (قیام کے عرصے، اشیاء …)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="764"/>
        <source>Remove the row being typed in</source>
        <translation>جس قطار میں لکھ رہے ہیں اسے ہٹائیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="765"/>
        <source>Tick every document on the documents page</source>
        <translation>دستاویزات کے صفحے پر تمام دستاویزات پر نشان لگائیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="766"/>
        <source>Scroll the page (the review)</source>
        <translation>صفحہ اوپر نیچے کریں (جائزہ)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="768"/>
        <source>Print the receipt again, on the saved page</source>
        <translation>محفوظ صفحے پر رسید دوبارہ پرنٹ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="769"/>
        <source>Cancel (asks before throwing away what was typed)</source>
        <translation>منسوخ کریں (لکھا ہوا ضائع کرنے سے پہلے پوچھتا ہے)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="771"/>
        <source>Application view</source>
        <translation>درخواست کا صفحہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="772"/>
        <source>Print the receipt</source>
        <translation>رسید پرنٹ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="773"/>
        <source>Add or replace the photograph (services whose documents print one)</source>
        <translation>تصویر شامل کریں یا بدلیں (جن خدمات کی دستاویز پر تصویر چھپتی ہے)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="775"/>
        <source>Back to the list</source>
        <translation>فہرست پر واپس</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="737"/>
        <location filename="../../ui/main_window.ui" line="9"/>
        <source>Khidmat Desk</source>
        <translation>خدمت ڈیسک</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="767"/>
        <source>Submit from the review page</source>
        <translation>جائزے کے صفحے سے جمع کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="793"/>
        <source>Keyboard shortcuts</source>
        <translation>کی بورڈ شارٹ کٹس</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="27"/>
        <source>New application</source>
        <translation>نئی درخواست</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="32"/>
        <source>Find a service</source>
        <translation>سروس تلاش کریں</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="33"/>
        <source>Type to find a service, Enter to start it (Ctrl+N)</source>
        <translation>سروس تلاش کرنے کے لیے لکھیں، شروع کرنے کے لیے Enter (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="34"/>
        <source>Type to find a service…</source>
        <translation>سروس تلاش کرنے کے لیے لکھیں…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="40"/>
        <source>Services</source>
        <translation>سروسز</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="62"/>
        <source>Search</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="63"/>
        <source>Search (Ctrl+F). A scanned receipt opens its application.</source>
        <translation>تلاش (Ctrl+F)۔ رسید اسکین کرنے سے اس کی درخواست کھل جاتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="64"/>
        <source>Tracking number, CNIC, mobile, plate or name — or scan a receipt</source>
        <translation>ٹریکنگ نمبر، شناختی کارڈ، موبائل، نمبر پلیٹ یا نام — یا رسید اسکین کریں</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="81"/>
        <source>Applications</source>
        <translation>درخواستیں</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="82"/>
        <source>Enter opens the selected application</source>
        <translation>Enter منتخب درخواست کھولتا ہے</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="102"/>
        <source>&amp;Counter</source>
        <translation>کاؤنٹر (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="115"/>
        <source>&amp;Services</source>
        <translation>سروسز (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="118"/>
        <source>&amp;View</source>
        <translation>منظر (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="123"/>
        <source>&amp;Help</source>
        <translation>مدد (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="133"/>
        <source>&amp;New application…</source>
        <translation>نئی درخواست… (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="134"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="137"/>
        <source>&amp;Search</source>
        <translation>تلاش (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="138"/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="141"/>
        <source>&amp;Today&apos;s queue</source>
        <translation>آج کی قطار (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="142"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="145"/>
        <source>Unfinished &amp;drafts…</source>
        <translation>نامکمل مسودے… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="146"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="149"/>
        <source>&amp;Printers…</source>
        <translation>پرنٹر… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="152"/>
        <source>&amp;Lock the counter</source>
        <translation>کاؤنٹر مقفل کریں (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="153"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="156"/>
        <source>S&amp;witch user</source>
        <translation>صارف بدلیں (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="159"/>
        <source>&amp;Quit</source>
        <translation>پروگرام بند کریں (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="160"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="164"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="171"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>کی بورڈ شارٹ کٹس (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="172"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../khidmat_desk/gui/errors.py" line="108"/>
        <source>Nothing that was saved is lost. Please report this with the details below; they are also in the log file.</source>
        <translation>جو کچھ محفوظ ہو چکا تھا وہ ضائع نہیں ہوا۔ براہِ کرم نیچے دی گئی تفصیلات کے ساتھ اس کی اطلاع دیں؛ یہ تفصیلات لاگ فائل میں بھی موجود ہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/errors.py" line="132"/>
        <source>Something went wrong: %1</source>
        <translation>کچھ غلط ہو گیا: %1</translation>
    </message>
</context>
<context>
    <name>NarrativeInput</name>
    <message>
        <location filename="../../khidmat_desk/gui/inputs.py" line="155"/>
        <source>up to %1 characters</source>
        <extracomment>Masks that make the officer type only digits; separators are filled in.</extracomment>
        <translation>زیادہ سے زیادہ %1 حروف</translation>
    </message>
</context>
<context>
    <name>Payment</name>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="41"/>
        <source>cash</source>
        <translation>نقد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="42"/>
        <source>card</source>
        <translation>کارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="43"/>
        <source>online transfer</source>
        <translation>آن لائن منتقلی</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="94"/>
        <source>%1 (%2 shift)</source>
        <translation>%1 (%2 شفٹ)</translation>
    </message>
</context>
<context>
    <name>PhotoBox</name>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="57"/>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="87"/>
        <source>Add &amp;photograph…</source>
        <translation>تصویر شامل کریں (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="58"/>
        <source>Add or replace the person&apos;s photograph</source>
        <translation>درخواست گزار کی تصویر شامل کریں یا بدلیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="61"/>
        <source>Photograph</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="76"/>
        <source>Looking for a kept photograph…</source>
        <translation>محفوظ تصویر تلاش کی جا رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="84"/>
        <source>No
photograph</source>
        <translation>کوئی
تصویر نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="85"/>
        <source>No photograph is kept yet; %1 prints one.</source>
        <translation>ابھی کوئی تصویر محفوظ نہیں؛ %1 پر تصویر چھپتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="91"/>
        <source>Kept: %1 × %2 pixels, SHA-256 %3… (printed under the picture).</source>
        <translation>محفوظ: %1 × %2 پکسل، SHA-256 %3… (تصویر کے نیچے چھپتا ہے)۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="94"/>
        <source>Replace &amp;photograph…</source>
        <translation>تصویر بدلیں (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="98"/>
        <source>Checking and keeping the photograph…</source>
        <translation>تصویر جانچی اور محفوظ کی جا رہی ہے…</translation>
    </message>
</context>
<context>
    <name>PhotoFlow</name>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="114"/>
        <source>Choose the photograph</source>
        <translation>تصویر منتخب کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="115"/>
        <source>Photographs (%1)</source>
        <translation>تصاویر (%1)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="159"/>
        <source>Replace the photograph</source>
        <translation>تصویر بدلیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="160"/>
        <source>A photograph is already kept with %1. Replace it? The change is recorded in the audit trail; copies already printed keep the old one.</source>
        <translation>%1 کے ساتھ ایک تصویر پہلے سے محفوظ ہے۔ کیا اسے بدلا جائے؟ یہ تبدیلی آڈٹ ریکارڈ میں درج ہوگی؛ پہلے سے چھپی ہوئی نقول پر پرانی تصویر ہی رہے گی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="163"/>
        <source>The kept photograph was not changed.</source>
        <translation>محفوظ تصویر نہیں بدلی گئی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="167"/>
        <source>No photograph chosen.</source>
        <translation>کوئی تصویر منتخب نہیں کی گئی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="171"/>
        <source>Checking %1…</source>
        <translation>%1 جانچی جا رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/photo_box.py" line="190"/>
        <source>Photograph kept with %1: %2 × %3 pixels, SHA-256 %4…</source>
        <translation>تصویر %1 کے ساتھ محفوظ کر لی گئی: %2 × %3 پکسل، SHA-256 %4…</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/preview.py" line="39"/>
        <source>Page %1</source>
        <translation>صفحہ %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/preview.py" line="49"/>
        <source>&amp;Print</source>
        <translation>پرنٹ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/preview.py" line="52"/>
        <source>Print this document (Ctrl+P)</source>
        <translation>یہ دستاویز پرنٹ کریں (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="57"/>
        <source>Reprint</source>
        <translation>دوبارہ پرنٹ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="57"/>
        <source>Why is copy %1 being printed?</source>
        <translation>کاپی %1 کیوں پرنٹ کی جا رہی ہے؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="65"/>
        <source>Printing…</source>
        <translation>پرنٹ ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="76"/>
        <source> (duplicate, copy %1)</source>
        <translation> (ڈپلیکیٹ، کاپی %1)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="78"/>
        <source>Printed %1%2 on %3</source>
        <translation>%1%2 پرنٹ ہو گئی: %3</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="91"/>
        <source>Printer problem</source>
        <translation>پرنٹر کا مسئلہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="92"/>
        <source>The document is kept: Retry prints the same copy.</source>
        <translation>دستاویز محفوظ ہے: دوبارہ کوشش وہی کاپی پرنٹ کرے گی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="93"/>
        <source>&amp;Retry</source>
        <translation>دوبارہ کوشش (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="93"/>
        <source>&amp;Not now</source>
        <translation>ابھی نہیں (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="97"/>
        <source>Not printed: nothing reached paper, so nothing was counted; print it again when the printer is ready.</source>
        <translation>پرنٹ نہیں ہوا: کاغذ پر کچھ نہیں آیا، اس لیے کوئی کاپی شمار نہیں ہوئی؛ پرنٹر تیار ہو تو دوبارہ پرنٹ کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="105"/>
        <source>Cannot print</source>
        <translation>پرنٹ نہیں ہو سکتا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/print_flow.py" line="128"/>
        <source>%1 — preview (%2)</source>
        <translation>%1 — پیش منظر (%2)</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../khidmat_desk/gui/printer.py" line="50"/>
        <source>PDF files (printouts folder)</source>
        <extracomment>Rendering above this gains nothing on paper and costs memory on a 1200 dpi laser printer.</extracomment>
        <translation>پی ڈی ایف فائلیں (پرنٹ آؤٹس فولڈر)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer.py" line="52"/>
        <source>the default printer</source>
        <translation>طے شدہ پرنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer.py" line="68"/>
        <source>The document could not be saved in %1 (%2); free some disk space and retry.</source>
        <translation>دستاویز %1 میں محفوظ نہیں ہو سکی (%2)؛ ڈسک پر کچھ جگہ خالی کریں اور دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer.py" line="80"/>
        <source>The printer &apos;%1&apos; is not available on this PC. Check that it is switched on and connected, or choose another in Counter → Printers; then retry.</source>
        <translation>پرنٹر &apos;%1&apos; اس کمپیوٹر پر دستیاب نہیں۔ دیکھیں کہ وہ آن اور جڑا ہوا ہے، یا کاؤنٹر ← پرنٹر میں کوئی دوسرا منتخب کریں؛ پھر دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer.py" line="84"/>
        <source>This PC has no default printer. Choose a printer (or &quot;save as PDF files&quot;) in Counter → Printers; then retry.</source>
        <translation>اس کمپیوٹر پر کوئی طے شدہ پرنٹر نہیں۔ کاؤنٹر ← پرنٹر میں کوئی پرنٹر (یا &quot;پی ڈی ایف فائلوں میں محفوظ کریں&quot;) منتخب کریں؛ پھر دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer.py" line="88"/>
        <source>The printer &apos;%1&apos; reports a problem (out of paper, jammed or offline?). Fix it and retry.</source>
        <translation>پرنٹر &apos;%1&apos; کسی مسئلے کی اطلاع دے رہا ہے (کاغذ ختم، کاغذ پھنسا ہوا یا آف لائن؟)۔ اسے ٹھیک کریں اور دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer.py" line="103"/>
        <source>Printing could not start on &apos;%1&apos;. Check it is on, connected and has paper; then retry.</source>
        <translation>&apos;%1&apos; پر پرنٹنگ شروع نہیں ہو سکی۔ دیکھیں کہ وہ آن ہے، جڑا ہوا ہے اور اس میں کاغذ ہے؛ پھر دوبارہ کوشش کریں۔</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="22"/>
        <source>Printers of this counter</source>
        <translation>اس کاؤنٹر کے پرنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="23"/>
        <source>The system&apos;s default printer</source>
        <translation>سسٹم کا طے شدہ پرنٹر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="25"/>
        <source>Save as PDF files (printouts folder)</source>
        <translation>پی ڈی ایف فائلوں میں محفوظ کریں (printouts فولڈر)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="30"/>
        <source>80 mm thermal roll</source>
        <translation>80 ملی میٹر تھرمل رول</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="30"/>
        <source>A4 sheet (top half)</source>
        <translation>A4 کاغذ (اوپری آدھا)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="33"/>
        <source>Print the receipt</source>
        <translation>رسید پرنٹ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="33"/>
        <source>Show it first</source>
        <translation>پہلے دکھائیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="34"/>
        <source>Nothing</source>
        <translation>کچھ نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="37"/>
        <source>&amp;Receipts</source>
        <translation>رسیدیں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="38"/>
        <source>&amp;Certificates and letters</source>
        <translation>سرٹیفکیٹ اور خطوط (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="39"/>
        <source>Receipt &amp;paper</source>
        <translation>رسید کا کاغذ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="40"/>
        <source>&amp;After saving an application</source>
        <translation>درخواست محفوظ ہونے کے بعد (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/printer_settings.py" line="53"/>
        <source>%1 (not found)</source>
        <translation>%1 (نہیں ملا)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="11"/>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="12"/>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="13"/>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="14"/>
        <source>&amp;Yes</source>
        <translation>ہاں (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="15"/>
        <source>&amp;No</source>
        <translation>نہیں (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="16"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="17"/>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="18"/>
        <source>Discard</source>
        <translation>رد کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="19"/>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="20"/>
        <source>Apply</source>
        <translation>لاگو کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="21"/>
        <source>Retry</source>
        <translation>دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="22"/>
        <source>Ignore</source>
        <translation>نظر انداز کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="23"/>
        <source>Abort</source>
        <translation>روک دیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="24"/>
        <source>Reset</source>
        <translation>پہلے جیسا کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="25"/>
        <source>Restore Defaults</source>
        <translation>اصل ترتیبات بحال کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="26"/>
        <source>Save All</source>
        <translation>سب محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="27"/>
        <source>Don&apos;t Save</source>
        <translation>محفوظ نہ کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="28"/>
        <source>Yes to &amp;All</source>
        <translation>سب کے لیے ہاں (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/qt_words.py" line="29"/>
        <source>N&amp;o to All</source>
        <translation>سب کے لیے نہیں (&amp;O)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="45"/>
        <source>Restore the last good backup</source>
        <translation>آخری درست بیک اپ واپس لگائیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="48"/>
        <source>This backup will replace the damaged database. The damaged file is kept aside in the backups folder, and the restore is written to the audit trail. Applications saved after the backup was taken are not in it: those the damaged file still holds are taken back from it, the others must be entered again from their papers.</source>
        <translation>یہ بیک اپ خراب ڈیٹا بیس کی جگہ لے گا۔ خراب فائل بیک اپ فولڈر میں الگ رکھی جاتی ہے، اور بحالی آڈٹ ٹریل میں لکھی جاتی ہے۔ بیک اپ کے بعد محفوظ ہونے والی درخواستیں اس میں نہیں: جو خراب فائل میں اب بھی موجود ہیں وہ اس سے واپس لی جاتی ہیں، باقی ان کے کاغذات سے دوبارہ درج کرنی ہوں گی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="60"/>
        <source>In-charge&apos;s &amp;user name</source>
        <translation>انچارج کا یوزر نیم (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="61"/>
        <source>&amp;Password</source>
        <translation>پاس ورڈ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="66"/>
        <source>&amp;Restore</source>
        <translation>واپس لگائیں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="67"/>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="86"/>
        <source>Type the in-charge&apos;s user name and password.</source>
        <translation>انچارج کا یوزر نیم اور پاس ورڈ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="90"/>
        <source>Checking the backup and restoring it…</source>
        <translation>بیک اپ کی جانچ ہو رہی ہے اور اسے واپس لگایا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/restore_dialog.py" line="104"/>
        <source>The backup could not be restored.</source>
        <translation>بیک اپ واپس نہیں لگ سکا۔</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="177"/>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="177"/>
        <source>, </source>
        <extracomment>The review&apos;s label column grows with its longest label up to this (pixels); a longer label widens only its own section.</extracomment>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="178"/>
        <source>Documents received: %1</source>
        <translation>وصول شدہ دستاویزات: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="181"/>
        <source>fee not set: take no money</source>
        <translation>فیس مقرر نہیں: کوئی رقم نہ لیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="182"/>
        <source>no fee</source>
        <translation>کوئی فیس نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="183"/>
        <source>Fee: %1</source>
        <translation>فیس: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="191"/>
        <source>Change</source>
        <translation>تبدیل کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_pages.py" line="192"/>
        <source>Change %1</source>
        <translation>%1 تبدیل کریں</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="51"/>
        <source>officer</source>
        <translation>افسر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="52"/>
        <source>verifier</source>
        <translation>تصدیق کنندہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="53"/>
        <source>in-charge</source>
        <translation>انچارج</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="121"/>
        <source>tracking number</source>
        <translation>ٹریکنگ نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="122"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="123"/>
        <source>mobile number</source>
        <translation>موبائل نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="124"/>
        <source>vehicle plate</source>
        <translation>گاڑی کا نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="125"/>
        <source>name</source>
        <translation>نام</translation>
    </message>
</context>
<context>
    <name>ShiftsDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="39"/>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="130"/>
        <source>Shift times</source>
        <translation>شفٹوں کے اوقات</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="43"/>
        <source>No shifts: one shift, midnight to midnight. A centre open round the clock lists its shifts by start time (centre time); each ends where the next starts, the last the next morning.</source>
        <translation>کوئی شفٹ نہیں: ایک شفٹ، آدھی رات سے آدھی رات تک۔ چوبیس گھنٹے کھلا مرکز اپنی شفٹیں شروع ہونے کے وقت (مرکز کا وقت) سے لکھتا ہے؛ ہر شفٹ اگلی کے شروع ہونے پر ختم ہوتی ہے، آخری اگلی صبح۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="49"/>
        <source>Shift name</source>
        <translation>شفٹ کا نام</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="50"/>
        <source>Starts at (HH:MM)</source>
        <translation>شروع (HH:MM)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="57"/>
        <source>&amp;Add shift</source>
        <translation>شفٹ شامل کریں (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="59"/>
        <source>&amp;Remove shift</source>
        <translation>شفٹ ہٹائیں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="61"/>
        <source>&amp;Save</source>
        <translation>محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="65"/>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/shifts_dialog.py" line="130"/>
        <source>Shift times saved: %1</source>
        <translation>شفٹوں کے اوقات محفوظ: %1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="27"/>
        <source>submitted</source>
        <translation>جمع شدہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="28"/>
        <source>in verification</source>
        <translation>تصدیق جاری</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="29"/>
        <source>verified</source>
        <translation>تصدیق شدہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="30"/>
        <source>rejected</source>
        <translation>مسترد</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="31"/>
        <source>ready for collection</source>
        <translation>وصولی کے لیے تیار</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="32"/>
        <source>delivered</source>
        <translation>حوالے کر دی گئی</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/words.py" line="33"/>
        <source>voided</source>
        <translation>کالعدم</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="276"/>
        <source>Same &amp;as: %1</source>
        <extracomment>&quot;Same as the present address&quot; buttons, by the first field each fills</extracomment>
        <translation>وہی جو %1 (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/form.py" line="280"/>
        <source>Fills the lines below from that address (Alt+A)</source>
        <translation>نیچے کی سطریں اس پتے سے بھر دیتا ہے (Alt+A)</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="86"/>
        <source>Tracking number</source>
        <translation>ٹریکنگ نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="86"/>
        <source>Citizen</source>
        <translation>شہری</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="86"/>
        <source>Service</source>
        <translation>سروس</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="87"/>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="87"/>
        <source>Age</source>
        <translation>وقت گزرا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/main_window.py" line="87"/>
        <source>Submitted</source>
        <translation>جمع کرائی گئی</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="74"/>
        <source>%1 waiting</source>
        <translation>%1 منتظر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="79"/>
        <source>Sync: ⚠ %1 · %2</source>
        <translation>سنک: ⚠ %1 · %2</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="81"/>
        <source>● online</source>
        <translation>● آن لائن</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="82"/>
        <source>○ offline</source>
        <translation>○ آف لائن</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="84"/>
        <source>%1 set aside</source>
        <translation>%1 الگ رکھے گئے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="88"/>
        <source>⚠ take back from the server</source>
        <translation>⚠ سرور سے واپس لیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="90"/>
        <source>last sent %1</source>
        <translation>آخری بار %1 پر بھیجا</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="94"/>
        <source>Sync: %1</source>
        <translation>سنک: %1</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="117"/>
        <source>Sync with the central server</source>
        <translation>مرکزی سرور سے سنک</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="125"/>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="128"/>
        <source>Tracking number</source>
        <translation>ٹریکنگ نمبر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="125"/>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="128"/>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="125"/>
        <source>Tries</source>
        <translation>کوششیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="126"/>
        <source>Last problem</source>
        <translation>آخری مسئلہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="128"/>
        <source>Server&apos;s reason</source>
        <translation>سرور کی وجہ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="129"/>
        <source>Since</source>
        <translation>کب سے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="130"/>
        <source>&amp;Requeue the selected record</source>
        <translation>منتخب ریکارڈ دوبارہ قطار میں ڈالیں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="133"/>
        <source>After the cause was fixed: send it again</source>
        <translation>وجہ دور ہونے کے بعد: دوبارہ بھیجیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="135"/>
        <source>&amp;Try now</source>
        <translation>ابھی کوشش کریں (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="146"/>
        <source>Waiting to be sent</source>
        <translation>بھیجے جانے کے منتظر</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="147"/>
        <source>Set aside by the server</source>
        <translation>سرور نے الگ رکھے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="166"/>
        <source>The central server holds applications of this counter that this PC does not (numbers up to %1). New numbers go on after them. The in-charge takes them back: Centre, then Take back from the central server.</source>
        <translation>مرکزی سرور کے پاس اس کاؤنٹر کی ایسی درخواستیں ہیں جو اس کمپیوٹر میں نہیں (نمبر %1 تک)۔ نئے نمبر ان کے بعد سے چلیں گے۔ انچارج انہیں واپس لیں: مرکز، پھر &quot;مرکزی سرور سے واپس لیں&quot;۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="211"/>
        <source>The central server cannot be reached: check the network cable or router. What waits is sent as soon as the link is back.</source>
        <translation>مرکزی سرور تک رسائی نہیں ہو سکی: نیٹ ورک کیبل یا راؤٹر دیکھیں۔ جو بھیجنا باقی ہے وہ رابطہ بحال ہوتے ہی بھیج دیا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="214"/>
        <source>The central server is busy and asked the counter to wait; what waits is sent later by itself.</source>
        <translation>مرکزی سرور مصروف ہے اور کاؤنٹر کو انتظار کا کہا ہے؛ جو بھیجنا باقی ہے وہ بعد میں خود بھیج دیا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="217"/>
        <source>The central server had an error; what waits is sent again later.</source>
        <translation>مرکزی سرور میں خرابی ہوئی؛ جو بھیجنا باقی ہے وہ بعد میں دوبارہ بھیجا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="219"/>
        <source>The central server&apos;s answer could not be read; it is asked again later.</source>
        <translation>مرکزی سرور کا جواب پڑھا نہیں جا سکا؛ بعد میں دوبارہ پوچھا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="222"/>
        <source>The central server found the records too large; they are sent fewer at a time.</source>
        <translation>مرکزی سرور کو ریکارڈ بہت بڑے لگے؛ اب ایک وقت میں کم ریکارڈ بھیجے جائیں گے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="225"/>
        <source>The central server refused this counter&apos;s token: the in-charge sets sync up again with a new token.</source>
        <translation>مرکزی سرور نے اس کاؤنٹر کا ٹوکن قبول نہیں کیا: انچارج نئے ٹوکن کے ساتھ ہم آہنگی دوبارہ ترتیب دیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="228"/>
        <source>The central server refused the request.</source>
        <translation>مرکزی سرور نے درخواست رد کر دی۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="190"/>
        <source>application</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="190"/>
        <source>day close</source>
        <translation>دن کی بندش</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/sync_panel.py" line="191"/>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
</context>
<context>
    <name>TakeBack</name>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="38"/>
        <location filename="../../khidmat_desk/gui/take_back.py" line="80"/>
        <source>Take back from the central server</source>
        <extracomment>applications read so far, from the worker (delivered on the window&apos;s thread)</extracomment>
        <translation>مرکزی سرور سے واپس لیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="41"/>
        <source>This counter does not send to a central server: sync is not set up, so there is nothing to take back.</source>
        <translation>یہ کاؤنٹر مرکزی سرور کو کچھ نہیں بھیجتا: ہم آہنگی ترتیب نہیں دی گئی، اس لیے واپس لینے کو کچھ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="47"/>
        <source>Since the &amp;backup put back, %1</source>
        <translation>واپس رکھے گئے بیک اپ سے، %1 (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="49"/>
        <source>The last &amp;7 days, from %1</source>
        <translation>پچھلے 7 دن، %1 سے (&amp;7)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="50"/>
        <source>The last &amp;30 days, from %1</source>
        <translation>پچھلے 30 دن، %1 سے (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="52"/>
        <source>&amp;Cancel</source>
        <translation>منسوخ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="54"/>
        <source>The central server holds every application this counter sent. After this counter&apos;s database was lost (a backup put back, or this PC set up again), take back what it holds: what is here stays as it is, what is missing is added, and nothing is sent again.

From which day?</source>
        <translation>اس کاؤنٹر نے جو بھی درخواست بھیجی، مرکزی سرور کے پاس محفوظ ہے۔ اس کاؤنٹر کا ڈیٹا بیس ضائع ہونے کے بعد (بیک اپ واپس رکھا گیا، یا یہ کمپیوٹر دوبارہ ترتیب دیا گیا) جو سرور کے پاس ہے واپس لیں: جو یہاں موجود ہے ویسا ہی رہے گا، جو نہیں ہے شامل ہو جائے گا، اور کچھ دوبارہ نہیں بھیجا جائے گا۔

کس دن سے؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="62"/>
        <source>Taking back from the central server…</source>
        <translation>مرکزی سرور سے واپس لیا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="68"/>
        <source>Taking back from the central server… %1 application(s) so far</source>
        <translation>مرکزی سرور سے واپس لیا جا رہا ہے… اب تک %1 درخواستیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="81"/>
        <source>Nothing more was taken back: %1

What was taken back before this stays. Take back again when the link is up: what is already here is not taken twice.</source>
        <translation>مزید کچھ واپس نہیں لیا گیا: %1

اس سے پہلے جو واپس لیا گیا وہ برقرار ہے۔ رابطہ بحال ہونے پر دوبارہ واپس لیں: جو یہاں پہلے سے موجود ہے دوبارہ نہیں لیا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="87"/>
        <source>The central server holds %1 application(s) of this counter from %2 on. %3 were added here or brought up to date (%4 record versions, %5 printed copies); nothing is sent again.</source>
        <translation>مرکزی سرور کے پاس اس کاؤنٹر کی %2 سے اب تک کی %1 درخواستیں ہیں۔ ان میں سے %3 یہاں شامل یا تازہ کی گئیں (%4 ریکارڈ ورژن، %5 چھپی ہوئی نقول)؛ کچھ دوبارہ نہیں بھیجا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="94"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="97"/>
        <source>Tracking numbers go on after those the server holds: %1.</source>
        <translation>ٹریکنگ نمبر سرور کے پاس موجود نمبروں کے بعد سے چلیں گے: %1۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="99"/>
        <source>Taken back from the central server: %1 application(s).</source>
        <translation>مرکزی سرور سے %1 درخواستیں واپس لی گئیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="109"/>
        <source>Not taken back: %1. Each of these numbers was given here again to another application after the loss, so two citizens hold receipts with it. Tell the central server&apos;s staff.</source>
        <translation>واپس نہیں لی گئیں: %1۔ ڈیٹا بیس ضائع ہونے کے بعد یہ نمبر یہاں کسی اور درخواست کو دوبارہ دیا گیا، اس لیے دو شہریوں کے پاس اسی نمبر کی رسید ہے۔ مرکزی سرور کے عملے کو بتائیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/take_back.py" line="113"/>
        <location filename="../../khidmat_desk/gui/take_back.py" line="115"/>
        <source>Taken back from the central server</source>
        <translation>مرکزی سرور سے واپس لیا گیا</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="104"/>
        <source>Users</source>
        <translation>صارفین</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="110"/>
        <source>User</source>
        <translation>صارف</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="110"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="110"/>
        <source>Roles</source>
        <translation>ذمہ داریاں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="110"/>
        <source>State</source>
        <translation>حالت</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="122"/>
        <source>&amp;Add…</source>
        <translation>شامل کریں… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="122"/>
        <source>R&amp;oles…</source>
        <translation>ذمہ داریاں… (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="123"/>
        <source>Reset &amp;password…</source>
        <translation>نیا پاس ورڈ… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="124"/>
        <source>Switch o&amp;ff</source>
        <translation>غیر فعال کریں (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="124"/>
        <source>&amp;Unlock</source>
        <translation>ان لاک (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="125"/>
        <source>Switch o&amp;n</source>
        <translation>فعال کریں (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="131"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="149"/>
        <source>switched off</source>
        <translation>بند</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="150"/>
        <source>locked</source>
        <translation>لاک</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="150"/>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="164"/>
        <source>Choose an account in the list first.</source>
        <translation>پہلے فہرست میں سے اکاؤنٹ منتخب کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="191"/>
        <source>Add a user</source>
        <translation>صارف شامل کریں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="195"/>
        <source>Roles of %1</source>
        <translation>%1 کی ذمہ داریاں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="197"/>
        <source>New password for %1</source>
        <translation>%1 کا نیا پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/users_dialog.py" line="212"/>
        <source>Saved.</source>
        <translation>محفوظ ہو گیا۔</translation>
    </message>
</context>
<context>
    <name>WizardPanel</name>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="122"/>
        <source>← &amp;Back</source>
        <translation>→ پیچھے (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="123"/>
        <source>Previous page (Alt+Left)</source>
        <translation>پچھلا صفحہ (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="124"/>
        <source>&amp;Next →</source>
        <translation>آگے ← (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="125"/>
        <source>Next page (Enter after the last field, Alt+Right)</source>
        <translation>اگلا صفحہ (آخری خانے کے بعد Enter، Alt+Right)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="126"/>
        <source>S&amp;ubmit</source>
        <translation>جمع کریں (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="127"/>
        <source>Save the application (Ctrl+Enter)</source>
        <translation>درخواست محفوظ کریں (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="128"/>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="129"/>
        <source>Cancel this application (Esc)</source>
        <translation>یہ درخواست منسوخ کریں (Esc)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="309"/>
        <source>No more rows can be added here.</source>
        <translation>یہاں مزید قطاریں شامل نہیں ہو سکتیں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="417"/>
        <source>Filled 1 field from this citizen&apos;s earlier visit; check it with the citizen.</source>
        <translation>اس شہری کی پچھلی آمد سے ایک خانہ بھرا گیا؛ شہری سے اس کی تصدیق کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="419"/>
        <source>Filled %1 fields from this citizen&apos;s earlier visit; check them with the citizen.</source>
        <translation>اس شہری کی پچھلی آمد سے %1 خانے بھرے گئے؛ شہری سے ان کی تصدیق کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="429"/>
        <source>This citizen already has an open application for this service: %1. Check with the citizen before taking another.</source>
        <translation>اس شہری کی اس سروس کے لیے ایک درخواست پہلے سے زیرِ کارروائی ہے: %1۔ دوسری درخواست لینے سے پہلے شہری سے تصدیق کریں۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="520"/>
        <source>Open application exists</source>
        <translation>درخواست پہلے سے موجود ہے</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="521"/>
        <source>Take this application anyway?</source>
        <translation>کیا پھر بھی یہ درخواست لی جائے؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="525"/>
        <source>Saving…</source>
        <translation>محفوظ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="535"/>
        <source>no fee</source>
        <translation>کوئی فیس نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="537"/>
        <source>none: the fee is not set at this centre</source>
        <translation>کوئی نہیں: اس مرکز پر فیس مقرر نہیں</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="551"/>
        <source>Not saved: %1</source>
        <translation>محفوظ نہیں ہوئی: %1</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="569"/>
        <source>Cancel this application?</source>
        <translation>یہ درخواست منسوخ کریں؟</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="570"/>
        <source>What was typed can be kept as a draft to finish later, or deleted.</source>
        <translation>جو لکھا گیا ہے اسے بعد میں مکمل کرنے کے لیے مسودے کے طور پر رکھا جا سکتا ہے، یا مٹایا جا سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="571"/>
        <source>&amp;Keep as draft</source>
        <translation>مسودہ رکھیں (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="571"/>
        <source>&amp;Delete what was typed</source>
        <translation>لکھا ہوا مٹا دیں (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="572"/>
        <source>&amp;Go on typing</source>
        <translation>لکھنا جاری رکھیں (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="607"/>
        <source>1 field needs attention before going on: </source>
        <translation>آگے بڑھنے سے پہلے ایک خانہ درست کریں: </translation>
    </message>
    <message>
        <location filename="../../khidmat_desk/gui/wizard_panel.py" line="608"/>
        <source>%1 fields need attention before going on: </source>
        <translation>آگے بڑھنے سے پہلے %1 خانے درست کریں: </translation>
    </message>
</context>
</TS>
