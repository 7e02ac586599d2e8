"""The one base of errors a user may see: a text key of core.i18n and the values it names."""

from __future__ import annotations

from core.i18n import translate


class DomainError(Exception):
    """A request Silta refuses, with a reason the user can act on, in either language.

    Subclasses keep their own names for `except` clauses (and, where callers relied on it,
    a builtin base such as ValueError). `message(lang)` is the text a page shows; `str()` is
    the English text, for logs and the command line. The key must exist in core.i18n.TEXTS:
    a missing one fails where the error is raised, not where it is shown.
    """

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(translate(key, "en", **values))

    def message(self, lang: str = "en") -> str:
        return translate(self.key, lang, **self.values)
