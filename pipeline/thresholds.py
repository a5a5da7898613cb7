"""`run --fail-under`: which kinds' strict F1 in a written report.json falls below a threshold."""

from __future__ import annotations

import json
from pathlib import Path


def below_threshold(report_json: Path, threshold: float) -> str:
    """`date 0.92, money 0.94` for the kinds under the threshold; empty when none is."""
    metrics: dict[str, dict[str, float]] = json.loads(report_json.read_text(encoding="utf-8"))["metrics"]
    low = [f"{kind} {scores['strict_f1']:.4g}" for kind, scores in metrics.items() if scores["strict_f1"] < threshold]
    return ", ".join(low)
