"""Write the national-template examples in ``examples/``.

    python scripts/make_national_examples.py

The content is made up, in the shapes of published tables (a form per
project; a list of many projects in 元 with the comparator, number and unit
in separate columns), with a few of the defects reviewers mark in them. Each
table is written as a workbook (merged cells as a department drafts them), the
form also as a PDF, with the writers of ``scripts/make_examples.py``, and as
text (the form as TSV, the list as CSV).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)

# Two forms, one after the other on one sheet. Defects: a satisfaction
# measure filed under 社会效益, a count against a rate, the period goal copied
# as the annual goal (second form), a placeholder, an empty template row.
FORM: list[list[str]] = [
    ["2025年项目支出绩效目标表", "", "", "", ""],
    ["金额单位：万元", "", "", "", ""],
    ["项目名称", "社区公共卫生服务经费", "主管部门", "某区卫生健康局", ""],
    ["实施单位", "某区疾病预防控制中心", "项目期", "2025.01-2027.12", ""],
    ["资金总额", "360.00", "其中：财政拨款", "360.00", ""],
    ["", "", "其他资金", "", ""],
    [
        "实施期目标",
        "三年内完成辖区居民健康档案规范化管理，每年开展健康教育讲座，提高居民健康素养。",
        "年度目标",
        "本年度更新辖区居民健康档案一万份，开展健康讲座十二场，居民健康知识知晓率达到80%。",
        "",
    ],
    ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"],
    ["产出指标", "数量指标", "健康讲座场次", "≥36场", "≥12场"],
    ["", "", "健康档案更新份数", "≥30000份", "≥10000份"],
    ["", "质量指标", "档案规范率", "≥95%", "≥95%"],
    ["", "时效指标", "讲座按计划完成率", "100%", "待补充"],
    ["效益指标", "社会效益指标", "居民健康知识知晓率", "≥85%", "≥80%"],
    ["", "", "居民对讲座的满意度", "≥90%", "≥90%"],
    ["", "经济效益指标", "", "", ""],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "≥2次"],
    ["项目名称", "老年人健康体检", "主管部门", "某区卫生健康局", ""],
    ["实施单位", "某区疾病预防控制中心", "项目期", "2025.01-2025.12", ""],
    ["资金总额", "80.00", "其中：财政拨款", "80.00", ""],
    [
        "实施期目标",
        "为辖区65岁以上老年人提供一次免费健康体检，建立健康档案并跟踪管理。",
        "年度目标",
        "为辖区65岁以上老年人提供一次免费健康体检，建立健康档案并跟踪管理。",
        "",
    ],
    ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"],
    ["产出指标", "数量指标", "体检人数", "≥5000人", "≥5000人"],
    ["", "时效指标", "体检完成时间", "2025年11月底前", "2025年11月底前"],
    ["效益指标", "社会效益指标", "老年人健康管理率", "≥70%", "≥70%"],
    ["满意度指标", "服务对象满意度指标", "体检对象满意度", "≥90%", "≥90%"],
]
FORM_MERGES: list[Merge] = [
    (0, 0, 0, 4),
    (1, 0, 1, 4),
    (4, 0, 5, 0),
    (4, 1, 5, 1),
    (8, 0, 11, 0),
    (8, 1, 9, 1),
    (12, 0, 14, 0),
    (12, 1, 13, 1),
    (21, 0, 22, 0),
]

# A list in 元. Defects: an amount with four decimals, a quantity with no
# unit, a category outside the taxonomy, the same value pasted on several
# effect indicators.
LIST: list[list[str]] = [
    ["2025年部门项目支出绩效目标表"] + [""] * 11,
    ["单位名称：某市交通运输局"] + [""] * 9 + ["金额单位：元", ""],
    [
        "单位名称",
        "项目名称",
        "预算数",
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权重",
        "指标方向",
    ],
    [
        "某市公路事务中心",
        "农村公路养护经费",
        "1,200,000.00",
        "完成全市农村公路日常养护，及时修复病害路段，保障道路安全畅通。",
        "产出指标",
        "数量指标",
        "养护里程",
        "≥",
        "350",
        "公里",
        "20",
        "正向",
    ],
    ["", "", "", "", "", "质量指标", "路面优良率", "≥", "85", "%", "20", "正向"],
    ["", "", "", "", "", "时效指标", "病害修复及时率", "≥", "95", "%", "10", "正向"],
    [
        "",
        "",
        "",
        "",
        "效益指标",
        "社会效益指标",
        "群众出行条件",
        "定性",
        "明显改善",
        "",
        "20",
        "正向",
    ],
    [
        "",
        "",
        "",
        "",
        "满意度指标",
        "服务对象满意度指标",
        "沿线群众满意度",
        "≥",
        "90",
        "%",
        "20",
        "正向",
    ],
    [
        "",
        "道路运输安全检查",
        "300000.0000",
        "开展道路运输企业安全检查，督促企业整改隐患，减少道路运输事故。",
        "产出指标",
        "产出数量指标",
        "检查企业数",
        "≥",
        "120",
        "",
        "30",
        "正向",
    ],
    ["", "", "", "", "效益指标", "社会效益指标", "维护社会稳定", "≥", "95", "%", "20", "正向"],
    ["", "", "", "", "", "经济效益指标", "促进经济发展", "≥", "95", "%", "20", "正向"],
    ["", "", "", "", "", "生态效益指标", "保护生态环境", "≥", "95", "%", "20", "正向"],
    [
        "某市港航事务中心",
        "港口设施维护",
        "450,000.00",
        "完成港口设施年度维护，保障港口安全运行和船舶正常通航。",
        "产出指标",
        "数量指标",
        "维护泊位数",
        "=",
        "8",
        "个",
        "40",
        "正向",
    ],
    ["", "", "", "", "效益指标", "投入指标", "港口吞吐能力利用率", "≥", "95", "%", "30", "正向"],
    [
        "",
        "",
        "",
        "",
        "满意度指标",
        "社会公众或服务对象满意度指标",
        "港航企业满意度",
        "≥",
        "90",
        "%",
        "30",
        "正向",
    ],
]
LIST_MERGES: list[Merge] = [(0, 0, 0, 11), (3, 0, 11, 0), (3, 1, 7, 1), (3, 2, 7, 2), (3, 3, 7, 3)]


def _text_rows(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Rows as text exports give them: a merged range's value in its
    top-left cell only (the others blank, as here)."""
    return [list(row) for row in rows]


