"""Taxonomy: whether each clause's level-1 and level-2 categories are those of
the configured schemes (``rules/taxonomy.yaml``), fit together, and whether
each project has the categories every project needs.

A family in one module: ``unknown-category``, ``category-mismatch`` and
``missing-category`` share one computation, the reading of a clause's
categories against the taxonomy (:func:`level1_of_clause`, the codes a name
stands for; the verdicts on each combination of categories computed once per
document).

Names are compared after the taxonomy's aliases (``经济效益指标`` →
``经济效益``). Clauses of the older form name one category without a code,
sometimes a level-2 one at level 1 (``时效指标：``); it counts for its parent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import Key
from audit.model import Category, Clause, ClauseError, Project, clause_label
from audit.taxonomy import Taxonomy

# --------------------------------------------------------------------------
# Helpers over the taxonomy


_VERDICTS: Key[dict[tuple[Any, ...], Any]] = Key("taxonomy.verdicts")
"""The verdicts of each rule on each combination of categories."""
_LEVEL1_NAMES: Key[dict[tuple[tuple[str | None, str] | None, str | None], set[str]]] = Key(
    "taxonomy.level1-names"
)
"""The level-1 categories each combination of categories stands for."""


def level1_codes(taxonomy: Taxonomy, name: str) -> set[str]:
    """Level-1 codes a category name stands for (empty when unknown)."""
    return taxonomy.level1_names.get(taxonomy.canonical(name), set())


def level2_codes(taxonomy: Taxonomy, name: str) -> set[str]:
    """Level-2 codes a category name stands for (empty when unknown)."""
    return taxonomy.level2_codes(name)


def level1_label(taxonomy: Taxonomy, code: str) -> str:
    return f"{code}-{taxonomy.level1[code]}"


def level2_label(taxonomy: Taxonomy, code: str) -> str:
    return f"{code}-{taxonomy.level2[code].name}"


def _labels(labels: list[str]) -> str:
    return "、".join(labels)


def _level1_choices(taxonomy: Taxonomy) -> str:
    return _labels([level1_label(taxonomy, c) for c in sorted(taxonomy.level1, key=_code_key)])


def _level2_choices(taxonomy: Taxonomy, parents: set[str]) -> str:
    children = [
        level2_label(taxonomy, code)
        for code, child in sorted(taxonomy.level2.items(), key=lambda item: _code_key(item[0]))
        if not parents or child.parent in parents
    ]
    return _labels(children)


def _code_key(code: str) -> tuple[int, str]:
    return (int(code), code) if code.isdigit() else (10**6, code)


def level1_of_clause(taxonomy: Taxonomy, clause: Clause) -> set[str]:
    """The level-1 codes a clause's category stands for: by its code and by
    its name (both, when they disagree); for the older form, a level-2 name
    at level 1 stands for its parent."""
    level1 = clause.level1
    if level1 is None:
        return set()
    codes = set(level1_codes(taxonomy, level1.name))
    if level1.code is not None and level1.code in taxonomy.level1:
        codes.add(level1.code)
    if not codes:
        codes = {taxonomy.level2[c].parent for c in level2_codes(taxonomy, level1.name)}
    return codes


Verdict = tuple[int, str, dict[str, Any]]
"""What a rule finds about a clause's categories: the level (1 or 2), the
message key and its arguments, the same for every clause with the same
categories."""


def _problems(
    ctx: Context,
    clause: Clause,
    rule_id: str,
    judge: Callable[[Taxonomy, Clause], list[Verdict]],
) -> Iterator[Problem]:
    """The problems ``judge`` finds in ``clause``; verdicts are computed once
    per document for each combination of categories (a table repeats a few
    dozen combinations over thousands of clauses)."""
    level1, level2 = clause.level1, clause.level2
    key = (
        rule_id,
        clause.form,
        None if level1 is None else (level1.code, level1.name),
        None if level2 is None else (level2.code, level2.name),
    )
    known = ctx.memo.get(_VERDICTS, dict)
    verdicts = known.get(key)
    if verdicts is None:
        verdicts = known[key] = judge(ctx.taxonomy, clause)
    for level, message, args in verdicts:
        category = level1 if level == 1 else level2
        assert category is not None
        yield Problem(
            category.span,
            message,
            {**args, "number": clause_label(clause)},
            field="clause",
            excerpt=str(category),
        )


# --------------------------------------------------------------------------
# unknown-category


@rule(
    "unknown-category",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "第{number}条指标的{level_zh}「{text}」不在指标分类中（应为{choices}之一）",
            "indicator {number}: {level_en} “{text}” is not in the taxonomy "
            "(expected one of {choices})",
        ),
        "scheme": (
            "第{number}条指标的{level_zh}「{text}」属于未启用的指标分类「{scheme}」"
            "（如适用，在配置的 taxonomy.use 中加入 {scheme}）",
            "indicator {number}: {level_en} “{text}” belongs to the scheme “{scheme}”, "
            "which is not in use (add {scheme} to taxonomy.use if it applies)",
        ),
        "name": (
            "第{number}条指标的{level_zh}名称「{name}」不在指标分类中；代码{code}对应「{expected}」",
            "indicator {number}: {level_en} name “{name}” is not in the taxonomy; "
            "code {code} is “{expected}”",
        ),
        "code": (
            "第{number}条指标的{level_zh}代码「{code}」不在指标分类中；「{name}」的代码应为{expected}",
            "indicator {number}: {level_en} code “{code}” is not in the taxonomy; "
            "“{name}” is {expected}",
        ),
        "code-other-level": (
            "第{number}条指标的{level_zh}代码「{code}」不在指标分类中；"
            "「{name}」在分类中是{other_zh}（{expected}）",
            "indicator {number}: {level_en} code “{code}” is not in the taxonomy; "
            "“{name}” is a {other_en} there ({expected})",
        ),
    },
    doc_zh="""
    一级或二级指标不在所配置的指标体系中。

    检查内容
    --------
    按所用的指标体系（taxonomy.use：2021 年体系，以及含「4-成本指标」的 2025 年体系），并按
    体系中的别名（「经济效益指标」即「经济效益」），查找每条条款的一级指标（「1-产出指标」）和
    二级指标（「11-数量指标」）的编码与名称。名称省略或多写「指标」二字的（「产出数量」即
    「产出数量指标」）、前面带序号的（「一、产出指标」），都是同一类别；二级指标写成只有一个
    二级类别的一级类别名称的（满意度指标下的「满意度」），即指那个二级类别。编码或名称在各体系中都找不到的，报告并说明体系中
    有哪些（一级指标未知时不再判断其下的二级指标）。旧格式中不带编码的类别名可以是一级也可以是
    二级（「时效指标：」）。

    为什么有问题
    ------------
    指标按类别汇总、在部门之间比较；体系外的类别（「5-投入指标」「15-效率指标」）无法归类，
    通常说明模板过时或录入有误。

    示例
    ----
    错误：

        1、1-产出指标；15-效率指标；业务处理及时率；实施周期指标值:100%；年度指标值:100%。

    正确：

        1、1-产出指标；13-时效指标；业务处理及时率；实施周期指标值:100%；年度指标值:100%。

    选项
    ----
    无（指标体系在 taxonomy: 中配置，名称按其 aliases 别名匹配）。
    """,
)
def unknown_category(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A level-1 or level-2 category that is not in the configured taxonomy.

    What it does
    ------------
    Looks up each clause's level-1 category (``1-产出指标``) and level-2
    category (``11-数量指标``), code and name, in the schemes in use
    (``taxonomy.use``: the 2021 scheme and the 2025 scheme with
    ``4-成本指标``), after the taxonomy's aliases (``经济效益指标`` is
    ``经济效益``). A name with ``指标`` left off or added (``产出数量`` is
    ``产出数量指标``) or with an ordinal before it (``一、产出指标``) is the
    same category; a level-2 name that repeats a level-1 category with one
    level-2 category under it (``满意度`` under 满意度指标) means that one.
    Reports a code or a name that is in none of them and
    says what the taxonomy has (a level-2 category under an unknown level-1
    one is not judged). In the older form a category name without a code may
    be a level-1 or a level-2 one (``时效指标：``). A name without a code from
    a shipped scheme that is not in use (``实施效果指标`` of the NDRC scheme
    ``ndrc``) is reported with the scheme to enable.

    Why is this bad?
    ----------------
    Indicators are summed and compared across departments by category; a
    category outside the scheme (``5-投入指标``, ``15-效率指标``) cannot be
    placed, and usually betrays an outdated template or a typing slip.

    Example
    -------
    Bad::

        1、1-产出指标；15-效率指标；业务处理及时率；实施周期指标值:100%；年度指标值:100%。

    Good::

        1、1-产出指标；13-时效指标；业务处理及时率；实施周期指标值:100%；年度指标值:100%。

    Options
    -------
    None (the taxonomy is configured under ``taxonomy:``; names are matched
    after its ``aliases``).
    """
    yield from _problems(ctx, clause, "unknown-category", _unknown_verdicts)


