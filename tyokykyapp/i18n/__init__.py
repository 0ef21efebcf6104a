"""One message catalog mechanism for the core and the GUI (see docs/i18n.md).

Message ids are English. Finnish and Swedish catalogs are `.po` files shipped inside this package and read
directly at run time, so no compiled `.mo` file can drift out of step with its source.
"""

from tyokykyapp.i18n.catalog import (
    LANGUAGE_NAMES,
    LANGUAGES,
    N_,
    _,
    current_language,
    ngettext,
    set_language,
    set_pseudo,
    using_language,
)

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "_",
    "current_language",
    "ngettext",
    "set_language",
    "set_pseudo",
    "using_language",
]
