"""Agreement by consent: when an agreement change waits for the circle, and what a passed
proposal changes.

With ``/circle set agreement consent`` (``CircleSettings.agreement_by_consent``), ``/agreement
set <text>`` opens an ``AGREEMENT`` proposal instead of changing the agreement. Only if it
passes does the new text become the next version, and then everyone (the proposer too) is
asked to ``/agree`` again: nobody has accepted a version before it exists.

Choices, and why:

* **Leaving consent mode needs consent too.** Otherwise one facilitator could switch back,
  change the agreement alone, and switch again: "only by consent" would be one command
  deep. ``/circle set agreement facilitators`` in consent mode therefore opens an
  ``END_CONSENT`` proposal. Entering consent mode needs nobody's consent: it only gives
  power away.
* **In consent mode, anyone who may propose may propose a new agreement** (an agreed member
  with tenure; facilitators always), since the point is that it is the circle's agreement.
  The command layer may keep ``/agreement set`` for facilitators if the circle prefers.
* **A passed change applies only to the version it was written against.** If the agreement
  changed while it ran, it is not applied (``Stale``): members consented to replacing a text
  that is no longer there. It can be proposed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitation.circle import CircleSettings
from facilitation.proposals import (
    DEFAULT_PERIOD_MS,
    Closing,
    Kind,
    Proposal,
    Result,
    open_proposal,
)

AGREEMENT_SETTING = "agreement"


@dataclass(frozen=True, slots=True)
class NewAgreement:
    """Store ``text`` as ``version`` and make it current; everyone is asked to agree again."""

    version: int
    text: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Stale:
    """It passed, but the agreement it would replace had already changed: nothing applies."""

    proposed_against: int
    current: int


@dataclass(frozen=True, slots=True)
class ConsentEnded:
    """Store these settings: facilitators set the agreement directly again."""

    settings: CircleSettings


Effect = NewAgreement | Stale | ConsentEnded


def agreement_needs_consent(settings: CircleSettings) -> bool:
    """Whether ``/agreement set`` opens a proposal rather than changing the agreement."""
    return settings.agreement_by_consent


def setting_needs_consent(settings: CircleSettings, name: str, value: object) -> bool:
    """Whether this ``/circle set`` must go through a proposal (only leaving consent mode)."""
    return name == AGREEMENT_SETTING and settings.agreement_by_consent and value == "facilitators"


def propose_agreement(
    number: int, text: str, proposer: str, current_version: int, now: int
) -> Proposal:
    """The proposal ``/agreement set <text>`` opens in consent mode (the default period).

    ``text`` is the cleaned agreement, checked against ``MAX_AGREEMENT_CHARS`` as today."""
    return open_proposal(
        number, Kind.AGREEMENT, text, proposer, now, DEFAULT_PERIOD_MS, current_version
    )


def propose_end_of_consent(number: int, proposer: str, now: int) -> Proposal:
    """The proposal ``/circle set agreement facilitators`` opens in consent mode."""
    return open_proposal(number, Kind.END_CONSENT, "", proposer, now, DEFAULT_PERIOD_MS)


def effect(closing: Closing, current_version: int, settings: CircleSettings) -> Effect | None:
    """What a closed proposal changes; None for a decision, or one that did not pass."""
    if closing.result is not Result.PASSED:
        return None
    proposal = closing.proposal
    if proposal.kind is Kind.AGREEMENT:
        base = proposal.agreement_base
        if base is None or base != current_version:
            return Stale(proposed_against=base or 0, current=current_version)
        return NewAgreement(version=current_version + 1, text=proposal.text)
    if proposal.kind is Kind.END_CONSENT and settings.agreement_by_consent:
        return ConsentEnded(settings.with_setting(AGREEMENT_SETTING, "facilitators"))
    return None
