"""Precision and recall of each rule on the hand-labelled cases in
``tests/labels``: ``python scripts/label_scores.py [--bugs] [RULE ...]``.
``--bugs`` lists the cases marked ``known_bug`` after the table, with their
reasons and whether the rule still gets them wrong.

A fire case counts as a true positive when the rule reports it at the
labelled place, a false negative otherwise; a quiet case as a false
positive when the rule reports anything, a true negative otherwise.
Rules not registered yet (``pending``) are listed without scores."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.labels import label_files, outcome, registered


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def main(argv: list[str]) -> int:
    show_bugs = "--bugs" in argv
    wanted = {arg for arg in argv if arg != "--bugs"}
    bug_lines: list[str] = []
    known = registered()
    header = f"{'rule':28} {'TP':>3} {'FP':>3} {'FN':>3} {'TN':>3} {'prec':>5} {'recall':>6}  bugs"
    print(header)
    print("-" * len(header))
    totals = [0, 0, 0, 0]
    for labels in label_files():
        if wanted and labels.rule not in wanted:
            continue
        if labels.rule not in known:
            print(f"{labels.rule:28} {'(not registered yet)':>33}")
            continue
        counts = [0, 0, 0, 0]  # TP FP FN TN
        bugs = 0
        for case in labels.cases:
            agrees, _ = outcome(case)
            if case.known_bug:
                bugs += 1
                state = "still wrong" if not agrees else "FIXED: remove the mark"
                bug_lines.append(f"{case.key} ({case.expect}, {state}): {case.known_bug}")
            if case.expect == "fire":
                counts[0 if agrees else 2] += 1
            else:
                counts[3 if agrees else 1] += 1
        tp, fp, fn, tn = counts
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        print(
            f"{labels.rule:28} {tp:3} {fp:3} {fn:3} {tn:3} "
            f"{ratio(tp, tp + fp):>5} {ratio(tp, tp + fn):>6}  {bugs or ''}"
        )
    tp, fp, fn, tn = totals
    print("-" * len(header))
    print(f"{'all':28} {tp:3} {fp:3} {fn:3} {tn:3} {ratio(tp, tp + fp):>5} {ratio(tp, tp + fn):>6}")
    if show_bugs:
        print()
        print("known bugs:")
        for line in bug_lines:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
