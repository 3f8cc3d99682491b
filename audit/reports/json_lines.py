"""``--format json-lines``: one JSON object per line, for log pipelines and
``jq -c``: each finding (the fields of ``--format json``'s ``findings``), a
``{"type": "read-error"}`` line for a file that could not be read, and a
last ``{"type": "summary"}`` line. Written as the files are reported, so a
consumer can start before the run ends."""

from __future__ import annotations

import json
from typing import Any, TextIO

from audit.reports import read_error
from audit.results import LintResult


def render(result: LintResult, out: TextIO, config: Any = None, **_: Any) -> None:
    lang = config.lang if config is not None else "zh"
    for file_result in result.files:
        if file_result.error is not None:
            line = {
                "type": "read-error",
                "file": file_result.path,
                "error": read_error(file_result.error, lang),
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        for finding in file_result.findings:
            out.write(json.dumps({"type": "finding", **finding.as_dict()}, ensure_ascii=False))
            out.write("\n")
    out.write(json.dumps({"type": "summary", **result.summary()}, ensure_ascii=False) + "\n")
