"""Page furniture: the lines of a page that belong to the site, not to what the page says.

A text capture (and many a page's markup) starts with the site around the story: skip links and
accessibility bars ("Skip to main content", "ACCESSIBILITY AT UNOG A A A A"), a pager ("You are on
page 1 of 1"), a crawl-time header ("flag Freitag, 26 April 2024", "Суббота, 23 ноября 2024
Минск -2°C"), clock times and publication lines ("4:14 pm on 8 November 2005", "13:50
12/09/2019"), share and print bars, category menus ("Meetings and conferences" above a list of
meeting kinds). None of them is a title, a heading or a description. ``is_furniture`` says so of
one line; ``strip_furniture`` takes an icon word or a site name off a heading ("PostHeaderIcon
Report of ...", "... - adakar.com").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

__all__ = ["is_caption", "is_furniture", "strip_furniture"]

_MAX_LINE = 160  # characters: furniture is short; a longer line is text
_ANY_YEAR = dt.date(2000, 6, 30)

# Lines that open with the site's own controls, in the languages of the lexicon.
_CONTROLS = re.compile(
    r"^(?:skip\s+to\s+(?:main\s+)?(?:content|navigation)|jump\s+to|accessibility|navigation\b"
    r"|aller\s+au\s+contenu|passer\s+au\s+contenu|перейти\s+к\s+(?:содержанию|основному)"
    r"|zum\s+inhalt|direkt\s+zum|saltar\s+al\s+contenido|ir\s+al\s+contenido"
    r"|you\s+are\s+(?:on|here)|sunteți\s+pe\s+pagina|vous\s+êtes\s+ici|вы\s+здесь|sie\s+sind\s+hier"
    r"|share\s+(?:on|this)|partager|поделиться|teilen\b|compartir"
    r"|print(?:\s+(?:this|page))?$|imprimer|печать|drucken|imprimir"
    r"|subscribe|abonnieren|подписаться|s['’]abonner|suscr[ií]bete"
    r"|read\s+(?:also|more)|lire\s+aussi|читайте\s+также|lesen\s+sie\s+auch|lea\s+también"
    r"|(?:diminuer|augmenter)\s+la\s+taille|font\s+size|view-icon|main\s+menu|menu$|search$"
    r"|home$|accueil$|главная$|startseite$|inicio$|back\s+to\s+top|all\s+news$|все\s+новости"
    r"|alle\s+nachrichten|toutes\s+les\s+actualités|copied!|related\s+(?:news|articles|posts)"
    # A share bar's buttons, one per line: "• Google+", "Facebook", "ВКонтакте", "Commenta".
    r"|[•·\-–*]?\s*(?:google\s*\+|facebook|twitter|x\.com|whatsapp|telegram|linkedin|viber"
    r"|pinterest|reddit|tumblr|vk|вконтакте|одноклассники|e-?mail|commenta|comment(?:er|ar)?)$"
    # A speech's salutation.
    r"|ladies\s+and\s+gentlemen|excellenc(?:y|ies)|dear\s+(?:colleagues|friends)|mesdames"
    r"|дамы\s+и\s+господа|уважаем\w+|sehr\s+geehrte|señoras\s+y\s+señores|distinguished\s+delegates)",
    re.IGNORECASE,
)
# A clock time: "4:14 pm", "13:50", "16:57hs", "14.00 Uhr", "9h30".
_TIME = re.compile(
    r"(?<!\d)\d{1,2}(?:[:.]\d{2}|h\d{2})(?:\s*(?:[ap]\.?m\.?|uhr|hs|h|ч\.?)(?!\w))?(?!\d)",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:published|posted|updated|last\s+updated|publié|mis\s+à\s+jour|опубликовано|обновлено"
    r"|veröffentlicht|aktualisiert|publicado|actualizado)\b(?:\s+(?:on|le|am|el))?",
    re.IGNORECASE,
)
# Words a crawl-time header puts around its date: weekdays, "today", "flag", weather.
_HEADER_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|понедельник|вторник|среда|четверг"
    r"|пятница|суббота|воскресенье|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|today|aujourd['’]hui|сегодня|heute|hoy"
    r"|flag|флаг|on|le|am|el|de|du|à|at|um|в|г|года|year|min|lectura|read|gmt|utc)\b"
    r"|-?\d+\s*°\s*[CF]?",
    re.IGNORECASE,
)
# A section of the site named by kinds of item: "Meetings and conferences", "Upcoming events".
_KINDS = (
    r"news|events?|meetings?|conferences?|congress(?:es)?|seminars?|workshops?|webinars?|forums?"
    r"|activities|publications|documents"
    r"|press\s+releases?|speeches|statements|stories|actualités|événements|réunions|новости"
    r"|мероприятия|события|veranstaltungen|termine|aktuelles|noticias|eventos"
)
_CATEGORY = re.compile(
    rf"^(?:(?:upcoming|past|recent|latest|all|other|related|more)\s+)?(?:{_KINDS})"
    rf"(?:\s*(?:and|&|,|et|и|und|y)\s*(?:{_KINDS}))*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
# The words of a site's header controls: a line made of nothing else ("Home Menue Home", "close",
# "Logo Text Logo Text", "Menü Suche Schließen") is the site's bar, in whatever order its buttons
# and the placeholder text of its logo come. "Logo" and "text" only ever stand there together.
_CONTROL_WORDS = frozenset(
    "home menu menü menue close open toggle navigation search login logout logo text sitemap"
    " accueil fermer rechercher главная меню закрыть поиск startseite suche schließen inicio"
    " cerrar buscar".casefold().split()
)
_LINE_WORDS = re.compile(r"\w+")
_WEATHER = re.compile(r"[-+]?\d+\s*°\s*[CF]\b")


# A cookie notice: the word "cookie" and the site, its browsing or its policy, in the languages
# of the lexicon ("This website uses cookies", "Este sitio web utiliza cookies ... política de
# Cookies", "Ce site utilise des cookies", "Diese Website verwendet Cookies", "Этот сайт
# использует файлы cookie"). A notice runs longer than other furniture.
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:(?:web\s*)?site|sitio|página|sito|webseite|website|сайт\w*|brows\w*|naveg\w*"
    r"|navigat\w*|polic(?:y|ies)|política|politique|richtlinie|datenschutz|consent\w*"
    r"|accept\w*|acept\w*|akzept\w*)\b",
    re.IGNORECASE,
)
_COOKIE_LINE = 400  # characters
# A newspaper's section label: one capitalised word on each side of an ampersand ("Justice &
# Législation", "Politique & Société", "Arts & Culture"); a longer line may be a name.
_SECTION = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][^\W\d_]+\s+&\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][^\W\d_]+$")


# A contact line: phone numbers ("+254 0725-624489 / +254 0738 041 292", "Tel.: (030) 1234 567")
# or an e-mail address, and nothing else.
_PHONES = re.compile(
    r"^(?:(?:tel|phone|fax|mobile|hotline|тел|téléphone|teléfono|telefon|telefone)\.?\s*:?\s*)?"
    r"[+(]?\d[\d\s()./+–-]*$",
    re.IGNORECASE,
)
_PHONE_DIGITS = 9  # more than a year range or a date ("2019-2020", "12.05.2023")
_EMAIL = re.compile(r"^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.IGNORECASE)


def _contact(text: str) -> bool:
    if _EMAIL.match(text):
        return True
    return bool(_PHONES.match(text)) and sum(c.isdigit() for c in text) >= _PHONE_DIGITS


def _cookie_notice(text: str) -> bool:
    return bool(_COOKIE.search(text) and _COOKIE_CONTEXT.search(text))


@lru_cache(maxsize=1024)
def is_furniture(line: str | None) -> bool:
    """A line that belongs to the site: a control, a clock time, a crawl-time date header, a
    cookie notice, a section label or a contact line."""
    text = " ".join((line or "").split())
    if not text:
        return True
    if len(text) <= _COOKIE_LINE and _cookie_notice(text):
        return True
    if len(text) > _MAX_LINE:
        return False
    if (
        _CONTROLS.match(text)
        or _CATEGORY.match(text)
        or _SECTION.match(text)
        or _contact(text)
        or (len(text) <= 60 and _WEATHER.search(text))
        or _only_controls(text)
    ):
        return True
    return _only_dates(text)


def _only_controls(text: str) -> bool:
    """Every word of the line is a control of the site's bar ("Home Menue Home close")."""
    words = _LINE_WORDS.findall(text.casefold())
    return bool(words) and all(w in _CONTROL_WORDS for w in words)


