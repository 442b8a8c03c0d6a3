"""Does extraction hold when a page comes with a site's furniture around it?

Every labelled page is a text capture: the set never shows the extractor a real site's HTML, with
its menus, sidebars of other stories, readers' comments, cookie notices and footer addresses.
Real pages have them, and their dates and places are other stories'. This check wraps each
labelled page's own text in a theme's furniture and compares what ``confwatch extract`` gives
with what it gives for the same text in plain HTML: a reader that ignores furniture gives the
same events.

The same is asked of typography a reader never sees: soft hyphens in long words ("&shy;", as
hyphenation plugins write them) and no-break spaces; and of paragraphs written as one <div>
parted by blank lines of two <br>.

``python -m bench.furniture [FOLDER] [--split dev|test]`` prints one JSON object per variant:
pages whose events changed, and ``confwatch eval``'s figures for the plain and the wrapped pages.
The themes are invented in the shapes WordPress, HTML5 and hand-made "div soup" sites give; none
is taken from a labelled page, and no label is read to build them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from confwatch.spiders.extract import text_to_html
from confwatch.spiders.offline import choose_source, extract_page
from confwatch.spiders.scoring import Report, evaluate

LABELLED = Path(__file__).resolve().parents[1] / "tests/fixtures/labelled"

PLAIN = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{head}</title>
</head><body><main>
{body}
</main></body></html>"""

# A WordPress theme: a menu outside any landmark, the story in #content beside a widget area of
# recent posts (dated, one naming a city), a share bar, a footer address with its city.
WORDPRESS = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{head} | Institute for Regional Studies</title></head>
<body class="post-template-default single single-post"><div id="page" class="site">
<div class="top-bar">Follow us: Facebook | Twitter | YouTube | RSS</div>
<div class="site-header"><div class="site-branding"><a href="/">Institute for Regional Studies</a>
<p class="site-description">Research, dialogue and policy</p></div>
<div class="main-navigation"><ul class="menu"><li><a href="/">Home</a></li>
<li><a href="/about">About us</a></li><li><a href="/news">News</a></li>
<li><a href="/events">Events</a></li><li><a href="/publications">Publications</a></li></ul></div>
</div>
<div class="breadcrumbs"><a href="/">Home</a> » <a href="/news">News</a></div>
<div id="content" class="site-content"><div id="primary" class="content-area">
<div class="post hentry"><div class="entry-content">
{body}
</div><div class="sharedaddy">Share this: Facebook Twitter LinkedIn Email Print</div></div></div>
<div id="secondary" class="widget-area"><div class="widget widget_recent_entries">
<h3 class="widget-title">Recent Posts</h3><ul>
<li><a href="/n/1">Minister receives the credentials of the new Ambassador of Brazil</a>
<span class="post-date">{d1}</span></li>
<li><a href="/n/2">Annual report published</a> <span class="post-date">{d2}</span></li>
<li><a href="/n/3">Call for applications: summer school on human rights in Lyon</a>
<span class="post-date">{d3}</span></li></ul></div>
<div class="widget widget_tag_cloud"><h3 class="widget-title">Tags</h3><a>security</a>
<a>youth</a> <a>dialogue</a></div></div></div>
<div class="site-footer"><p>Institute for Regional Studies, 12 Rue du Rhône, 1204 Geneva,
Switzerland. Tel. +41 22 000 00 00</p><p>© 2024 Institute for Regional Studies. All rights
reserved.</p></div>
<div class="cookie-notice">This website uses cookies to improve your experience. <a>Accept</a></div>
</div></body></html>"""

# HTML5 landmarks: a header menu, the story in <article>, an aside of related news inside <main>
# (dated, one naming a city), a <footer> address.
HTML5 = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{head}</title>
</head><body>
<header><a href="/">Ministry portal</a><nav><ul><li><a>Home</a></li><li><a>The Ministry</a></li>
<li><a>Press</a></li><li><a>Events</a></li></ul></nav></header>
<main><article>
{body}
</article>
<aside class="related"><h2>Related news</h2><ul>
<li><a href="/n/7">Deputy Minister meets students in Almaty</a> {d1}</li>
<li><a href="/n/8">New visa rules enter into force</a> {d2}</li></ul></aside></main>
<footer><p>Ministry portal · 5 Independence Avenue, Astana, Kazakhstan</p><p>© 2024</p></footer>
</body></html>"""

# A hand-made site: no landmarks at all; a menu naming conferences, a tag line, readers' comments
# (dated, naming cities), a right column of upcoming events (dated, placed), a sign-off line.
DIV_SOUP = """<html><head><title>{head} - News Agency</title></head><body>
<div class="cookie-bar">We use cookies. By continuing to browse you agree. OK</div>
<div class="top"><div class="logo">News Agency</div><div class="menu"><ul>
<li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/security">Security</a></li><li><a href="/events">Conferences and events</a></li>
</ul></div></div>
<div class="wrapper"><div class="left">
{body}
<div class="tags">Tags: <a>terrorism</a>, <a>security</a>, <a>conference</a></div>
<div id="comments"><h3>2 comments</h3><div class="comment"><p>Alex, {d1} at 10:12</p>
<p>Great initiative, we had a similar meeting in Lyon last year.</p></div>
<div class="comment"><p>Maria, {d2}</p><p>When will the next one be held? I hope in Madrid.</p>
</div></div>
</div><div class="right"><div class="block-upcoming"><h4>Upcoming events</h4>
<p><a href="/e/1">Workshop on border security and management</a><br>{d3}, Almaty</p>
<p><a href="/e/2">Seminar on cybercrime investigations</a><br>{d1}, Lyon</p></div>
<div class="most-read"><h4>Most read</h4><ol><li><a>Floods hit the north of the country</a></li>
<li><a>Parliament adopts the budget</a></li></ol></div></div></div>
<div class="bottom">News Agency · 1 Press Square, Madrid, Spain · © 2024</div>
</body></html>"""

