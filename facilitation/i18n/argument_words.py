"""The words members may type as arguments, in each language (``facilitation.i18n.typed``).

One ``Words`` per argument slot: its meanings are the English words the code compares
against, and each language lists the words its speakers would type for them, as they would
type them in a chat (accents optional when reading). Translators: add what people in your
language's peer-support spaces actually write; a word with two meanings in one table fails
at import, and the tests check every table against the others read in the same slot.

English is the source: the meaning itself always works, and ``en`` lists only its other
words. Who uses which table is in each entry's comment.
"""

from __future__ import annotations

from facilitation.i18n.typed import Words

WEEKDAYS = Words(
    "weekday",  # /schedule weekly <day>: facilitation/schedule.py
    {
        "mon": {
            "en": "monday",
            "es": "lunes|lun",
            "de": "montag|mo",
            "fr": "lundi|lun",
            "pt": "segunda|segunda-feira|seg",
        },
        "tue": {
            "en": "tuesday|tues",
            "es": "martes|mar",
            "de": "dienstag|di",
            "fr": "mardi|mar",
            "pt": "terça|terça-feira|ter",
        },
        "wed": {
            "en": "wednesday",
            "es": "miércoles|mié",
            "de": "mittwoch|mi",
            "fr": "mercredi|mer",
            "pt": "quarta|quarta-feira|qua",
        },
        "thu": {
            "en": "thursday|thurs|thur",
            "es": "jueves|jue",
            "de": "donnerstag|do",
            "fr": "jeudi|jeu",
            "pt": "quinta|quinta-feira|qui",
        },
        "fri": {
            "en": "friday",
            "es": "viernes|vie",
            "de": "freitag|fr",
            "fr": "vendredi|ven",
            "pt": "sexta|sexta-feira|sex",
        },
        "sat": {
            "en": "saturday",
            "es": "sábado|sáb",
            "de": "samstag|sonnabend|sa",
            "fr": "samedi|sam",
            "pt": "sábado|sáb",
        },
        "sun": {
            "en": "sunday",
            "es": "domingo|dom",
            "de": "sonntag|so",
            "fr": "dimanche|dim",
            "pt": "domingo|dom",
        },
    },
)

SUBCOMMANDS: dict[str, Words] = {
    # One word after a command that names what it does, for the commands that run and plan
    # sessions (commands/spec.py reads them); the other subcommands stay English, like
    # command names.
    "schedule": Words(
        "schedule",
        {
            "weekly": {
                "es": "semanal",
                "de": "wöchentlich|woechentlich",
                "fr": "hebdo|hebdomadaire",
                "pt": "semanal",
            },
            "cancel": {
                "es": "cancelar|quitar|borrar",
                "de": "absagen|löschen|streichen",
                "fr": "annuler|supprimer",
                "pt": "cancelar|remover|apagar",
            },
        },
    ),
    "session": Words(
        "session",
        {
            "start": {
                "es": "empezar|comenzar|iniciar",
                "de": "starten|beginnen",
                "fr": "commencer|démarrer",
                "pt": "começar|iniciar",
            },
            "extend": {
                "es": "alargar|extender|prolongar",
                "de": "verlängern",
                "fr": "prolonger|rallonger",
                "pt": "estender|prolongar",
            },
            "end": {
                "es": "terminar|cerrar|fin",
                "de": "beenden|ende|schließen",
                "fr": "terminer|finir|fin",
                "pt": "encerrar|terminar|fim",
            },
        },
    ),
}

SESSION_KINDS = Words(
    "session kind",  # /session start [wins]: commands/sessions.py
    {
        "wins": {
            "en": "wins-only|no-trauma",
            "es": "logros|solo-logros",
            "de": "erfolge|nur-erfolge",
            "fr": "victoires|réussites",
            "pt": "conquistas|vitórias",
        },
    },
)

CHECKOUT_PASS = Words(
    "check-out pass",  # /checkout pass, the whole text: facilitation/checkins.py
    {
        "pass": {
            "en": "skip|i pass",
            "es": "paso|yo paso|pasar",
            "de": "passe|ich passe|passen",
            "fr": "je passe|passer",
            "pt": "passo|eu passo|passar",
        },
    },
)

