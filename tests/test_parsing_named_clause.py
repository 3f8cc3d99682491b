"""A clause written with a name but no category after a ``；``::

    1、数量指标；培训人数；年度指标值：≥300人；2、培训合格率，年度指标值：≥90%。

Nothing but its number tells the grammar a clause begins at ``2、`` (a value
may hold a numbered list), so the value before it ran on to the next
keyword, which then repeated the clause's own. Where a value keyword repeats
so, and the value before it ends in a clause number above the clause's own
and a name, the ``；`` before that number ends the clause, as ``。`` does."""

from __future__ import annotations

import pytest

from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses, read

# 职业技能培训经费 of a district human-resources bureau, its second indicator
# typed without its categories.
OLDER = "1、数量指标；培训人数；年度指标值：≥300人；2、培训合格率，年度指标值：≥90%。"
CODED = (
    "1、1-产出指标；11-数量指标；培训人数；实施周期指标值：≥300人；年度指标值：≥300人；"
    "2、培训合格率；实施周期指标值：≥90%；年度指标值：≥90%。"
    "3、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
)


def test_a_clause_with_only_a_name_after_a_semicolon_is_a_clause_of_its_own() -> None:
    first, second = clauses(OLDER)
    assert read(first) == (1, "产出指标", "数量指标", "培训人数", None, "≥300人")
    assert read(second) == (2, None, None, "培训合格率", None, "≥90%")
    assert first.text == "1、数量指标；培训人数；年度指标值：≥300人；"
    assert (first.form, second.form) == ("legacy", "legacy")
    assert first.issues == second.issues == ()  # ，is the older form's separator


def test_coded_clauses_around_one_without_categories() -> None:
    result = clauses(CODED)
    assert [read(c) for c in result] == [
        (1, "产出指标", "数量指标", "培训人数", "≥300人", "≥300人"),
        (2, None, None, "培训合格率", "≥90%", "≥90%"),
        (3, "满意度指标", "服务对象满意度", "学员满意度", "≥90%", "≥90%"),
    ]
    assert all(c.issues == () for c in result)


def test_several_clauses_run_on_are_each_read() -> None:
    cell = OLDER.replace("≥90%。", "≥90%；3、结业率，年度指标值：≥85%。")
    result = clauses(cell)
    assert [(c.number, c.name, c.annual and c.annual.text) for c in result] == [
        (1, "培训人数", "≥300人"),
        (2, "培训合格率", "≥90%"),
        (3, "结业率", "≥85%"),
    ]
    assert all(c.issues == () for c in result)


@pytest.mark.parametrize(
    ("cell", "values"),
    [
        # a numbered item in a value, before the other keyword: nothing repeats
        (
            "1、1-产出指标；11-数量指标；培训内容；实施周期指标值：完成职业技能培训；2、创业培训；"
            "年度指标值：完成职业技能培训。",
            ["完成职业技能培训；2、创业培训", "完成职业技能培训"],
        ),
        # the number is not above the clause's own
        (
            "2、1-产出指标；11-数量指标；培训人数；年度指标值：≥300人；1、培训合格率；年度指标值：≥90%。",
            ["≥300人；1、培训合格率", "≥90%"],
        ),
        # a count after the number, no name
        (
            "1、1-产出指标；11-数量指标；培训班次；年度指标值：≥3期；2、3个班，年度指标值：≥4期。",
            ["≥3期；2、3个班", "≥4期"],
        ),
        # the keyword pasted again without any number (seeds/002, line 143)
        (
            "1、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；年度指标值:支持一批留学人员来穗创业创新。；"
            "年度指标值:支持一批留学人员来穗创业创新。",
            ["支持一批留学人员来穗创业创新", "支持一批留学人员来穗创业创新"],
        ),
    ],
    ids=["numbered-item", "number-not-above", "count-not-name", "pasted-twice"],
)
def test_a_repeated_keyword_without_a_named_clause_before_it_stays_a_repeat(
    cell: str, values: list[str]
) -> None:
    (clause,) = clauses(cell)
    assert [f.text for f in clause.fields] == values
    repeats = len(values) - len({f.keyword for f in clause.fields})
    assert [i.kind for i in clause.issues].count("repeated-field") == repeats


def test_the_table_lints_without_a_repeated_field() -> None:
    findings = lint(tsv_table([project_row("职业技能培训经费", OLDER)]))
    rules = {f.rule for f in findings}
    assert "repeated-field" not in rules and "parse-error" not in rules
    # the second indicator is reported for what it lacks, its categories
    assert [(f.rule, f.clause) for f in findings if f.clause is not None] == [("missing-field", 2)]
