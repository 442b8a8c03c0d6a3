"""From a page's text (``RawEvent``) to an event's fields (``EventFields``), offline and pure.

The crawler, ``confwatch extract`` and ``confwatch eval`` all call ``normalise()``; nothing else
parses dates, places or organisers. A labelled field from the page (``date_text``, ``place_text``,
``organiser_text``) wins; otherwise the event's key sentence in the body is found (the one that
says the conference "will be held in X on D") and read. Unknown stays ``None`` with a warning that
names the field; nothing is guessed. Every text is read up to the limits of ``untrusted`` only,
whichever spider produced it, so no rule's cost grows with a page's size past them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from confwatch.fields import Document, EventFields
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import headings, lexicon, places, quotes, relevance, status, titles
from confwatch.spiders.normalise.event_dates import read_dates, read_registration
from confwatch.spiders.normalise.event_organisers import read_organisers
from confwatch.spiders.normalise.event_place import read_place
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.normalise.furniture import is_furniture
from confwatch.spiders.normalise.lead_phrase import SENTENCE_END, described_event
from confwatch.spiders.normalise.phrases import vocabulary
from confwatch.spiders.normalise.sentences import event_sentences, gathers, split_sentences
from confwatch.spiders.untrusted import MAX_FIELD, MAX_ITEMS, MAX_TEXT

_SPACES = re.compile(r"\s+")


@dataclass
class Normalised:
    fields: EventFields | None
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None  # why this is not an event, when fields is None
    # The warnings that say a field was not found, by field ("start_date", "city"): they speak
    # of this mention only, and stand once the page's mentions of its meeting are merged only if
    # the meeting still lacks the field (``field_warnings.standing``).
    missing: dict[str, str] = field(default_factory=dict)


def clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACES.sub(" ", text).strip(" \t\n\r-–—:;,")
    return text or None


def normalise(raw: RawEvent, *, explain: Explanation | None = None) -> Normalised:
    """Turn one raw event into fields, or say why it is not an event.

    A crawl reads a page as ``confwatch extract`` does: the day it is crawled never stands in for
    the page's own date (eval-format §5.4, §5.7), so a year-less date on an undated page stays
    null whenever it is read.
    ``explain`` collects, per field, what was chosen from which text and why (``--explain``).
    """
    missing: dict[str, str] = {}
    raw = _bounded(raw)
    heading = clean(raw.title) or clean(raw.structured.get("name"))
    if headings.is_title_junk(heading):
        heading = None
    body = raw.body_text or ""
    rule = relevance.RelevanceRule.from_config(raw.relevance)
    verdict = relevance.judge(heading, body, rule=rule)
    if not verdict.relevant:
        return Normalised(None, [], f"not a conference page: {verdict.reason}")
    title = _title(raw, heading, body, explain)
    if not title:
        return Normalised(None, [], "no title")
    if heading is None:
        # A page without a heading is judged by the name its text gives the event.
        verdict = relevance.judge(title, body, rule=rule)
        if not verdict.relevant:
            return Normalised(None, [], f"not a conference page: {verdict.reason}")
    about = vocabulary()["about"]
    # The page's own heading counts too: "Fact Sheet: About the Forum" names a meeting in its text.
    if about.search(title) or (heading and about.search(heading)) or about.match(body.lstrip()):
        return Normalised(None, [], "not a conference page: an 'about' page")
    if (
        not raw.structured
        and _only_in_sentences(title, body)
        and not _announces(body, heading)
        and not _in_lead(title, body)
        and not _in_headline(title, heading, body)
        and not _headline_announces(title, body)
        and not (heading is None and _lead_names_kind(title, body))
    ):
        # A meeting named in passing ("on the margins of the Civil Society Workshop", "a workshop
        # ... was held in 2008" in a topic page) is not what the page announces.
        return Normalised(None, [], "not a conference page: the event is only mentioned in passing")
    if raw.title != title:
        raw = _with_title(raw, title)  # the readers read the event's name, not the headline
    langs = [raw.language] if raw.language else None
    sentences = event_sentences(title, body) or split_sentences(body)[:3]
    when, date_sentence = read_dates(raw, sentences, langs, explain)
    if when is None:
        missing["start_date"] = f"{raw.url}: start_date: no date found" + (
            f" in {raw.date_text!r}" if raw.date_text else ""
        )
    where = read_place(raw, date_sentence, sentences, explain)
    if where is None:
        missing["city"] = f"{raw.url}: city: no place found" + (
            f" in {raw.place_text!r}" if raw.place_text else ""
        )
        where = places.Place(None, None)
    fields = EventFields(
        title=title,
        start_date=when.start if when else None,
        end_date=when.end if when else None,
        city=where.city,
        country=where.country,
        organisers=read_organisers(raw, where.country, explain),
        topics=[t for t in (clean(x) for x in raw.topics) if t],
        description=clean(raw.description) or _first_paragraph(body, skip={heading, title}),
        url=raw.url,
        registration_deadline=read_registration(raw, langs),
        documents=[
            Document(clean(d.get("title")) or d["url"], d["url"])
            for d in raw.documents
            if d.get("url")
        ],
        status=status.detect_status(" ".join(filter(None, [title, body]))),
    )
    return Normalised(fields, list(missing.values()), missing=missing)


_OPENING_SENTENCES = 4


def _only_in_sentences(title: str, body: str) -> bool:
    """The event's name occurs in the text only inside longer sentences, never as a heading of
    its own: the page talks about it rather than announcing it."""
    key = " ".join(title.split()).casefold().strip(" .")
    inside = False
    for para in body.split("\n\n"):
        text = " ".join(para.split()).casefold().strip(" .")
        if key not in text:
            continue
        if len(text) <= len(key) + 40:
            return False
        inside = True
    return inside


_RUNNING_WORDS = 8  # words: shorter sentences and paragraphs are headings, labels, captions
# A paragraph of running text ends as a sentence does, a closing quote after its mark spaced or
# not ("osons le débat ! »").
_PARAGRAPH_END = re.compile(r"[.!?…؟۔·。]\s?[\"”»’“)]?$")


def _running_text(body: str, limit: int, *, questions: bool = True) -> list[str]:
    """The body's running text up to its ``limit``-th long sentence, in page order: sentences of
    eight words or more ended as sentences are, and every sentence of a paragraph of running
    text (a short one among others, "The plenary opens on 4 October.", is still running text;
    one that ends "osons le débat ! »" is ended too). ``questions=False`` passes over the
    questions, read neither as running text nor towards the limit."""
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n")]
    joined = "\n".join(paragraphs)
    ends = list(itertools.accumulate(len(p) + 1 for p in paragraphs))
    running: dict[int, bool] = {}  # paragraphs judged, by index
    out: list[str] = []
    long = at = 0
    for n, sentence in enumerate(split_sentences(body)):
        # Where the sentence stands (a sentence run across paragraphs by a quote left open
        # stands in none); past the opening, only long sentences are read.
        found = joined.find(sentence, at) if n < _SHORT_REACH else -1
        at = found + len(sentence) if found >= 0 else at
        if not questions and _QUESTION.search(sentence):
            continue
        words = len(sentence.split())
        if (words >= _RUNNING_WORDS and SENTENCE_END.search(sentence)) or (
            words >= _UNENDED_WORDS and _unended(sentence)
        ):
            long += 1
        elif found < 0:
            continue
        else:
            i = bisect.bisect_right(ends, found)
            if i not in running:
                running[i] = _running_paragraph(paragraphs[i])
            if not running[i]:
                continue
        out.append(sentence)
        if long >= limit:
            break
    return out


# A sentence this long is running text though its mark is lost ("... состоялась международная
# конференция ..., посвященная вопросам борьбы с терроризмом" run into the next line): no
# headline, label or caption is so long.
_UNENDED_WORDS = 30
_UNENDED_MAX = 80


def _unended(sentence: str) -> bool:
    """A sentence whose mark is lost: it ends on a word, and is no run of teasers or headlines
    ("•", "Burkina: ... Indonésie: ...", or longer than a sentence runs)."""
    return (
        sentence[-1:].isalnum()
        and "\u2022" not in sentence
        and sentence.count(":") <= 1
        and len(sentence.split()) <= _UNENDED_MAX
    )


_SHORT_REACH = 100  # sentences of a page's opening read for short sentences of running text


def _running_paragraph(para: str) -> bool:
    return (
        len(para.split(maxsplit=_RUNNING_WORDS)) >= _RUNNING_WORDS
        and not para.startswith("\u2022")
        and _PARAGRAPH_END.search(para) is not None
    )


_LEAD_SENTENCES = 2


def _in_lead(title: str, body: str) -> bool:
    """The event's name stands in the page's lead (its first sentences of running text), and not
    as the setting of something else ("signed an MoU on the margins of the X Workshop"): the
    page reports on that event."""
    key = " ".join(title.split()).casefold()
    for sentence in _lead(body):
        at = sentence.casefold().find(key)
        if at >= 0 and not titles.passing().search(sentence[:at]):
            return True
    return False


# A question is a teaser of the page's topic, not its lead ("Wann kann Engagement vorbeugen?").
_QUESTION = re.compile(r"[?؟][\"”»’)]?$")


def _lead(body: str) -> list[str]:
    """The page's first sentences of running text, up to its second long one, passing over the
    questions a page may open with ("How can civil society prevent radicalisation?")."""
    return _running_text(body, _LEAD_SENTENCES, questions=False)


_STEM = 5  # characters compared: "конференцию" and "конференция", "Conference" and "conferences"
_NAMED_KINDS = frozenset({"large", "small", "meeting", "session", "generic", "week"})


def _noun_stems(
    text: str, *, passing_too: bool = True, kinds: frozenset[str] = _NAMED_KINDS
) -> set[str]:
    """The stems of the event nouns a text names ("Conference", "совещании" -> "confe", "совещ");
    without those named as the setting of something else ("on the margins of the forum")."""
    from confwatch.spiders.normalise import lexicon

    out: set[str] = set()
    for w in lexicon.event_words(text, kinds):
        if not passing_too and titles.passing().search(text[: w.start]):
            continue
        words = w.text.split()
        # A qualified meeting ("ninth plenary meeting", "réunion ministérielle"): its noun alone,
        # one to three words ("round table", "круглом столе").
        nouns = [
            " ".join(words[i : i + n])
            for n in (3, 2, 1)
            for i in range(len(words) - n + 1)
            if lexicon.word_kind(" ".join(words[i : i + n])) in _NAMED_KINDS
        ]
        if nouns:
            out.add(nouns[0].casefold()[:_STEM])
    return out


_NOUN_BEFORE_NAME = 60  # characters before a quoted name searched for its event noun


def _in_headline(title: str, heading: str | None, body: str) -> bool:
    """The page's headline reports on a meeting of the same kind as the event's name ("National
    Youth Conference started here" over "the two-day Conference entitled 'X'"), not as the
    setting of something else: the page is about that event, however its text names it."""
    if not heading:
        return False
    named = _noun_stems(title)
    if not named and (at := body.find(title)) > 0:
        # A name without an event noun ("Youth against Extremism"): the noun the text gives it
        # right before ("the two-day Conference entitled 'Youth against Extremism'").
        named = _noun_stems(body[max(0, at - _NOUN_BEFORE_NAME) : at])
    return bool(named & _noun_stems(heading, passing_too=False)) or _gathered_for(
        title, heading, body
    )


_HEADLINE_PARAGRAPHS = 4  # the page's first paragraphs, where its own headline stands
_HEADLINE_WORDS = 20
_INNER_SENTENCE_END = re.compile(r"[.!?]\s+(?=[^\W\d_])")


def _headline_announces(title: str, body: str) -> bool:
    """A headline line of the page's opening, before its story begins (a short paragraph not
    ended as a sentence is), names the event and says it is or was held ("Round table «X» held
    at the city hall", "Круглый стол «X» прошел в администрации"): the page's own headline
    reports that event, though its heading was taken from the site's furniture."""
    from confwatch.spiders.normalise.sentences import announces_event

    key = " ".join(title.split()).casefold()
    for para in body.split("\n\n")[:_HEADLINE_PARAGRAPHS]:
        text = " ".join(para.split())
        if _running_paragraph(text):
            return False  # the story has begun: a line after it is a teaser or a caption
        if (
            _PARAGRAPH_END.search(text)
            or _INNER_SENTENCE_END.search(text)
            or len(text.split()) > _HEADLINE_WORDS
        ):
            continue  # a sentence, or sentences run on ("Vilnius, 3 May - BNS. Prosecutors ...")
        if key in text.casefold() and announces_event(text):
            return True
    return False


def _lead_names_kind(title: str, body: str) -> bool:
    """The page's lead names a meeting of the event's own kind, not as the setting of something
    else ("Il présidait la cérémonie d'ouverture du Colloque ..." on a page whose text goes on
    "Ce premier colloque dont le thème est « X »"): the lead reports on that event, though its
    name comes later in the text. Read on a page without a heading only: under a headline of its
    own ("Prosecutors worry about terrorist financing"), the page reports what the headline says,
    and a conference its lead names is the occasion (``_in_headline``, ``_gathered_for``)."""
    named = _noun_stems(title, kinds=_CONFERENCE_KINDS)
    if not named and (at := body.find(title)) > 0:
        named = _noun_stems(body[max(0, at - _NOUN_BEFORE_NAME) : at], kinds=_CONFERENCE_KINDS)
    return bool(named) and _first_lead_noun(body) in named


def _first_lead_noun(body: str) -> str | None:
    """The stem of the first meeting the lead names, not as the setting of something else: the
    meeting the lead reports on ("participants in a multi-stakeholder dialogue ... The seminar's
    conclusions ..." report the dialogue). None when the lead names none, or names it by a word
    that is no meeting's noun alone."""
    from confwatch.spiders.normalise import lexicon

    for sentence in _lead(body):
        for w in lexicon.event_words(sentence, _ANY_EVENT):
            if titles.passing().search(sentence[: w.start]):
                continue
            stems = _noun_stems(w.text)
            return min(stems) if len(stems) == 1 else None
    return None


# The nouns that name a conference or a seminar on their own: a bare or qualified meeting in the
# lead ("the speaker thanks him for inviting him to this High-Level Meeting", "провёл встречу
# с секретарями") is as often an audience or a speech's setting as a meeting the page reports.
_CONFERENCE_KINDS = frozenset({"large", "small"})


_AFTER_HEADING = 3  # sentences after the headline that make the page's lead


def _gathered_for(title: str, heading: str, body: str) -> bool:
    """A report's headline says people gathered, without naming their meeting ("Delegates of 80
    agencies gathered in Kazan", "съехались в Казань"), and its lead, the sentences right after
    the headline, names the event they came for, not as the setting of something else ("...
    arrived to take part in the 5th meeting of ..."): the page reports on that event."""
    if not gathers(heading):
        return False
    sentences = split_sentences(body)[:40]
    at = next((i for i, s in enumerate(sentences) if clean(s) == heading), None)
    if at is None:
        return False
    key = " ".join(title.split()).casefold()
    for sentence in sentences[at + 1 : at + 1 + _AFTER_HEADING]:
        found = sentence.casefold().find(key)
        if found >= 0 and not titles.passing().search(sentence[:found]):
            return True
    return False


def _announces(body: str, heading: str | None = None) -> bool:
    """The page's opening (its first sentences of running text, headings left out) says an
    event is, was or will be held, organised, opened or chaired; or, on a page with a heading
    (a news item, not a topic text) whose opening is background naming no event, the first
    paragraph that names one opens by saying so."""
    from confwatch.spiders.normalise.sentences import announces_event

    running = _running_text(body, _OPENING_SENTENCES)
    if any(announces_event(s, before=running[:i]) for i, s in enumerate(running)):
        return True
    held = lexicon.words("held", "passive", "active", "gather")
    if not heading or any(lexicon.has_event_word(s, _ANY_EVENT) or held.search(s) for s in running):
        return False
    # A news item (a page with its own heading; a text without one is a topic page telling a
    # body's work) whose opening is background that names no event and says nothing was held
    # ("Le 7 janvier, des tueurs ont frappé ..."; "Our era is shaped by conflict."): its lead
    # starts at the paragraph that first names one, and that paragraph's opening sentence may
    # announce it ("l'Université a organisé une table ronde"). Further into a paragraph ("...
    # since 2004. Furthermore, a workshop was held") the meeting is one more item of the text.
    further = _running_text(body, _BACKGROUND_REACH)
    for i in range(len(running), len(further)):
        sentence = further[i]
        if lexicon.has_event_word(sentence, _ANY_EVENT):
            return (
                lexicon.has_event_word(sentence, lexicon.STRONG)
                and _opens_paragraph(sentence, body)
                and announces_event(sentence, before=further[:i])
            )
    return False


def _opens_paragraph(sentence: str, body: str) -> bool:
    """The sentence starts a line of the body: a paragraph's first sentence."""
    head = " ".join(sentence.split()[:_PARAGRAPH_HEAD_WORDS])
    return any(" ".join(line.split()).startswith(head) for line in body.splitlines())


_BACKGROUND_REACH = 12  # long sentences of background read for the first one naming an event
_ANY_EVENT = lexicon.STRONG | lexicon.WEAK
_PARAGRAPH_HEAD_WORDS = 6


def _title(
    raw: RawEvent, heading: str | None, body: str, explain: Explanation | None
) -> str | None:
    """The event's name: a structured-data name as given; otherwise the heading or the name the
    text gives the event, whichever names it (``titles.choose_title``)."""
    if raw.structured and heading:
        if explain is not None:
            explain.chose("title", heading, raw.title or heading, "the page's structured data")
        return heading
    chosen = clean(titles.choose_title(heading, _name_sentences(body, heading), explain=explain))
    if chosen:
        return chosen
    # The page passed the gate: it is about a meeting of its own, so an event without a name
    # still has dates, a place and organisers worth reporting. Describe it by the lead's event
    # noun phrase (§5.12), else by the page's own heading.
    described = described_event(body)
    if described:
        if explain is not None:
            explain.chose(
                "title", described, described, "the event noun phrase of the lead (§5.12)"
            )
        return described
    if heading is None or not _names_an_event(heading) or is_furniture(heading):
        # "X and Y signed a memorandum": a headline that names no meeting; "Congresses &
        # Conferences": a site's section, not a meeting's name.
        return None
    if explain is not None:
        explain.chose("title", heading, heading, "the page's heading: the text names no event")
    return heading


_QUOTED = re.compile(quotes.quoted("{3,}"))


def _names_an_event(heading: str) -> bool:
    """A headline that can stand as an event's title: it names an event noun or quotes a name."""
    return lexicon.has_event_word(heading, lexicon.STRONG | lexicon.WEAK) or bool(
        _QUOTED.search(heading)
    )


_OPENING = 8  # sentences of the page's opening read for the event's name
_LIST_LINE = re.compile(r"[\u2022\-–]")  # a list item (page_text's bullet) or a menu's group
_HEADING_REACH = 60  # sentences searched for the page's own heading


def _name_sentences(body: str, heading: str | None = None) -> list[str]:
    """Where an event's name is given: the sentences that present it, then the page's opening.

    A list above the page's own heading is the site's menu, whose items ("Review Conferences")
    name its sections, not the page's event: the opening leaves it out."""
    sentences = split_sentences(body)
    start = _heading_at(sentences, heading) or 0
    menu = {s for s in sentences[:start] if _LIST_LINE.match(s)}
    opening = [s for s in sentences if s not in menu][:_OPENING]
    cued = [s for s in event_sentences(None, body, limit=4) if s not in opening and s not in menu]
    cued = cued[:4]
    return opening + cued


def _heading_at(sentences: list[str], heading: str | None) -> int | None:
    """Where the page's heading stands among its first sentences, if it does."""
    if not heading:
        return None
    return next((i for i, s in enumerate(sentences[:_HEADING_REACH]) if clean(s) == heading), None)


def _bounded(raw: RawEvent) -> RawEvent:
    """``raw`` with each text cut at the limits (the same object when nothing is longer)."""
    from dataclasses import replace

    def cut(text: str | None) -> str | None:
        return text[:MAX_FIELD] if text is not None and len(text) > MAX_FIELD else text

    texts = (raw.title, raw.date_text, raw.place_text, raw.organiser_text, raw.registration_text)
    if (
        all(t is None or len(t) <= MAX_FIELD for t in (*texts, raw.description))
        and len(raw.body_text or "") <= MAX_TEXT
        and len(raw.topics) <= MAX_ITEMS
        and len(raw.documents) <= MAX_ITEMS
        and all(len(t) <= MAX_FIELD for t in raw.topics)
    ):
        return raw
    return replace(
        raw,
        title=cut(raw.title),
        date_text=cut(raw.date_text),
        place_text=cut(raw.place_text),
        organiser_text=cut(raw.organiser_text),
        registration_text=cut(raw.registration_text),
        description=cut(raw.description),
        body_text=(raw.body_text or "")[:MAX_TEXT],
        topics=[t[:MAX_FIELD] for t in raw.topics[:MAX_ITEMS]],
        documents=raw.documents[:MAX_ITEMS],
    )


def _with_title(raw: RawEvent, title: str) -> RawEvent:
    from dataclasses import replace

    return replace(raw, title=title)


def _first_paragraph(body: str, *, skip: set[str | None] | None = None) -> str | None:
    """The first paragraph of running text: not the heading, a label, a list, a photo's caption
    ("X (centre) with Y on his left", "© AFP") or page furniture."""
    from confwatch.spiders.normalise.furniture import is_caption, is_furniture

    for para in body.split("\n\n"):
        text = clean(para)
        if (
            not text
            or text in (skip or set())
            or text.startswith("\u2022")
            or not re.search(r"[.!?…]", text)
            or is_caption(text)
            or is_furniture(text)
        ):
            continue
        if len(text) > 40:
            return text[:1000]
    return None
