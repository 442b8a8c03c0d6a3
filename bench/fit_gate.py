"""Does a fitted relevance gate beat the hand rules? An experiment on the dev split only.

``python -m bench.fit_gate [FOLDER] [--save]`` reads every dev case (``"split": "dev"``; no other
case is read past its split) as ``confwatch eval`` does: ``read_page`` and the source's spider's
``page_events`` give the candidates, and the page's first candidate is the one judged. A page is
positive when its case labels at least one required event. Features are
``gate_features.features``; the model is a logistic regression (balanced classes, C chosen by an
inner cross-validation grouped by host). Both the model and the hand gate (``relevance.judge``)
are scored on the same 5 folds grouped by host, so a site is never both fitted and scored.

``--save`` writes the model fitted on every dev page to ``spiders/data/gate_weights.json`` (the
scaling folded into the weights, so the runtime score is one dot product) — only when the model
beats the hand gate: fewer false negatives and no more false positives. scikit-learn is needed
here only, never at runtime.

``--hold-out ORIGIN`` (a labelling round, e.g. ``L11``) instead fits on every other dev page and
scores the model and the hand gate on that round's pages only. Read before any rule was written
from them, those pages are unseen by both, so this is the one comparison that does not favour
the hand gate's in-sample thresholds.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import GridSearchCV, GroupKFold  # type: ignore[import-untyped]
from sklearn.pipeline import make_pipeline  # type: ignore[import-untyped]
from sklearn.preprocessing import StandardScaler  # type: ignore[import-untyped]

from confwatch.spiders.normalise import clean, headings, relevance
from confwatch.spiders.normalise.gate_features import FEATURES, features
from confwatch.spiders.offline import choose_source, decode_page
from confwatch.spiders.page import read_page
from confwatch.spiders.registry import spider_class

FOLDS = 5
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
WEIGHTS = Path(__file__).resolve().parent.parent / "spiders" / "data" / "gate_weights.json"
VERSION = 1


@dataclass
class Sample:
    name: str
    host: str
    positive: bool
    candidate: bool  # the spider gave a candidate at all (else nothing is judged)
    hand: bool  # relevance.judge's verdict on the first candidate
    x: list[float]
    origin: str = ""  # the labelling round the case came from ("L7": hosts no rule has seen)


def dev_cases(folder: Path) -> list[tuple[str, dict[str, Any], Path]]:
    """Every dev case with its page; other splits are skipped on their ``split`` alone."""
    found = []
    for meta in sorted(folder.glob("*.json")):
        case = json.loads(meta.read_text("utf-8"))
        if case.get("split") != "dev":
            continue
        page = folder / case["page"] if case.get("page") else None
        if page is not None and page.is_file():
            found.append((meta.stem, case, page))
    return found


def sample(name: str, case: dict[str, Any], page_path: Path) -> Sample:
    """The first candidate of the page, as the normaliser would judge it."""
    url = case.get("url")
    published = case.get("published")
    source = choose_source(case.get("source"), url, [])
    is_text = page_path.suffix.lower() not in (".html", ".htm", ".xhtml")
    data = page_path.read_bytes()
    if is_text and data.lstrip().startswith(b"<"):
        is_text = False
    body = decode_page(data, is_text=is_text)
    page = read_page(
        body,
        url or "file:///page",
        is_text=is_text,
        published=dt.date.fromisoformat(published) if published else None,
    )
    raws = list(spider_class(source.kind)(source).page_events(page))
    positive = any(not e.get("optional") for e in case.get("events") or [])
    origin = str(case.get("origin") or "-")
    host = (urlsplit(url).hostname or name).lower().removeprefix("www.") if url else name
    if not raws:
        return Sample(name, host, positive, False, False, [0.0] * len(FEATURES), origin)
    raw = raws[0]
    heading = clean(raw.title) or clean(raw.structured.get("name"))
    if headings.is_title_junk(heading):
        heading = None
    text = raw.body_text or ""
    rule = relevance.RelevanceRule.from_config(raw.relevance)
    hand = relevance.judge(heading, text, rule=rule).relevant
    found = features(heading, text)
    return Sample(name, host, positive, True, hand, [found[f] for f in FEATURES], origin)


@dataclass
class Score:
    pages: int = 0
    correct: int = 0
    false_pos: int = 0  # accepted, on a page that labels no required event
    false_neg: int = 0  # refused, on a page that labels one

    def add(self, truth: np.ndarray, pred: np.ndarray) -> None:
        self.pages += len(truth)
        self.correct += int((truth == pred).sum())
        self.false_pos += int((pred & ~truth).sum())
        self.false_neg += int((~pred & truth).sum())

    def line(self) -> str:
        acc = self.correct / self.pages if self.pages else 0.0
        fp, fn = self.false_pos, self.false_neg
        return f"acc {acc:.3f}  FP {fp:3d}  FN {fn:3d}  ({self.pages} pages)"


def _search(groups: np.ndarray) -> GridSearchCV:
    model = make_pipeline(
        StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=5000)
    )
    inner = GroupKFold(n_splits=min(FOLDS, len(set(groups.tolist()))))
    return GridSearchCV(
        model, {"logisticregression__C": list(C_GRID)}, cv=inner, scoring="balanced_accuracy"
    )


def _fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> GridSearchCV:
    search = _search(groups)
    search.fit(x, y, groups=groups)
    return search


def _matched_threshold(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, hand: np.ndarray, c: float
) -> float:
    """The lowest probability threshold at which the model, out of fold on the training pages,
    accepts no more negative pages than the hand gate does there: the hand gate's caution."""
    inner = GroupKFold(n_splits=min(FOLDS, len(set(groups.tolist()))))
    proba = np.zeros(len(y))
    for tr, te in inner.split(x, y, groups):
        model = make_pipeline(
            StandardScaler(),
            LogisticRegression(class_weight="balanced", max_iter=5000, C=c),
        )
        model.fit(x[tr], y[tr])
        proba[te] = model.predict_proba(x[te])[:, 1]
    allowed = int((hand & ~y).sum())
    for t in sorted({0.5, *proba[~y].tolist()}):
        if int(((proba >= t) & ~y).sum()) <= allowed:
            return float(max(t, 1e-9))
    return 1.0


