"""Does a fitted ranker choose event titles better than the hand cascade? On the dev split only.

``python -m bench.fit_titles [FOLDER] [--pure] [--hold-out ORIGIN[,...]] [--save]`` extracts every
dev case (``"split": "dev"``; no other case is read past its split) as ``confwatch eval`` does,
with ``titles.choose_title`` wrapped to record each call: its candidates
(``title_features.candidates``) and the hand choice. A candidate is right when its
``title_ratio`` with one of the case's required labelled titles is >= 85 (eval-format §4).

The ranker is a logistic regression on the candidates' features (scaled, balanced classes),
fitted on the calls that have both a right and a wrong candidate; per call it picks the
highest-scoring candidate, and overrules the hand choice only when that candidate scores more
than a margin above it (in log-odds). C and the margin are chosen together by an inner
cross-validation grouped by host, counting right titles per call. A call where the hand cascade
gave no title stays without one (the normaliser's fallbacks then name the event). ``--pure``
withholds the features that say which candidate is the hand choice (``HAND_FEATURES``): the
ranker then judges candidates on their own evidence, and the hand choice matters only through
the margin.

Without ``--hold-out``: five folds grouped by host (a site is never both fitted and scored), per
call hand right / model right / both / neither, overall and per labelling round; then the
hold-outs L19, L20, L21 and L22. ``--hold-out`` fits on every other dev case and scores one round
(read before any rule was written from it, for L20-L22): per call, and end to end, its cases
extracted with the model choosing, scored as ``confwatch eval`` scores them (found, false events,
right titles), beside the hand cascade.

``--save`` (without ``--hold-out``) writes the model fitted on every dev call to
``spiders/data/title_weights.json`` (the scaling folded in: one dot product per candidate) only
when, summed over the four hold-outs, the model has more right titles, no fewer found events and
no more false events than the hand cascade, and the cross-validation gives it no fewer right
titles than the hand cascade (decision 0020: one title on the hold-outs is within noise).
scikit-learn is needed here only, never at runtime.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]
from sklearn.pipeline import make_pipeline  # type: ignore[import-untyped]
from sklearn.preprocessing import StandardScaler  # type: ignore[import-untyped]

from bench import fit_gate
from bench.extraction_cost import extract_case
from confwatch.spiders import scoring
from confwatch.spiders.normalise import titles
from confwatch.spiders.normalise.title_features import FEATURES, Candidate, candidates

FOLDS = 5
C_GRID = (0.01, 0.1, 1.0, 10.0)
MARGINS = (0.0, 0.5, 1.0, 2.0, 4.0)
HOLD_OUTS = ("L19", "L20", "L21", "L22")
WEIGHTS = Path(__file__).resolve().parent.parent / "spiders" / "data" / "title_weights.json"
VERSION = 1


@dataclass
class Call:
    case: str
    host: str
    origin: str
    names: list[str]
    x: np.ndarray  # one row per candidate, columns FEATURES
    right: np.ndarray  # per candidate: pairs with a required labelled title
    hand: int | None  # the hand choice's row (None: the cascade gave no title)

    @property
    def informative(self) -> bool:
        return bool(self.right.any()) and not bool(self.right.all())


@dataclass
class Case:
    name: str
    case: dict[str, Any]
    page: Path
    host: str
    origin: str
    hand_events: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)


def dev_cases(folder: Path) -> list[Case]:
    """Every dev case with its page (``fit_gate.dev_cases``), with its host and round."""
    found = []
    for name, case, page in fit_gate.dev_cases(folder):
        url = case.get("url")
        host = (urlsplit(url).hostname or name).lower().removeprefix("www.") if url else ""
        found.append(Case(name, case, page, host or name, str(case.get("origin") or "-")))
    return found


Chooser = Callable[..., str | None]


@contextmanager
def wrapped_chooser(make: Callable[[Chooser], Chooser]) -> Iterator[None]:
    """``titles.choose_title`` replaced (as the normaliser calls it) for the block."""
    original = titles.choose_title
    titles.choose_title = make(original)  # type: ignore[assignment]
    try:
        yield
    finally:
        titles.choose_title = original  # type: ignore[assignment]


def _required_titles(case: dict[str, Any]) -> list[str]:
    return [
        e["title"] for e in case.get("events") or [] if not e.get("optional") and e.get("title")
    ]


def _matrix(cands: list[Candidate]) -> np.ndarray:
    rows = [[c.features[f] for f in FEATURES] for c in cands]
    return np.array(rows, dtype=float).reshape(len(cands), len(FEATURES))


def collect(found: Case) -> None:
    """Extract the case with the hand cascade, recording every ``choose_title`` call."""
    labels = _required_titles(found.case)

    def make(original: Chooser) -> Chooser:
        def recording(
            heading: str | None, sentences: list[str], *, explain: Any = None
        ) -> str | None:
            hand = original(heading, sentences, explain=explain)
            cands = candidates(heading, sentences, hand)
            names = [c.name for c in cands]
            x = _matrix(cands)
            right = np.array(
                [any(scoring.title_ratio(t, n) >= 85 for t in labels) for n in names], dtype=bool
            )
            at = names.index(hand) if hand is not None else None
            found.calls.append(Call(found.name, found.host, found.origin, names, x, right, at))
            return hand

        return recording

    with wrapped_chooser(make):
        found.hand_events = extract_case(found.case, found.page)


# The features that say which candidate the hand cascade chose; ``--pure`` withholds them, so
# the ranker judges the candidates on their own evidence (their weights are then zero).
HAND_FEATURES = ("hand", "in_hand", "holds_hand")
_USED = np.ones(len(FEATURES), dtype=bool)


def withhold_hand_features() -> None:
    _USED[[FEATURES.index(f) for f in HAND_FEATURES]] = False


@dataclass
class Ranker:
    c: float
    margin: float
    weights: np.ndarray  # over every feature of FEATURES (zero for a withheld one)
    bias: float

    def pick(self, x: np.ndarray, hand: int | None) -> int | None:
        if hand is None or len(x) == 0:
            return hand
        scores = x @ self.weights + self.bias
        best = int(np.argmax(scores))
        return best if scores[best] - scores[hand] > self.margin else hand


def _fit_lr(calls: list[Call], c: float) -> tuple[np.ndarray, float]:
    use = [k for k in calls if k.informative]
    x = np.vstack([k.x for k in use])[:, _USED]
    y = np.concatenate([k.right for k in use])
    model = make_pipeline(
        StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=5000, C=c)
    )
    model.fit(x, y)
    scaler, lr = model[0], model[-1]
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    coef = np.zeros(len(FEATURES))
    coef[_USED] = lr.coef_[0] / scale
    bias = float(lr.intercept_[0] - (coef[_USED] * scaler.mean_).sum())
    return coef, bias


def _right(calls: list[Call], ranker: Ranker) -> int:
    total = 0
    for k in calls:
        at = ranker.pick(k.x, k.hand)
        total += at is not None and bool(k.right[at])
    return total


def fit(calls: list[Call]) -> Ranker:
    """C and margin by an inner cross-validation grouped by host (right titles per call; a tie
    goes to the larger margin and the smaller C), then the fit on every call."""
    groups = np.array([k.host for k in calls])
    inner = GroupKFold(n_splits=min(FOLDS, len(set(groups.tolist()))))
    tally: dict[tuple[float, float], int] = {}
    for tr, te in inner.split(np.zeros(len(calls)), groups=groups):
        train, test = [calls[i] for i in tr], [calls[i] for i in te]
        for c in C_GRID:
            w, b = _fit_lr(train, c)
            for m in MARGINS:
                tally[(c, m)] = tally.get((c, m), 0) + _right(test, Ranker(c, m, w, b))
    c, m = max(tally, key=lambda key: (tally[key], key[1], -key[0]))
    w, b = _fit_lr(calls, c)
    return Ranker(c, m, w, b)


@dataclass
class PerCall:
    calls: int = 0
    hand: int = 0
    model: int = 0
    both: int = 0
    neither: int = 0
    changed: int = 0

    def add(self, call: Call, ranker: Ranker) -> None:
        at = ranker.pick(call.x, call.hand)
        h = call.hand is not None and bool(call.right[call.hand])
        m = at is not None and bool(call.right[at])
        self.calls += 1
        self.hand += h
        self.model += m
        self.both += h and m
        self.neither += not h and not m
        self.changed += at != call.hand

    def line(self) -> str:
        return (
            f"calls {self.calls:4d}  hand right {self.hand:4d}  model right {self.model:4d}  "
            f"both {self.both:4d}  only hand {self.hand - self.both:3d}  "
            f"only model {self.model - self.both:3d}  neither {self.neither:4d}  "
            f"model changed {self.changed:3d}"
        )


def cross_validate(cases: list[Case]) -> dict[str, PerCall]:
    calls = [k for c in cases for k in c.calls]
    groups = np.array([k.host for k in calls])
    out: dict[str, PerCall] = {"all": PerCall()}
    for fold, (tr, te) in enumerate(
        GroupKFold(n_splits=FOLDS).split(np.zeros(len(calls)), groups=groups)
    ):
        ranker = fit([calls[i] for i in tr])
        here = PerCall()
        for i in te:
            for key in ("all", calls[i].origin):
                out.setdefault(key, PerCall()).add(calls[i], ranker)
            here.add(calls[i], ranker)
        print(f"fold {fold}: C={ranker.c:g} margin={ranker.margin:g}  {here.line()}")
    return out


@dataclass
class EndToEnd:
    expected: int = 0
    found: int = 0
    false: int = 0
    titles: int = 0

    def add(self, report: scoring.Report) -> None:
        data = report.to_json()
        self.expected += data["expected_events"]
        self.found += data["expected_events"] - data["missed_events"]
        self.false += data["false_events"]
        self.titles += report.hits.get("title", 0)

    def line(self) -> str:
        return (
            f"events {self.expected:3d}  found {self.found:3d}  false {self.false:3d}  "
            f"right titles {self.titles:3d}"
        )


def end_to_end(cases: list[Case], ranker: Ranker | None) -> EndToEnd:
    """The cases scored as ``confwatch eval`` scores them: the hand cascade's extraction, or
    with the ranker choosing each title."""
    report = scoring.Report()
    for c in cases:
        if ranker is None:
            got = c.hand_events
        else:
            with wrapped_chooser(lambda original: _choosing(original, ranker)):
                got = extract_case(c.case, c.page)
        scoring.score_case(c.name, c.case, got, report)
    out = EndToEnd()
    out.add(report)
    return out


def _choosing(original: Chooser, ranker: Ranker) -> Chooser:
    def choose(heading: str | None, sentences: list[str], *, explain: Any = None) -> str | None:
        hand = original(heading, sentences, explain=explain)
        cands = candidates(heading, sentences, hand)
        if hand is None or not cands:
            return hand
        names = [c.name for c in cands]
        at = ranker.pick(_matrix(cands), names.index(hand))
        return names[at] if at is not None else hand

    return choose


def hold_out(cases: list[Case], origin: str) -> tuple[PerCall, EndToEnd, EndToEnd]:
    train = [k for c in cases if c.origin != origin for k in c.calls]
    held = [c for c in cases if c.origin == origin]
    ranker = fit(train)
    per_call = PerCall()
    for c in held:
        for k in c.calls:
            per_call.add(k, ranker)
    print(
        f"-- held out {origin}: {len(held)} cases; fitted on {len(train)} calls of other "
        f"rounds, C={ranker.c:g}, margin={ranker.margin:g}"
    )
    return per_call, end_to_end(held, None), end_to_end(held, ranker)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    save = "--save" in args
    if "--pure" in args:
        withhold_hand_features()
    held = args[args.index("--hold-out") + 1] if "--hold-out" in args else None
    rest = [a for a in args if a not in ("--save", "--pure", "--hold-out", held)]
    folder = Path(rest[0] if rest else "tests/fixtures/labelled")
    cases = dev_cases(folder)
    for c in cases:
        collect(c)
    calls = [k for c in cases for k in c.calls]
    print(
        f"dev cases {len(cases)}, {len({c.host for c in cases})} hosts; choose_title calls "
        f"{len(calls)}: {sum(k.hand is None for k in calls)} without a hand title, "
        f"{sum(bool(k.right.any()) for k in calls)} with a right candidate, "
        f"{sum(k.informative for k in calls)} with right and wrong ones; "
        f"{sum(len(k.names) for k in calls) / max(1, len(calls)):.1f} candidates per call"
    )
    origins = held.split(",") if held else list(HOLD_OUTS)
    cv_holds = False
    if held is None:
        scores = cross_validate(cases)
        for key in ["all", *sorted(k for k in scores if k != "all")]:
            print(f"   {key:4s} {scores[key].line()}")
        cv_holds = scores["all"].model >= scores["all"].hand
    hand_sum, model_sum = EndToEnd(), EndToEnd()
    for origin in origins:
        if not any(c.origin == origin for c in cases):
            print(f"no dev case has origin {origin!r}", file=sys.stderr)
            return 2
        per_call, hand, model = hold_out(cases, origin)
        print(f"   per call     {per_call.line()}")
        print(f"   hand  e2e    {hand.line()}")
        print(f"   model e2e    {model.line()}")
        for total, part in ((hand_sum, hand), (model_sum, model)):
            total.expected += part.expected
            total.found += part.found
            total.false += part.false
            total.titles += part.titles
    print(f"-- summed over {', '.join(origins)}")
    print(f"   hand  e2e    {hand_sum.line()}")
    print(f"   model e2e    {model_sum.line()}")
    wins = (
        model_sum.titles > hand_sum.titles
        and model_sum.found >= hand_sum.found
        and model_sum.false <= hand_sum.false
    )
    print("model beats hand cascade" if wins else "model does not beat hand cascade")
    if held is None:
        print("cross-validation: " + ("no fewer" if cv_holds else "fewer") + " right titles")
    if save and wins and cv_holds:
        ranker = fit(calls)
        out = {
            "version": VERSION,
            "features": list(FEATURES),
            "weights": [round(float(w), 6) for w in ranker.weights],
            "bias": round(ranker.bias, 6),
            "margin": ranker.margin,
            "hand_features": bool(_USED.all()),
            "fitted_on": "dev",
            "cases": len(cases),
        }
        WEIGHTS.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
