"""Taxonomy rules: unknown-category, category-mismatch, missing-category.

Fixtures are real clauses of 002 (line numbers given), with the category
changed where a rule must fire.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from audit.config import load_config
from audit.model import Clause, Document
from audit.parsing import parse_clause_text
from tests.conftest import SEED_001, SEED_004, config_with, lint, lint_rule, project_row, tsv_table

TAXONOMY_RULES = ("unknown-category", "category-mismatch", "missing-category")

# 002 line 733.
OUTPUT = "1、1-产出指标；11-数量指标；发放安家补助留学人员数；实施周期指标值:不少于2人；年度指标值:不少于2人。"
SATISFACTION = (
    "3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
)
# 002 line 143.
EFFECT = (
    "2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:2个；年度指标值:2个。"
)
# The 2025 scheme (成本 at level 1).
COST = "4、4-成本指标；41-经济成本指标；项目预算控制数；实施周期指标值:≤82.61万元；年度指标值:≤82.61万元。"
# DOMAIN.md, layout 3: the older form.
LEGACY = "1、满意度指标：服务对象的满意度，年度指标值： ≥90%。2、产出指标：设备验收合格率，年度指标值：100%。"
COMPLETE = OUTPUT + EFFECT + SATISFACTION


def one_project(indicators: str, name: str = "留学人员资助经费财政补助项目") -> str:
    return tsv_table([project_row(name, indicators)])


def indicators_column(name: str = "留学人员资助经费财政补助项目") -> int:
    row = project_row(name, "")
    return len("\t".join(row[:6])) + 2


def with_category(clause: str, old: str, new: str) -> str:
    assert old in clause
    return clause.replace(old, new, 1)


# --------------------------------------------------------------------------
# unknown-category


def test_unknown_category_reports_an_unknown_level2_with_its_siblings() -> None:
    cell = with_category(OUTPUT, "11-数量指标", "15-效率指标")
    (finding,) = lint_rule(one_project(cell), "unknown-category")
    assert finding.severity == "error"
    assert finding.excerpt == "15-效率指标"
    assert finding.column == indicators_column() + cell.index("15-效率指标")
    assert "二级指标「15-效率指标」不在指标分类中" in finding.message
    assert "11-数量指标、12-质量指标、13-时效指标、14-成本指标" in finding.message


def test_unknown_category_reports_an_unknown_level1_once() -> None:
    cell = with_category(OUTPUT, "1-产出指标；11-数量指标", "5-投入指标；51-资金投入")
    (finding,) = lint_rule(one_project(cell), "unknown-category")
    assert finding.excerpt == "5-投入指标"
    assert "1-产出指标、2-效益指标、3-满意度指标、4-成本指标" in finding.message


def test_unknown_category_reports_an_unknown_name_under_a_known_code() -> None:
    cell = with_category(OUTPUT, "1-产出指标", "1-投入指标")
    (finding,) = lint_rule(one_project(cell), "unknown-category")
    assert "名称「投入指标」不在指标分类中；代码1对应「产出指标」" in finding.message


def test_unknown_category_reports_an_unknown_code_with_a_known_name() -> None:
    cell = with_category(OUTPUT, "1-产出指标", "6-产出指标")
    (finding,) = lint_rule(one_project(cell), "unknown-category")
    assert "代码「6」不在指标分类中；「产出指标」的代码应为1" in finding.message


def test_unknown_category_accepts_both_schemes_and_aliases() -> None:
    alias = with_category(EFFECT, "22-社会效益", "22-社会效益指标")
    assert lint_rule(one_project(COMPLETE + COST + alias), "unknown-category") == []


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def test_codes_typed_in_full_width_digits_are_the_taxonomy_codes() -> None:
    """A draft typed with a Chinese input method in 全角 mode: ``１-产出指标；１１-数量指标``
    is the same category as ``1-产出指标；11-数量指标``, numbers and values too."""
    full_width = "".join(
        clause.split("；", 2)[0].translate(_FULL_WIDTH)
        + "；"
        + clause.split("；", 2)[1].translate(_FULL_WIDTH)
        + "；"
        + clause.split("；", 2)[2]
        for clause in (OUTPUT, EFFECT, SATISFACTION)
    )
    assert "１、１-产出指标；１１-数量指标" in full_width
    findings = lint(one_project(full_width))
    assert findings == lint(one_project(COMPLETE))
    assert not {f.rule for f in findings} & {*TAXONOMY_RULES, "clause-numbering"}
    clauses = parse_clause_text(full_width)
    assert [(c.number, str(c.level1), str(c.level2)) for c in clauses] == [  # type: ignore[union-attr]
        (1, "1-产出指标", "11-数量指标"),
        (2, "2-效益指标", "22-社会效益"),
        (3, "3-满意度指标", "31-服务对象满意度"),
    ]
    # Near miss: a full-width code the taxonomy does not know is still reported.
    unknown = with_category(full_width, "１-产出指标", "６-产出指标")
    (finding,) = lint_rule(one_project(unknown), "unknown-category")
    assert "代码「6」不在指标分类中；「产出指标」的代码应为1" in finding.message


def test_unknown_category_accepts_legacy_names_of_either_level() -> None:
    cell = LEGACY + "3、时效指标：设备验收及时率，年度指标值：100%。"
    assert lint_rule(one_project(cell), "unknown-category") == []


@pytest.mark.parametrize(
    ("written", "known_as"),
    [
        ("产出数量", "数量指标"),
        ("产出质量", "质量指标"),
        ("产出时效", "时效指标"),
        ("产出成本", "成本指标"),
        ("经济成本", "经济成本指标"),
        ("社会效益指标", "社会效益"),
        ("可持续发展指标", "可持续影响"),
        ("一、产出指标", "产出指标"),
        ("（二）效益指标", "效益指标"),
        ("四、 满意度指标", "满意度指标"),
        ("满意度", "满意度指标"),
        # a cell's line wrapped inside the name (a narrow column, Alt+Enter, <br>)
        ("经济成本\n指标", "经济成本指标"),
        ("数量\r\n指标", "数量指标"),
        ("社会效益\u00a0指标", "社会效益"),
    ],
)
def test_taxonomy_reads_category_names_as_published(written: str, known_as: str) -> None:
    taxonomy = load_config().taxonomy
    assert taxonomy.canonical(written) == known_as


@pytest.mark.parametrize(
    ("written", "level2"),
    [("满意度", "服务对象满意度"), ("满意度指标", "服务对象满意度"), ("产出数量", "数量指标")],
)
def test_a_level1_name_with_one_child_at_level2_is_that_child(written: str, level2: str) -> None:
    taxonomy = load_config().taxonomy
    assert taxonomy.level2_name(written) == level2
    assert taxonomy.level2_codes(written) == taxonomy.level2_names[level2]
    assert taxonomy.kind(written) == taxonomy.kinds[level2]


@pytest.mark.parametrize("written", ["产出效率", "效率", "投入指标", "一、投入指标", "群众满意度"])
def test_taxonomy_near_misses_stay_unknown(written: str) -> None:
    taxonomy = load_config().taxonomy
    assert not taxonomy.level2_codes(written)
    assert taxonomy.canonical(written) not in taxonomy.level1_names


def test_only_a_level1_category_with_one_child_stands_for_it_at_level2() -> None:
    taxonomy = load_config().taxonomy
    assert taxonomy.only_child == {"满意度指标": "服务对象满意度"}
    # 一级 and 二级 both 成本指标: 14-成本指标 of the 2021 scheme, not one of 41-43
    assert taxonomy.level2_codes("成本指标") == {"14"}


def test_unknown_category_reports_an_unknown_legacy_name() -> None:
    cell = LEGACY + "3、考核指标：设备验收及时率，年度指标值：100%。"
    (finding,) = lint_rule(one_project(cell), "unknown-category")
    assert finding.excerpt == "考核指标"


def test_unknown_category_follows_the_schemes_in_use(tmp_path: Path) -> None:
    config = config_with(tmp_path, 'taxonomy:\n  use: ["2021"]\n')
    level1, level2 = lint_rule(one_project(COMPLETE + COST), "unknown-category", config)
    assert level1.excerpt == "4-成本指标"
    assert (
        "代码「4」不在指标分类中；「成本指标」在分类中是二级指标（14-成本指标）" in level1.message
    )
    assert level2.excerpt == "41-经济成本指标"
    assert "11-数量指标、12-质量指标、13-时效指标、14-成本指标之一" in level2.message


# --------------------------------------------------------------------------
# category-mismatch


def test_category_mismatch_reports_level2_under_the_wrong_level1() -> None:
    cell = with_category(EFFECT, "2-效益指标", "1-产出指标")
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert finding.severity == "error"
    assert finding.excerpt == "22-社会效益"
    assert finding.column == indicators_column() + cell.index("22-社会效益")
    assert "不属于一级指标「1-产出指标」，应属于「2-效益指标」" in finding.message


def test_category_mismatch_reports_a_level1_code_and_name_that_disagree() -> None:
    cell = with_category(EFFECT, "2-效益指标", "1-效益指标")
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert finding.excerpt == "1-效益指标"
    assert "代码1是「产出指标」，「效益指标」的代码是2" in finding.message


def test_category_mismatch_reports_a_level2_code_and_name_that_disagree() -> None:
    cell = with_category(EFFECT, "22-社会效益", "21-数量指标")
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert finding.excerpt == "21-数量指标"
    assert "代码21是「经济效益」，「数量指标」的代码是11" in finding.message


def test_category_mismatch_reports_a_level2_name_at_level1() -> None:
    cell = with_category(OUTPUT, "1-产出指标", "1-数量指标")
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert "用了二级指标名称（11-数量指标）" in finding.message


def test_category_mismatch_reports_a_2025_cost_category_under_output() -> None:
    cell = with_category(COST, "4-成本指标", "1-产出指标")
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert "应属于「4-成本指标」" in finding.message


def test_category_mismatch_in_english() -> None:
    config = load_config(None, discover=False)
    config.lang = "en"
    cell = with_category(EFFECT, "2-效益指标", "1-产出指标")
    (finding,) = lint_rule(one_project(cell), "category-mismatch", config)
    assert "does not belong under “1-产出指标” but under “2-效益指标”" in finding.message


def test_category_mismatch_accepts_consistent_categories() -> None:
    old_cost = with_category(COST, "4-成本指标；41-经济成本指标", "1-产出指标；14-成本指标")
    assert lint_rule(one_project(COMPLETE + COST + old_cost), "category-mismatch") == []
    assert lint_rule(one_project(LEGACY), "category-mismatch") == []


# --------------------------------------------------------------------------
# missing-category


def test_missing_category_reports_a_project_without_effect_indicators() -> None:
    (finding,) = lint_rule(one_project(OUTPUT + SATISFACTION), "missing-category")
    assert finding.severity == "warning"
    assert finding.project == "留学人员资助经费财政补助项目"
    assert finding.excerpt == "留学人员资助经费财政补助项目"
    assert "没有「效益指标」类绩效指标" in finding.message


def test_missing_category_reports_each_missing_category() -> None:
    findings = lint_rule(one_project(SATISFACTION), "missing-category")
    assert ["产出指标" in f.message for f in findings] == [True, False]
    assert "效益指标" in findings[1].message


def test_missing_category_does_not_count_cost_as_output() -> None:
    (finding,) = lint_rule(one_project(COST + EFFECT), "missing-category")
    assert "产出指标" in finding.message


def test_missing_category_maps_legacy_level2_names_to_their_parent() -> None:
    cell = (
        "1、时效指标：设备验收及时率，年度指标值：100%。"
        "2、社会效益指标：服务对象获得感，年度指标值：提高。"
    )
    assert lint_rule(one_project(cell), "missing-category") == []
    (finding,) = lint_rule(one_project(LEGACY), "missing-category")
    assert "效益指标" in finding.message


def test_an_effect_filed_under_output_is_one_finding_not_also_a_missing_category() -> None:
    """The project has its effect indicator, filed under the wrong level-1
    category: ``category-mismatch`` says so, ``missing-category`` does not add
    that the effect is missing."""
    misfiled = EFFECT.replace("2-效益指标；22-社会效益", "1-产出指标；22-社会效益")
    text = one_project(OUTPUT + misfiled + SATISFACTION)
    assert [f.rule for f in lint(text, ["category-mismatch", "missing-category"])] == [
        "category-mismatch"
    ]
    # Near miss: without it the effect is missing, and said so.
    (finding,) = lint_rule(one_project(OUTPUT + SATISFACTION), "missing-category")
    assert "效益指标" in finding.message


def test_missing_category_satisfaction_is_optional(tmp_path: Path) -> None:
    cell = OUTPUT + EFFECT
    assert lint_rule(one_project(cell), "missing-category") == []
    config = config_with(tmp_path, "rules:\n  missing-category:\n    require_satisfaction: true\n")
    (finding,) = lint_rule(one_project(cell), "missing-category", config)
    assert "满意度指标" in finding.message


def test_missing_category_require_is_configurable(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  missing-category:\n    require: [产出, 成本指标]\n")
    (finding,) = lint_rule(one_project(COMPLETE), "missing-category", config)
    assert "成本指标" in finding.message


def test_missing_category_skips_projects_without_parsed_clauses() -> None:
    outline = (
        "1.产出数量：1.1故障工单关闭率=实际完成处理的故障工单数/故障工单总数*100%,目标值100%。"
    )
    assert lint_rule(one_project(outline), "missing-category") == []


def test_missing_category_counts_a_category_named_in_an_unparsed_clause() -> None:
    cell = "说明：2-效益指标见附件。" + OUTPUT
    assert lint_rule(one_project(cell), "missing-category") == []


# --------------------------------------------------------------------------
# The seeds


def counts(document: Document | Path) -> Counter[str]:
    return Counter(f.rule for f in lint(document, TAXONOMY_RULES))


def test_seed_002_findings_per_rule(seed_002: Document) -> None:
    assert counts(seed_002) == {"missing-category": 9}


def test_seed_001_and_004_have_no_taxonomy_findings() -> None:
    assert counts(SEED_001) == {}
    assert counts(SEED_004) == {}


@pytest.mark.parametrize(
    ("line", "project"),
    [
        (141, "工作经费"),
        (153, "局本级“三支一扶”高校毕业生财政补助"),
        (154, "局本级房屋维护维修经费"),
        (182, "市场中心市就业补助资金"),
        (274, "机构运行辅助经费"),
        (311, "心理宣教馆智慧化布展服务项目"),
        (733, "留学人员资助经费财政补助项目"),
        (758, "机构运行辅助经费"),
        (767, "人事培训业务经费"),
    ],
)
def test_seed_002_projects_without_effect_indicators(
    seed_002: Document, line: int, project: str
) -> None:
    findings = {f.line: f for f in lint(seed_002, ["missing-category"])}
    assert findings[line].project == project
    assert "效益指标" in findings[line].message


# A county's cell of categories then names fused with their values (no codes,
# no keywords): its categories are judged by name, as the national template's.
FUSED = "产出指标：数量指标：培训人数≥1000人；质量指标：培训合格率≥95%。效益指标：社会效益指标：培训后就业率≥60%。"


def test_category_mismatch_judges_categories_without_codes_by_name() -> None:
    cell = FUSED.replace(
        "效益指标：社会效益指标：培训后就业率≥60%", "效益指标：数量指标：就业人数≥60人"
    )
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert (
        finding.message
        == "第3条指标的二级指标「数量指标」不属于一级指标「效益指标」，应属于「1-产出指标」"
    )


def test_categories_without_codes_that_agree_are_no_mismatch() -> None:
    assert lint_rule(one_project(FUSED), "category-mismatch") == []
    # The older form's single category has nothing to agree with.
    assert lint_rule(one_project(LEGACY), "category-mismatch") == []


# A level-1 category typed without its code before a coded level-2 one: the
# level-2 category is read as such, not into the indicator's name.
@pytest.mark.parametrize("level1", ["产出指表", "产出目标", "投入指标"])
def test_unknown_category_reports_a_misspelt_level1_without_its_code(level1: str) -> None:
    cell = with_category(OUTPUT, "1-产出指标；", f"{level1}；")
    (finding,) = lint_rule(one_project(cell), "unknown-category")
    assert finding.severity == "error"
    assert finding.excerpt == level1
    assert f"一级指标「{level1}」不在指标分类中" in finding.message
    assert lint_rule(one_project(cell), "missing-field") == []


def test_category_mismatch_judges_a_level1_without_its_code_by_name() -> None:
    cell = with_category(OUTPUT, "1-产出指标；", "效益指标；")
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert (
        finding.message
        == "第1条指标的二级指标「11-数量指标」不属于一级指标「效益指标」，应属于「1-产出指标」"
    )


@pytest.mark.parametrize("separator", ["；", "，", "："])
def test_a_level1_without_its_code_that_agrees_is_read_whole(separator: str) -> None:
    cell = with_category(OUTPUT, "1-产出指标；", f"产出指标{separator}")
    findings = lint(one_project(cell + EFFECT + SATISFACTION))
    assert [f.rule for f in findings if f.rule in (*TAXONOMY_RULES, "missing-field")] == []
    (clause,) = parse_clause_text(cell)
    assert isinstance(clause, Clause)
    assert clause.level1 is not None and clause.level2 is not None
    assert (clause.level1.code, clause.level1.name) == (None, "产出指标")
    assert (clause.level2.code, clause.level2.name) == ("11", "数量指标")
    assert clause.name == "发放安家补助留学人员数"


# Older Guangdong (Dongguan) tables' 效果指标 held the effects and the
# satisfaction of those served, which had no level-1 category of its own.
OLDER_EFFECTS = (
    "预期产出指标：数量指标：培训人数≥1000人；质量指标：培训合格率≥95%。"
    "效果指标：社会效益指标：培训后就业率≥60%；{level2}：学员满意度≥90%。"
)


@pytest.mark.parametrize("level2", ["服务对象满意度指标", "社会公众或服务对象满意度指标"])
def test_satisfaction_under_an_older_schemes_effects_is_no_mismatch(level2: str) -> None:
    cell = OLDER_EFFECTS.format(level2=level2)
    assert lint_rule(one_project(cell), "category-mismatch") == []


def test_satisfaction_under_the_current_effects_is_a_mismatch() -> None:
    cell = OLDER_EFFECTS.format(level2="服务对象满意度指标").replace("效果指标", "效益指标")
    (finding,) = lint_rule(one_project(cell), "category-mismatch")
    assert "不属于一级指标「效益指标」，应属于「3-满意度指标」" in finding.message


@pytest.mark.parametrize("level1", ["效果指标", "预期效果指标"])
def test_satisfaction_named_under_an_older_schemes_effects_alone_is_filed_right(
    level1: str,
) -> None:
    # the older layout writes the level-1 category only: 效果指标 held satisfaction
    cell = f"1、{level1}：学员满意度，年度指标值：≥90%。"
    assert lint_rule(one_project(cell), "category-keyword-mismatch") == []


def test_satisfaction_named_under_the_current_effects_alone_is_misfiled() -> None:
    cell = "1、效益指标：学员满意度，年度指标值：≥90%。"
    (finding,) = lint_rule(one_project(cell), "category-keyword-mismatch")
    assert "是满意度，不是效益" in finding.message