_VARIANTS = ("hand gate", "model p>=0.5", "model, hand's FP level", "hand and model p>=0.5")


def cross_validate(samples: list[Sample]) -> dict[str, dict[str, Score]]:
    """Hand gate, model at 0.5, model at the hand gate's false-positive level and the hand gate
    with the model as a veto, on the same host-grouped folds, overall ("all") and per labelling
    round. A page without candidate is refused by all."""
    x = np.array([s.x for s in samples])
    y = np.array([s.positive for s in samples])
    cand = np.array([s.candidate for s in samples])
    hand = np.array([s.hand for s in samples])
    groups = np.array([s.host for s in samples])
    origin = np.array([s.origin for s in samples])
    scores = {o: {v: Score() for v in _VARIANTS} for o in ["all", *sorted(set(origin.tolist()))]}
    for fold, (tr, te) in enumerate(GroupKFold(n_splits=FOLDS).split(x, y, groups)):
        tr = tr[cand[tr]]
        search = _fit(x[tr], y[tr], groups[tr])
        c = float(search.best_params_["logisticregression__C"])
        proba = search.predict_proba(x[te])[:, 1] * cand[te]
        threshold = _matched_threshold(x[tr], y[tr], groups[tr], hand[tr], c)
        fold_scores = {
            "hand gate": hand[te],
            "model p>=0.5": proba >= 0.5,
            "model, hand's FP level": proba >= threshold,
            "hand and model p>=0.5": hand[te] & (proba >= 0.5),
        }
        for key, pred in fold_scores.items():
            scores["all"][key].add(y[te], pred)
            for o in set(origin[te].tolist()):
                mine = origin[te] == o
                scores[o][key].add(y[te][mine], pred[mine])
        h, m = Score(), Score()
        h.add(y[te], hand[te])
        m.add(y[te], proba >= 0.5)
        print(f"fold {fold}: C={c:g} t={threshold:.2f}  hand {h.line()}  model {m.line()}")
    return scores