def _only_dates(text: str) -> bool:
    """Once its dates, clock times, weekdays and header words are gone, at most one word of a
    line is left ("flag Freitag, 26 April 2024", "4:14 pm on 8 November 2005", "Опубликовано: 30
    Января 2014 г."). A line without a date or a time is not one."""
    from confwatch.spiders.normalise.dates import find_date_ranges

    rest = text
    found = False
    for _, start, end in reversed(find_date_ranges(text, published=_ANY_YEAR)):
        rest = rest[:start] + " " + rest[end:]
        found = True
    rest, times = _TIME.subn(" ", rest)
    if not (found or times):
        return False
    rest = _PUBLISHED.sub(" ", rest)
    rest = _HEADER_WORDS.sub(" ", rest)
    words = _WORD.findall(rest)
    return len(words) <= 1 or (found and len(words) <= _DATELINE_WORDS and _is_place(rest))


_DATELINE_WORDS = 5  # "United Nations Headquarters New York, 4 September 2008": a dateline


def _is_place(text: str) -> bool:
    from confwatch.spiders.normalise.places import parse_place

    place = parse_place(text.strip(" ,;:–—-/|"))
    return bool(place and (place.city or place.country))


# A glued icon or widget name before a heading: "PostHeaderIcon", "ГОСОРГАНЫГОСОРГАНЫ".
_ICON = re.compile(r"^(?:[A-Z][a-z]+){2,}[A-Z][a-z]+\s+(?=\S)|^(\w{3,})\1\s+", re.UNICODE)
# A site name after a heading: "... - adakar.com", "... | UNOG".
_SITE_TAIL = re.compile(
    r"\s+[-–—|]\s+(?:www\.)?[\w-]+\.(?:com|org|net|info|ru|fr|de|kz|uz|tj|by)$", re.I
)