# An old government site: a layout table, its first cell a menu of links parted by <br>.
LAYOUT_TABLE = """<html><head><title>{head}</title></head><body><table width="100%"><tr>
<td width="200"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/events">Events</a>
<br><a href="/contact">Contact</a></td>
<td>{body}</td></tr></table></body></html>"""

THEMES = {
    "wordpress": WORDPRESS,
    "html5": HTML5,
    "div-soup": DIV_SOUP,
    "layout-table": LAYOUT_TABLE,
}

_LONG_WORD = re.compile(r"\w{12,}")
_PARAGRAPH_GAP = re.compile(r"</p>\s*<p>")
_PARAGRAPH_TAG = re.compile(r"</?p>")
_BETWEEN_WORDS = re.compile(r"(?<=\w) (?=\w)")
# Typography a reader never sees, applied to the text inside plain HTML: a hyphenation plugin's
# soft hyphen in the middle of every long word, no-break spaces for every third space.
NOISES = {
    "soft-hyphens": lambda t: _LONG_WORD.sub(lambda m: f"{m[0][:6]}&shy;{m[0][6:]}", t),
    "no-break-spaces": lambda t: _BETWEEN_WORDS.sub(
        lambda m: "\u00a0" if m.start() % 3 == 0 else " ", t
    ),
    # One <div> of paragraphs parted by a blank line of two <br>, as hand-made pages write them.
    "br-paragraphs": lambda t: _PARAGRAPH_TAG.sub(
        "", _PARAGRAPH_GAP.sub("<br><br>\n", t.replace("<main>", "<main><div>"))
    ).replace("</main>", "</div></main>"),
}

_LEAD_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def wrap(text: str, theme: str, lang: str = "en") -> str:
    """The page's text as HTML inside ``theme`` (a template of ``THEMES`` or ``PLAIN``). The
    furniture's dates are in the page's own first year, as a site's recent posts would be."""
    inner = re.sub(r"^<html><body><main>|</main></body></html>$", "", text_to_html(text))
    head = html.escape(next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:80])
    found = _LEAD_YEAR.search(text)
    year = int(found.group(1)) if found else 2019
    days = [dt.date(year, 6, 20), dt.date(year, 5, 14), dt.date(year, 6, 12)]
    dates = {f"d{i}": f"{d.day} {d:%B %Y}" for i, d in enumerate(days, start=1)}
    return theme.format(lang=html.escape(lang), head=head, body=inner, **dates)


def _folder(
    cases: list[tuple[Path, dict[str, Any]]], theme: str, into: Path, noise: Any = None
) -> None:
    for meta, case in cases:
        text = (meta.parent / case["page"]).read_text("utf-8")
        page = wrap(text, theme, case.get("language") or "en")
        if noise is not None:  # on the markup: "&shy;" as pages write it
            page = noise(page)
        (into / f"{meta.stem}.html").write_text(page)
        (into / meta.name).write_text(json.dumps(case | {"page": f"{meta.stem}.html"}), "utf-8")


def _extract(case: dict[str, Any], page: Path) -> list[dict[str, Any]]:
    published = case.get("published")
    result = extract_page(
        page.read_text("utf-8"),
        url=case.get("url"),
        source=choose_source(case.get("source"), case.get("url"), []),
        is_text=False,
        published=dt.date.fromisoformat(published) if published else None,
    )
    return [event.to_json() for event in result.events]


def _figures(report: Report) -> dict[str, Any]:
    summary = report.to_json()
    keys = ("expected_events", "false_events", "missed_events", "recall", "accuracy")
    return {k: summary[k] for k in keys}


def measure(folder: Path, split: str | None = None) -> dict[str, Any]:
    cases = []
    for meta in sorted(folder.glob("*.json")):
        case = json.loads(meta.read_text("utf-8"))
        page = meta.parent / str(case.get("page", ""))
        if (
            page.suffix == ".txt"
            and page.is_file()
            and (split is None or case.get("split") == split)
        ):
            cases.append((meta, case))
    out: dict[str, Any] = {"cases": len(cases)}
    with tempfile.TemporaryDirectory() as scratch:
        got: dict[str, dict[str, Any]] = {}
        variants: dict[str, tuple[str, Any]] = {"plain": (PLAIN, None)}
        variants |= {k: (t, None) for k, t in THEMES.items()}
        variants |= {k: (PLAIN, noise) for k, noise in NOISES.items()}
        for name, (theme, noise) in variants.items():
            into = Path(scratch) / name
            into.mkdir()
            _folder(cases, theme, into, noise)
            seen: dict[str, Any] = {}

            def extract(case: dict[str, Any], page: Path, seen: dict[str, Any] = seen) -> Any:
                seen[page.stem] = _extract(case, page)
                return seen[page.stem]

            report = evaluate(into, extract, split=split)
            got[name] = seen
            entry = _figures(report)
            if name != "plain":
                entry["pages_changed"] = sum(seen[k] != got["plain"][k] for k in seen)
            out[name] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if {"-h", "--help"} & set(args):
        print(__doc__)
        return 0
    split = None
    if "--split" in args:
        i = args.index("--split")
        split = args[i + 1]
        del args[i : i + 2]
    folder = Path(args[0]) if args else LABELLED
    if not folder.is_dir():
        print(f"bench.furniture: {folder}: no such folder of labelled cases", file=sys.stderr)
        return 2
    print(json.dumps(measure(folder, split), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
