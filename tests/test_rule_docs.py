"""Every rule is documented in Chinese and in English, in its own definition:
what it checks, why, a bad and a good example, its options; ``explain`` and
``rules`` print the language asked for."""

from __future__ import annotations

import re

import pytest

from audit.cli import main
from audit.engine import load_rules

RULES = sorted(load_rules())
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("rule_id", RULES)
def test_every_rule_has_chinese_documentation_with_all_sections(rule_id: str) -> None:
    spec = load_rules()[rule_id]
    doc = spec.doc_zh
    for heading in ("检查内容", "为什么有问题", "示例", "选项"):
        assert f"\n{heading}\n" in doc, f"{rule_id}: no {heading} section"
    examples = doc.split("\n示例\n")[1]
    assert ("错误" in examples and "正确" in examples) or spec.id == "rounding-difference"
    assert spec.summary_zh and CJK.search(spec.summary_zh)
    assert spec.summary_zh == doc.splitlines()[0]
    # Mostly Chinese prose, not English with a few terms.
    prose = doc.split("示例")[0]
    assert len(CJK.findall(prose)) > len(re.findall(r"[A-Za-z]", prose))
    # Each option the rule declares is named in the Chinese doc.
    for option in spec.options:
        assert option in doc, f"{rule_id}: option {option} not documented in Chinese"


@pytest.mark.parametrize("rule_id", RULES)
def test_english_documentation_is_kept(rule_id: str) -> None:
    spec = load_rules()[rule_id]
    assert spec.doc_in("en") == spec.doc
    assert spec.summary_in("en") == spec.summary != spec.summary_zh
    assert "What it does" in spec.doc or "What it does:" in spec.doc


def test_explain_prints_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "placeholder", "--no-config", "--lang", "zh"]) == 0
    zh = capsys.readouterr().out
    assert "检查内容" in zh and "默认级别：错误" in zh and "What it does" not in zh
    assert main(["explain", "placeholder", "--no-config", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "What it does" in en and "检查内容" not in en


def test_rules_lists_groups_and_summaries_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "--no-config", "--lang", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    placeholder = next(line for line in lines if line.startswith("placeholder "))
    assert "content" in placeholder and load_rules()["placeholder"].summary_zh in placeholder
    assert main(["rules", "--no-config", "--lang", "en"]) == 0
    assert load_rules()["placeholder"].summary in capsys.readouterr().out
