"""Scoring extracted mentions against gold: strict and overlap matching per kind."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .records import GoldMention, Kind, Mention

KINDS: tuple[Kind, ...] = ("date", "money", "percent")


@dataclass(frozen=True, slots=True)
class Span:
    doc: str
    kind: str
    start: int
    end: int
    text: str
    normalized: str | None


def _span(m: Mention | GoldMention) -> Span:
    return Span(m.doc or "", m.kind, m.start, m.end, m.text, m.normalized)


@dataclass(slots=True)
class Difference:
    what: str  # "missed", "spurious", "wrong value", "boundary"
    gold: Span | None
    predicted: Span | None
    context: str = ""


@dataclass(slots=True)
class KindScore:
    gold: int = 0
    predicted: int = 0
    strict_tp: int = 0
    overlap_tp_gold: int = 0  # gold mentions overlapped by a prediction
    overlap_tp_pred: int = 0  # predictions overlapping a gold mention
    value_correct: int = 0  # strict matches with the same normalized

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        sp = self.strict_tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)
        sr = self.strict_tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)
        op = self.overlap_tp_pred / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)
        orc = self.overlap_tp_gold / self.gold if self.gold else (1.0 if not self.predicted else 0.0)
        va = self.value_correct / self.strict_tp if self.strict_tp else (1.0 if not self.gold else 0.0)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "strict_precision": round(sp, 4),
            "strict_recall": round(sr, 4),
            "strict_f1": round(self._f1(sp, sr), 4),
            "overlap_precision": round(op, 4),
            "overlap_recall": round(orc, 4),
            "overlap_f1": round(self._f1(op, orc), 4),
            "value_accuracy": round(va, 4),
        }


@dataclass(slots=True)
class Evaluation:
    scores: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    differences: list[Difference] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        return not self.differences

    def table(self) -> dict[str, dict[str, float | int]]:
        return {k: s.as_dict() for k, s in self.scores.items()}


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def evaluate(
    predicted: Iterable[Mention], gold: Iterable[GoldMention], texts: Mapping[str, str], docs: Iterable[str]
) -> Evaluation:
    """Compare on the documents in `docs` only (gold for other documents is ignored)."""
    wanted = set(docs)
    preds = sorted((_span(m) for m in predicted if (m.doc or "") in wanted), key=lambda s: (s.doc, s.start, s.kind))
    golds = sorted((_span(g) for g in gold if g.doc in wanted), key=lambda s: (s.doc, s.start, s.kind))
    ev = Evaluation()
    gold_keys = {(g.doc, g.kind, g.start, g.end): g for g in golds}
    pred_keys = {(p.doc, p.kind, p.start, p.end): p for p in preds}
    for g in golds:
        ev.scores[g.kind].gold += 1
    for p in preds:
        ev.scores[p.kind].predicted += 1

    def overlaps(a: Span, pool: list[Span]) -> list[Span]:
        return [b for b in pool if b.doc == a.doc and b.kind == a.kind and a.start < b.end and b.start < a.end]

    for g in golds:
        s = ev.scores[g.kind]
        text = texts.get(g.doc, "")
        match = pred_keys.get((g.doc, g.kind, g.start, g.end))
        if match is not None:
            s.strict_tp += 1
            if match.normalized == g.normalized:
                s.value_correct += 1
            else:
                ev.differences.append(Difference("wrong value", g, match, _context(text, g.start, g.end)))
            continue
        near = overlaps(g, preds)
        if near:
            s.overlap_tp_gold += 1
            ev.differences.append(Difference("boundary", g, near[0], _context(text, g.start, g.end)))
        else:
            ev.differences.append(Difference("missed", g, None, _context(text, g.start, g.end)))
    for p in preds:
        s = ev.scores[p.kind]
        if (p.doc, p.kind, p.start, p.end) in gold_keys:
            s.overlap_tp_pred += 1
            continue
        if overlaps(p, golds):
            s.overlap_tp_pred += 1
        else:
            text = texts.get(p.doc, "")
            ev.differences.append(Difference("spurious", None, p, _context(text, p.start, p.end)))
    for k in KINDS:
        ev.scores[k].overlap_tp_gold += ev.scores[k].strict_tp
    ev.differences.sort(key=lambda d: ((d.gold or d.predicted).doc, (d.gold or d.predicted).start))  # type: ignore[union-attr]
    return ev