def _unknown_verdicts(taxonomy: Taxonomy, clause: Clause) -> list[Verdict]:
    verdicts: list[Verdict] = []
    level1 = clause.level1
    parents: set[str] = set()
    if level1 is not None:
        if clause.form == "legacy" or level1.code is None:
            if not level1_codes(taxonomy, level1.name) and not level2_codes(taxonomy, level1.name):
                verdicts.append(_unknown(level1, 1, taxonomy, None))
        else:
            verdict = _check_coded(taxonomy, level1, 1)
            if verdict is not None:
                verdicts.append(verdict)
        parents = level1_of_clause(taxonomy, clause)
        if not parents:
            return verdicts  # the level-2 category cannot be judged under an unknown one
    level2 = clause.level2
    if level2 is not None:
        if level2.code is None:
            if not level2_codes(taxonomy, level2.name):
                verdicts.append(_unknown(level2, 2, taxonomy, parents))
        else:
            verdict = _check_coded(taxonomy, level2, 2, parents)
            if verdict is not None:
                verdicts.append(verdict)
    return verdicts


_LEVEL_NAMES = {1: ("一级指标", "level-1 category"), 2: ("二级指标", "level-2 category")}


def _unknown(
    category: Category, level: int, taxonomy: Taxonomy, parents: set[str] | None
) -> Verdict:
    choices = _level1_choices(taxonomy) if parents is None else _level2_choices(taxonomy, parents)
    level_zh, level_en = _LEVEL_NAMES[level]
    args = {"level_zh": level_zh, "level_en": level_en, "text": str(category), "choices": choices}
    scheme = None if category.code else taxonomy.unused.get(taxonomy.canonical(category.name))
    if scheme is not None:
        return level, "scheme", {**args, "scheme": scheme}
    return level, "default", args