def strip_furniture(heading: str) -> str:
    """A heading without the icon word glued before it or the site's domain after it."""
    text = _ICON.sub("", heading.strip())
    return _SITE_TAIL.sub("", text).strip()


# A photo's caption or credit line: "X (centre) with Y on his left", "© AFP", "Фото: ...".
_CAPTION = re.compile(
    r"\((?:cent(?:er|re)|left|right|[0-9](?:st|nd|rd|th)?\s*(?:from\s+)?(?:L|R|left|right)|L|R)\)"
    r"|\b(?:second|third|first|fourth)\s+from\s+(?:the\s+)?(?:left|right)|\bfrom\s+(?:the\s+)?left\b"
    r"|\bon\s+(?:his|her|their)\s+(?:left|right)\b|\bphoto(?:\s*credit)?\s*[:/]|\(photo\b|©"
    r"|\bimage\s+credit\b|\bфото\b|архивное\s+фото|\bслева\b|\bсправа\b|\bde\s+gauche\s+à\s+droite\b"
    r"|\bv\.\s?l\.\s?n\.\s?r\.|\bfoto\s*:|\bbild\s*:|\bcrédit\s+photo\b",
    re.IGNORECASE,
)


def is_caption(text: str) -> bool:
    """A photo's caption or credit line, not the page's text."""
    return bool(_CAPTION.search(text[:400]))
