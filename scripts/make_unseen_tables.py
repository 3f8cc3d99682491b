"""Write tables in layouts the seeds and examples do not show, each with what
a careful reviewer reads in it.

    python scripts/make_unseen_tables.py --out DIR

The content is made up, in the shapes of tables published by other regions
and years (a county's list, a form with its header over two rows, a sheet
per project, a list parted by unit rows, amounts in 元 stated in the title,
a PDF list over a page break, a web page with a second table of another
kind, a GBK CSV under a title row). ``READINGS`` gives, for each file, the
units, projects, amounts (万元) and indicator values a reviewer reads in it;
``tests/test_unseen_tables.py`` writes the tables and compares the tool's
reading with it. Workbooks, PDFs, web pages and Word files are written with
the writers of ``scripts/make_examples.py``.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from make_examples import write_docx, write_html, write_pdf, write_xlsx  # noqa: E402

Rows = list[list[str]]
Merges = list[tuple[int, int, int, int]]


class Reading(NamedTuple):
    """What a reviewer reads in a table: each unit's name (None where the
    table names none) with its projects, each project's name, 总计 (None
    where the table states none), its sources read (财政拨款, 其他资金) and
    its indicators' names with their values (period, annual)."""

    units: list[tuple[str | None, list[Project]]]


class Project(NamedTuple):
    name: str
    total: Decimal | None
    sources: dict[str, Decimal]
    values: list[tuple[str, str | None, str | None]]


def _cells(rows: Rows) -> list[list[str | None]]:
    return [[value or None for value in row] for row in rows]


# --------------------------------------------------------------------------
# A form with its indicator header over two rows (指标值 over 年度指标值 |
# 实施期指标值, the year's first), 一级/二级 merged down, the goals labelled
# in one row and written below.

FORM_TWO_ROW_HEAD: Rows = [
    ["2026年度项目支出绩效目标表", "", "", "", "", ""],
    ["填报单位（盖章）：某县农业农村局", "", "", "", "金额单位：万元", ""],
    ["项目名称", "高标准农田建设项目", "", "主管部门", "某县农业农村局", ""],
    ["实施单位", "某县农田建设服务中心", "", "项目期限", "2026年-2028年", ""],
    ["项目资金（万元）", "年度资金总额", "1,500.00", "实施期资金总额", "4,500.00", ""],
    ["", "其中：财政拨款", "1,200.00", "其中：财政拨款", "3,600.00", ""],
    ["", "其他资金", "300.00", "其他资金", "900.00", ""],
    ["总体目标", "年度目标", "", "实施期目标", "", ""],
    [
        "",
        "2026年建成高标准农田2万亩，配套灌排设施。",
        "",
        "三年建成高标准农田6万亩，粮食综合生产能力提升。",
        "",
        "",
    ],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", ""],
    ["", "", "", "", "年度指标值", "实施期指标值"],
    ["", "产出指标", "数量指标", "新建高标准农田面积", "≥2万亩", "≥6万亩"],
    ["", "", "", "新建灌排渠道长度", "≥30公里", "≥90公里"],
    ["", "", "质量指标", "工程验收合格率", "100%", "100%"],
    ["", "", "时效指标", "年度任务完成时间", "2026年12月底前", "2028年12月底前"],
    ["", "", "成本指标", "亩均建设成本", "≤3000元/亩", "≤3000元/亩"],
    ["", "效益指标", "经济效益指标", "亩均粮食增产", "≥50公斤", "≥50公斤"],
    ["", "", "可持续影响指标", "工程设计使用年限", "≥15年", "≥15年"],
    ["", "满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%", "≥90%"],
]
FORM_TWO_ROW_HEAD_MERGES: Merges = [
    (0, 0, 0, 5),
    (2, 1, 2, 2),
    (3, 1, 3, 2),
    (4, 4, 4, 5),
    (5, 4, 5, 5),
    (6, 4, 6, 5),
    (4, 0, 6, 0),
    (7, 0, 8, 0),
    (7, 1, 7, 2),
    (7, 3, 7, 5),
    (8, 1, 8, 2),
    (8, 3, 8, 5),
    (9, 0, 18, 0),
    (9, 1, 10, 1),
    (9, 2, 10, 2),
    (9, 3, 10, 3),
    (9, 4, 9, 5),
    (11, 1, 15, 1),
    (11, 2, 12, 2),
    (16, 1, 17, 1),
]
FORM_TWO_ROW_HEAD_READING = Reading(
    [
        (
            "某县农田建设服务中心",
            [
                Project(
                    "高标准农田建设项目",
                    Decimal("1500"),
                    {"fiscal": Decimal("1200"), "other": Decimal("300")},
                    [(row[3], row[5], row[4]) for row in FORM_TWO_ROW_HEAD[11:]],
                )
            ],
        )
    ]
)


