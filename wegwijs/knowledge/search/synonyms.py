"""The synonym groups Wegwijs ships; an organisation's editors replace them with their own list per language.
One group per line, words separated by commas."""

from __future__ import annotations

# Words in the other served languages for the main Dutch terms: a question in English, Turkish, Polish,
# Ukrainian or Arabic also finds the Dutch article when there is no translation (accents may be left out).
GLOSSARY = """\
inloggen, login, log in, sign in, giris, oturum, zalogowac, logowanie, zaloguj, увійти, вхід, входу, تسجيل, الدخول
wachtwoord, password, sifre, sifremi, haslo, hasla, пароль, паролю, كلمة, المرور
afspraak, appointment, reschedule, randevu, randevumu, wizyta, wizyte, запис, прийом, موعد
uitslagen, results, result, sonuclar, sonuclari, tahlil, wyniki, wynikow, результати, аналізів, نتائج
e-mail, email, emails, e-posta, eposta, poczta, mail, пошта, лист, листи, البريد
telefoonnummer, phone number, telefon numarasi, numer telefonu, номер телефону, телефону, رقم الهاتف
telefoon, phone, telefon, telefonu, телефон, телефоні, الهاتف
app, application, uygulama, uygulamayi, aplikacja, aplikacje, застосунок, застосунку, додаток, التطبيق
installeren, install, yukle, yuklemek, zainstalowac, instalacja, встановити, تثبيت
iphone, айфон, iphone'a
camera, kamera, kamerasi, камера, камеру, الكاميرا
microfoon, microphone, mikrofon, mikrofonu, мікрофон, الميكروفون
beeldbellen, video call, video consultation, goruntulu, wideokonsultacja, wideokonsultacji, відеодзвінок
beeldbellen, відеоконсультація, مكالمة الفيديو
bloeddrukmeter, blood pressure, tansiyon, cisnieniomierz, cisnienie, тонометр, тиск, ضغط الدم
koppelen, pair, connect, bluetooth, eslestir, baglamak, sparowac, polaczyc, підключити, з'єднати, ربط
geblokkeerd, blocked, locked, engellendi, kilitlendi, zablokowane, zablokowany, заблоковано, заблокований, محظور
gegevens, data, privacy, personal data, kisisel veriler, verilerimi, dane, danych, дані, даних, البيانات
machtigen, on behalf, authorise, authorize, vekalet, upowaznienie, довіреність, نيابة
brieven, letters, letter, mektup, listy, list, листи, رسائل
medicijnen, medication, medicines, ilac, ilaclar, leki, ліки, الأدوية
vragenlijst, questionnaire, anket, ankieta, анкета, استبيان
bericht, message, mesaj, wiadomosc, повідомлення, رسالة
portaal, portal, portali, portalinda, portalu, портал, порталі, порталу, البوابة
"""

DEFAULT_SYNONYMS = {
    "nl": """\
inloggen, aanmelden, login, inlog, ingelogd
uitloggen, afmelden
wachtwoord, pincode, code, toegangscode, wachtwoorden
beeldbellen, videobellen, videogesprek, videoconsult, beeldgesprek, videobel
bloeddrukmeter, bloeddrukmonitor, bloeddrukapparaat
meten, meting, metingen, meetwaarde, meetwaarden
weegschaal, weegapparaat
app, applicatie, programma
installeren, downloaden, instaleren, ophalen
telefoon, mobiel, smartphone, gsm
tablet, ipad
computer, laptop, pc
portaal, patientenportaal, mijnomgeving, dossier
uitslag, uitslagen, labuitslag, bloeduitslag, resultaat, resultaten
afspraak, afspraken, consult
brief, brieven, post
bericht, berichten, econsult, mail
e-mail, email, mail, mailtje
sms, sms-code, sms-controle, smscode, sms-je
digid, digi-d, digi
machtigen, machtiging, gemachtigde, namens
activeren, activatiecode, activatiebrief, activeringscode
camera, webcam
microfoon, geluid, audio
koppelen, verbinden, bluetooth, pairen
vragenlijst, formulier, enquete
herinnering, melding, notificatie, pushbericht
verzetten, verplaatsen, verschuiven, omzetten, schuiven, afzeggen, annuleren
microfoon, geluid, horen, hoor, hoort, speaker, luidspreker
bloeddrukmeter, tensiemeter, bloeddrukmeter
wijzigen, veranderen, aanpassen, bijwerken
geblokkeerd, blokkade, vergrendeld, geblokt, geweigerd
benauwd, pijn, ziek, klachten, spoed, dringend, huisartsenpost
medicijnen, medicatie, pillen, medicijnlijst
gegevens, privacy, persoonsgegevens, dossier
kwijt, vergeten, verloren
werkt niet, doet het niet, kapot, storing, foutmelding
"""
    + GLOSSARY,
    "en": """\
log in, login, sign in, signin
password, pin, code, passcode
video call, video consultation, videocall
blood pressure monitor, blood pressure meter
install, download
results, test results, lab results
appointment, appointments
""",
}


def groups(text: str) -> list[list[str]]:
    """The groups in a synonym list: one per non-empty line, words separated by commas."""
    return [[word.strip() for word in line.split(",") if word.strip()] for line in text.splitlines() if line.strip()]
