"""The words of the anonymous line and of decisions by consent (issue 17), in each language.

Re-exported by ``facilitation.i18n.argument_words`` and listed in its ``ALL``; kept apart so
each module stays one concept. The consent answers are the words consent-based groups use
in each language (stack facilitation's agree / stand aside / concern / block, sociocracy's
and the assemblies' "de acuerdo · me aparto · reparo · bloqueo", "Zustimmung · Enthaltung ·
Bedenken · Veto", "d'accord · en retrait · réserve · blocage", "de acordo · me abstenho ·
ressalva · bloqueio"). A bare "yes" (``sí``, ``ja``, ``oui``, ``sim``) is left out on
purpose: "sí, pero…" is a concern, and a consent count should not guess.

French words with an apostrophe are listed with both the straight one and the typographic
one a phone keyboard puts in (``d'accord``, ``d’accord``): folding leaves punctuation alone.
"""

from __future__ import annotations

from facilitation.i18n.typed import Words

STANCES = Words(
    "consent answer",  # /consent N <answer> [reason]: facilitation/proposal_args.py
    {
        "agree": {
            "en": "agreed|i agree",
            "es": "de acuerdo|a favor|acuerdo|apruebo|consiento",
            "de": "zustimmen|zustimmung|ich stimme zu|einverstanden|dafür",
            "fr": "d'accord|d’accord|pour|j'approuve|j’approuve|je consens",
            "pt": "de acordo|concordo|concordância|a favor|aprovo",
        },
        "aside": {
            "en": "stand-aside|standaside|stand aside|abstain",
            "es": "me aparto|me hago a un lado|a un lado|me abstengo|abstención",
            "de": "enthaltung|ich enthalte mich|enthalten|beiseite|beiseitestehen",
            "fr": "en retrait|retrait|je m'abstiens|je m’abstiens|abstention",
            "pt": "me abstenho|abstenção|fico de fora|de lado",
        },
        "concern": {
            "en": "concerns|reservation",
            "es": "reparo|reparos|duda|dudas|preocupación",
            "de": "bedenken|vorbehalt|sorge",
            "fr": "réserve|réserves|inquiétude|préoccupation",
            "pt": "ressalva|ressalvas|dúvida|preocupação",
        },
        "block": {
            "en": "veto",
            "es": "bloqueo|bloquear|veto",
            "de": "veto|blockieren|blockade|ich blockiere",
            "fr": "blocage|bloquer|je bloque|veto",
            "pt": "bloqueio|bloquear|veto",
        },
    },
)

CLOSE = Words(
    "close",  # /tell close N (facilitation/tell_args.py), /propose close N (proposal_args.py)
    {
        "close": {
            "es": "cerrar|cierra",
            "de": "schließen|schliessen|beenden",
            "fr": "fermer|clore|clôturer",
            "pt": "fechar|encerrar",
        },
    },
)

PROPOSAL_FOR = Words(
    "proposal for",  # /propose <text> for 3d, the word before the length: proposal_args.py
    {
        "for": {
            "es": "para|durante",
            "de": "für",
            "fr": "pendant|pour",
            "pt": "por|durante",
        },
    },
)

__all__ = ["CLOSE", "PROPOSAL_FOR", "STANCES"]
