"""Record the findings of every rule on the seed tables and the examples.

    python scripts/record_findings.py          # rewrite tests/golden/findings/
    python scripts/record_findings.py --check  # exit 1 if they differ

``tests/test_findings_golden.py`` compares a fresh run with these files: any
change to what the rules report (a finding gained, lost, moved or reworded)
shows up there as a diff to review. Regenerate only after reading that diff.

Each profile lints every input with the shipped default profile and every
rule selected (``--select ALL``); one JSON line per finding, in report order.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "findings"

INPUTS: tuple[str, ...] = (
    *sorted(f"tests/fixtures/seeds/{p.name}" for p in (ROOT / "tests/fixtures/seeds").iterdir()),
    *sorted(f"examples/{p.name}" for p in (ROOT / "examples").iterdir()),
)
PROFILES: dict[str, list[str]] = {
    "all-rules.zh": ["--no-config", "--select", "ALL", "--lang", "zh"],
    "all-rules.en": ["--no-config", "--select", "ALL", "--lang", "en"],
}
COMMON = ("--jobs", "1", "--format", "json-lines", "--fail-on", "never")
FIELDS = (
    "file",
    "rule",
    "severity",
    "line",
    "column",
    "end_line",
    "end_column",
    "location",
    "unit",
    "project",
    "clause",
    "field",
    "excerpt",
    "message",
)


def findings(arguments: list[str]) -> list[str]:
    """The findings of one profile, one JSON line each."""
    output = subprocess.run(
        [sys.executable, "-m", "audit", "lint", *arguments, *COMMON, *INPUTS],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    lines = []
    for line in output.stdout.splitlines():
        record = json.loads(line)
        if record.get("type") != "finding":
            continue
        kept = {key: record.get(key) for key in FIELDS}
        lines.append(json.dumps(kept, ensure_ascii=False))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    check = parser.parse_args().check
    GOLDEN.mkdir(parents=True, exist_ok=True)
    differs = False
    for name, arguments in PROFILES.items():
        path = GOLDEN / f"{name}.jsonl"
        text = "\n".join(findings(arguments)) + "\n"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path.relative_to(ROOT)}: differs", file=sys.stderr)
                differs = True
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {text.count(chr(10))} findings")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
