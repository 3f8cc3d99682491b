"""The older layout naming both categories, without codes, before its name
and its annual value (tables from before ~2022)::

    1、产出指标（数量指标）：新增就业人数，年度指标值：≥500人。
    1、产出指标-数量指标：新增就业人数，年度指标值：≥500人。

Categories closed by the colon (or separator) before the name are the older
form's, whatever joins the two: no code, no period value, ``，`` its standard
separator. Only the dashed form, whose name is joined to its categories by a
dash too (``1.产出指标-数量指标-签约居民人数：实施周期指标值：…``), reads as the
coded form does."""

from __future__ import annotations

import pytest

from audit.model import Clause
from tests.conftest import lint
from tests.test_parsing_forms import clauses, read

# A district employment bureau's 就业补助经费 of 2020, in three writings of its
# categories.
READ = [
    (1, "产出指标", "数量指标", "新增就业人数", None, "≥500人"),
    (2, "效益指标", "社会效益", "城镇登记失业率", None, "≤3.5%"),
    (3, "满意度指标", "服务对象满意度", "服务对象满意度", None, "≥90%"),
]


def _cell(left: str, right: str, separator: str = "，", colon: str = "：") -> str:
    return "".join(
        f"{number}、{level1}{left}{level2}{right}{name}{separator}年度指标值{colon}{annual}。"
        for number, level1, level2, name, _, annual in READ
    )


@pytest.mark.parametrize(
    "cell",
    [
        _cell("（", "）："),
        _cell("(", "):", ",", ":"),
        _cell("-", "："),
        _cell("—", "："),
        _cell("－", "，"),
        _cell("/", "："),
        _cell("【", "】：")
        .replace("、产出", "、【产出")
        .replace("、效益", "、【效益")
        .replace("、满意度", "、【满意度"),
    ],
    ids=["brackets", "half-width", "dash", "em-dash", "dash-comma", "slash", "square-brackets"],
)
def test_both_categories_before_a_colon_are_the_older_forms(cell: str) -> None:
    result = clauses(cell)
    assert [read(c) for c in result] == READ
    assert {c.form for c in result} == {"legacy"}
    # ，is the older form's separator; the half-width , is still no standard one
    kinds = {issue.detail for c in result for issue in c.issues}
    assert kinds == ({","} if "," in cell else set())


def test_an_annual_only_older_table_is_asked_for_nothing_more() -> None:
    table = "\n".join(
        [
            "广州市某区人力资源和社会保障局2020年项目支出绩效目标表",
            "单位名称：广州市某区劳动就业服务管理中心",
            "单位：万元",
            "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标",
            "合计\t300.00\t300.00\t\t\t\t",
            "广州市某区劳动就业服务管理中心\t300.00\t300.00\t\t\t\t",
            "就业补助经费\t200.00\t200.00\t\t\t落实各项就业扶持政策，促进城乡劳动者就业创业，"
            f"保障全区就业形势总体稳定。\t{_cell('（', '）：')}",
            "职业技能培训经费\t100.00\t100.00\t\t\t组织开展职业技能培训，提高劳动者技能水平，"
            f"促进劳动者就业创业。\t{_cell('-', '：')}",
        ]
    )
    findings = lint(table)
    assert [(f.rule, f.message) for f in findings if f.severity != "info"] == []
    assert not any(f.rule == "nonstandard-punctuation" for f in findings)


@pytest.mark.parametrize(
    ("cell", "form", "separators"),
    [
        # the dashed form: its name joined by a dash too, both values, ；
        (
            "1.产出指标-数量指标-签约居民人数：实施周期指标值：≥5万人；年度指标值：≥5万人",
            "coded",
            {"；"},
        ),
        # coded categories keep the coded form and its standard
        (
            "1、1-产出指标；11-数量指标；新增就业人数，年度指标值：≥500人。",
            "coded",
            {"；", "，"},
        ),
    ],
    ids=["dashed", "coded-comma"],
)
def test_other_forms_keep_their_reading(cell: str, form: str, separators: set[str]) -> None:
    (clause,) = clauses(cell)
    assert clause.form == form
    assert clause.separators == separators


@pytest.mark.parametrize(
    "cell",
    [
        # brackets without a colon, the dashed form's dashes: no code and no
        # period value anywhere in the cell
        "1、产出指标（数量指标）新增就业人数，年度指标值：≥500人。"
        "2、满意度指标（服务对象满意度）服务对象满意度，年度指标值：≥90%。",
        "1.产出指标-数量指标-签约居民人数，年度指标值：≥5万人\n"
        "2.满意度指标-服务对象满意度指标-签约居民满意度，年度指标值：≥90%",
    ],
    ids=["brackets", "dashes"],
)
def test_a_cell_without_codes_or_period_values_is_of_the_older_form(cell: str) -> None:
    result = clauses(cell)
    assert {c.form for c in result} == {"legacy"}
    assert all(c.issues == () for c in result)
    assert all(c.level2 is not None for c in result)


def test_a_name_before_its_keywords_colon_is_no_level_two_category() -> None:
    (clause,) = clauses("1.产出指标-签约居民人数：年度指标值：≥5万人")
    assert read(clause) == (1, "产出指标", None, "签约居民人数", None, "≥5万人")


def test_a_clause_without_its_period_value_is_still_reported_where_the_cell_has_one() -> None:
    """Near misses: a coded clause without its period value, and a dashed one
    in a cell whose other clause gives one, are still asked for it (and ，
    is still no standard separator there)."""
    rows = [
        ("培训经费", "1、1-产出指标；11-数量指标；培训人数；年度指标值：≥300人。"),
        (
            "签约服务经费",
            "1.产出指标-数量指标-签约居民人数：实施周期指标值：≥5万人；年度指标值：≥5万人\n"
            "2.产出指标-质量指标-重点人群签约率，年度指标值：≥75%",
        ),
        ("就业补助经费", _cell("-", "：")),
    ]
    table = "\n".join(
        [
            "广州市某局2024年项目支出绩效目标表",
            "部门名称：广州市某局",
            "单位：万元",
            "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标",
            "广州市某局\t30.00\t30.00\t\t\t\t",
            *(f"{name}\t10.00\t10.00\t\t\t完成年度工作任务。\t{cell}" for name, cell in rows),
        ]
    )
    found = lint(table, ["missing-field", "nonstandard-punctuation"])
    assert [(f.rule, f.project, f.clause) for f in found] == [
        ("missing-field", "培训经费", 1),
        ("missing-field", "签约服务经费", 2),
        ("nonstandard-punctuation", "签约服务经费", 2),
    ]


def test_the_categories_are_pointed_at_where_they_are_written() -> None:
    cell = _cell("（", "）：")
    first = clauses(cell)[0]
    assert isinstance(first, Clause)
    assert first.level2 is not None
    start = first.level2.span.column - 1
    assert cell[start : start + len("数量指标")] == "数量指标"


def test_a_clause_without_categories_in_an_older_form_cell_uses_its_separators() -> None:
    """``，`` is the older form's separator, in a clause without categories
    too; in a coded cell it is still one to report."""
    older = "1、产出指标：培训人数，年度指标值：≥300人。2、培训合格率，年度指标值：≥90%。"
    assert all(c.issues == () for c in clauses(older))
    coded = "1、1-产出指标；11-数量指标；培训人数；年度指标值：≥300人。2、培训合格率，年度指标值：≥90%。"
    second = clauses(coded)[1]
    assert second.form == "coded"
    assert [(i.kind, i.detail) for i in second.issues] == [("nonstandard-separator", "，")]