def _check_coded(
    taxonomy: Taxonomy, category: Category, level: int, parents: set[str] | None = None
) -> Verdict | None:
    """An unknown code or name of a coded category, or None.

    A name known at the other level (``1-数量指标``) is not unknown: the code
    and the name disagree, which ``category-mismatch`` reports.
    """
    code = category.code or ""
    if level == 1:
        code_known = code in taxonomy.level1
        by_name = level1_codes(taxonomy, category.name)
        other_level = level2_codes(taxonomy, category.name)
    else:
        code_known = code in taxonomy.level2
        by_name = level2_codes(taxonomy, category.name)
        other_level = level1_codes(taxonomy, category.name)
    name_known = bool(by_name) or bool(other_level)
    if code_known and name_known:
        return None
    if not code_known and not name_known:
        return _unknown(category, level, taxonomy, None if level == 1 else parents)
    level_zh, level_en = _LEVEL_NAMES[level]
    args: dict[str, Any] = {
        "level_zh": level_zh,
        "level_en": level_en,
        "code": code,
        "name": category.name,
    }
    if code_known:
        args["expected"] = taxonomy.level1[code] if level == 1 else taxonomy.level2[code].name
        return level, "name", args
    if by_name:
        args["expected"] = "或".join(sorted(by_name, key=_code_key))
        return level, "code", args
    label = level2_label if level == 1 else level1_label
    args["expected"] = _labels([label(taxonomy, c) for c in sorted(other_level, key=_code_key)])
    args["other_zh"], args["other_en"] = _LEVEL_NAMES[3 - level]
    return level, "code-other-level", args


# --------------------------------------------------------------------------
# category-mismatch


