"""A project's amount over its whole term (项目总投资, 计划总投资, 中期资金总额),
kept beside the year's (本年安排, 年度资金总额, a list's 预算数), and the
``annual-exceeds-term-total`` rule: a year given more than the whole term."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from audit.model import Document, Project
from audit.pipeline import load_text
from tests.conftest import config_with, lint, run_main
from tests.national import Rows, as_tsv, csv_document, sheet_document, tsv_document
from tests.test_national_amount_words import _form
from tests.test_reader_gaps_natb import _investment_list, _list_text

RULE = "annual-exceeds-term-total"
Reader = Callable[[Rows], Document]


def _project(document: Document) -> Project:
    (project,) = document.projects
    return project


def _messages(document: Document) -> list[str]:
    return [f.message for f in lint(document, [RULE])]


def _beside(term: str, annual: str, term_label: str = "项目总投资（万元）") -> Rows:
    """A province's form: the whole investment beside the year's amount, each
    with its source below."""
    return _form(
        [
            [term_label, term, "本年安排（万元）", annual, ""],
            ["其中：财政拨款", term, "其中：财政拨款", annual, ""],
        ]
    )


# --------------------------------------------------------------------------
# The model keeps the term's amount, with its cell


@pytest.mark.parametrize("read", [tsv_document, csv_document, sheet_document])
def test_a_form_keeps_the_whole_investment_beside_the_year_s_amount(read: Reader) -> None:
    project = _project(read(_beside("3,600.00", "1,200.00")))
    assert project.amounts.value("total") == Decimal("1200.00")
    assert project.term_total is not None
    assert project.term_total.value == Decimal("3600.00")
    assert project.term_total.text.value == "3,600.00"
    cell = project.term_total.text
    assert cell.source.text[cell.origin(0) :].startswith("3,600.00")  # where it stands


def test_the_ministry_s_two_columns_keep_the_period_total() -> None:
    rows = _form(
        [
            ["中期资金总额", "2,400.00", "年度资金总额", "800.00", ""],
            ["其中：财政拨款", "2,400.00", "其中：财政拨款", "800.00", ""],
        ]
    )
    project = _project(tsv_document(rows))
    assert project.amounts.value("total") == Decimal("800.00")
    assert project.term_total is not None
    assert project.term_total.value == Decimal("2400.00")


def test_a_list_keeps_each_project_s_investment_column() -> None:
    document = load_text(_list_text(_investment_list()), "list.csv")
    assert [
        (p.amounts.value("total"), p.term_total and p.term_total.value) for p in document.projects
    ] == [
        (Decimal("600.00"), Decimal("4800.00")),
        (Decimal("260.00"), Decimal("600.00")),
    ]


def test_a_form_stating_the_term_s_amount_alone_has_it_as_its_amount_only() -> None:
    """Near miss: the only amount stated is the project's amount, not a
    second one beside itself."""
    project = _project(tsv_document(_form([["项目总投资（万元）", "3,600.00", "", "", ""]])))
    assert project.amounts.value("total") == Decimal("3600.00")
    assert project.term_total is None
    assert _messages(tsv_document(_form([["中期资金总额", "3,600.00", "", "", ""]]))) == []


# --------------------------------------------------------------------------
# The rule


@pytest.mark.parametrize("read", [tsv_document, csv_document, sheet_document])
def test_a_year_given_more_than_the_whole_investment_is_an_error(read: Reader) -> None:
    document = read(_beside("800.00", "1,200.00"))
    (finding,) = lint(document, [RULE])
    assert finding.severity == "error"
    assert finding.field == "amount.total"
    assert finding.excerpt == "1,200.00"
    assert finding.project == "城镇污水管网建设"
    assert "1,200.00万元" in finding.message and "800.00万元" in finding.message
    assert "相差400.00万元" in finding.message


def test_the_ministry_s_year_column_above_its_period_column() -> None:
    rows = _form(
        [
            ["中期资金总额", "2,400.00", "年度资金总额", "2,450.00", ""],
            ["其中：财政拨款", "2,400.00", "其中：财政拨款", "2,450.00", ""],
        ]
    )
    (message,) = _messages(tsv_document(rows))
    assert "2,450.00万元" in message and "2,400.00万元" in message and "相差50.00万元" in message


def test_a_list_s_budget_above_its_investment_column() -> None:
    rows = _investment_list()
    rows[9][2] = "200.00"  # 农村饮水安全维修养护: 预算数 260.00 in a project of 200.00
    rows[4][2] = rows[3][2] = "5,000.00"
    findings = lint(load_text(_list_text(rows), "list.csv"), [RULE])
    assert [(f.project, f.excerpt) for f in findings] == [("农村饮水安全维修养护", "260.00")]


def test_a_form_in_yuan_compares_and_reports_in_yuan() -> None:
    rows = _form(
        [
            ["项目总投资（元）", "8,000,000.00", "本年安排（元）", "8,000,000.01", ""],
            ["其中：财政拨款", "8,000,000.00", "其中：财政拨款", "8,000,000.01", ""],
        ]
    )
    (message,) = _messages(tsv_document(rows))
    assert "8,000,000.01元" in message and "相差0.01元" in message


@pytest.mark.parametrize(
    ("term", "annual"),
    [
        ("1,200.00", "1,200.00"),  # a project of one year: the year is the whole term
        ("1,200.00", "1,200.004"),  # equal once rounded to the cent as the table prints
        ("1,200.004", "1,200.00"),
        ("3,600.00", "1,200.00"),  # the year a part of the term
    ],
)
def test_near_misses_equal_or_below_the_term_s_total(term: str, annual: str) -> None:
    assert _messages(tsv_document(_beside(term, annual))) == []


def test_one_cent_more_than_the_term_s_total_is_reported() -> None:
    assert len(_messages(tsv_document(_beside("1,200.00", "1,200.01")))) == 1


@pytest.mark.parametrize("term", ["待补充", "XXX", "", "约800万"])
def test_a_term_s_total_not_written_as_a_number_is_not_compared(term: str) -> None:
    """Near miss: a placeholder, a blank or words where the total goes say
    nothing of it (the amount rules report a year's cell that is no number)."""
    assert _messages(tsv_document(_beside(term, "1,200.00"))) == []


def test_a_missing_term_s_total_is_not_compared() -> None:
    rows = _form([["本年安排（万元）", "1,200.00", "其中：财政拨款", "1,200.00", ""]])
    project = _project(tsv_document(rows))
    assert project.term_total is None
    assert _messages(tsv_document(rows)) == []


def test_a_negative_year_s_amount_is_amount_format_s_alone() -> None:
    rows = _beside("800.00", "-1,200.00")
    assert _messages(tsv_document(rows)) == []


# --------------------------------------------------------------------------
# Configuration


def test_a_profile_sets_its_severity_or_turns_it_off(tmp_path: Path) -> None:
    document = tsv_document(_beside("800.00", "1,200.00"))
    config = config_with(tmp_path, f"extends: default\nrules:\n  {RULE}: warning\n")
    assert [f.severity for f in lint(document, [RULE], config)] == ["warning"]
    config = config_with(tmp_path, f"extends: default\nrules:\n  {RULE}: off\n")
    assert RULE not in {f.rule for f in lint(document, None, config)}
    assert RULE in {f.rule for f in lint(document)}


def test_selected_and_explained_with_the_amounts_group(tmp_path: Path) -> None:
    path = tmp_path / "form.tsv"
    path.write_text(as_tsv(_beside("800.00", "1,200.00")), encoding="utf-8")
    status, out, _ = run_main(
        "lint", "--no-config", "--no-cache", "--select", "amounts", "--format", "json", str(path)
    )
    assert status == 1
    assert [f["rule"] for f in json.loads(out)["findings"]] == [RULE]
    status, out, _ = run_main("explain", "--lang", "en", RULE)
    assert status == 0 and "group: amounts" in out


# --------------------------------------------------------------------------
# The term's total as a cell: its placeholder and its format


@pytest.mark.parametrize("term", ["待补充", "XXX"])
def test_a_placeholder_for_the_term_s_total_is_placeholder_s(term: str) -> None:
    document = tsv_document(_beside(term, "1,200.00"))
    findings = lint(document, ["placeholder", "amount-format"])
    assert [(f.rule, f.field, f.excerpt) for f in findings] == [
        ("placeholder", "amount.term_total", term)
    ]
    assert "项目总投资" in findings[0].message


@pytest.mark.parametrize(
    ("term", "says"),
    [
        ("约800万", "“约800万”不是数字"),
        ("3,600", "项目总投资“3,600”应保留两位小数"),
        ("3，600.00", "项目总投资“3，600.00”用了全角数字"),
    ],
)
def test_a_malformed_term_s_total_is_amount_format_s(term: str, says: str) -> None:
    findings = lint(tsv_document(_beside(term, "1,200.00")), ["placeholder", "amount-format"])
    assert [(f.rule, f.field, f.excerpt) for f in findings] == [
        ("amount-format", "amount.term_total", term)
    ]
    assert says in findings[0].message


def test_a_well_written_term_s_total_is_quiet() -> None:
    document = tsv_document(_beside("3,600.00", "1,200.00"))
    assert lint(document, ["placeholder", "amount-format"]) == []
