"""Scoring extracted mentions against gold: strict and overlap matching per kind,
for the whole corpus and per document.

Linear in the number of mentions: both sides are grouped by (document, kind) and
each group is swept once in order of start offsets."""

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

    def add(self, other: KindScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict_tp += other.strict_tp
        self.overlap_tp_gold += other.overlap_tp_gold
        self.overlap_tp_pred += other.overlap_tp_pred
        self.value_correct += other.value_correct

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


def _kind_scores() -> dict[str, KindScore]:
    return {k: KindScore() for k in KINDS}


@dataclass(slots=True)
class Evaluation:
    scores: dict[str, KindScore] = field(default_factory=_kind_scores)
    differences: list[Difference] = field(default_factory=list)
    documents: dict[str, dict[str, KindScore]] = field(default_factory=dict)  # doc -> kind -> score
    failed: dict[str, str] = field(default_factory=dict)  # doc -> why it could not be processed

    @property
    def perfect(self) -> bool:
        return not self.differences and not self.failed

    def table(self) -> dict[str, dict[str, float | int]]:
        return {k: s.as_dict() for k, s in self.scores.items()}

    def document_table(self) -> dict[str, dict[str, float | int]]:
        """Per document, all kinds together."""
        out = {}
        for doc, kinds in self.documents.items():
            total = KindScore()
            for s in kinds.values():
                total.add(s)
            out[doc] = total.as_dict()
        return out


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def first_overlaps(spans: list[Span], pool: list[Span]) -> list[Span | None]:
    """For each span (both lists sorted by start), the first span of `pool` in
    start order that overlaps it, or None. One sweep: a pool span that ends
    before a span starts cannot overlap any later span."""
    found: list[Span | None] = []
    lo = 0
    for a in spans:
        while lo < len(pool) and pool[lo].end <= a.start:
            lo += 1
        hit = None
        j = lo
        while j < len(pool) and pool[j].start < a.end:
            if a.start < pool[j].end:
                hit = pool[j]
                break
            j += 1
        found.append(hit)
    return found


def _group(spans: Iterable[Span]) -> dict[tuple[str, str], list[Span]]:
    groups: dict[tuple[str, str], list[Span]] = {}
    for s in spans:
        groups.setdefault((s.doc, s.kind), []).append(s)
    for group in groups.values():
        group.sort(key=lambda s: (s.start, s.end))
    return groups


def evaluate(
    predicted: Iterable[Mention],
    gold: Iterable[GoldMention],
    texts: Mapping[str, str],
    docs: Iterable[str],
    failed: Mapping[str, str] | None = None,
) -> Evaluation:
    """Compare on the documents in `docs` only (gold for other documents is
    ignored). A document in `failed` (id -> reason) was not processed: its
    predictions are ignored and every gold mention of it counts as missed."""
    failed = dict(failed or {})
    wanted = set(docs) | set(failed)
    preds = _group(_span(m) for m in predicted if (m.doc or "") in wanted and (m.doc or "") not in failed)
    golds = _group(_span(g) for g in gold if g.doc in wanted)
    ev = Evaluation(failed=dict(sorted(failed.items())))
    for doc in sorted(wanted):
        ev.documents[doc] = _kind_scores()
    keyed: list[tuple[tuple[str, int, int, str], Difference]] = []
    for doc, kind in sorted(set(preds) | set(golds)):
        s = ev.documents[doc][kind]
        gs, ps = golds.get((doc, kind), []), preds.get((doc, kind), [])
        s.gold, s.predicted = len(gs), len(ps)
        text = texts.get(doc, "")
        if doc in failed:
            for g in gs:
                keyed.append(
                    ((doc, g.start, 0, kind), Difference("missed", g, None, f"(not processed: {failed[doc]})"))
                )
            continue
        pred_at = {(p.start, p.end): p for p in ps}
        gold_at = {(g.start, g.end) for g in gs}
        for g, near in zip(gs, first_overlaps(gs, ps), strict=True):
            match = pred_at.get((g.start, g.end))
            if match is not None:
                s.strict_tp += 1
                if match.normalized == g.normalized:
                    s.value_correct += 1
                else:
                    keyed.append(
                        ((doc, g.start, 0, kind), Difference("wrong value", g, match, _context(text, g.start, g.end)))
                    )
            elif near is not None:
                s.overlap_tp_gold += 1
                keyed.append(((doc, g.start, 0, kind), Difference("boundary", g, near, _context(text, g.start, g.end))))
            else:
                keyed.append(((doc, g.start, 0, kind), Difference("missed", g, None, _context(text, g.start, g.end))))
        for p, near in zip(ps, first_overlaps(ps, gs), strict=True):
            if (p.start, p.end) in gold_at or near is not None:
                s.overlap_tp_pred += 1
            else:
                keyed.append(((doc, p.start, 1, kind), Difference("spurious", None, p, _context(text, p.start, p.end))))
        s.overlap_tp_gold += s.strict_tp
    for kinds in ev.documents.values():
        for kind, score in kinds.items():
            ev.scores[kind].add(score)
    keyed.sort(key=lambda kd: kd[0])
    ev.differences = [d for _, d in keyed]
    return ev