# --------------------------------------------------------------------------
# A form per sheet, one project each, with a 指标值说明 column.


def _sheet_form(name: str, unit: str, amounts: tuple[str, str, str], goal: str, rows: Rows) -> Rows:
    total, fiscal, other = amounts
    return [
        ["项目名称", name, "主管部门", "某县教育局", ""],
        ["实施单位", unit, "项目属性", "经常性项目", ""],
        ["资金总额（万元）", total, "财政拨款", fiscal, ""],
        ["", "", "其他资金", other, ""],
        ["年度目标", goal, "", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "指标值说明"],
        *rows,
    ]


SHEETS: list[tuple[str, Rows]] = [
    (
        "营养改善",
        _sheet_form(
            "义务教育学生营养改善计划",
            "某县教育局",
            ("860.00", "800.00", "60.00"),
            "为全县农村义务教育学生提供营养膳食补助，惠及学生1.2万人。",
            [
                ["产出指标", "数量指标", "受益学生人数", "≥12000人", "按在校生数"],
                ["", "质量指标", "食品安全事故发生次数", "0次", "零事故"],
                ["效益指标", "社会效益指标", "学生营养健康水平", "有所提高", ""],
                ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%", "问卷调查"],
            ],
        ),
    ),
    (
        "教师培训",
        _sheet_form(
            "教师培训经费",
            "某县教师发展中心",
            ("45.00", "45.00", ""),
            "开展中小学教师全员培训，提升教师专业能力。",
            [
                ["产出指标", "数量指标", "培训教师人次", "≥1500人次", ""],
                ["", "质量指标", "培训合格率", "≥98%", ""],
                ["效益指标", "可持续影响指标", "教师专业能力", "持续提升", ""],
            ],
        ),
    ),
]
SHEETS_READING = Reading(
    [
        (
            "某县教育局",
            [
                Project(
                    "义务教育学生营养改善计划",
                    Decimal("860"),
                    {"fiscal": Decimal("800"), "other": Decimal("60")},
                    [(row[2], None, row[3]) for row in SHEETS[0][1][6:]],
                )
            ],
        ),
        (
            "某县教师发展中心",
            [
                Project(
                    "教师培训经费",
                    Decimal("45"),
                    {"fiscal": Decimal("45")},
                    [(row[2], None, row[3]) for row in SHEETS[1][1][6:]],
                )
            ],
        ),
    ]
)


# --------------------------------------------------------------------------
# A list parted by unit rows (一、某区城市管理局本级) with no 单位名称 column,
# its amount unit stated in the title's brackets (元).

UNIT_BANDS: Rows = [
    ["某区城市管理局2025年项目支出绩效目标表（单位：元）", "", "", "", "", "", ""],
    ["项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"],
    ["一、某区城市管理局本级", "", "", "", "", "", ""],
    [
        "市容环境整治",
        "3,000,000.00",
        "整治背街小巷50条，市容环境明显改善。",
        "产出指标",
        "数量指标",
        "整治背街小巷数量",
        "≥50条",
    ],
    ["", "", "", "满意度指标", "服务对象满意度指标", "市民满意度", "≥85%"],
    ["二、某区环境卫生管理所", "", "", "", "", "", ""],
    [
        "道路清扫保洁",
        "12,500,000.00",
        "完成城区主次干道清扫保洁，保洁率达98%。",
        "产出指标",
        "数量指标",
        "清扫保洁面积",
        "≥300万平方米",
    ],
    ["", "", "", "产出指标", "质量指标", "道路保洁达标率", "≥98%"],
]
UNIT_BANDS_MERGES: Merges = [
    (0, 0, 0, 6),
    (2, 0, 2, 6),
    (5, 0, 5, 6),
    *[(3, c, 4, c) for c in range(3)],
    *[(6, c, 7, c) for c in range(3)],
]
UNIT_BANDS_READING = Reading(
    [
        (
            "某区城市管理局本级",
            [
                Project(
                    "市容环境整治",
                    Decimal("300"),
                    {},
                    [(r[5], None, r[6]) for r in UNIT_BANDS[3:5]],
                )
            ],
        ),
        (
            "某区环境卫生管理所",
            [
                Project(
                    "道路清扫保洁",
                    Decimal("1250"),
                    {},
                    [(r[5], None, r[6]) for r in UNIT_BANDS[6:8]],
                )
            ],
        ),
    ]
)