CATEGORIES = Words(
    "category",  # /resources [category], /resource add <category>: directory/record.py
    {
        "therapist": {
            "en": "therapists|therapy|counsellor|counsellors|counselor|counselors"
            "|counselling|counseling",
            "es": "terapeuta|terapeutas|terapia|psicólogo|psicóloga|psicólogos",
            "de": "therapeut|therapeutin|therapeuten|therapie|psychotherapeut|psychotherapeutin",
            "fr": "thérapeute|thérapeutes|thérapie|psychologue|psychologues",
            "pt": "terapeuta|terapeutas|terapia|psicólogo|psicóloga|psicólogos",
        },
        "psychiatrist": {
            "en": "psychiatrists|psychiatry",
            "es": "psiquiatra|psiquiatras|psiquiatría",
            "de": "psychiater|psychiaterin|psychiatrie",
            "fr": "psychiatre|psychiatres|psychiatrie",
            "pt": "psiquiatra|psiquiatras|psiquiatria",
        },
        "bank": {
            "en": "banks|banking",
            "es": "banco|bancos",
            "de": "banken",
            "fr": "banque|banques",
            "pt": "banco|bancos",
        },
        "accountant": {
            "en": "accountants|tax|taxes|bookkeeper",
            "es": "contador|contadora|contable|gestoría|gestor|impuestos",
            "de": "steuerberater|steuerberaterin|steuern|buchhaltung|buchhalter",
            "fr": "comptable|comptables|impôts|expert-comptable",
            "pt": "contador|contadora|contabilidade|impostos",
        },
        "lawyer": {
            "en": "lawyers|legal|attorney|attorneys|solicitor",
            "es": "abogado|abogada|abogados",
            "de": "anwalt|anwältin|anwälte|rechtsanwalt|rechtsanwältin",
            "fr": "avocat|avocate|avocats|juriste",
            "pt": "advogado|advogada|advogados|jurídico",
        },
        "harassment": {
            "es": "acoso",
            "de": "belästigung|hass|hetze",
            "fr": "harcèlement",
            "pt": "assédio",
        },
        "crisis": {
            "en": "crisis-line|crisisline|hotline|hotlines|helpline",
            "es": "emergencia",
            "de": "krise|krisentelefon|notfall|seelsorge|telefonseelsorge",
            "fr": "crise|urgence",
            "pt": "crise|emergência",
        },
        "other": {
            "es": "otro|otros|otra",
            "de": "sonstiges|andere|anderes",
            "fr": "autre|autres",
            "pt": "outro|outros|outra",
        },
    },
)

PURPOSES = Words(
    "purpose",  # /circle setup [purpose] [language]: commands/circle.py
    {
        "support": {
            "es": "apoyo",
            "de": "unterstützung",
            "fr": "soutien",
            "pt": "apoio",
        },
        "venting": {
            "es": "desahogo|desahogarse",
            "de": "abladen|dampf",
            "fr": "défouloir|défoulement",
            "pt": "desabafo|desabafar",
        },
        "mastermind": {},
    },
)

RESOURCES_WHERE = Words(
    "resources shown",  # /circle set resources dm|group: commands/circle_settings.py
    {
        "dm": {"es": "privado|md", "de": "privat|direkt", "fr": "privé|mp", "pt": "privado"},
        "group": {"es": "grupo", "de": "gruppe", "fr": "groupe", "pt": "grupo"},
    },
)

DOOR = Words(
    "door",  # /circle set door locked|open
    {
        "locked": {
            "es": "cerrada|cerrado",
            "de": "verschlossen|abgeschlossen|gesperrt|zu",
            "fr": "fermée|fermé|verrouillée",
            "pt": "fechada|fechado|trancada",
        },
        "open": {
            "es": "abierta|abierto",
            "de": "offen|auf",
            "fr": "ouverte|ouvert",
            "pt": "aberta|aberto",
        },
    },
)

