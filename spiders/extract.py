"""Pulling text out of HTML: content blocks, label/value pairs, JSON-LD, meta tags, documents.

Everything here works on markup only and never interprets dates or places (that is
``normalise``). A plain-text page (``.txt``) is turned into simple HTML first by ``text_to_html``
so that every source's callback runs unchanged on a crawled page or on a text capture. How much
of a page is read is bounded by the limits in ``untrusted`` (blocks, characters, list entries),
so a page's cost does not grow with its size past them.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import logging
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.title_case import mostly_capitalised, title_words
from confwatch.spiders.untrusted import MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_FIELD, MAX_ITEMS, MAX_TEXT

log = logging.getLogger("confwatch.crawl")

_DROP = (
    "script",
    "style",
    "noscript",
    "nav",
    "form",
    "svg",
    "button",
    "select",
    "iframe",
    "template",
)
_BLOCK_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "dt",
    "dd",
    "figcaption",
    "blockquote",
    "td",
    "th",
    "pre",
    "address",
    "caption",
    "summary",
}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "span",
    "header",
    "footer",
    "aside",
    "time",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "font",
    "center",
}
_MAIN = (
    "//main",
    "//*[@role='main']",
    "//article",
    "//*[@id='main-content']",
    "//*[@id='content']",
    "//*[contains(@class, 'region-content')]"  # cheap, and implied by the exact test after it
    "[contains(concat(' ', normalize-space(@class), ' '), ' region-content ')]",
    "//body",
)
_DOC_EXT = re.compile(r"\.(?:pdf|docx?|pptx?|xlsx?|odt)(?:$|[?#])", re.I)
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●\-*–]|\d{1,2}[.)])\s+")
# A run of spaces, tabs, no-break and zero-width spaces that is not already one plain space:
# what squash() replaces by a space. (Leaving single spaces unmatched makes it 3x faster.)
_WS = re.compile(r"[\t\r\f\v\u00a0\u200b][ \t\r\f\v\u00a0\u200b]*| [ \t\r\f\v\u00a0\u200b]+")
_LABEL_LINE = re.compile(r"^\s*([A-Z][A-Za-z /]{1,30})\s*:\s*(.+)$")
_POSTED = re.compile(
    r"\b(?:posted|published|date(?: of publication)?|last updated|updated)"
    r"\s*[:\-]\s*([^\n|]{6,40})",
    re.I,
)


@dataclass
class Block:
    kind: str  # "h1".."h6", "p", "li", "caption", "quote", "dt", "dd"
    text: str
    element: Any = None

    @property
    def is_heading(self) -> bool:
        return self.kind.startswith("h") and self.kind[1:].isdigit()


# libxml2 silently drops everything nested deeper than 256 elements (and cuts text nodes past
# 10 MB) unless told otherwise; a sloppy page with unclosed tags reaches that depth, and its
# announcement would vanish without a word. Scrapy's selectors (parsel) lift the limit too.
_PARSER = lxml.html.HTMLParser(huge_tree=True)


def parse_html(text: str | bytes, base_url: str | None = None) -> Any:
    """An lxml document that never raises: empty or broken markup gives an empty body."""
    try:
        doc = lxml.html.document_fromstring(
            text or "<html><body></body></html>", parser=_PARSER, base_url=base_url
        )
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
            log.warning(
                "%s: the page nests elements deeper than the HTML parser reads (2,048): "
                "text below that depth is not read",
                base_url or "page",
            )
    except (etree.ParserError, ValueError):
        doc = lxml.html.document_fromstring("<html><body></body></html>")
    return doc


def squash(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _clean_tree(doc: Any) -> None:
    _drop_all(doc.xpath("|".join(f"//{t}" for t in _DROP)))
    for el in doc.xpath("//comment()"):
        el.getparent().remove(el) if el.getparent() is not None else None
    _drop_all(
        doc.xpath(
            "//header[not(ancestor::main) and not(ancestor::article)]"
            "|//footer[not(ancestor::main) and not(ancestor::article)]"
            "|//*[@role='banner' or @role='contentinfo' or @role='navigation']"
        )
    )


def _drop_all(elements: list[Any]) -> None:
    """Remove each element with its subtree, its tail text joining the text before it, as
    ``drop_tree()`` does; each parent's text is rebuilt once. (A drop_tree() per element
    re-copied the text it joined to: 200,000 <script> in one paragraph took minutes.)"""
    doomed = set(elements)
    # Parents in document order. One inside a removed subtree may be rebuilt too: harmless.
    parents = {p: None for p in (el.getparent() for el in elements) if p is not None}
    for parent in parents:
        target: Any = None  # whose text grows: the parent's (.text), else a kept child's .tail
        parts = [parent.text or ""]
        for child in list(parent):
            if child in doomed:
                parts.append(child.tail or "")
                parent.remove(child)  # its tail goes with it: it is in ``parts``
                continue
            _set_text(parent, target, parts)
            target, parts = child, [child.tail or ""]
        _set_text(parent, target, parts)


def _set_text(parent: Any, target: Any, parts: list[str]) -> None:
    if len(parts) == 1:
        return  # nothing joined: leave the text as it is
    text = "".join(parts) or None
    if target is None:
        parent.text = text
    else:
        target.tail = text


def main_element(doc: Any) -> Any:
    """The page's main content: the first landmark that holds a good share of the page's text.

    An empty ``<a id="main-content">`` skip-link target or a teaser ``<article>`` does not count.
    """
    body = doc.xpath("//body")
    total = len(squash(body[0].text_content())) if body else 0
    for path in _MAIN:
        for el in doc.xpath(path):
            size = len(squash(el.text_content()))
            if size >= min(200, total) and size >= 0.25 * total:
                return el
    return body[0] if body else doc


# Class or id words that CMS themes give a region beside the story: a sidebar, a widget, a menu,
# a share bar, a box of other stories (WordPress "widget-area", "jp-relatedposts", "sharedaddy";
# Drupal "region-sidebar-first"; news sites' "most-read", "read-also"). Not the words of one
# listing entry ("teaser", "upcoming", "latest"): an events listing is made of those.
_SIDE_CLASS = re.compile(
    r"sidebar|widget|related|breadcrumb|share|social|popular|trending|most-?read|more-?news"
    r"|read-?also|also-?read|menu|(?:^|[\s_-])nav|(?:^|[\s_-])tags?(?:$|[\s_-])|tag-?cloud"
)
_SIDE_LINK_SHARE = 0.5  # of a box's text in links: a list of other pages, not the page's facts
# Readers' comments and a cookie notice are never the page's facts, whatever their links.
_ASIDE_CLASS = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])|commentlist|disqus|cookie|consent")
# A site's footer without a <footer> tag: a short box that signs the site off.
_SIGN_OFF = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|tous droits réservés"
    r"|все права защищены|alle rechte vorbehalten|todos los derechos reservados",
    re.I,
)
_SIGN_OFF_CHARS = 400
_SIGN_OFF_SHARE = 0.25  # of the page's text, at most, in its sign-off
_SIGN_OFF_LINES = 20  # text nodes at the page's end where a sign-off is looked for
_MAX_BOXES = 200  # side boxes (and paragraphs) weighed on one page
# What may be a side box, found by libxml2 in document order (a page has up to 10^5 elements):
# named by a class or id, an <aside>, or a box or list a heading opens.
_HEADING = "self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
_SIDE_CANDIDATES = (
    f".//*[@class or @id] | .//aside | .//div[*[1][{_HEADING}]] | .//section[*[1][{_HEADING}]]"
    f" | .//ul[preceding-sibling::*[1][{_HEADING}]] | .//ol[preceding-sibling::*[1][{_HEADING}]]"
)
_STORY_CHARS = 200  # a paragraph this long is running text, not a teaser or a label
_TEASER_HEADING_CHARS = 60


def _drop_side_boxes(root: Any) -> None:
    """Remove what a theme puts beside the page's story inside the main content: readers'
    comments, a cookie notice, the site's sign-off, and boxes of links to other pages (an
    ``<aside>``, or a sidebar, widget, menu or related-stories box whose text is mostly link
    text: "Recent posts: Minister receives the new Ambassador, 14 May 2019"). Their dates and
    places are other stories'. An event box of facts ("Date: 3 May. Venue: Vienna") has few
    links and stays, and so does any box with document links (the event's own papers); a box
    holding most of the text is the story, and a page with no story of its own (an events
    listing: entries of a linked title and a date) keeps its boxes."""
    page = _PageText(root)  # the page's size and story, worked out only when a box asks
    doomed: list[Any] = [*_sign_offs(root, page)]
    looked = 0
    for el in root.xpath(_SIDE_CANDIDATES):
        names = f"{el.get('class', '')} {el.get('id', '')}".lower()
        aside = bool(_ASIDE_CLASS.search(names))
        heading = _teaser_heading_of(el)
        if not aside and heading is None and el.tag != "aside" and not _SIDE_CLASS.search(names):
            continue
        if any(d in doomed for d in el.iterancestors()):
            continue  # inside a box already removed
        looked += 1
        if looked > _MAX_BOXES:
            break  # a hostile page of nested boxes must not cost a text per box
        text = len(squash(el.text_content()))
        if not text or text > page.total / 2:
            continue
        links = el.xpath(".//a")
        if any(_DOC_EXT.search(a.get("href", "")) for a in links):
            continue
        if aside or (
            len(links) >= 2
            and _link_share(el, links) >= _SIDE_LINK_SHARE
            and any(el not in p.iterancestors() for p in page.story)
        ):
            doomed.append(el)
            if heading is not None and heading.getparent() is not el:
                doomed.append(heading)  # "Related news" over its list: both go
    _drop_all(doomed)


_HEADS = ("h2", "h3", "h4", "h5", "h6")


def _teaser_heading_of(el: Any) -> Any | None:
    """The heading that opens ``el`` as a box of other stories ("Upcoming events", "Читайте
    также"): its first child, or the heading right before a list."""
    if el.tag in ("div", "section"):
        head = next((c for c in el if isinstance(c.tag, str)), None)
    elif el.tag in ("ul", "ol"):
        head = el.getprevious()
    else:
        return None
    if head is None or head.tag not in _HEADS:
        return None
    text = squash(head.text_content()).rstrip(" :").lower()
    if len(text) > _TEASER_HEADING_CHARS or not lexicon.words("teaser_heading").fullmatch(text):
        return None
    return head


def _story_paragraphs(root: Any) -> list[Any]:
    """Paragraphs of running text with few links: a story a box of links can sit beside."""
    return [
        p
        for p in itertools.islice(root.iter("p"), _MAX_BOXES)
        if len(squash(p.text_content())) >= _STORY_CHARS and _link_share(p) < _SIDE_LINK_SHARE
    ]


class _PageText:
    def __init__(self, root: Any) -> None:
        self.root = root

    @cached_property
    def total(self) -> int:
        return len(squash(self.root.text_content()))

    @cached_property
    def story(self) -> list[Any]:
        return _story_paragraphs(self.root)


def _sign_offs(root: Any, page: _PageText) -> list[Any]:
    """The boxes at the end of the page that hold the site's copyright line and little else
    (its address, its contacts): "News Agency · 1 Press Square, Madrid · © 2024". From the
    line up, the largest enclosing box that is the last of its siblings and stays short."""
    found: list[Any] = []
    for node in root.xpath(f"(.//text())[position() > last() - {_SIGN_OFF_LINES}]"):
        if not _SIGN_OFF.search(node):
            continue
        box = None
        el = node.getparent()
        while el is not None and el is not root and el.getnext() is None:
            if el.tag in ("div", "section", "p"):
                text = len(squash(el.text_content()))
                if text > _SIGN_OFF_CHARS or text > page.total * _SIGN_OFF_SHARE:
                    break  # a short page: its sign-off box must not grow into its story
                box = el
            el = el.getparent()
        if box is not None and box not in found:
            found.append(box)
    return found


def _element_text(el: Any) -> str:
    parts: list[str] = []
    for node in el.iter():
        if node is not el and node.tag in ("br",):
            parts.append("\n")
        if isinstance(node.tag, str) and node.tag not in ("br",) and node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return "\n".join(squash(line) for line in "".join(parts).split("\n") if squash(line))


def blocks(doc: Any, root: Any | None = None) -> list[Block]:
    """The text blocks of ``root`` (default: the main content) in document order: at most
    ``MAX_BLOCKS`` of them and ``MAX_TEXT`` characters, each cut at ``MAX_BLOCK_CHARS``."""
    _clean_tree(doc)
    root = main_element(doc) if root is None else root
    _drop_side_boxes(root)
    _anonymous_paragraphs(root)
    out: list[Block] = []
    kept = 0
    # Everything under a chosen block: a block never holds another. (Collected once per chosen
    # element, instead of walking every element's ancestors: the same answer, fewer lookups.)
    covered: set[Any] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if el in covered:
            continue
        if tag in ("td", "th") and any(_is_block_level(c) for c in el):
            continue  # a layout table's cell: its paragraphs are the blocks
        if tag in _BLOCK_TAGS or (tag in ("div", "section", "span") and _is_leaf_block(el)):
            text = _element_text(el)[:MAX_BLOCK_CHARS]
            if not text:
                continue
            covered.update(el.iterdescendants())
            if _is_menu(el):
                continue
            kind = {
                "figcaption": "caption",
                "blockquote": "quote",
                "td": "p",
                "th": "p",
                "pre": "p",
                "address": "p",
                "caption": "caption",
                "summary": "p",
            }.get(tag, tag)
            if tag in ("div", "section", "span"):
                kind = "p"
            out.append(Block(kind, text, el))
            kept += len(text)
            if len(out) >= MAX_BLOCKS or kept >= MAX_TEXT:
                break
    return out


# Elements that start a new block of text when they sit among text: blocks and their containers.
_BLOCK_LEVEL = _BLOCK_TAGS | {
    "div",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "form",
    "header",
    "footer",
    "aside",
    "nav",
    "hr",
    "center",
    "fieldset",
    "details",
    "figure",
}
# Containers whose loose text (text beside block children, or paragraphs parted by a blank
# line of two <br>) is made paragraphs of its own.
_RUN_HOLDERS = {
    "div",
    "section",
    "article",
    "main",
    "td",
    "th",
    "body",
    "center",
    "p",
    "blockquote",
}


_MENU_LINKS = 3  # links, and nothing but links, in one block: a menu ("Home News Events Contact")
_MENU_LINK_SHARE = 0.9


def _is_menu(el: Any) -> bool:
    """A block made of links to other pages and nothing else: a menu outside any <nav>, such as
    a layout table's first cell. (Links to documents are the page's own.)"""
    links = el.xpath(".//a[@href]")
    if len(links) < _MENU_LINKS or any(_DOC_EXT.search(a.get("href", "")) for a in links):
        return False
    return _link_share(el, links) >= _MENU_LINK_SHARE


def _link_share(el: Any, links: list[Any] | None = None) -> float:
    """The share of ``el``'s text (white space apart) that is link text."""
    text = len("".join(el.text_content().split()))
    if not text:
        return 0.0
    links = el.xpath(".//a") if links is None else links
    return sum(len("".join(a.text_content().split())) for a in links) / text


def _is_block_level(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag.lower() in _BLOCK_LEVEL


def _anonymous_paragraphs(root: Any) -> None:
    """Give loose text the paragraphs a browser gives it. Old and hand-made sites write
    "para<br><br>para" in one cell or div, and put text straight into a layout table's cell
    beside its paragraphs: read as one block, its dates and places ran together, and text beside
    a block child was not read at all. Each run of text and inline elements between block
    children, or between two <br> in a row, becomes a <p> of its own."""
    for el in list(root.iter(*_RUN_HOLDERS)):
        if len(el) == 0:
            continue  # text alone: one block, as before
        children = list(el)
        if not _has_loose_text(el, children):
            continue  # only blocks (and white space) inside: nothing to give a paragraph
        if not any(_is_block_level(c) for c in children) and not _blank_line(children):
            continue  # a leaf with no blank line: read whole, as before
        pieces: list[Any] = []  # block children and the paragraphs made, in order
        run: list[Any] = []
        run_text = el.text
        el.text = None
        for child in children:
            el.remove(child)  # its tail goes with it
        for child in children:
            if _is_block_level(child):
                pieces += _paragraph(run_text, run)
                run_text, child.tail = child.tail, None
                run = []
                pieces.append(child)
            elif _is_br(child) and run and _is_br(run[-1]) and not (run[-1].tail or "").strip():
                run.pop()  # a blank line: the paragraph ends
                pieces += _paragraph(run_text, run)
                run_text, run = child.tail, []
            else:
                run.append(child)
        pieces += _paragraph(run_text, run)
        if el.tag == "p":
            el.tag = "div"  # a paragraph of paragraphs
        for piece in pieces:
            el.append(piece)


def _has_loose_text(el: Any, children: list[Any]) -> bool:
    """Text or inline elements sit directly in ``el``, beside its children."""
    return bool((el.text or "").strip()) or any(
        (c.tail or "").strip() or (isinstance(c.tag, str) and not _is_block_level(c))
        for c in children
    )


def _is_br(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag.lower() == "br"


def _blank_line(children: list[Any]) -> bool:
    return any(
        _is_br(c) and _is_br(n) and not (c.tail or "").strip()
        for c, n in itertools.pairwise(children)
    )


def _paragraph(text: str | None, run: list[Any]) -> list[Any]:
    """A new <p> of ``text`` and the inline elements of ``run`` (their tails with them); none
    when they hold no text."""
    if not (text or "").strip() and not any(
        (isinstance(c.tag, str) and c.text_content().strip()) or (c.tail or "").strip() for c in run
    ):
        return []
    p = etree.Element("p")
    p.text = text
    for c in run:
        p.append(c)
    return [p]


def _is_leaf_block(el: Any) -> bool:
    """A div holding text directly, with no block-level children."""
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() not in (
            "a",
            "strong",
            "em",
            "b",
            "i",
            "span",
            "br",
            "time",
            "abbr",
            "sup",
            "sub",
            "u",
            "small",
            "img",
        ):
            return False
    return bool(squash(el.text_content()))


def page_text(block_list: list[Block]) -> str:
    """Text as a reader sees it: blank lines between paragraphs, one line per list item."""
    # Paragraphs as lists of lines, joined once: adding each list item to a growing string
    # copied it again per item (quadratic in a list's length).
    out: list[list[str]] = []
    for b in block_list:
        if b.kind == "li" and out and out[-1][0].startswith("\u2022"):
            out[-1].append("\u2022 " + b.text.replace("\n", " "))
        elif b.kind == "li":
            out.append(["\u2022 " + b.text.replace("\n", " ")])
        else:
            out.append([b.text.replace("\n", " ") if not b.is_heading else b.text])
    return "\n\n".join("\n".join(lines) for lines in out)


def label_values(doc: Any) -> dict[str, str]:
    """Label/value pairs: ``<dt>/<dd>``, Drupal ``field__label``/``field__item``, "Label: value"."""
    found: dict[str, str] = {}

    def put(label: str, value: str) -> None:
        label = squash(label[:MAX_FIELD]).rstrip(":").strip()
        value = squash(value[:MAX_FIELD])
        if label and value and len(label) <= 40 and label not in found and len(found) < MAX_ITEMS:
            found[label] = value

    # Each kind of pair is looked for in the first MAX_BLOCKS elements that can hold one (the
    # limit in the XPath: no Python object is made for the others).
    first = f"[position() <= {MAX_BLOCKS}]"
    for dt_el in doc.xpath(f"(//dt){first}"):
        dd = dt_el.getnext()
        values: list[str] = []
        while dd is not None and dd.tag == "dd" and len(values) < MAX_ITEMS:
            values.append(dd.text_content()[:MAX_FIELD])
            dd = dd.getnext()
        put(dt_el.text_content(), ", ".join(squash(v) for v in values))
    # The plain contains() first is implied by the class test after it and much cheaper: it only
    # spares building the normalised class string of every element.
    for label in doc.xpath(
        "(//*[contains(@class, 'field__label')]"
        "[contains(concat(' ', normalize-space(@class), ' '), ' field__label ')])" + first
    ):
        parent = label.getparent()
        items = parent.xpath(
            ".//*[contains(@class, 'field__item')]"
            "[contains(concat(' ', normalize-space(@class), ' '), ' field__item ')]"
        )[:MAX_ITEMS]
        put(label.text_content(), ", ".join(squash(i.text_content()[:MAX_FIELD]) for i in items))
    for strong in doc.xpath(f"(//strong|//b){first}"):
        text = squash(strong.text_content()[:MAX_FIELD])
        if text.endswith(":") and strong.tail and squash(strong.tail):
            put(text, strong.tail)
    # Only elements whose text has a colon can hold "Label: value" (``.`` is what text_content()
    # returns): the others are not even looked at.
    for el in doc.xpath(
        "(//p[contains(., ':')]|//li[contains(., ':')]|//div[not(*)][contains(., ':')])" + first
    ):
        for line in el.text_content()[:MAX_BLOCK_CHARS].split("\n"):
            m = _LABEL_LINE.match(line)
            if m:
                put(m.group(1), m.group(2))
    return found


def meta_tags(doc: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in doc.xpath(f"(//meta[@content])[position() <= {MAX_ITEMS}]"):
        key = m.get("property") or m.get("name") or m.get("itemprop")
        if key and key.lower() not in out:
            out[key.lower()] = squash(m.get("content")[:MAX_FIELD])
    title = doc.xpath("//title")
    if title:
        out.setdefault("title", squash(title[0].text_content()[:MAX_FIELD]))
    html_el = doc.xpath("/html")
    if html_el and html_el[0].get("lang"):
        out.setdefault("lang", html_el[0].get("lang").split("-")[0].lower())
    return out


# A page can only hold JSON-LD (``<script type="application/ld+json">``) or microdata (an
# ``itemscope`` attribute) if its text says "ld+json" or "itemscope" in some case, or spells one of
# the characters of "ld+json" as a character reference, or has control characters the parser may
# drop. Anything else is sure to give extruct nothing: it is not asked (nor imported, ~0.3 s).
_LD_JSON_CHAR_REF = re.compile(
    r"&#0*(?:108|100|43|106|115|111|110)(?![0-9])|&#[xX]0*(?:6[acefACEF]|64|2[bB]|73)(?![0-9a-fA-F])"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def may_hold_structured_data(page_html: str | bytes) -> bool:
    """False only when extruct is sure to find no JSON-LD and no microdata in ``page_html``
    (markup as bytes is not looked into: extruct decides)."""
    if not isinstance(page_html, str):
        return True
    low = page_html.lower()
    return (
        "ld+json" in low
        or "itemscope" in low
        or "&plus" in low
        or _LD_JSON_CHAR_REF.search(page_html) is not None
        or _CONTROL.search(page_html) is not None
    )


def json_ld_events(page_html: str, url: str | None) -> list[dict[str, Any]]:
    """schema.org Event objects from JSON-LD and microdata (extruct), the first ``MAX_ITEMS``;
    [] on broken markup. A page with more than ``MAX_ITEMS`` microdata items is read for JSON-LD
    only: extruct spends ~0.1 ms on each item (40,000 of them in 5 MB took 4 s)."""
    if not may_hold_structured_data(page_html):
        return []
    syntaxes = ["json-ld", "microdata"]
    if page_html.lower().count("itemscope") > MAX_ITEMS:
        syntaxes = ["json-ld"]
    try:
        import extruct

        data = extruct.extract(
            page_html,
            base_url=url,
            syntaxes=syntaxes,
            uniform=True,
            errors="ignore",
        )
    except Exception:  # extruct raises many kinds on hostile markup; structured data is optional
        return []
    events: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for n in node:
                walk(n)
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith("Event") for k in kinds):
                events.append(node)
            for key in ("@graph", "subEvent", "itemListElement", "item", "mainEntity"):
                if key in node:
                    walk(node[key])

    for syntax in ("json-ld", "microdata"):
        walk(data.get(syntax, []))
    return events[:MAX_ITEMS]


def structured_fields(event: dict[str, Any]) -> dict[str, Any]:
    """The parts of a schema.org Event the normaliser reads."""
    out: dict[str, Any] = {}

    def text(v: Any) -> str | None:
        if isinstance(v, dict):
            v = v.get("name") or v.get("@value")
        if isinstance(v, list):
            v = v[0] if v else None
        return squash(str(v)) if v else None

    out["name"] = text(event.get("name"))
    out["start_date"] = text(event.get("startDate"))
    out["end_date"] = text(event.get("endDate"))
    loc = event.get("location")
    locs = loc if isinstance(loc, list) else [loc] if loc else []
    parts: list[str] = []
    for place in locs:
        if isinstance(place, dict):
            if str(place.get("@type", "")).endswith("VirtualLocation"):
                out["online"] = not any(
                    isinstance(p, dict) and "Place" in str(p.get("@type")) for p in locs
                )
                continue
            addr = place.get("address")
            if isinstance(addr, dict):
                parts += [
                    str(addr.get(k)) for k in ("addressLocality", "addressCountry") if addr.get(k)
                ]
            elif addr:
                parts.append(str(addr))
            elif place.get("name"):
                parts.append(str(place["name"]))
        elif place:
            parts.append(str(place))
    if parts:
        out["location"] = ", ".join(squash(p) for p in parts)
    mode = str(event.get("eventAttendanceMode", ""))
    if mode.endswith("OnlineEventAttendanceMode"):
        out["online"] = True
    orgs = event.get("organizer")
    org_list = orgs if isinstance(orgs, list) else [orgs] if orgs else []
    out["organisers"] = [t for t in (text(o) for o in org_list) if t]
    status = str(event.get("eventStatus", ""))
    out["status"] = status.rsplit("/", 1)[-1] if status else None
    out["description"] = text(event.get("description"))
    return {k: v for k, v in out.items() if v not in (None, [], "")}


def document_links(doc: Any, base_url: str | None, root: Any | None = None) -> list[dict[str, str]]:
    """Links to documents (PDF, Word...) with their titles, de-duplicated by URL; the first
    ``MAX_ITEMS``."""
    root = doc if root is None else root
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for a in root.xpath(".//a[@href]"):
        if len(out) >= MAX_ITEMS:
            break
        href = a.get("href", "").strip()
        if len(href) > MAX_FIELD or not _DOC_EXT.search(href):
            continue
        url = urljoin(base_url or "", href)
        if urlsplit(url).scheme not in ("http", "https") or url in seen:
            continue
        seen.add(url)
        title = (
            squash(a.text_content()[:MAX_FIELD])
            or squash(a.get("title", "")[:MAX_FIELD])
            or url.rsplit("/", 1)[-1]
        )
        # "download PDF" alone says nothing: use the list item's text instead.
        if title.lower() in ("pdf", "download pdf", "download", "here", "(download pdf)"):
            li = next(iter(a.iterancestors("li", "p")), None)
            if li is not None:
                title = squash(li.text_content())[:200]
        out.append({"title": title, "url": url})
    return out


def published_text(doc: Any, text: str) -> str | None:
    """The page's own publication date as written (meta tags, <time>, "POSTED: 2019-10-24")."""
    meta = meta_tags(doc)
    for key in (
        "article:published_time",
        "datepublished",
        "dc.date",
        "date",
        "og:published_time",
        "article:modified_time",
    ):
        if meta.get(key):
            return meta[key]
    for t in doc.xpath("//time[@datetime]"):
        return str(t.get("datetime"))
    m = _POSTED.search(text)
    return m.group(1) if m else None


# A photo's caption or credit: "X (centre) with Y on his left", "(Photo/WAM)", "© AFP",
# "Фото из архива", "v.l.n.r.", "de gauche à droite".
_STARTERS = re.compile(
    r"^(?:The|This|These|That|It|In|On|At|A|An|Our|We|Its|As|For|During|Over|More)\b"
)
_END = re.compile(r"[.;:!?\"”)]\s*$")


def _title_like(line: str) -> bool:
    words = title_words(line)
    return bool(words) and mostly_capitalised(words) and not re.search(r"[.;!?]\s*$", line)


def _join(a: str, b: str) -> str:
    # "Counter-" + "Terrorism": a hard-wrapped compound keeps its hyphen and loses the break.
    return a + b if a.endswith("-") and not a.endswith(" -") else f"{a} {b}"


def _split_title_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Short title-case lines heading a hard-wrapped paragraph, split from the prose under them."""
    n = 0
    while n < len(lines) and len(lines[n]) < 62 and _title_like(lines[n]):
        n += 1
    if 0 < n < len(lines) and len(lines[n]) >= 62:
        return lines[:n], lines[n:]
    return [], lines


_CAPITALS_HEAD = 3  # lines: a heading in capitals stands among a paragraph's first lines
_CAPITALS_WORDS = 3  # words: fewer in capitals are an acronym's or a dateline's city


def _capitals_line(line: str) -> bool:
    """A heading set in capitals ("STATEMENT OF THE PARTICIPANTS OF THE CONFERENCE ON ..."):
    heading-sized, no sentence end, three words or more, every letter a capital."""
    words = _CAPITAL_WORD.findall(line)
    return (
        len(words) >= _CAPITALS_WORDS
        and _heading_sized(line)
        and all(w.isupper() for w in words)
        and not _END.search(line)
    )


_CAPITAL_WORD = re.compile(r"[^\W\d_]+")


def _split_capitals_head(lines: list[str]) -> tuple[list[str], list[str]]:
    """A heading in capitals among a paragraph's first lines, with the heading lines above it
    (a crumb, a headline), split from what follows: a hard-wrapped statement's title over its
    place and date line and its prose. Prose does not wrap into or out of a line in capitals;
    a paragraph all in capitals is an old wire story's prose, left whole."""
    if all(_capitals_line(ln) for ln in lines):
        return [], lines
    for i, line in enumerate(lines[:_CAPITALS_HEAD]):
        if i + 1 < len(lines) and _capitals_line(line):
            if any(_END.search(ln) for ln in lines[:i]):
                return [], lines
            # The short lines under it are lines of their own too: its place, its date.
            j = i + 1
            while (
                j + 1 < len(lines) and len(lines[j]) < _STACKED_LINE and not _END.search(lines[j])
            ):
                j += 1
            return lines[:j], lines[j:]
    return [], lines


def text_to_html(text: str) -> str:
    """A plain-text capture as simple HTML: blank-line paragraphs, bullet lines as list items.

    Hard-wrapped lines are joined (a wrapped list item too); short title-case lines that head a
    paragraph become their own paragraph, as the heading they were on the page.
    """
    parts: list[str] = ["<html><body><main>"]
    for para in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [cell for ln in para.split("\n") for cell in _cells(ln)]
        if not lines:
            continue
        if _stacked(lines):
            # A menu, a date header, a caption over its credit: lines of their own, not prose.
            for ln in lines:
                tag = "li" if _bullet(ln) else "p"
                text = _BULLET.sub("", ln) if tag == "li" else ln
                parts.append(f"<{tag}>{html.escape(text)}</{tag}>")
            continue
        if any(len(ln) > 200 for ln in lines):
            # Not hard-wrapped: each line is a paragraph (or a list item) of its own.
            for ln in lines:
                tag = "li" if _bullet(ln) else "p"
                text = _BULLET.sub("", ln) if tag == "li" else ln
                parts.append(f"<{tag}>{html.escape(text)}</{tag}>")
            continue
        head, lines = _split_capitals_head(lines)
        for line in head:
            parts.append(f"<p>{html.escape(line)}</p>")
        title, lines = _split_title_lines(lines)
        if title:
            joined = title[0]
            for line in title[1:]:
                joined = _join(joined, line)
            parts.append(f"<p>{html.escape(joined)}</p>")
        items: list[str] = []
        prose: list[str] = []
        last_line = ""
        for line in lines:
            if _OWN_LINE.match(line):
                # "Press release", "Publié le mardi 6 mai 2014": a label of its own, not prose.
                _flush_prose(prose, parts)
                _flush_items(items, parts)
                parts.append(f"<p>{html.escape(line)}</p>")
                last_line = line
                continue
            if _bullet(line):
                _flush_prose(prose, parts)
                items.append(_BULLET.sub("", line))
            elif (
                items
                and not prose
                and len(last_line) >= 60
                and not _END.search(last_line)
                and not _STARTERS.match(line)
            ):
                items[-1] = _join(items[-1], line)  # a wrapped list item
            else:
                _flush_items(items, parts)
                prose.append(line)
            last_line = line
        _flush_prose(prose, parts)
        _flush_items(items, parts)
    parts.append("</main></body></html>")
    return "\n".join(parts)


# A row of a menu or a table in a text capture: items set apart by runs of spaces or tabs.
_GAP = re.compile(r"\S(?:\s{3,}|\t+)(?=\S)")
_STACKED_LINE = 45  # characters: wrapped prose runs longer than this, menu and header lines not
_LINE_END = re.compile(r"[.!?:;,…\"”»)]$")


# Lines that stand alone whatever surrounds them: a page's kind label, its publication line.
_OWN_LINE = re.compile(
    r"^(?:(?:press\s+release|news\s+release|news|event|statement|story|announcement"
    r"|communiqué(?:\s+de\s+presse)?|pressemitteilung|пресс-релиз|comunicado(?:\s+de\s+prensa)?)$"
    r"|(?:publié|published|posted|опубликовано|veröffentlicht|publicado|mis\s+à\s+jour|updated)\b"
    r".{0,60}$)",
    re.IGNORECASE,
)


_ANY_DAY = dt.date(2000, 6, 30)  # an anchor that lets a year-less date ("3. Mai") be read


def _bullet(line: str) -> bool:
    """The line opens with a bullet or a list number, not with a day of the month: "16. Dezember
    2025", "3. Mai" and "1) January" are dates (German, Nordic and Slavic pages write the day with
    a full stop), "2. Regional workshop" is an item."""
    m = _BULLET.match(line)
    if m is None:
        return False
    if not m.group(0).strip()[:1].isdigit():
        return True
    from confwatch.spiders.normalise import dates

    head = line.strip()[:60]
    hits = dates.find_date_ranges(head, published=_ANY_DAY)
    return not (hits and hits[0][1] == 0)


def _cells(line: str) -> list[str]:
    """A line's items: the cells of a menu row ("Accueil    News    Sports"), else the line."""
    line = line.strip()
    if not line:
        return []
    if len(_GAP.findall(line)) >= 2:
        return [c for c in re.split(r"\s{3,}|\t+", line) if c.strip()]
    return [line]


def _stacked(lines: list[str]) -> bool:
    """Short lines stacked one per item (a menu, a crawl-time header, a name over its role),
    not prose wrapped at a narrow width: every line but the last is short, and most of them end
    where the next begins a new item (the next starts in capitals or the line is complete).

    A line of only a date is a line of its own: a heading above or below it may be longer
    ("Title of the congress / 23-24 June 2016 / Venue"). Prose wrapped around a date still reads
    as prose: its next line begins in lower case."""
    if len(lines) < 2:
        return False
    dated: dict[int, bool] = {}  # date-only lines, read lazily: most paragraphs never need it

    def date_only(i: int) -> bool:
        if i not in dated:
            dated[i] = 0 <= i < len(lines) and _date_only(lines[i])
        return dated[i]

    for i, ln in enumerate(lines[:-1]):
        if len(ln) >= _STACKED_LINE and not (
            date_only(i)
            or (_heading_sized(ln) and (date_only(i - 1) or date_only(i + 1)))
            or _headline_under_items(lines, i)
        ):
            return False
    wrapped = sum(
        1
        for a, b in itertools.pairwise(lines)
        if (not _LINE_END.search(a) and b[:1].islower()) or a.endswith("-")
    )
    return wrapped * 2 < len(lines) - 1


_HEADING_LINE = 120  # characters: a title can run this long on a line of its own, a wrap not


def _headline_under_items(lines: list[str], i: int) -> bool:
    """A heading-sized line right under a short item of the stack ("Logo" over the headline) and
    over a line that starts a new item: prose has no short line in its middle, and its wrapped
    line goes on in lower case."""
    return (
        0 < i < len(lines) - 1
        and _heading_sized(lines[i])
        and len(lines[i - 1]) < _STACKED_LINE
        and not lines[i + 1][:1].islower()
    )


_SENTENCE_END = re.compile(r"[.!?;…]$")
# What may stand beside a date on its own line: times, "to", "from", a year's "г.", punctuation.
_DATE_LINE_REST = re.compile(
    r"(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|uhr|h|hrs)?\b"
    r"|(?:at|from|to|until|du|au|à|de|vom|bis|um|с|по|от|до|в|г|года?)\b|[\s\W_])*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")


def _heading_sized(line: str) -> bool:
    return len(line) < _HEADING_LINE and not _SENTENCE_END.search(line)


def _date_only(line: str) -> bool:
    """The line holds a date or a date range and nothing else but a weekday or a time:
    "23-24 June 2016", "Monday, 3 May 2021, 10:00 – 12:00", "mardi 4 mai 2021"."""
    if len(line) >= _HEADING_LINE or not any(c.isdigit() for c in line):
        return False
    from confwatch.spiders.normalise import dates

    hits = dates.find_date_ranges(line, published=_ANY_DAY)
    if not hits:
        return False
    pieces: list[str] = []
    at = 0
    for _, start, end in hits:
        pieces.append(line[at:start] + " ")
        at = end
    pieces.append(line[at:])
    weekdays = dates.weekday_forms(dates.DEFAULT_LANGUAGES)
    rest = _WORD.sub(lambda m: "" if m[0].lower() in weekdays else m[0], "".join(pieces))
    return _DATE_LINE_REST.fullmatch(rest) is not None


def _flush_prose(prose: list[str], parts: list[str]) -> None:
    """Hard-wrapped prose lines become one paragraph."""
    if prose:
        joined = prose[0]
        for line in prose[1:]:
            joined = _join(joined, line)
        parts.append(f"<p>{html.escape(joined)}</p>")
        prose.clear()


def _flush_items(items: list[str], parts: list[str]) -> None:
    if items:
        parts.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
        items.clear()
