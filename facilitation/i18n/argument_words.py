"""The words members may type as arguments, in each language (``facilitation.i18n.typed``).

One ``Words`` per argument slot: its meanings are the English words the code compares
against, and each language lists the words its speakers would type for them, as they would
type them in a chat (accents optional when reading). Translators: add what people in your
language's peer-support spaces actually write; a word with two meanings in one table fails
at import, and the tests check every table against the others read in the same slot.

English is the source: the meaning itself always works, and ``en`` lists only its other
words. Who uses which table is in each entry's comment. The directory's categories and
the guides' topics are in ``facilitation.i18n.topic_words``, the words of ``/tell``,
``/propose`` and ``/consent`` in ``facilitation.i18n.decision_words``, re-exported here.
"""

from __future__ import annotations

from facilitation.i18n.decision_words import CLOSE, PROPOSAL_FOR, STANCES
from facilitation.i18n.topic_words import CATEGORIES, GUIDE_TOPICS
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
            "rota": {  # who hosts each session in turn: commands/rotas.py
                "es": "turnos|rotación",
                "de": "dienstplan|reihum",
                "fr": "roulement|tours",
                "pt": "rodízio|escala",
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

# --- issue 16: holding the circle (co-hosts and the rota) -------------------------------------

SUBCOMMANDS["cohost"] = Words(
    "cohost",  # /cohost remove @member: commands/cohosts.py
    {
        "remove": {
            "es": "quitar|eliminar|sacar",
            "de": "entfernen|streichen",
            "fr": "retirer|enlever",
            "pt": "remover|tirar",
        },
    },
)
SUBCOMMANDS["rota"] = Words(
    "rota",  # /rota swap, /rota take: commands/rotas.py
    {
        "swap": {
            "es": "cambiar|cambio|intercambiar",
            "de": "tauschen|tausch",
            "fr": "échanger|échange",
            "pt": "trocar|troca",
        },
        "take": {
            "es": "tomar|tomo|cubrir|cubro",
            "de": "übernehmen|nehmen",
            "fr": "prendre|prends",
            "pt": "assumir|assumo|pegar|pego",
        },
    },
)

COHOSTS_WITH = Words(
    "with co-hosts",  # /session start 60m with @a @b: commands/sessions.py
    {"with": {"es": "con", "de": "mit", "fr": "avec", "pt": "com"}},
)

# --- end of issue 16's words ------------------------------------------------------------------

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

AGREEMENT_BY = Words(
    "agreement by",  # /circle set agreement consent|facilitators
    {
        "consent": {
            "es": "consenso|consentimiento",
            "de": "konsens|konsent",
            "fr": "consentement|consensus",
            "pt": "consenso|consentimento",
        },
        "facilitators": {
            "es": "facilitadores|facilitadoras",
            "de": "moderation|moderierende",
            "fr": "facilitateurs|facilitatrices|animation",
            "pt": "facilitadores|facilitadoras",
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

ALL: tuple[Words, ...] = (
    WEEKDAYS,
    *SUBCOMMANDS.values(),
    SESSION_KINDS,
    COHOSTS_WITH,
    CHECKOUT_PASS,
    CATEGORIES,
    PURPOSES,
    RESOURCES_WHERE,
    DOOR,
    UNVOUCHED,
    OFF,
    AGREEMENT_BY,
    FOLLOW_CIRCLE,
    SOS_TAKEN,
    SOS_SIGN,
    GUIDE_TOPICS,
    STANCES,
    CLOSE,
    PROPOSAL_FOR,
)
"""Every table, for the tests and for translators."""

__all__ = [
    "AGREEMENT_BY",
    "ALL",
    "CATEGORIES",
    "CHECKOUT_PASS",
    "CLOSE",
    "COHOSTS_WITH",
    "DOOR",
    "FOLLOW_CIRCLE",
    "GUIDE_TOPICS",
    "OFF",
    "PROPOSAL_FOR",
    "PURPOSES",
    "RESOURCES_WHERE",
    "SESSION_KINDS",
    "SOS_SIGN",
    "SOS_TAKEN",
    "STANCES",
    "SUBCOMMANDS",
    "UNVOUCHED",
    "WEEKDAYS",
]