UNVOUCHED = Words(
    "unvouched",  # /circle set unvouched hold|allow
    {
        "hold": {
            "es": "esperar|retener",
            "de": "warten|halten|zurückhalten",
            "fr": "attendre|retenir",
            "pt": "aguardar|segurar",
        },
        "allow": {
            "es": "permitir|aceptar",
            "de": "erlauben|zulassen",
            "fr": "autoriser|accepter",
            "pt": "permitir|aceitar",
        },
    },
)

OFF = Words(
    "off",  # /circle set disappearing DURATION|off
    {
        "off": {
            "es": "desactivado|apagado|no",
            "de": "aus",
            "fr": "désactivé|non",
            "pt": "desligado|desativado|não",
        },
    },
)

FOLLOW_CIRCLE = Words(
    "language default",  # /language default: commands/language.py
    {
        "default": {
            "es": "predeterminado|por defecto",
            "de": "standard|zurücksetzen",
            "fr": "défaut|par défaut",
            "pt": "padrão",
        },
    },
)

SOS_TAKEN = Words(
    "sos taken",  # /sos taken [sign], from a facilitator an alert reached: commands/support.py
    {
        "taken": {
            "es": "atendido|me encargo",
            "de": "übernommen|ich übernehme",
            "fr": "pris|je m'en occupe",
            "pt": "assumido|eu assumo",
        },
    },
)

SOS_SIGN = Words(
    "sos sign",
    {
        "sign": {
            "es": "firmado|con mi nombre",
            "de": "namentlich|mit namen",
            "fr": "signé|avec mon nom",
            "pt": "assinado|com meu nome",
        },
    },
)

GUIDE_TOPICS = Words(
    "guide",  # /guide <topic>, besides each guide's English names: facilitation/guides.py
    {
        "therapist": {
            "es": "terapeuta|terapia|psicólogo",
            "de": "therapeut|therapeutin|therapie",
            "fr": "thérapeute|thérapie",
            "pt": "terapeuta|terapia|psicólogo",
        },
        "harassment": {
            "es": "acoso|ataques",
            "de": "belästigung|hass|shitstorm|hetze",
            "fr": "harcèlement|raid",
            "pt": "assédio|ataques|haters",
        },
        "leak": {
            "es": "filtración|filtrado|fuga",
            "de": "geleakt|datenleck",
            "fr": "fuite|fuité",
            "pt": "vazamento|vazado|vazou",
        },
        "doxing": {
            "es": "doxeo|dirección",
            "de": "adresse|doxxen",
            "fr": "adresse",
            "pt": "endereço",
        },
        "boundaries": {
            "es": "límites|agotamiento|desgaste",
            "de": "grenzen|erschöpfung|ausgebrannt",
            "fr": "limites|épuisement",
            "pt": "limites|esgotamento|exaustão",
        },
        "starting": {
            "es": "empezar|crear círculo",
            "de": "anfangen|gründen",
            "fr": "commencer|créer un cercle",
            "pt": "começar|criar círculo",
        },
        "safety": {
            "es": "seguridad|nuevo|nueva",
            "de": "sicherheit|neu",
            "fr": "sécurité|nouveau|nouvelle",
            "pt": "segurança|novo|nova",
        },
        "hybrid": {
            "es": "híbrido|profesional",
            "de": "fachleute|profis",
            "fr": "hybride|professionnel",
            "pt": "híbrido|profissional",
        },
        "crisis": {
            "es": "ayuda|emergencia|urgencia|suicidio|pánico",
            "de": "krise|hilfe|notfall|suizid|panik",
            "fr": "crise|aide|urgence|panique",
            "pt": "crise|ajuda|emergência|suicídio|pânico",
        },
    },
)

ALL: tuple[Words, ...] = (
    WEEKDAYS,
    *SUBCOMMANDS.values(),
    SESSION_KINDS,
    CHECKOUT_PASS,
    CATEGORIES,
    PURPOSES,
    RESOURCES_WHERE,
    DOOR,
    UNVOUCHED,
    OFF,
    FOLLOW_CIRCLE,
    SOS_TAKEN,
    SOS_SIGN,
    GUIDE_TOPICS,
)
"""Every table, for the tests and for translators."""
