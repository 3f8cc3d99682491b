"""The ``not-quantified`` rule, of the ``content`` group: a target with
nothing measurable where the category needs a figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    BY_PERIOD,
    CALENDAR_DEADLINES,
    LEVEL1_KINDS,
    NOTHING_HAPPENED,
    PASS_FAIL_RESULTS,
    SAME_DAY_DEADLINES,
    UNIT_CELL,
    LazyPattern,
    field_name,
    is_burden,
    row_cells,
    where,
)
from audit.model import Clause, Severity

SEVERITIES: dict[str, str] = {
    "quantity": "warning",
    "quality": "warning",
    "timeliness": "warning",
    "cost": "warning",
    "satisfaction": "warning",
    "output": "warning",
    "effect": "off",
}


MEASURABLE: list[str] = [
    # a number in Chinese numerals with a unit: 三级, 每周一次, 一周以内, 九成以上 (not any
    # measure word: 全市七个区…按比例分摊 is prose that mentions a number)
    r"[零〇一二两三四五六七八九十百千半]+\s*(?:次|级|星|个?工作日|天|日|周|个?月|年|小时|分钟|倍|成)",
    # a class on a national standard's scale: 地表水Ⅲ类 (GB 3838), Ⅱ类及以上, 二类坝以上
    # (大坝安全鉴定), AAAA级 (A级旅游景区, GB/T 17775), 甲级 资质, 三级甲等 (三级 above)
    # a class word after a Roman numeral or an ordinal, anywhere in the value: Ⅰ级苗
    # (GB 6000 主要造林树种苗木质量分级), Ⅱ等, 第一档; 三等以上, 一等品 (GB 1351 小麦 and
    # GB 1350 稻谷 grade grain 一至五等; GB/T 12707 grades products 优等品、一等品、合格品)
    r"(?:^|[^A-Za-z])(?:[ⅠⅡⅢⅣⅤⅥ]|III|II|IV|VI|V|I)\s*[类级等档星]",
    r"第[一二三四五六七八九十\d]+\s*[等级类档星]",
    r"[一二三四五六七八九十特]\s*等(?:品|奖|粮|以上|及以上|$)",
    r"[一二三四五六七八九十]\s*档(?:以上|及以上|$)",
    # a grade a national standard names: 宜存 (GB/T 20569, 20570, 20571 judge stored rice,
    # maize and wheat 宜存、轻度不宜存、重度不宜存), 优等品 (GB/T 12707)
    r"宜存|优等品",
    r"[一二三四五]类(?:坝|水|标准|以上|及以上|$)",
    r"(?:^|[^A-Za-z])A{1,5}\s*级",
    r"[甲乙丙]级",
    # a percentage in words: 百分之九十以上
    r"百分之[零〇一二两三四五六七八九十百]+",
    # nothing happened: 零故障, 无重大网络安全事件, 未发生重大安全事故, 不产生负面社会影响
    NOTHING_HAPPENED,
    # a frequency by its period: 按月提供, 按学期拨付 (每月, 每季度 are frequency targets
    # of the value)
    BY_PERIOD,
    # a comparison with a stated reference: 采购价格≤预算价格, 不低于上年
    r"[≤≥<>＜＞≦≧]|^(?:不低于|不高于|不少于|不超过|高于|低于|优于)",
    # a cap at the budget, the table's own amount: 控制在预算内, 在批复预算范围内,
    # 未突破预算 (as 不超过批复预算; not 控制在合理范围内, which names no amount)
    r"^(?:控制在|控制于|保持在|在)?(?:批复|核定|下达|年度|项目)?的?预算(?:金额|额度|总额|资金)?"
    r"(?:范围)?(?:以|之)?内$",
    r"^(?:不|未|没有)(?:超出|突破|超过|超)(?:批复|核定|下达|年度|项目)?的?预算",
    # a pass or fail result (合格, 通过验收, 合规, 是): a target of quality, timeliness or
    # effect, not of a count, an amount or a satisfaction level
    *PASS_FAIL_RESULTS,
    # around the clock
    r"^全(?:天|天候|日|年)$",
    # the same day, a deadline as concrete as 24小时内: 当日, 当天清运, 即来即办, 日产日清
    *SAME_DAY_DEADLINES,
    # a deadline the calendar of a sector sets: 秋季开学前, 汛期前, 春耕前, 每季度首月
    *CALENDAR_DEADLINES,
]


_EXAMPLES: dict[str, str] = {
    "quantity": "≥300人",
    "quality": "≥95%",
    "cost": "≤50万元",
    "satisfaction": "≥90%",
    "output": "≥300人",
    "effect": "≥90%",
}


_BURDEN_EXAMPLES: dict[str, str] = {"社会成本指标": "≤3次", "生态环境成本指标": "≤55分贝"}
"""Examples for a cost that is no money (:func:`~audit.facts.is_burden`): a
social or environmental cost is stated in its own units, not in 万元."""


_KIND_WORDS: dict[str, tuple[str, str]] = {
    "quantity": ("数量指标", "a quantity indicator"),
    "quality": ("质量指标", "a quality indicator"),
    "timeliness": ("时效指标", "a timeliness indicator"),
    "cost": ("成本指标", "a cost indicator"),
    "satisfaction": ("满意度指标", "a satisfaction indicator"),
    "output": ("产出指标", "an output indicator"),
    "effect": ("效益指标", "an effect indicator"),
}


_FORMULA_END = LazyPattern(r"[*×＊xX]\s*100\s*[%％]")


def formula_has_target(text: str) -> bool:
    """Whether a formula value also states a target after the formula
    (``（合同审核参与数÷合同数）×100%=90%``, ``…*100%达到95%以上``)."""
    ends = list(_FORMULA_END.finditer(text))
    rest = text[ends[-1].end() :] if ends else text.rpartition("=")[2]
    return any(ch.isdigit() for ch in rest)


@rule(
    "not-quantified",
    group="content",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "{category_zh}的{keyword}「{text}」不是可衡量的目标：应写明具体数值（如 {example}）",
            "the {field} “{text}” of {category_en} is not measurable: "
            "state a figure (e.g. {example})",
        ),
        "formula": (
            "{keyword}「{text}」是计算公式，不是目标值：应写明目标（如 ≥90%）",
            "the {field} “{text}” is a formula, not a target: state the target (e.g. ≥90%)",
        ),
        "declared": (
            "{keyword}「{text}」没有数值，本行的{declared_zh}：应写明具体数值",
            "the {field} “{text}” gives no figure, though its row {declared_en}: state a figure",
        ),
    },
    options={
        "severities": Option(
            "dict",
            SEVERITIES,
            "highest severity per kind of category (quantity, quality, timeliness, cost, "
            "satisfaction, effect; output for a level-1 产出指标 without level 2), or off",
            values=("error", "warning", "info", "off"),
            keys=tuple(SEVERITIES),
        ),
        "level1_kinds": Option(
            "dict",
            LEVEL1_KINDS,
            "kind of a level-1 category, for clauses without a (known) level-2 category",
            values=tuple(SEVERITIES),
        ),
        "measurable": Option(
            "list[regex]",
            MEASURABLE,
            "text that is measurable without digits (三级, Ⅲ类, AAAA级, 每周一次, 百分之九十, "
            "零故障, 无…事故, 验收合格, 当日, 汛期前)",
        ),
    },
    doc_zh="""
    按类别应量化的指标，目标值没有可衡量的内容。

    检查内容
    --------
    按条款的类别（二级指标在指标体系中的性质：数量、质量、时效、成本、满意度、效益；旧格式条款按
    一级指标）报告没有可衡量目标的值，例如数量指标下的「完成当年市下达任务」「有效」「提高」。
    数字（「≥300人」）、时效指标下的日期（「2024年11月30日前」）、值解析出的频次（「每月」
    「每季度开展巡查」「2次/月」）、日期或期间（「2023.07-2024.01」）、时长（「3个工作日内」），以及
    不用数字也能衡量的文字
    （「三级」「每周一次」「零故障」「无重大网络安全事件」「不产生负面社会影响」「采购价格≤预算价格」）都是目标。合格与否的
    结果（「合格」「验收合格」「通过验收」「达标」「一次性验收合格」，以及「是否……」指标的「是」）
    到年底可以判定，与「零事故」一样是目标，换一种说法的同一结果也是：「合规」「合法合规」「合规合法」（审计或检查
    判定是否合规，如合格）、「达标排放」（如达标）、「符合国家验收规范」（如验收合格），但只在数量、成本、
    满意度以外的类别：「项目总成本：合格」「清淤河道长度：合格」「居民满意度：合格」没有衡量任何数量、金额
    或满意程度，仍报告；以本项目预算
    为上限（「控制在预算内」「在批复预算范围内」「未突破预算」）与「不超过批复预算」一样是可核对的
    上限，「控制在合理范围内」不是；国家标准分级中的一级也是目标，可对照标准核查：
    「地表水Ⅲ类」「Ⅱ类及以上」「二类坝以上」「AAAA级」「三级甲等」「一级」「甲级」；罗马数字或序数后的
    等级字（类、级、等、档、星）在值中任何位置都是：「Ⅰ级苗」（GB 6000 苗木分级）「三等以上」
    （GB 1351、GB 1350 粮食一至五等）「一等品」（GB/T 12707 工业产品质量分等）「第二档」；国家标准
    命名的等级也是：「宜存」（GB/T 20569、20570、20571 稻谷、玉米、小麦储存品质判定规则：宜存、
    轻度不宜存、重度不宜存）、「优等品」（GB/T 12707）；
    写明所依据规范的符合性（「符合《档案修裱技术规范》」「符合GB 50015-2019」「V2.0版本上线运行」）
    同样可对照核查，是目标，但只在数量、成本、满意度以外的类别：符合与否不是数量、金额或满意度；
    没有标准的等级（「良好」「优良」）、程度（「基本合格」）和不说哪一类的「达到国家标准」「符合相关规范要求」
    不是。时效指标下的「当日」「当天」「当日完成」以及行业的当日办结用语（「即来即办」「即时办结」「随到随办」
    「日产日清」）是与「24小时内」一样具体的时限，「半年内」与「6个月内」一样是期限；行业日历上的时点（「秋季开学前」
    「汛期前」「春耕前」「采暖季前」「台风季前」「休渔期前」「霜降前」「上半年」「每季度首月」）
    也是，见 deadline-not-concrete；
    「即时」「实时」「尽快」「适时」没有可核对的界限，仍报告。效益指标
    可以定性描述，默认不报告。提示的示例按类别给出；社会成本、生态环境成本指标不以金额计，
    示例是「≤3次」「≤55分贝」，而不是「≤50万元」。

    把计算公式写成指标值（「设备使用率=实际使用设备数量/总设备数量*100%」）的，在任何类别都报告
    （单独的提示语），除非公式后面给出了目标（「…×100%=90%」）。全国模板的行中度量单位写了单位
    （「公斤」「%」）或指标性质为「定量」、指标值却是文字（「进一步提高」）的，在任何类别（包括效益
    指标）都报告：表格自己说明了这是一个数值。占位文字（placeholder）和重复
    名称的值（value-restates-name）不在这里重复报告。

    为什么有问题
    ------------
    相关规定要求数量、质量、时效、成本指标可衡量，满意度用百分比表示：无法衡量的目标到年底无法
    考核。

    示例
    ----
    错误：

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:完成当年市下达任务。

    正确：

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:≥3100人；年度指标值:≥3100人。

    选项
    ----
    severities：按指标性质设定的最高级别（error、warning、info 或 off），
    默认效益指标为 off，其余为 warning；不会高于规则本身配置的级别。
    level1_kinds：没有（已知）二级指标的条款，按一级指标判断的性质。
    measurable：不用数字也可衡量的文字（三级、Ⅲ类、AAAA级、每周一次、百分之九十、零故障、无…事故、
    验收合格、当日、汛期前）。
    """,
)
def not_quantified(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A target with nothing measurable where the category needs a figure.

    What it does
    ------------
    Reads the category of the clause (the taxonomy's kind of its level-2
    category: 数量 quantity, 质量 quality, 时效 timeliness, 成本 cost, 满意度
    satisfaction, 效益 effect; the level-1 category for legacy clauses) and
    reports a value without a measurable target: ``完成当年市下达任务``, ``有效``,
    ``提高`` under 数量指标. Numbers (``≥300人``), dates under 时效
    (``2024年11月30日前``), any target of a measured kind the value parser
    reads — a frequency (``每月``, ``每季度开展巡查``, ``2次/月``), a date or a
    period (``2023.07-2024.01``), a duration (``3个工作日内``) — and text
    that is measurable without digits (``三级``, ``每周一次``, ``零故障``,
    ``无重大网络安全事件``, ``不产生负面社会影响``, ``采购价格≤预算价格``) are
    targets. A pass or fail
    result (``合格``, ``验收合格``, ``通过验收``, ``达标``, ``一次性验收合格``, and
    ``是`` for a 是否 indicator) can be judged at the end of the year, like
    ``零事故``: it is a target, and so is the same result in other words:
    ``合规``, ``合法合规`` and ``合规合法`` (an audit or an inspection finds compliance or
    not, as 合格), ``达标排放`` (as 达标), ``符合国家验收规范`` (as 验收合格);
    but only outside the categories of counts, amounts and satisfaction:
    ``项目总成本：合格``, ``清淤河道长度：合格`` and ``居民满意度：合格`` measure
    no number, amount or level, and are reported. A
    cap at the project's budget (``控制在预算内``, ``在批复预算范围内``,
    ``未突破预算``) can be checked like ``不超过批复预算``;
    ``控制在合理范围内`` names no amount and cannot. So is a class on a national standard's scale,
    checked against that standard: ``地表水Ⅲ类``, ``Ⅱ类及以上``, ``二类坝以上``,
    ``AAAA级``, ``三级甲等``, ``一级``, ``甲级``; a class word (类 级 等 档 星)
    after a Roman numeral or an ordinal anywhere in the value: ``Ⅰ级苗`` (GB 6000
    grades seedlings), ``三等以上`` (GB 1351 and GB 1350 grade grain 一至五等),
    ``一等品`` (GB/T 12707 grades products), ``第二档``; and a grade a national
    standard names: ``宜存`` (GB/T 20569, 20570, 20571 judge stored rice, maize
    and wheat 宜存, 轻度不宜存 or 重度不宜存) and ``优等品`` (GB/T 12707). A grade of no standard
    (``良好``, ``优良``), a degree (``基本合格``) or ``达到国家标准`` without its
    class is not. Conformity to a specification the value names
    (``符合《档案修裱技术规范》``, ``符合GB 50015-2019``, ``V2.0版本上线运行``)
    is checked against it and is measurable, outside 数量, 成本 and 满意度: a
    pass or a fail is no count, amount or satisfaction level;
    ``符合相关规范要求`` is not. Under 时效, ``当日``, ``当天`` and ``当日完成``,
    and a sector's words for the same day (``即来即办``, ``即时办结``, ``随到随办``,
    ``日产日清``), are deadlines as concrete as ``24小时内``, ``半年内`` is a period
    as ``6个月内`` is, and so are the points of a sector's calendar (``秋季开学前``,
    ``汛期前``, ``春耕前``, ``采暖季前``, ``台风季前``, ``休渔期前``, ``霜降前``,
    ``上半年``, ``每季度首月``; see
    ``deadline-not-concrete``); ``即时``, ``实时``, ``尽快`` and ``适时`` set no
    bound anyone can check and are still reported. Effect (效益) indicators
    may be qualitative and are not reported by default. The message
    suggests a figure of the category's kind; a social or environmental
    cost (社会成本指标, 生态环境成本指标) is no money, and its example is
    ``≤3次`` or ``≤55分贝``, not ``≤50万元``.

    A formula given as the value (``设备使用率=实际使用设备数量/总设备数量*100%``)
    is reported in every category, with its own message, unless a target
    follows it (``…×100%=90%``).
    A national template's row whose 度量单位 names a unit (``公斤``, ``%``)
    or whose 指标性质 is 定量, with a value in words (``进一步提高``), is
    reported in every category, effects included: the table itself says the
    value is a figure.

    A placeholder (``placeholder``) or a value that restates the name
    (``value-restates-name``) is not reported again here.

    Why is this bad?
    ----------------
    Guidance asks that 数量/质量/时效/成本 indicators be measurable and that
    满意度 be a percentage: a target that cannot be measured cannot be
    assessed at the end of the year.

    Example
    -------
    Bad::

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:完成当年市下达任务。

    Good::

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:≥3100人；年度指标值:≥3100人。

    Options
    -------
    ``severities`` (mapping): the highest severity per kind (``error``,
    ``warning``, ``info``) or ``off``; default ``warning`` for quantity,
    quality, timeliness, cost, satisfaction and output, ``off`` for effect.
    Kinds given override these defaults, the others keep them. A finding is
    never above the rule's configured severity (``severity: info`` makes
    every finding info; ``severity: error`` with ``quantity: error`` makes
    quantities errors). Formulas are reported with the rule's severity in
    every category.
    ``level1_kinds`` (mapping): kind of a level-1 name, merged likewise;
    default 产出指标 → output, 效益指标 → effect, 满意度指标 →
    satisfaction, 成本指标 → cost.
    ``measurable`` (list of regular expressions): text that counts as
    measurable without digits; default the patterns above.
    """
    facts = ctx.facts
    kind: str | None = None
    severity: Any = None  # both decided for the first value the rule reports
    for value_field, both in ctx.facts.distinct_fields(clause):
        value = value_field.value
        if value.kind not in ("qualitative", "formula"):
            continue
        text = value_field.text
        if facts.value(clause, value_field).owner != "not-quantified":
            continue  # a placeholder or a restated name, or measurable
        name = field_name(value_field)
        args: dict[str, Any] = {**where(value_field, both), "text": text}
        if value.kind == "formula":
            if not formula_has_target(text):
                yield Problem(value_field.span, "formula", args, field=name, excerpt=text)
            continue
        declared = _declared_quantity(ctx, clause)
        if declared is not None:
            # the table itself asks for a figure, in every category
            args.update(declared_zh=declared[0], declared_en=declared[1])
            yield Problem(value_field.span, "declared", args, field=name, excerpt=text)
            continue
        if severity is None:
            configured = ctx.options["level1_kinds"]
            kind = facts.category_kind(
                clause, {**LEVEL1_KINDS, **configured} if configured else LEVEL1_KINDS
            )
            severity = {**SEVERITIES, **ctx.options["severities"]}.get(kind or "", "off")
        if severity not in ("error", "warning", "info"):
            continue
        zh, en = _KIND_WORDS.get(kind or "", ("该指标", "this indicator"))
        example = (
            ctx.deadline_example() if kind == "timeliness" else _EXAMPLES.get(kind or "", "≥90%")
        )
        if kind == "cost" and clause.level2 is not None and is_burden(facts, clause):
            level2 = facts.taxonomy.level2_name(clause.level2.name)
            example = _BURDEN_EXAMPLES.get(level2, _BURDEN_EXAMPLES["社会成本指标"])
        args.update(category_zh=zh, category_en=en, example=example)
        level: Severity = severity  # checked above
        yield Problem(value_field.span, args=args, field=name, excerpt=text, at_most=level)


def _declared_quantity(ctx: Context, clause: Clause) -> tuple[str, str] | None:
    """What in a national template's row says its value is a figure: a
    度量单位 (``公斤``, ``%``) or a 指标性质 of 定量; as the words of the
    message (Chinese, English). None for a clause of a cell, and for a row
    that says neither (a blank or ``/`` unit, 定性)."""
    cells = row_cells(ctx.project, clause)
    if cells is None:
        return None
    measure = cells.extras.get("measure")
    unit = "" if measure is None else "".join(measure.value.split())
    if (
        0 < len(unit) <= UNIT_CELL
        and not unit.startswith(("定性", "定量"))
        and not any(ch.isdigit() for ch in unit)
    ):
        return f"计量单位是「{unit}」", f"is measured in “{unit}”"
    nature = cells.extras.get("nature")
    if nature is not None and "".join(nature.value.split()).startswith("定量"):
        written = nature.strip().value
        return f"指标性质是「{written}」", f"calls it “{written}” (quantitative)"
    return None
