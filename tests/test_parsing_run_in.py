"""An outline whose line breaks were lost: its headings run into the text
around them, on the line of the clause they head::

    一、产出指标 1、数量指标；培训人数；年度指标值：≥300人。二、满意度指标 2、…

A heading run in after a clause's closing punctuation (``。`` ``；``), or a
numbered one (``二、``, ``（二）``) after any text, before a clause number is
read as the heading it was on its own line, never as part of the value before
it (which then held the next clause's fields as repeats)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Clause
from audit.pipeline import load_path
from audit.readers.pdftables import join_lines
from audit.syntax import is_heading
from scripts.make_examples import write_pdf
from tests.conftest import carrier_table, lint, project_row, tsv_table
from tests.test_parsing_forms import clauses, read

# A district human-resources bureau's 职业技能培训经费, as its cell was typed
# in Word (an outline), then pasted where the line breaks were lost.
LINES = (
    "一、产出指标\n"
    "1、数量指标；培训人数；年度指标值：≥300人。\n"
    "2、质量指标；培训合格率；年度指标值：≥90%。\n"
    "二、满意度指标\n"
    "3、服务对象满意度；学员满意度；年度指标值：≥90%。"
)
READ = [
    (1, "产出指标", "数量指标", "培训人数", None, "≥300人"),
    (2, "产出指标", "质量指标", "培训合格率", None, "≥90%"),
    (3, "满意度指标", "服务对象满意度", "学员满意度", None, "≥90%"),
]
"""What a reviewer reads in LINES: number, 一级, 二级, name, period, annual."""


def _run_in(between_clauses: str = "", before_heading: str = " ", after_heading: str = " ") -> str:
    return (
        f"一、产出指标{after_heading}1、数量指标；培训人数；年度指标值：≥300人。{between_clauses}"
        "2、质量指标；培训合格率；年度指标值：≥90%。"
        f"{before_heading}二、满意度指标{after_heading}"
        "3、服务对象满意度；学员满意度；年度指标值：≥90%。"
    )


def test_the_outline_with_its_line_breaks_is_read_under_its_headings() -> None:
    result = clauses(LINES)
    assert [read(c) for c in result] == READ
    assert [c.section for c in result] == [1, 1, 2]


@pytest.mark.parametrize(
    "cell",
    [
        _run_in(),  # the breaks became spaces
        _run_in(before_heading="", after_heading=""),  # the breaks were dropped
        _run_in(before_heading="　", after_heading="　"),  # full-width spaces
        _run_in(between_clauses=" "),
        _run_in().replace("人。2、", "人；2、").replace("%。 二、", "%；二、"),
        _run_in().replace("%。 二、", "% 二、"),  # no closing punctuation at all
        _run_in().replace("%。 二、", "%，二、"),
        _run_in().replace("一、", "（一）").replace("二、", "（二）"),
        _run_in()
        .replace("产出指标 ", "产出指标（50分） ")
        .replace("满意度指标 ", "满意度指标（10分） "),
        _run_in().replace("一、产出指标 ", "产出指标：").replace("二、满意度指标 ", "满意度指标："),
    ],
    ids=[
        "spaces",
        "nothing",
        "full-width",
        "space-between-clauses",
        "semicolons",
        "no-stop",
        "comma",
        "bracketed-numbers",
        "weights",
        "unnumbered-with-colons",
    ],
)
def test_run_in_headings_read_as_on_their_own_lines(cell: str) -> None:
    result = clauses(cell)
    assert [read(c) for c in result] == READ
    assert [c.section for c in result] == [1, 1, 2]
    assert all(c.issues == () for c in result)


def test_coded_clauses_under_run_in_headings() -> None:
    cell = (
        "（一）产出指标 1、11-数量指标；培训人数；实施周期指标值：≥300人；年度指标值：≥300人。"
        "（二）满意度指标 2、31-服务对象满意度；学员满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
    )
    assert [read(c)[:4] for c in clauses(cell)] == [
        (1, "产出指标", "数量指标", "培训人数"),
        (2, "满意度指标", "服务对象满意度", "学员满意度"),
    ]


@pytest.mark.parametrize(
    ("cell", "annual"),
    [
        # 指标 words in a value, mid-sentence: no heading
        (
            "1、1-产出指标；11-数量指标；培训人数；实施周期指标值：≥300人；"
            "年度指标值：完成年度产出指标。2、3-满意度指标；31-服务对象满意度；学员满意度；"
            "实施周期指标值：≥90%；年度指标值：≥90%。",
            "完成年度产出指标",
        ),
        (
            "1、产出指标：培训人数，年度指标值：完成全年产出指标 2次考核。"
            "2、满意度指标：学员满意度，年度指标值：≥90%。",
            "完成全年产出指标 2次考核",
        ),
        # 二、 inside a sentence, not before a clause
        (
            "1、产出指标：培训人数，年度指标值：一是开展培训；二、满意度指标调查2次。"
            "2、满意度指标：学员满意度，年度指标值：≥90%。",
            "一是开展培训；二、满意度指标调查2次",
        ),
        (
            "1、产出指标：培训人数，年度指标值：一、效益指标 2.5万元以上。"
            "2、满意度指标：学员满意度，年度指标值：≥90%。",
            "一、效益指标 2.5万元以上",
        ),
    ],
    ids=["mid-sentence", "count-after-words", "numbered-words", "decimal-not-a-number"],
)
def test_words_that_only_look_like_a_heading_stay_in_the_value(cell: str, annual: str) -> None:
    first, second = clauses(cell)
    assert first.annual is not None and first.annual.text == annual
    assert second.number == 2 and second.section == 0
    assert first.issues == second.issues == ()


def test_a_run_in_outline_lints_as_the_same_outline_with_its_line_breaks() -> None:
    goal = "一、开展职业技能培训，提高劳动者技能水平；二、促进劳动者就业创业。"
    rows = [
        project_row("职业技能培训经费", _run_in(), goal=goal),
        project_row("职业技能培训补贴", LINES, goal=goal),
    ]
    findings = lint(tsv_table(rows))
    by_project: dict[str, list[tuple[str, str]]] = {}
    for finding in findings:
        by_project.setdefault(finding.project or "", []).append((finding.rule, finding.message))
    assert by_project["职业技能培训经费"] == by_project["职业技能培训补贴"]
    assert not {"repeated-field", "parse-error"} & {f.rule for f in findings}


def test_a_run_in_heading_with_nothing_under_it_is_a_category_left_empty() -> None:
    """A template's heading over no clause, run in before the next heading:
    read as with its line breaks (the value above ends before it)."""
    cell = _run_in().replace("%。 二、", "%。 二、效益指标 三、")
    result = clauses(cell)
    assert [read(c) for c in result] == READ
    assert [c.section for c in result] == [1, 1, 3]
    with_breaks = LINES.replace("二、满意度指标", "二、效益指标\n三、满意度指标")
    assert [c.section for c in clauses(with_breaks)] == [1, 1, 3]


@pytest.mark.parametrize("between", ["\n", " ", ""], ids=["lines", "run-in", "run-in-no-space"])
def test_clauses_under_headings_without_categories_use_the_older_forms_separators(
    between: str,
) -> None:
    """Items under a heading with no category of their own read as the older
    form, whose standard separator ``，`` is: it is no finding there."""
    cell = (
        f"一、产出指标{between}1、培训人数，年度指标值：≥300人；{between}"
        f"2、培训合格率，年度指标值：≥90%。{between}二、满意度指标{between}"
        "3、学员满意度，年度指标值：≥90%。"
    )
    result = clauses(cell)
    assert [(c.number, c.form, c.level1 and c.level1.name) for c in result] == [
        (1, "legacy", "产出指标"),
        (2, "legacy", "产出指标"),
        (3, "legacy", "满意度指标"),
    ]
    assert all(c.issues == () for c in result)


def test_coded_clauses_under_a_heading_keep_the_coded_separators() -> None:
    """Near miss: a coded clause under a heading is still asked for ；."""
    (clause,) = clauses(
        "一、产出指标\n1、11-数量指标，培训人数；实施周期指标值：≥300人；年度指标值：≥300人。"
    )
    assert clause.form == "coded"
    assert [issue.detail for issue in clause.issues] == ["，"]


def test_a_run_in_outline_wrapped_in_a_pdfs_cell_reads_the_same(tmp_path: Path) -> None:
    """A ruled PDF prints the cell wrapped over lines of its narrow column;
    they are joined with nothing between them (a wrapped line is no outline
    heading of its own), and the run-in headings read as in the cell typed."""
    rows = carrier_table(_run_in())
    document = load_path(write_pdf(tmp_path / "table.pdf", rows))
    (project,) = [p for u in document.units for p in u.projects]
    assert project.indicators is not None and "\n" not in project.indicators.value.strip()
    assert [read(c) for c in project.clauses if isinstance(c, Clause)] == READ


@pytest.mark.parametrize(
    "cell",
    [
        LINES.replace("产出指标\n1、", "产出指标 1、").replace("满意度指标\n3、", "满意度指标 3、"),
        # no closing punctuation before the line break
        LINES.replace("产出指标\n1、", "产出指标 1、")
        .replace("满意度指标\n3、", "满意度指标 3、")
        .replace("。\n", "\n"),
        LINES.replace("一、产出指标\n", "（一）产出指标 ")
        .replace("二、满意度指标\n", "  （二）满意度指标 ")
        .replace("。\n", "\n"),
        LINES.replace("一、产出指标\n", "产出指标：")
        .replace("二、满意度指标\n", "满意度指标：")
        .replace("。\n", "\n"),
    ],
    ids=["stops", "no-stops", "bracketed-indented", "unnumbered"],
)
def test_a_heading_at_the_start_of_a_line_before_its_first_clause(cell: str) -> None:
    """Each heading begins its line with the first clause it heads after it
    on that line: read as on a line of its own, never into the value of the
    line above (which then held the next clause's fields as repeats)."""
    result = clauses(cell)
    assert [read(c) for c in result] == READ
    assert [c.section for c in result] == [1, 1, 2]
    assert all(c.issues == () for c in result)


@pytest.mark.parametrize(
    ("cell", "annual"),
    [
        (
            "1、产出指标：培训人数，年度指标值：≥300人\n二、满意度指标调查2次。"
            "2、满意度指标：学员满意度，年度指标值：≥90%。",
            "≥300人\n二、满意度指标调查2次",
        ),
        (
            "1、产出指标：培训人数，年度指标值：完成\n产出指标 2次考核。"
            "2、满意度指标：学员满意度，年度指标值：≥90%。",
            "完成\n产出指标 2次考核",
        ),
        (
            "1、产出指标：培训人数，年度指标值：≥300人\n一、效益指标 2.5万元以上。"
            "2、满意度指标：学员满意度，年度指标值：≥90%。",
            "≥300人\n一、效益指标 2.5万元以上",
        ),
    ],
    ids=["words-after", "count-after", "decimal-after"],
)
def test_a_line_that_only_begins_like_a_heading_stays_in_the_value(cell: str, annual: str) -> None:
    first, second = clauses(cell)
    assert first.annual is not None and first.annual.text == annual
    assert second.number == 2 and second.section == 0


def test_a_pdf_line_beginning_with_a_heading_and_its_clause_is_joined_as_wrapped() -> None:
    """In a ruled PDF's cell a printed line may begin with a heading and its
    clause, wrapped on the next line: that line is no heading alone on its
    line, so the next one continues it (joined with nothing between)."""
    printed = [
        "一、产出指标 1、数量指标；培训人数；年度指标值：≥300人。",
        "二、满意度指标 2、服务对象满意度；学",
        "员满意度；年度指标值：≥90%。",
    ]
    assert not is_heading(printed[1], printed[2])
    assert join_lines("\n".join(printed)) == "".join(printed)
