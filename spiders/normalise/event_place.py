"""The event's place: a labelled or structured venue, else the key sentence, the title and the
other event sentences; an online meeting has none, whatever its press release's dateline says."""

from __future__ import annotations

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import lexicon, places
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.normalise.phrases import vocabulary


def _online(text: str) -> bool:
    """An online meeting: "online meeting", "virtual format", "webinar", "via videoconference",
    "en visioconférence", "в режиме видеоконференции"."""
    return bool(
        lexicon.words("online", "phrase", "webinar").search(text)
        or vocabulary()["online"].search(text)
    )


def _from_dateline(sentence: str, found: places.Place) -> bool:
    """The place is only the dateline's ("COPENHAGEN, 25 November 2020 – ..."), the press's."""
    city = found.city or ""
    head = sentence.lstrip()[: len(city) + 1]
    return bool(city) and head.upper() == head and fold_upper(head).startswith(fold_upper(city))


def fold_upper(text: str) -> str:
    return places.fold(text).upper()


def read_place(
    raw: RawEvent,
    date_sentence: str | None,
    sentences: list[str],
    explain: Explanation | None = None,
) -> places.Place | None:
    """Where the event is held: None when the page does not say."""
    found, evidence, rule = _place(raw, date_sentence, sentences, explain)
    if explain is not None:
        if found is None:
            explain.abstained("place", "no place of this event on the page")
        elif found.city is None and found.country is None:
            explain.chose("place", "online (no place)", evidence, rule)
        else:
            explain.chose("place", f"{found.city or '-'}, {found.country or '-'}", evidence, rule)
    return found


def _place(
    raw: RawEvent, date_sentence: str | None, sentences: list[str], explain: Explanation | None
) -> tuple[places.Place | None, str | None, str]:
    if raw.structured.get("online"):
        return places.Place(None, None), None, "structured data: an online event"
    found, evidence, rule = _venue(raw, date_sentence, sentences)
    if found and not raw.place_text and _online(" ".join(filter(None, [raw.title, raw.body_text]))):
        # An online meeting has no venue; the city of the release's dateline is not one.
        source = next(
            (s for s in [date_sentence, *sentences] if s and places.find_place(s) == found), None
        )
        if source and _from_dateline(source, found):
            if explain is not None:
                why = "the city of the release's dateline; the meeting is online"
                explain.passed("place", f"{found.city}, {found.country}", source, rule, why)
            return places.Place(None, None), source, "an online meeting: no place"
    return found, evidence, rule


def _venue(
    raw: RawEvent, date_sentence: str | None, sentences: list[str]
) -> tuple[places.Place | None, str | None, str]:
    labelled: places.Place | None = None
    label_text: str | None = None
    for text in (raw.place_text, raw.structured.get("location")):
        if text:
            labelled = places.parse_place(str(text))
            if labelled:
                label_text = str(text)
                break
    if labelled and labelled.city:
        return labelled, label_text, "labelled place"
    where = [(date_sentence, "the sentence that gives the dates")] if date_sentence else []
    where += [(raw.title or "", "the event's name")]
    where += [(s, "an event sentence") for s in sentences]
    for text, rule in where:
        if text:
            found = places.find_place(text)
            # A heading that names only the country ("United Arab Emirates") takes the city the
            # text names in that country.
            if found and (labelled is None or found.country == labelled.country):
                return found, text, rule
    return labelled, label_text, "labelled place (a country only)"