def _carrier_rows(rows: Sequence[Sequence[str]]) -> list[list[str | None]]:
    """Rows for the carrier writers: a blank cell is an empty cell."""
    return [[value or None for value in row] for row in rows]


def write_tsv(path: Path, rows: Sequence[Sequence[str]]) -> None:
    path.write_text("\n".join("\t".join(r) for r in _text_rows(rows)) + "\n", encoding="utf-8")


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(_text_rows(rows))


FORM_WIDTHS = (16, 30, 16, 30, 16)
LIST_WIDTHS = (16, 18, 12, 30, 10, 14, 16, 6, 8, 6, 5, 6)


def main() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_examples import write_pdf, write_xlsx

    write_tsv(EXAMPLES / "national-form.tsv", FORM)
    write_csv(EXAMPLES / "national-list.csv", LIST)
    form = _carrier_rows(FORM)
    write_xlsx(EXAMPLES / "national-form.xlsx", [("绩效目标表", form, FORM_MERGES)], FORM_WIDTHS)
    write_xlsx(
        EXAMPLES / "national-list.xlsx",
        [("项目绩效目标", _carrier_rows(LIST), LIST_MERGES)],
        LIST_WIDTHS,
    )
    # The PDF prints the title and 金额单位 above the ruled table.
    write_pdf(EXAMPLES / "national-form.pdf", form, FORM_MERGES, FORM_WIDTHS, font_size=8)
    for name in (
        "national-form.tsv",
        "national-list.csv",
        "national-form.xlsx",
        "national-list.xlsx",
        "national-form.pdf",
    ):
        print(f"wrote examples/{name}")


if __name__ == "__main__":
    main()
