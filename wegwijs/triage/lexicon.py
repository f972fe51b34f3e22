"""Word lists for the rules-based triage. Lower case; phrases match on word boundaries.

Red flags are written the way laypeople write them. Recall comes first: when in doubt, a phrase goes in.
"""

from __future__ import annotations

# fmt: off
RED_FLAGS: dict[str, tuple[str, ...]] = {
    "nl": (
        "pijn op de borst", "pijn op mijn borst", "druk op de borst", "druk op mijn borst", "benauwd",
        "kan niet ademen", "krijg geen lucht", "ademnood", "bewusteloos", "flauwgevallen", "valt flauw",
        "scheve mond", "verlamd", "kan niet meer praten", "praat onduidelijk", "veel bloed", "bloedt hevig",
        "bloeding stopt niet", "zelfmoord", "suïcide", "niet meer leven", "dood willen", "wil dood",
        "einde aan mijn leven", "reageert niet", "niet wakker te krijgen", "allergische reactie", "keel zwelt",
        "dikke keel", "hartaanval", "beroerte", "epileptische aanval", "stuipen",
        # lay words, from the training examples
        "in elkaar gezakt", "niet wakker", "gezicht hangt", "mond hangt", "hangt scheef", "praat ineens raar",
        "praat heel raar", "kwijlt", "blijft bloeden", "bloedt heel erg", "bloedt erg", "zie het niet meer zitten",
        "pillen gespaard", "slaappillen ingenomen", "al mijn pillen", "zwelt op", "piept bij het ademen",
        "benauwder", "lippen worden blauw", "blauwe lippen", "kan niet goed ademen", "heel slap",
        "reageert nergens op", "tong is dik", "epipen", "geen lucht",
    ),
    "en": (
        "chest pain", "pain in my chest", "pressure on my chest", "can't breathe", "cannot breathe",
        "short of breath", "shortness of breath", "unconscious", "passed out", "fainted", "face drooping", "stroke",
        "slurred speech", "heavy bleeding", "bleeding heavily", "suicide", "kill myself", "want to die",
        "end my life", "not responding", "won't wake up", "anaphylaxis", "allergic reaction", "throat swelling",
        "heart attack", "seizure", "chest pains", "arm feels numb", "ending it all", "end it all", "lips are blue",
        "blue lips", "not breathing", "can't wake", "cannot wake", "overdose",
    ),
    "de": (
        "brustschmerzen", "schmerzen in der brust", "atemnot", "bekomme keine luft", "bewusstlos", "schlaganfall",
        "starke blutung", "selbstmord", "suizid", "nicht mehr leben", "reagiert nicht", "herzinfarkt", "umgekippt",
        "wacht nicht auf",
    ),
    "fr": (
        "douleur thoracique", "douleur à la poitrine", "je ne peux pas respirer", "essoufflé", "inconscient",
        "évanoui", "avc", "saigne beaucoup", "suicide", "me tuer", "ne répond pas", "crise cardiaque",
        "ne respire plus", "lèvres sont bleues", "lèvres bleues",
    ),
    "tr": (
        "göğüs ağrısı", "göğsüm ağrıyor", "nefes alamıyorum", "nefes darlığı", "bayıldı", "bilinçsiz", "felç",
        "çok kanama", "intihar", "ölmek istiyorum", "tepki vermiyor", "kalp krizi", "bir tarafa kaydı",
        "konuşamıyor", "göğsünde çok ağrı", "göğsünde ağrı", "kendimi öldürmeyi", "yaşamak istemiyorum",
    ),
    "pl": (
        "ból w klatce piersiowej", "nie mogę oddychać", "duszność", "nieprzytomny", "zemdlał", "udar",
        "silne krwawienie", "samobójstwo", "chcę umrzeć", "nie reaguje", "zawał", "opadnięty kącik ust", "bełkocze",
        "nie moge oddychac", "chce umrzec",
    ),
    "uk": (
        "біль у грудях", "не можу дихати", "задишка", "непритомний", "знепритомнів", "інсульт", "сильна кровотеча",
        "самогубство", "хочу померти", "не реагує", "інфаркт",
    ),
    "ar": (
        "ألم في الصدر", "ألم بالصدر", "لا أستطيع التنفس", "ضيق في التنفس", "فاقد الوعي", "أغمي عليه", "جلطة",
        "نزيف شديد", "انتحار", "أريد أن أموت", "لا يستجيب", "نوبة قلبية", "نزيف قوي", "وجهها مائل",
        "وجهه مائل", "ألم شديد في الصدر", "لا يستطيع التنفس", "لا تستطيع التنفس",
    ),
}

NEGATIONS = frozenset({
    "bez", "değil", "geen", "kein", "keine", "never", "nicht", "nie", "niet", "no", "nooit", "not", "pas", "sans",
    "without", "yok", "zonder", "без", "не", "немає", "بدون", "لا", "ليس",
})
# Negations that follow what they deny (Turkish: "göğüs ağrısı yok").
POST_NEGATIONS = frozenset({"yok", "değil", "yoktur"})
# "not only chest pain" is no negation.
NOT_ONLY = frozenset({
    "alleen", "enkel", "just", "nur", "only", "sadece", "seulement", "tylko", "лише", "فقط",
})
PAST_MARKERS = (
    "vorig jaar", "vorige maand", "jaar geleden", "jaren geleden", "ooit gehad", "last year", "years ago",
    "months ago", "in the past", "letztes jahr", "l'année dernière", "geçen yıl", "w zeszłym roku", "минулого року",
    "العام الماضي",
)

