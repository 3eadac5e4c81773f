"""The argument words that name a topic, in each language: the directory's categories and
the guides' topics (``facilitation.i18n.typed``; the other tables, and ``ALL``, are in
``facilitation.i18n.argument_words``). A category word is also what a directory search
matches its entries with."""

from __future__ import annotations

from facilitation.i18n.typed import Words

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
