"""A template row of the national grid left without an indicator."""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.model import Project


@rule(
    "empty-row",
    severity="warning",
    scope="project",
    group="structure",
    messages={
        "default": (
            "第{number}条是模板空行：「{category}」下没有填写指标名称和指标值，应填写指标或删除此行",
            "row {number} is an empty template row: {category} has no indicator name and "
            "no value; fill in an indicator or delete the row",
        ),
    },
    doc_zh="""
    指标表中的模板行没有填写指标（只有一级、二级指标）。

    检查内容
    --------
    全国通用格式（每行一条指标）中，写有二级指标（或一级指标）但三级指标和各指标值都为空的行，
    每行报告一次，位置在该行的类别单元格。合并单元格向下延续的类别、有指标名称但缺指标值的行
    不在此列（后者由 empty-value 报告）。这样的行不再当作一条指标检查。

    为什么有问题
    ------------
    申报表模板预先列出了经济效益、生态效益、可持续影响等类别；单位没有相应指标时应删除该行，
    留下空行说明表格没有填完，或该类别的指标漏填了。

    示例
    ----
    错误：

        效益指标 | 社会效益指标 | 居民健康知识知晓率 | ≥85% | ≥85%
                 | 经济效益指标 |                    |      |

    正确：删除空行，或填写该类别的指标：

        效益指标 | 社会效益指标 | 居民健康知识知晓率 | ≥85% | ≥85%

    选项
    ----
    无。
    """,
)
def empty_row(ctx: Context, project: Project) -> Iterator[Problem]:
    """A template row of the indicator grid left without an indicator.

    What it does
    ------------
    In the national template (one row per indicator), reports each row that
    has a level-2 (or level-1) category but neither a level-3 indicator name
    nor any value, once per row, at the row's category cell. Categories
    carried down by merged cells, and rows with a name but no value (those
    are empty-value's), are not such rows. The row is not checked as an
    indicator.

    Why is this bad?
    ----------------
    The Ministry's template lists 经济效益, 生态效益, 可持续影响 and other
    categories in advance; a unit without such an indicator deletes the row.
    A row left empty shows the table was not finished, or that the
    category's indicator was forgotten.

    Example
    -------
    Bad::

        效益指标 | 社会效益指标 | 居民健康知识知晓率 | ≥85% | ≥85%
                 | 经济效益指标 |                    |      |

    Good: the empty row deleted, or the category's indicator filled in::

        效益指标 | 社会效益指标 | 居民健康知识知晓率 | ≥85% | ≥85%

    Options
    -------
    None.
    """
    for number, cells in enumerate(project.cells, start=1):
        if not cells.is_empty or cells.is_total:
            continue
        level = cells.level2 if cells.level2 is not None else cells.level1
        if level is None or not level.value:
            continue
        yield Problem(
            level.span(),
            args={"number": number, "category": level.value},
            clause=number,
            excerpt=level.value,
        )
