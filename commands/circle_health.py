"""/circle health: how the last sessions went, for the circle's facilitators, by direct message.

The answer is a chart (a PNG attachment, drawn by ``facilitation/health_chart.py`` only when
someone asks, so the drawing code is imported then) and the same facts as text under it, for
reading and for screen readers, both in the language the facilitator reads direct messages in
(the chart is drawn in the language ``commands/speech.py`` will render the text in).
Everything shown is anonymous by construction (``facilitation/health.py``): moods as bands
from three moods, counts without names, the reader's own load only when at least two people
held sessions. It is sent to the facilitator
alone even when asked in the group (a 📬 on their message says where to look): it is for
the people who hold the circle, not a scoreboard.
"""

from __future__ import annotations

from commands.arguments import nothing
from commands.circle import circle
from commands.context import ANSWERED_PRIVATELY, CommandContext
from commands.rules import Access, Where
from commands.speech import Languages
from commands.types import Attachment
from facilitation import care_texts
from facilitation.health import circle_health
from facilitation.i18n import lines
from facilitation.texts import holding as said

CHART_NAME = "circle-health.png"


@circle.sub(
    "health",
    summary=said.HEALTH_SUMMARY,
    where=Where.ANYWHERE,
    access=Access.FACILITATOR,
    parse=nothing,
)
async def health(ctx: CommandContext, _: None) -> None:
    member = ctx.require_facilitator()
    found = ctx.require_circle()
    inputs = await ctx.uow.health.inputs(found.id)
    report = circle_health(
        inputs.history,
        tz=found.settings.tz,
        now=ctx.now,
        reader=str(member.id),
        load=inputs.load,
        debriefs=inputs.debriefs,
    )
    from facilitation import health_chart  # only when a chart is drawn

    language = await Languages(ctx.uow, found).of_person(ctx.incoming.sender)
    chart = Attachment("image/png", CHART_NAME, health_chart.render(report, language))
    text = lines(*care_texts.health_lines(report))
    ctx.direct(ctx.incoming.sender, text, attachments=(chart,))
    if not ctx.incoming.is_direct:
        ctx.react(ANSWERED_PRIVATELY)
