"""The catalog: every text a person can read, as a named message (facilitation/i18n).

One module per area. Handlers and the pure core refer to texts by name and return them with
their parameters (``FLOOR_GIVEN.with_(...)``); they are rendered for the reader's language
when sent. ``make i18n`` extracts them into ``facilitation/locales/holdspace.pot`` and the
languages' ``.po`` files; the catalog tests (tests/facilitation/i18n/) hold every message to
its translations and to the house rules of ../shared/VOICE.md.

Modules with declarations need not be imported here: the tests find every module of the
project that declares a message, and check that the extracted template holds exactly the
messages that are declared.
"""

FORMAT_ONLY = ("es", "de", "fr", "pt")
"""``same_in`` of a text made only of placeholders, numbers and punctuation (a list line,
``#{number}``): written the same in a language is a right translation, not a forgotten one."""