# Someone writing about another person: a mantelzorger, a parent, a partner. Raises urgency, never lowers it.
OTHER_PERSON = frozenset({
    "mijn moeder", "mijn vader", "mijn man", "mijn vrouw", "mijn kind", "mijn zoon", "mijn dochter", "mijn baby",
    "mijn oma", "mijn opa", "mijn partner", "mijn schoonmoeder", "mijn schoonvader", "ons kind", "onze zoon",
    "onze dochter", "my mother", "my mom", "my mum", "my father", "my dad", "my husband", "my wife", "my son",
    "my daughter", "my child", "my baby", "my partner", "annem", "babam", "eşim", "oğlum", "kızım", "bebeğim",
    "moja mama", "mój tata", "mój mąż", "moja żona", "moje dziecko", "mój syn", "moja córka", "моя мама",
    "мій тато", "мій чоловік", "моя дружина", "моя дитина", "мій син", "моя донька", "أمي", "أبي", "والدتي",
    "والدي", "زوجي", "زوجتي", "ابني", "ابنتي", "طفلي", "meine mutter", "mein vater", "mein mann", "meine frau",
    "mein kind", "mein sohn", "meine tochter", "ma mère", "mon père", "mon mari", "ma femme", "mon enfant",
    "mon fils", "ma fille", "mon bébé",
})

# Words that always mean a medical content question, whatever else the message asks: with one of these the
# route is at least care_provider (the taxonomy's priority rule; see classify.py).
MEDICAL_CONTENT = (
    "bijwerking", "bijwerkingen", "dosis", "dosering", "side effect", "side effects", "dosage", "yan etki",
    "yan etkisi", "skutki uboczne", "skutek uboczny", "dawka", "побічні", "побічна дія", "дозування",
    "آثار جانبية", "الجرعة", "nebenwirkung", "nebenwirkungen", "dosierung", "effet secondaire",
    "effets secondaires", "posologie",
)

ROUTE_WORDS: dict[str, tuple[str, ...]] = {
    "care_provider": (
        "bijwerking", "bijwerkingen", "dosis", "medicijn", "medicijnen", "medicatie", "pillen",
        "wat betekent mijn uitslag", "wat betekent de uitslag", "is dit normaal", "is dat erg", "te hoog", "te laag",
        "klachten", "ik heb pijn", "diagnose", "behandeling", "mag ik", "side effect", "side effects", "dose",
        "medication", "medicine", "what does my result mean", "is this normal", "symptoms", "diagnosis", "treatment",
    ),
    "privacy": (
        "privacy", "mijn gegevens", "inzage", "verwijder mijn", "verwijderen van mijn", "avg", "gdpr", "datalek",
        "wie heeft mijn dossier", "toestemming intrekken", "my data", "delete my", "who viewed my", "data breach",
    ),
    "organisation": (
        "afspraak verzetten", "afspraak afzeggen", "afspraak maken", "openingstijden", "parkeren", "rekening",
        "factuur", "verwijsbrief", "adreswijziging", "reschedule", "appointment", "opening hours", "parking",
        "invoice", "bill",
    ),
    "general_digital": (
        "wifi", "wi-fi", "e-mailadres aanmaken", "mailadres maken", "tablet instellen", "smartphone leren",
        "computerles", "cursus", "internet thuis", "whatsapp", "email address", "learn to use", "computer course",
    ),
    "feedback": (
        "compliment", "complimenten", "klacht over", "suggestie", "tip voor", "ik vind het", "complaint about",
        "suggestion", "great app", "terrible app",
    ),
}

TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "login": (
        "inloggen", "inlogen", "inlog", "aanmelden", "digid", "wachtwoord", "wachtwort", "pincode", "sms-code",
        "smscode", "tweestapsverificatie", "geblokkeerd na", "log in", "login", "password", "sign in", "giriş",
        "şifre", "zalogować", "hasło", "увійти", "пароль", "تسجيل الدخول",
    ),
    "account": (
        "registreren", "account aanmaken", "activatiecode", "activatiebrief", "account geblokkeerd",
        "e-mailadres wijzigen", "telefoonnummer wijzigen", "register", "activation", "account",
    ),
    "app_install": (
        "app downloaden", "app installeren", "app store", "play store", "app update", "app crasht", "app werkt niet",
        "telefoon te oud", "install the app", "download the app",
    ),
    "video_call": (
        "beeldbellen", "videobellen", "videogesprek", "videoconsult", "camera", "microfoon", "geluid", "wachtkamer",
        "video call", "video consultation", "microphone",
    ),
    "home_monitoring": (
        "bloeddrukmeter", "bloeddruk meter", "weegschaal", "glucosemeter", "bluetooth", "koppelen",
        "metingen komen niet", "thuismeten", "blood pressure monitor", "scale", "pairing", "measurements",
    ),
    "portal_use": (
        "uitslagen vinden", "uitslag vinden", "waar vind ik", "brieven", "vragenlijst", "medicatieoverzicht",
        "printen", "downloaden", "where do i find", "results", "questionnaire",
    ),
    "messaging": (
        "e-consult", "econsult", "bericht sturen", "bericht versturen", "bijlage", "send a message", "attachment",
    ),
    "proxy_access": (
        "mantelzorger", "namens mijn", "voor mijn moeder", "voor mijn vader", "voor mijn kind", "machtiging",
        "machtigen", "on behalf of", "for my mother", "for my father",
    ),
    "notifications": (
        "geen e-mail", "geen sms", "melding", "meldingen", "notificatie", "herinnering", "notification", "reminder",
    ),
}
# fmt: on
