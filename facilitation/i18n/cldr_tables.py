"""CLDR data for the five languages, written by ``python -m tools.cldr`` from Babel
2.19.0: do not edit (run the tool again). facilitation/i18n/cldr.py says
what each field holds; a test holds this file to what Babel says."""

from __future__ import annotations

from facilitation.i18n.cldr import NumberStyle, Table


def _plural_en(count: int) -> str:
    n = abs(count)
    if n == 1:
        return "one"
    return "other"


def _plural_es(count: int) -> str:
    n = abs(count)
    if n != 0 and n % 1000000 == 0:
        return "many"
    if n == 1:
        return "one"
    return "other"


def _plural_de(count: int) -> str:
    n = abs(count)
    if n == 1:
        return "one"
    return "other"


def _plural_fr(count: int) -> str:
    n = abs(count)
    if n != 0 and n % 1000000 == 0:
        return "many"
    if 0 <= n <= 1:
        return "one"
    return "other"


def _plural_pt(count: int) -> str:
    n = abs(count)
    if n != 0 and n % 1000000 == 0:
        return "many"
    if 0 <= n <= 1:
        return "one"
    return "other"


TABLES: dict[str, Table] = {
    "en": Table(
        locale="en_GB",
        decimal=".",
        group=",",
        infinity="∞",
        number=NumberStyle((3, 3), 1, (0, 3), ("", "-"), ("", "")),
        fixed=NumberStyle((3, 3), 1, (0, 0), ("", "-"), ("", "")),
        units={
            "long": {
                "duration-day": {"one": "{0} day", "other": "{0} days"},
                "duration-hour": {"one": "{0} hour", "other": "{0} hours"},
                "duration-minute": {"one": "{0} minute", "other": "{0} minutes"},
                "duration-second": {"one": "{0} second", "other": "{0} seconds"},
            },
            "short": {
                "duration-day": {"one": "{0} day", "other": "{0} days"},
                "duration-hour": {"one": "{0} hr", "other": "{0} hrs"},
                "duration-minute": {"one": "{0} min", "other": "{0} mins"},
                "duration-second": {"one": "{0} sec", "other": "{0} secs"},
            },
        },
        lists={
            "standard": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} and {1}",
                "2": "{0} and {1}",
            },
            "or": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} or {1}",
                "2": "{0} or {1}",
            },
        },
        weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        months={
            3: (
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
            ),
            4: (
                "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December",
            ),
        },
        patterns={
            "clock": (("H", 2), ":", ("m", 2)),
            "day_and_month": (("E", 4), " ", ("d", 1), " ", ("M", 4)),
            "long_date": (("d", 1), " ", ("M", 4), " ", ("y", 1)),
            "month_and_year": (("M", 3), " ", ("y", 1)),
            "numeric_day": (("d", 2), "/", ("M", 2)),
            "short_day": (("d", 1), " ", ("M", 3)),
        },
        plural=_plural_en,
    ),
    "es": Table(
        locale="es",
        decimal=",",
        group=".",
        infinity="∞",
        number=NumberStyle((3, 3), 1, (0, 3), ("", "-"), ("", "")),
        fixed=NumberStyle((3, 3), 1, (0, 0), ("", "-"), ("", "")),
        units={
            "long": {
                "duration-day": {"one": "{0} día", "other": "{0} días"},
                "duration-hour": {"one": "{0} hora", "other": "{0} horas"},
                "duration-minute": {"one": "{0} minuto", "other": "{0} minutos"},
                "duration-second": {"one": "{0} segundo", "other": "{0} segundos"},
            },
            "short": {
                "duration-day": {"other": "{0} d"},
                "duration-hour": {"other": "{0} h"},
                "duration-minute": {"other": "{0} min"},
                "duration-second": {"other": "{0} s"},
            },
        },
        lists={
            "standard": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} y {1}",
                "2": "{0} y {1}",
            },
            "or": {"start": "{0}, {1}", "middle": "{0}, {1}", "end": "{0} o {1}", "2": "{0} o {1}"},
        },
        weekdays=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        months={
            3: (
                "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
            ),
            4: (
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                "septiembre", "octubre", "noviembre", "diciembre",
            ),
        },
        patterns={
            "clock": (("H", 1), ":", ("m", 2)),
            "day_and_month": (("E", 4), ", ", ("d", 1), " de ", ("M", 4)),
            "long_date": (("d", 1), " de ", ("M", 4), " de ", ("y", 1)),
            "month_and_year": (("M", 3), " ", ("y", 1)),
            "numeric_day": (("d", 1), "/", ("M", 1)),
            "short_day": (("d", 1), " ", ("M", 3)),
        },
        plural=_plural_es,
    ),
    "de": Table(
        locale="de",
        decimal=",",
        group=".",
        infinity="∞",
        number=NumberStyle((3, 3), 1, (0, 3), ("", "-"), ("", "")),
        fixed=NumberStyle((3, 3), 1, (0, 0), ("", "-"), ("", "")),
        units={
            "long": {
                "duration-day": {"one": "{0} Tag", "other": "{0} Tage"},
                "duration-hour": {"one": "{0} Stunde", "other": "{0} Stunden"},
                "duration-minute": {"one": "{0} Minute", "other": "{0} Minuten"},
                "duration-second": {"one": "{0} Sekunde", "other": "{0} Sekunden"},
            },
            "short": {
                "duration-day": {"one": "{0} Tg.", "other": "{0} Tg."},
                "duration-hour": {"one": "{0} Std.", "other": "{0} Std."},
                "duration-minute": {"one": "{0} Min.", "other": "{0} Min."},
                "duration-second": {"one": "{0} Sek.", "other": "{0} Sek."},
            },
        },
        lists={
            "standard": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} und {1}",
                "2": "{0} und {1}",
            },
            "or": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} oder {1}",
                "2": "{0} oder {1}",
            },
        },
        weekdays=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
        months={
            3: (
                "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
                "Nov.", "Dez.",
            ),
            4: (
                "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                "Oktober", "November", "Dezember",
            ),
        },
        patterns={
            "clock": (("H", 2), ":", ("m", 2)),
            "day_and_month": (("E", 4), ", ", ("d", 1), ". ", ("M", 4)),
            "long_date": (("d", 1), ". ", ("M", 4), " ", ("y", 1)),
            "month_and_year": (("M", 3), " ", ("y", 1)),
            "numeric_day": (("d", 1), ".", ("M", 1), "."),
            "short_day": (("d", 1), ". ", ("M", 3)),
        },
        plural=_plural_de,
    ),
    "fr": Table(
        locale="fr",
        decimal=",",
        group="\u202f",
        infinity="∞",
        number=NumberStyle((3, 3), 1, (0, 3), ("", "-"), ("", "")),
        fixed=NumberStyle((3, 3), 1, (0, 0), ("", "-"), ("", "")),
        units={
            "long": {
                "duration-day": {"one": "{0}\xa0jour", "other": "{0}\xa0jours"},
                "duration-hour": {"one": "{0}\xa0heure", "other": "{0}\xa0heures"},
                "duration-minute": {"one": "{0} minute", "other": "{0} minutes"},
                "duration-second": {"one": "{0}\xa0seconde", "other": "{0}\xa0secondes"},
            },
            "short": {
                "duration-day": {"one": "{0}\u202fj", "other": "{0}\u202fj"},
                "duration-hour": {"one": "{0}\u202fh", "other": "{0}\u202fh"},
                "duration-minute": {"one": "{0}\xa0min", "other": "{0}\xa0min"},
                "duration-second": {"one": "{0}\u202fs", "other": "{0}\u202fs"},
            },
        },
        lists={
            "standard": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} et {1}",
                "2": "{0} et {1}",
            },
            "or": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} ou {1}",
                "2": "{0} ou {1}",
            },
        },
        weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        months={
            3: (
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc.",
            ),
            4: (
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                "septembre", "octobre", "novembre", "décembre",
            ),
        },
        patterns={
            "clock": (("H", 2), ":", ("m", 2)),
            "day_and_month": (("E", 4), " ", ("d", 1), " ", ("M", 4)),
            "long_date": (("d", 1), " ", ("M", 4), " ", ("y", 1)),
            "month_and_year": (("M", 3), " ", ("y", 1)),
            "numeric_day": (("d", 2), "/", ("M", 2)),
            "short_day": (("d", 1), " ", ("M", 3)),
        },
        plural=_plural_fr,
    ),
    "pt": Table(
        locale="pt_BR",
        decimal=",",
        group=".",
        infinity="∞",
        number=NumberStyle((3, 3), 1, (0, 3), ("", "-"), ("", "")),
        fixed=NumberStyle((3, 3), 1, (0, 0), ("", "-"), ("", "")),
        units={
            "long": {
                "duration-day": {"one": "{0} dia", "other": "{0} dias"},
                "duration-hour": {"one": "{0} hora", "other": "{0} horas"},
                "duration-minute": {"one": "{0} minuto", "other": "{0} minutos"},
                "duration-second": {"one": "{0} segundo", "other": "{0} segundos"},
            },
            "short": {
                "duration-day": {"one": "{0} dia", "other": "{0} dias"},
                "duration-hour": {"other": "{0} h"},
                "duration-minute": {"other": "{0} min"},
                "duration-second": {"other": "{0} s"},
            },
        },
        lists={
            "standard": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} e {1}",
                "2": "{0} e {1}",
            },
            "or": {
                "start": "{0}, {1}",
                "middle": "{0}, {1}",
                "end": "{0} ou {1}",
                "2": "{0} ou {1}",
            },
        },
        weekdays=(
            "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
            "domingo",
        ),
        months={
            3: (
                "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
                "nov.", "dez.",
            ),
            4: (
                "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                "setembro", "outubro", "novembro", "dezembro",
            ),
        },
        patterns={
            "clock": (("H", 2), ":", ("m", 2)),
            "day_and_month": (("E", 4), ", ", ("d", 1), " de ", ("M", 4)),
            "long_date": (("d", 1), " de ", ("M", 4), " de ", ("y", 1)),
            "month_and_year": (("M", 3), " de ", ("y", 1)),
            "numeric_day": (("d", 2), "/", ("M", 2)),
            "short_day": (("d", 1), " de ", ("M", 3)),
        },
        plural=_plural_pt,
    ),
}