# --------------------------------------------------------------------------
# A county's list: 预算资金 over 财政拨款 | 其他资金, no total column.

COUNTY: Rows = [
    ["某县2025年项目支出绩效目标表", "", "", "", "", "", "", ""],
    ["单位：万元", "", "", "", "", "", "", ""],
    ["项目名称", "预算资金", "", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值"],
    ["", "财政拨款", "其他资金", "", "", "", "", ""],
    [
        "农村低保资金",
        "1,320.00",
        "",
        "保障全县农村低保对象基本生活，按时足额发放低保金。",
        "产出指标",
        "数量指标",
        "保障人数",
        "≥3500人",
    ],
    ["", "", "", "", "满意度指标", "服务对象满意度指标", "低保对象满意度", "≥90%"],
    [
        "残疾人两项补贴",
        "260.00",
        "40.00",
        "落实困难残疾人生活补贴和重度残疾人护理补贴，按月足额发放。",
        "产出指标",
        "数量指标",
        "补贴人数",
        "≥2100人",
    ],
    ["", "", "", "", "效益指标", "社会效益指标", "残疾人生活水平", "有所改善"],
]
COUNTY_MERGES: Merges = [
    (0, 0, 0, 7),
    (1, 0, 1, 7),
    (2, 1, 2, 2),
    *[(2, c, 3, c) for c in (0, 3, 4, 5, 6, 7)],
    *[(4, c, 5, c) for c in range(4)],
    *[(6, c, 7, c) for c in range(4)],
]
COUNTY_READING = Reading(
    [
        (
            None,
            [
                Project(
                    "农村低保资金",
                    None,
                    {"fiscal": Decimal("1320")},
                    [(r[6], None, r[7]) for r in COUNTY[4:6]],
                ),
                Project(
                    "残疾人两项补贴",
                    None,
                    {"fiscal": Decimal("260"), "other": Decimal("40")},
                    [(r[6], None, r[7]) for r in COUNTY[6:8]],
                ),
            ],
        )
    ]
)


# --------------------------------------------------------------------------
# A list whose 指标值 heading stands over 指标方向 | 数值 | 单位.

VALUE_PARTS: Rows = [
    ["项目名称", "预算数（万元）", "一级指标", "二级指标", "三级指标", "指标值", "", ""],
    ["", "", "", "", "", "指标方向", "数值", "单位"],
    ["城区绿化养护", "560.00", "产出指标", "数量指标", "养护绿地面积", "≥", "120", "万平方米"],
    ["", "", "产出指标", "质量指标", "苗木成活率", "≥", "95", "%"],
    ["", "", "效益指标", "生态效益指标", "城区绿化覆盖率", "≥", "42", "%"],
    ["", "", "满意度指标", "服务对象满意度指标", "市民满意度", "≥", "90", "%"],
]
VALUE_PARTS_MERGES: Merges = [
    *[(0, c, 1, c) for c in range(5)],
    (0, 5, 0, 7),
    (2, 0, 5, 0),
    (2, 1, 5, 1),
]
VALUE_PARTS_READING = Reading(
    [
        (
            None,
            [
                Project(
                    "城区绿化养护",
                    Decimal("560"),
                    {},
                    [(r[4], None, r[5] + r[6] + r[7]) for r in VALUE_PARTS[2:]],
                )
            ],
        )
    ]
)


# --------------------------------------------------------------------------
# A list printed to a PDF over two pages, its header repeated.

_WATER_PROJECTS = [
    ("城市供水管网改造", "2,350.00"),
    ("农村饮水安全巩固提升", "680.00"),
    ("河湖长制工作经费", "95.60"),
    ("防汛抗旱物资储备", "210.00"),
    ("水土保持监测", "48.30"),
    ("水资源费征收管理", "32.00"),
]
_WATER_INDICATORS = [
    ("产出指标", "数量指标", "完成工程处数", "≥{n}处"),
    ("产出指标", "质量指标", "工程验收合格率", "100%"),
    ("产出指标", "时效指标", "完成及时率", "≥95%"),
    ("产出指标", "成本指标", "成本控制率", "≤100%"),
    ("效益指标", "社会效益指标", "受益人口", "≥{n}万人"),
    ("效益指标", "生态效益指标", "水质达标率", "≥98%"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
]


def _water_list() -> tuple[Rows, Merges]:
    rows: Rows = [
        ["2025年某市水务局项目支出绩效目标表", "", "", "", "", ""],
        ["单位：万元", "", "", "", "", ""],
        ["项目名称", "预算金额（万元）", "一级指标", "二级指标", "三级指标", "指标值"],
    ]
    merges: Merges = []
    for number, (name, amount) in enumerate(_WATER_PROJECTS):
        top = len(rows)
        for index, (level1, level2, indicator, value) in enumerate(_WATER_INDICATORS):
            first = index == 0
            rows.append(
                [
                    name if first else "",
                    amount if first else "",
                    level1,
                    level2,
                    indicator,
                    value.format(n=number * 3 + 5),
                ]
            )
        bottom = top + len(_WATER_INDICATORS) - 1
        merges += [(top, 0, bottom, 0), (top, 1, bottom, 1)]
    return rows, merges


WATER_READING = Reading(
    [
        (
            None,
            [
                Project(
                    name,
                    Decimal(amount.replace(",", "")),
                    {},
                    [
                        (indicator, None, value.format(n=number * 3 + 5))
                        for _, _, indicator, value in _WATER_INDICATORS
                    ],
                )
                for number, (name, amount) in enumerate(_WATER_PROJECTS)
            ],
        )
    ]
)


# --------------------------------------------------------------------------
# A web page with rowspan/colspan and a second table of another kind.

WEB_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>2025年部门预算公开</title></head>
<body>
<h3>某区市场监督管理局2025年项目支出绩效目标表</h3><p>单位：万元</p>
<table border="1">
<tr><th rowspan="2">项目名称</th><th rowspan="2">预算金额</th><th rowspan="2">年度绩效目标</th>
<th colspan="4">绩效指标</th></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td rowspan="3">食品安全抽检经费</td><td rowspan="3">150.00</td>
<td rowspan="3">完成食品安全监督抽检3000批次，及时处置不合格食品。</td>
<td rowspan="2">产出指标</td><td>数量指标</td><td>抽检批次</td><td>≥3000批次</td></tr>
<tr><td>质量指标</td><td>不合格食品核查处置率</td><td>100%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥85%</td></tr>
</table>
<p>附：联系方式</p>
<table border="1"><tr><th>科室</th><th>联系人</th><th>电话</th></tr>
<tr><td>财务科</td><td>张三</td><td>020-12345678</td></tr></table>
</body></html>
"""
WEB_PAGE_READING = Reading(
    [
        (
            None,
            [
                Project(
                    "食品安全抽检经费",
                    Decimal("150"),
                    {},
                    [
                        ("抽检批次", None, "≥3000批次"),
                        ("不合格食品核查处置率", None, "100%"),
                        ("群众满意度", None, "≥85%"),
                    ],
                )
            ],
        )
    ]
)


# --------------------------------------------------------------------------
# A CSV in GBK under a title row, with a 序号 column.

GBK_LIST: Rows = [
    ["某县2024年项目支出绩效目标汇总表", "", "", "", "", "", "", ""],
    ["序号", "项目名称", "预算数（万元）", "一级指标", "二级指标", "三级指标", "指标值", "备注"],
    ["1", "乡村道路养护", "88.00", "产出指标", "数量指标", "养护道路里程", "≥120公里", ""],
    ["", "", "", "产出指标", "质量指标", "道路完好率", "≥90%", ""],
    ["2", "农村环境卫生整治", "36.50", "产出指标", "数量指标", "清运垃圾量", "≥5000吨", ""],
    ["", "", "", "满意度指标", "服务对象满意度指标", "村民满意度", "≥85%", ""],
]
GBK_LIST_READING = Reading(
    [
        (
            None,
            [
                Project(
                    "乡村道路养护", Decimal("88"), {}, [(r[5], None, r[6]) for r in GBK_LIST[2:4]]
                ),
                Project(
                    "农村环境卫生整治",
                    Decimal("36.5"),
                    {},
                    [(r[5], None, r[6]) for r in GBK_LIST[4:6]],
                ),
            ],
        )
    ]
)


# --------------------------------------------------------------------------
# A Guangzhou-layout TSV in 元 with its amounts named short (合计 | 财政专户 | 其他).

_CLAUSES = (
    "1、1-产出指标；11-数量指标；救助人次；实施周期指标值:≥800人次；年度指标值:≥800人次。"
    "2、3-满意度指标；31-服务对象满意度；救助对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
)
YUAN_TSV: Rows = [
    ["2025年项目支出绩效目标表"],
    ["部门名称：某区民政局"],
    ["单位：元"],
    ["项目名称", "合计", "财政拨款", "财政专户", "其他", "绩效目标", "绩效指标"],
    ["合计", "1,500,000.00", "1,200,000.00", "", "300,000.00", "", ""],
    ["某区民政局", "1,500,000.00", "1,200,000.00", "", "300,000.00", "", ""],
    [
        "困难群众临时救助",
        "1,500,000.00",
        "1,200,000.00",
        "",
        "300,000.00",
        "及时救助困难群众，保障基本生活，全年救助800人次以上。",
        _CLAUSES,
    ],
]
YUAN_TSV_READING = Reading(
    [
        (
            "某区民政局",
            [
                Project(
                    "困难群众临时救助",
                    Decimal("150"),
                    {"fiscal": Decimal("120"), "other": Decimal("30")},
                    [("救助人次", "≥800人次", "≥800人次"), ("救助对象满意度", "≥90%", "≥90%")],
                )
            ],
        )
    ]
)


# --------------------------------------------------------------------------


def _csv(rows: Rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _tsv(rows: Rows) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"


def _water_pdf(path: Path) -> None:
    rows, merges = _water_list()
    write_pdf(path, _cells(rows), merges, (20, 10, 10, 12, 18, 12), font_size=9)


TABLES: dict[str, tuple[Callable[[Path], object], Reading]] = {
    "form-two-row-head.xlsx": (
        lambda p: write_xlsx(
            p, [("Sheet1", _cells(FORM_TWO_ROW_HEAD), FORM_TWO_ROW_HEAD_MERGES)], (14,) * 6
        ),
        FORM_TWO_ROW_HEAD_READING,
    ),
    "form-two-row-head.docx": (
        lambda p: write_docx(p, _cells(FORM_TWO_ROW_HEAD), FORM_TWO_ROW_HEAD_MERGES),
        FORM_TWO_ROW_HEAD_READING,
    ),
    "sheet-per-project.xlsx": (
        lambda p: write_xlsx(
            p, [(name, _cells(rows), [(4, 1, 4, 4)]) for name, rows in SHEETS], (16,) * 5
        ),
        SHEETS_READING,
    ),
    "list-unit-bands.xlsx": (
        lambda p: write_xlsx(p, [("Sheet1", _cells(UNIT_BANDS), UNIT_BANDS_MERGES)], (16,) * 7),
        UNIT_BANDS_READING,
    ),
    "list-unit-bands.html": (
        lambda p: write_html(p, _cells(UNIT_BANDS), UNIT_BANDS_MERGES),
        UNIT_BANDS_READING,
    ),
    "county-two-sources.xlsx": (
        lambda p: write_xlsx(p, [("Sheet1", _cells(COUNTY), COUNTY_MERGES)], (16,) * 8),
        COUNTY_READING,
    ),
    "list-value-parts.xlsx": (
        lambda p: write_xlsx(p, [("Sheet1", _cells(VALUE_PARTS), VALUE_PARTS_MERGES)], (16,) * 8),
        VALUE_PARTS_READING,
    ),
    "list-value-parts.csv": (
        lambda p: p.write_text(_csv(VALUE_PARTS), encoding="utf-8"),
        VALUE_PARTS_READING,
    ),
    "list-over-two-pages.pdf": (_water_pdf, WATER_READING),
    "page-with-two-tables.html": (
        lambda p: p.write_text(WEB_PAGE, encoding="utf-8"),
        WEB_PAGE_READING,
    ),
    "list-gbk.csv": (lambda p: p.write_bytes(_csv(GBK_LIST).encode("gbk")), GBK_LIST_READING),
    "guangzhou-yuan-short-heads.tsv": (
        lambda p: p.write_text(_tsv(YUAN_TSV), encoding="utf-8"),
        YUAN_TSV_READING,
    ),
}
"""Each file's writer and what a reviewer reads in it."""


def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (write, _) in TABLES.items():
        path = out / name
        write(path)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the tables in")
    args = parser.parse_args()
    for path in write_all(args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