def hold_out(samples: list[Sample], origin: str) -> dict[str, Score]:
    """Fit on every page of other rounds, score hand gate and model on ``origin``'s pages."""
    train = [s for s in samples if s.origin != origin and s.candidate]
    test = [s for s in samples if s.origin == origin]
    x, y = np.array([s.x for s in train]), np.array([s.positive for s in train])
    groups, hand = np.array([s.host for s in train]), np.array([s.hand for s in train])
    search = _fit(x, y, groups)
    c = float(search.best_params_["logisticregression__C"])
    threshold = _matched_threshold(x, y, groups, hand, c)
    tx, ty = np.array([s.x for s in test]), np.array([s.positive for s in test])
    tcand, thand = np.array([s.candidate for s in test]), np.array([s.hand for s in test])
    proba = search.predict_proba(tx)[:, 1] * tcand
    print(f"fitted on {len(train)} pages of other rounds: C={c:g}, threshold {threshold:.2f}")
    preds = {
        "hand gate": thand,
        "model p>=0.5": proba >= 0.5,
        "model, hand's FP level": proba >= threshold,
        "hand and model p>=0.5": thand & (proba >= 0.5),
    }
    scores = {key: Score() for key in _VARIANTS}
    for key, pred in preds.items():
        scores[key].add(ty, pred)
    return scores


def folded_weights(search: GridSearchCV) -> tuple[list[float], float]:
    """The scaler folded into the coefficients: score = w·x + b on the raw features."""
    scaler, model = search.best_estimator_[0], search.best_estimator_[-1]
    coef = model.coef_[0] / scaler.scale_
    bias = float(model.intercept_[0] - (coef * scaler.mean_).sum())
    return [round(float(w), 6) for w in coef], round(bias, 6)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    save = "--save" in args
    held = args[args.index("--hold-out") + 1] if "--hold-out" in args else None
    rest = [a for a in args if a not in ("--save", "--hold-out", held)]
    folder = Path(rest[0] if rest else "tests/fixtures/labelled")
    samples = [sample(name, case, page) for name, case, page in dev_cases(folder)]
    pos = sum(s.positive for s in samples)
    print(
        f"dev pages {len(samples)}: {pos} with events, {len(samples) - pos} without; "
        f"{sum(not s.candidate for s in samples)} without candidate; "
        f"{len({s.host for s in samples})} hosts"
    )
    if held is not None:
        if not any(s.origin == held for s in samples):
            print(f"no dev page has origin {held!r}", file=sys.stderr)
            return 2
        print(f"-- held out: {held}")
        for key, score in hold_out(samples, held).items():
            print(f"   {key:24s} {score.line()}")
        return 0
    scores = cross_validate(samples)
    for group, by_variant in scores.items():
        print(f"-- {group}")
        for key, score in by_variant.items():
            print(f"   {key:24s} {score.line()}")
    hand, model = scores["all"]["hand gate"], scores["all"]["model p>=0.5"]
    beats = model.false_neg < hand.false_neg and model.false_pos <= hand.false_pos
    print("model beats hand gate" if beats else "model does not beat hand gate")
    if save and beats:
        fit = [s for s in samples if s.candidate]
        search = _fit(
            np.array([s.x for s in fit]),
            np.array([s.positive for s in fit]),
            np.array([s.host for s in fit]),
        )
        weights, bias = folded_weights(search)
        out = {
            "version": VERSION,
            "features": list(FEATURES),
            "weights": weights,
            "bias": bias,
            "fitted_on": "dev",
            "cases": len(samples),
        }
        WEIGHTS.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
