"""The synonym groups Wegwijs ships; an organisation's editors replace them with their own list per language.
One group per line, words separated by commas."""

from __future__ import annotations

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
""",
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