@rule(
    "category-mismatch",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "第{number}条指标的二级指标「{level2}」不属于一级指标「{level1}」，应属于「{expected}」",
            "indicator {number}: level-2 category “{level2}” does not belong under "
            "“{level1}” but under “{expected}”",
        ),
        "level1": (
            "第{number}条指标的一级指标「{text}」代码与名称不符：代码{code}是「{by_code}」，"
            "「{name}」的代码是{by_name}",
            "indicator {number}: level-1 category “{text}”: code {code} is “{by_code}”, "
            "“{name}” is {by_name}",
        ),
        "level2": (
            "第{number}条指标的二级指标「{text}」代码与名称不符：代码{code}是「{by_code}」，"
            "「{name}」的代码是{by_name}",
            "indicator {number}: level-2 category “{text}”: code {code} is “{by_code}”, "
            "“{name}” is {by_name}",
        ),
        "level1-is-level2": (
            "第{number}条指标的一级指标「{text}」用了二级指标名称（{by_name}）；代码{code}是「{by_code}」",
            "indicator {number}: level-1 category “{text}” has a level-2 name ({by_name}); "
            "code {code} is “{by_code}”",
        ),
        "level2-is-level1": (
            "第{number}条指标的二级指标「{text}」用了一级指标名称（{by_name}）；代码{code}是「{by_code}」",
            "indicator {number}: level-2 category “{text}” has a level-1 name ({by_name}); "
            "code {code} is “{by_code}”",
        ),
    },
    doc_zh="""
    类别之间或类别与指标体系相互矛盾。

    检查内容
    --------
    报告编码与名称不一致的类别（「1-效益指标」「21-数量指标」，或把二级名称写在一级位置，如
    「1-数量指标」），以及二级指标不属于其一级指标的情况（「1-产出指标；21-经济效益」：21 属于
    2-效益指标），并说明体系要求的写法。不带编码的类别按名称判断：全国模板的逐行指标，以及
    「产出指标-数量指标-…」「产出指标：数量指标：…」这样写在一栏中的指标。未知的编码和名称由
    unknown-category 报告。

    为什么有问题
    ------------
    审核人员无法判断本意是哪个类别；按类别的汇总以及依赖类别的检查（满意度指标应为百分比，数量
    指标应为数量）都会出错。

    示例
    ----
    错误：

        3、1-产出指标；21-经济效益；带动就业人数；实施周期指标值:≥100人；年度指标值:≥100人。

    正确：

        3、2-效益指标；21-经济效益；带动就业人数；实施周期指标值:≥100人；年度指标值:≥100人。

    选项
    ----
    无（指标体系在 taxonomy: 中配置）。
    """,
)
def category_mismatch(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """Categories that contradict each other or the taxonomy.

    What it does
    ------------
    Reports a coded category whose code and name disagree (``1-效益指标``,
    ``21-数量指标``, a level-2 name at level 1 such as ``1-数量指标``), and
    a level-2 category that is not under its level-1 category
    (``1-产出指标；21-经济效益``: 21 belongs under 2-效益指标), saying what
    the taxonomy expects. Categories without codes are judged by name, after
    the aliases: the national template's (one row per indicator:
    ``效益指标 | 数量指标``: 数量指标 belongs under 1-产出指标) and a cell's
    ``产出指标-数量指标-…`` or ``产出指标：数量指标：…``. Unknown codes
    and names are left to ``unknown-category``.

    Why is this bad?
    ----------------
    A reviewer cannot tell which category was meant; totals by category and
    the checks that depend on the category (a 满意度 indicator is a
    percentage, a 数量 indicator a count) go wrong.

    Example
    -------
    Bad::

        3、1-产出指标；21-经济效益；带动就业人数；实施周期指标值:≥100人；年度指标值:≥100人。

    Good::

        3、2-效益指标；21-经济效益；带动就业人数；实施周期指标值:≥100人；年度指标值:≥100人。

    Options
    -------
    None (the taxonomy is configured under ``taxonomy:``).
    """
    if clause.form != "legacy" or clause.level2 is not None:
        yield from _problems(ctx, clause, "category-mismatch", _mismatch_verdicts)


def _mismatch_verdicts(taxonomy: Taxonomy, clause: Clause) -> list[Verdict]:
    level1 = clause.level1
    level1_ok = True
    l1_codes: set[str] = set()
    verdicts: list[Verdict] = []
    if level1 is not None and level1.code is not None:
        verdict = _disagreement(taxonomy, level1, 1)
        if verdict is not None:
            level1_ok = False
            verdicts.append(verdict)
        l1_codes = level1_of_clause(taxonomy, clause)
    level2 = clause.level2
    # Categories written without codes are judged by name: the national
    # template's rows, and a cell's 产出指标-数量指标-… or 产出指标：数量指标：….
    by_name = clause.form == "row" or (
        level1 is not None and level1.code is None and level2 is not None and level2.code is None
    )
    # A level-1 category written without its code before a coded level-2 one
    # (1、效益指标；11-数量指标；…) is judged by its name too.
    coded2 = level2 is not None and level2.code is not None
    if level1 is not None and level1.code is None and (by_name or coded2):
        l1_codes = level1_of_clause(taxonomy, clause)
    if level2 is None or (level2.code is None and not by_name):
        return verdicts
    verdict = None if level2.code is None else _disagreement(taxonomy, level2, 2)
    if verdict is not None:
        verdicts.append(verdict)
        return verdicts
    l2_codes = level2_codes(taxonomy, level2.name) or (
        {level2.code} if level2.code in taxonomy.level2 else set()
    )
    if not l2_codes or not l1_codes or level1 is None or not level1_ok:
        return verdicts  # unknown, or the level-1 category is already contradictory
    parents = {taxonomy.level2[c].parent for c in l2_codes}
    if not parents & l1_codes and not taxonomy.holds(level1.name, level2.name):
        expected = _labels([level1_label(taxonomy, p) for p in sorted(parents, key=_code_key)])
        args = {"level1": str(level1), "level2": str(level2), "expected": expected}
        verdicts.append((2, "default", args))
    return verdicts


def _disagreement(taxonomy: Taxonomy, category: Category, level: int) -> Verdict | None:
    code = category.code or ""
    if level == 1:
        if code not in taxonomy.level1:
            return None
        by_code = taxonomy.level1[code]
        same_level = level1_codes(taxonomy, category.name)
        other_level = level2_codes(taxonomy, category.name)
        other_label = level2_label
    else:
        if code not in taxonomy.level2:
            return None
        by_code = taxonomy.level2[code].name
        same_level = level2_codes(taxonomy, category.name)
        other_level = level1_codes(taxonomy, category.name)
        other_label = level1_label
    if code not in taxonomy.synonym_codes:  # a synonym scheme's codes are never written
        same_level = same_level - taxonomy.synonym_codes
        other_level = other_level - taxonomy.synonym_codes
    args: dict[str, Any] = {
        "text": str(category),
        "code": code,
        "name": category.name,
        "by_code": by_code,
    }
    if same_level:
        if code in same_level:
            return None
        args["by_name"] = "或".join(sorted(same_level, key=_code_key))
        key = f"level{level}"
    elif other_level:
        args["by_name"] = _labels(
            [other_label(taxonomy, c) for c in sorted(other_level, key=_code_key)]
        )
        key = "level1-is-level2" if level == 1 else "level2-is-level1"
    else:
        return None  # an unknown name: unknown-category
    return level, key, args


# --------------------------------------------------------------------------
# missing-category


@rule(
    "missing-category",
    severity="warning",
    scope="project",
    messages={
        "default": (
            "项目没有「{category}」类绩效指标，应至少设置一条",
            "the project has no “{category}” indicator; at least one is required",
        ),
    },
    options={
        "require": Option(
            "list[str]",
            ["产出指标", "效益指标"],
            "level-1 categories every project must have",
        ),
        "require_satisfaction": Option(
            "bool", False, "also require a 满意度指标 (satisfaction) indicator"
        ),
    },
    doc_zh="""
    项目缺少必须设置的一级指标类别。

    检查内容
    --------
    汇总一个项目各条款的一级指标（按编码和名称；旧格式中「时效指标」这样的二级名称计入其上级
    「产出指标」），报告缺少的每个必设类别：默认为「产出指标」和「效益指标」；设置
    require_satisfaction 时还包括「满意度指标」。2025 年体系的「4-成本指标」是单独的类别，不算
    产出指标。没有可读条款的项目由 parse-error 报告；无法解析但写明了必设类别的条款也计入。
    二级指标归错了一级（「1-产出指标；22-社会效益」）的，计入其本来的一级指标：归错由
    category-mismatch 报告一次。

    为什么有问题
    ------------
    绩效目标要说明资金带来什么产出、产出又产生什么效益；只有产出指标的项目无法评价其效果。

    示例
    ----
    错误（没有效益指标）：

        1、1-产出指标；11-数量指标；机构运行辅助人员招聘数量；…。2、1-产出指标；13-时效指标；…

    正确：

        1、1-产出指标；11-数量指标；机构运行辅助人员招聘数量；…。2、2-效益指标；22-社会效益；…

    选项
    ----
    require：每个项目必须具备的一级指标（按名称，默认 产出指标、效益指标）。
    require_satisfaction（默认 false）：同时要求满意度指标。
    """,
)
def missing_category(ctx: Context, project: Project) -> Iterator[Problem]:
    """A project without an indicator of a required level-1 category.

    What it does
    ------------
    Collects the level-1 categories of a project's clauses (by code and by
    name; in the older form a level-2 name such as ``时效指标`` counts for its
    parent ``产出指标``) and reports each required category that is missing:
    by default ``产出指标`` and ``效益指标``; ``满意度指标`` too when
    ``require_satisfaction`` is set. ``4-成本指标`` of the 2025 scheme is a
    category of its own, not an 产出 indicator. Projects with no readable
    clause are left to ``parse-error``; a clause that could not be parsed but
    names a required category counts for it. A level-2 category named like a
    level-1 one counts for it: the NDRC scheme's 实施效果指标 has 产出指标 and
    效益指标 under it (``taxonomy: use: ["2021", "2025", "ndrc"]``). A level-2
    category filed under another level-1 one (``1-产出指标；22-社会效益``) counts
    for its own: ``category-mismatch`` reports the filing, once.

    Why is this bad?
    ----------------
    Performance targets must say what the money produces (产出) and what
    effect that has (效益); a project with output indicators only cannot be
    evaluated for its results.

    Example
    -------
    Bad (no 效益指标)::

        1、1-产出指标；11-数量指标；机构运行辅助人员招聘数量；…。2、1-产出指标；13-时效指标；…

    Good::

        1、1-产出指标；11-数量指标；机构运行辅助人员招聘数量；…。2、2-效益指标；22-社会效益；…

    Options
    -------
    ``require`` (default ``[产出指标, 效益指标]``): the level-1 categories
    every project must have, by name.
    ``require_satisfaction`` (default ``false``): require ``满意度指标`` too.
    """
    parsed = [c for c in project.clauses if isinstance(c, Clause)]
    if not parsed:
        return
    taxonomy = ctx.taxonomy
    required = [taxonomy.canonical(name) for name in ctx.options["require"]]
    if ctx.options["require_satisfaction"]:
        required.append(taxonomy.canonical("满意度指标"))
    present: set[str] = set()
    names = ctx.memo.get(_LEVEL1_NAMES, dict)
    for clause in parsed:
        level1, level2 = clause.level1, clause.level2
        key = (
            None if level1 is None else (level1.code, level1.name),
            None if level2 is None else level2.name,
        )
        found = names.get(key)
        if found is None:
            found = {taxonomy.level1[c] for c in level1_of_clause(taxonomy, clause)}
            if level2 is not None and taxonomy.canonical(level2.name) in taxonomy.level1_names:
                found.add(
                    taxonomy.canonical(level2.name)
                )  # the NDRC scheme: 实施效果指标 → 产出指标
            elif level2 is not None:
                # A level-2 category filed under another level-1 one (22-社会效益
                # under 1-产出指标) is an indicator of its own level-1 category:
                # category-mismatch reports the filing, not also a missing category.
                parents = {taxonomy.level2[c].parent for c in level2_codes(taxonomy, level2.name)}
                if len(parents) == 1:
                    found.add(taxonomy.level1[parents.pop()])
            names[key] = found
        present |= found
    errors = [c.text for c in project.clauses if isinstance(c, ClauseError)]
    for name in dict.fromkeys(required):
        if name in present:
            continue
        if errors and _named_in(taxonomy, name, errors):
            continue
        yield Problem(
            project.name.span(),
            args={"category": name},
            field="indicators",
            excerpt=project.title,
        )


def _named_in(taxonomy: Taxonomy, level1_name: str, texts: list[str]) -> bool:
    """Whether unparsed clause text names the level-1 category or one of its
    level-2 categories (or an alias of either)."""
    codes = taxonomy.level1_names.get(level1_name, set())
    names = {level1_name}
    names.update(child.name for child in taxonomy.level2.values() if child.parent in codes)
    names.update(alias for alias, target in taxonomy.aliases.items() if target in names)
    return any(name in text for text in texts for name in names)
