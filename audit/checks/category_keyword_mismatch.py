"""The ``category-keyword-mismatch`` rule, of the ``guidance`` group: an
indicator whose name says it belongs to another level-2 category.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    CALENDAR_DEADLINES,
    COUNTED_FAMILIES,
    LEVEL1_KINDS,
    Key,
    LazyPattern,
    any_of,
    is_burden,
    last_end,
    money_per_unit,
    normalize,
    number_targets,
    unit_family,
)
from audit.model import Clause, Value
from audit.vocabulary import VOCABULARY

_EXPECTED: Key[dict[str, str]] = Key("guidance.expected")


_NAMED_KIND: Key[dict[str, str | None]] = Key("guidance.named-kind")


_KIND_REGEXES: Key[list[tuple[str, re.Pattern[str]]]] = Key("guidance.kind-regexes")


def _category(clause: Clause) -> str:
    """The category as written: the level-2 one, else the level-1 one."""
    category = clause.level2 or clause.level1
    return "" if category is None else str(category)


PEOPLES_STATE: list[str] = [r"体质|体能|身体素质|视力|营养状况"]
"""How well the people a project serves are (学生体质健康测试优良率): the
project's effect on them, like the quality of the air (空气质量达标率), not how
well an output is made. A quality rate of theirs filed under 效益 stays there."""

SURROUNDINGS_STATE: list[str] = [
    r"空气|大气|水质|水源|水体|水环境|地表水|饮用水|断面|土壤|噪声|声环境|扬尘|油烟|废气|废水"
]
"""How good the air, water and soil around are (空气质量优良率, 地表水水质优良率,
国考断面水质优良率): the project's effect on the surroundings, not how well an
output is made. A quality rate of theirs filed under 效益 stays there."""

_LOWERING = "|".join(VOCABULARY.lowering_words)

_CALENDAR = LazyPattern("|".join(f"(?:{p})" for p in CALENDAR_DEADLINES))

CATEGORY_KEYWORDS: dict[str, list[str]] = {
    "satisfaction": list(VOCABULARY.satisfaction_names),
    "timeliness": [
        r"及时(?:率|性)",
        r"(?:完成|竣工|完工|交付\S{0,2}|上线)(?:时间|时限|日期)",
        r"前完成",
        # 按期完成率, 按时足额发放率; not 按期还款率 (the borrowers' repayment)
        r"(?:按时|按期|准时)(?:足额)?(?:完成|发放|到位|拨付|支付|兑付|交付|办结|上报|报送|完工"
        r"|竣工|开工|验收|建成|投用|上线)?率",
        # done the same day: 垃圾日产日清率, 当日办结率, 即办率
        r"(?:日产日清|日清日结|当日办结|即来即办|即办)率",
        r"(?:工期|进度)(?:延迟|延期)率|(?:延迟|延期)率",
        # a time to deliver in: 疫情报告时限, 系统故障响应时间, 补助资金拨付时间
        r"(?:时限|完成期限|办结期限|整改期限)$",
        r"(?:响应|到场|到达|处置|办结|拨付|发放|兑付|兑现|支付|下达|报送|上报)(?:时间|时长|用时)$",
    ],
    "quality": [
        rf"^(?!.*(?:{'|'.join(PEOPLES_STATE + SURROUNDINGS_STATE)})).*(?:{rate})"
        for rate in VOCABULARY.quality_rates
    ],
    "cost": [
        rf"^(?!.*(?:{_LOWERING})).*成本(?:控制|总额|金额|额)?$",
        r"单价$",
        r"(?:人均|单位|平均|每\S{1,3})\S{0,6}?(?:成本|费用|经费)$",
        # what a thing costs: 运维费用, 污水管网单位造价, 单台设备采购价格, 亩均投资;
        # not 带动社会投资 or 农产品价格, effects of the project
        rf"^(?!.*(?:{_LOWERING})).*(?:费用|造价)$",
        r"(?:采购|中标|合同|单台|单套|单个|单位|单座|单件)\S{0,8}?(?:价格|价)$",
        r"(?:亩均|户均|人均|单位|单座|单个|每\S{1,3})\S{0,8}?投资$",
        # money spent, by the head of the name: 专项工作经费, 单场活动经费; any X均 (村均,
        # 户均, 校均, 场均) or 单…/每… before 投入, 补助, 补贴, 奖补, 支出 (not what the project
        # draws in or wins: 带动社会资本投入, 争取上级经费)
        rf"^(?!.*(?:{_LOWERING}|带动|撬动|吸引|拉动|引导|争取|争创))\S*(?:经费|"
        r"(?:[^\W\d_]均|单[^\W\d_]|每\S{1,3})\S{0,8}?(?:投入|补助|补贴|奖补|支出))$",
        r"定额(?:标准)?$",
        # a rate the project pays at: 人均补助标准, 助餐每餐补贴标准, 单台电梯补助标准
        r"(?:补助|补贴|资助|奖补|奖励|救助|补偿|慰问|津贴)(?:资金)?(?:标准|额度)$",
        # a fee the project pays: 保洁服务费, 巡查服务费, 场地租赁费 (经费 above; not
        # 收费, 缴费, what people pay, nor 消费, 免费; nor the act of paying it,
        # 发放安家费 ≥700人次, a count of payments)
        rf"^(?!.*(?:{_LOWERING}|带动|拉动|促进|刺激)|(?:发放|支付|拨付|兑付|减免|收取))"
        r".*(?<![收缴消免付交计学话经])费$",
    ],
}


_KIND_ORDER: tuple[str, ...] = ("satisfaction", "timeliness", "quality", "cost")


_TIME_HEAD = LazyPattern(r"(?:时间|日期|时点)$")
"""A name whose head is a time (月度统计数据发布时间, 竣工验收时间, 结果告知时间)."""
_SERVICE_LEVEL = LazyPattern(r"平均|等候|等待|排队|候诊")
"""A time that is a level of service, not a deadline: an average over many
(门诊患者平均等候时间, 平均通行时间), the time people wait."""
_PASS_RATE = LazyPattern(r"达标率$")
"""A share that met a standard: how well, never how many."""
_OF_SURROUNDINGS = LazyPattern(
    r"空气|环境|大气|水质|水源|水体|水环境|土壤|噪声|声环境|断面|排放|污水|废水|废气|油烟|扬尘|"
    + "|".join(PEOPLES_STATE)
)
"""What a 达标率 may be of that is the project's effect, not its output's
quality: the air, water, soil and noise around it, what is let out into
them, the people's own state (体质)."""
_AMOUNT_MET = LazyPattern(
    r"(?:数量|数|课时|学时|时长|时数|人员|人手|人数|人次|次数|频次|配备|驻场|在岗|到岗|规模|面积|里程)"
    r"的?达标率$"
)
"""A 达标率 of an amount (课程数量达标率, 康复训练课时达标率, 配备人员的达标率,
驻场达标率): the share of a planned quantity reached, a quantity like 完成率."""
_OUTPUT_KINDS = frozenset({"quantity", "quality"})


def _hours(value: Value) -> bool:
    """Whether a value gives times of day only (``6:30-22:30``, ``9:00前``): the
    hours of a service, which a quality or a timeliness indicator may set."""
    return bool(value.targets) and all(t.kind == "time" for t in value.targets)


def _is_deadline(ctx: Context, clause: Clause) -> bool:
    """Whether every value of ``clause`` is a date or a time limit (次月15日前,
    2025年11月底前, 筛查后30个工作日内, ≤3个工作日, 台风季前), not an amount of
    time delivered (培训时间 ≥40学时, 开放时间 ≥56小时)."""
    seen = False
    for value_field in ctx.facts.distinct_values(clause):
        value = value_field.value
        if value.kind == "empty":
            continue
        seen = True
        if (value.kind == "date" and not _hours(value)) or _CALENDAR.search(value_field.text):
            continue
        if (
            value.kind == "quantity"
            and value.targets
            and all(t.kind == "duration" and t.comparator not in (">=", ">") for t in value.targets)
        ):
            continue
        return False
    return seen


_PRECISE_DATE = LazyPattern(r"月|[日号底末初]|季|\d\s*[.\-/－]\s*\d")
"""A date to the month, the quarter or the day (2025年6月, 9月底, 第三季度,
2025.06.30): a year alone (2025年, 2025年度) may name an edition or a plan."""
_WITHIN_A_YEAR = LazyPattern(r"月|[日号底末初]|季|\d{4}\s*[.．/／\-－]\s*\d{1,2}(?!\d)")
"""A period given to the month or the day (2025年3月-10月, 2025.03-2025.10),
not a span of whole years (1949年-1990年, 2025-2027), which names what the
work covers or how long it runs."""
_AFTER_A_DEADLINE = frozenset("前后底止内以之完起开截（(，,。；;、")
"""What may follow a date that is a deadline (``2025年6月30日前``, ``…完成``);
a unit after it (``≥2026-01-03次``: a range 1-3 a spreadsheet made a date)
or 版 (``2025年版``) makes it no deadline."""
_REFERENCE = LazyPattern(r"[《》（(【\[]")
"""Before a date, the title of a document it dates (符合《规范》（2025年版）)."""


def _dated(value: Value) -> bool:
    """Whether a value is a date or a deadline and nothing else: its every
    target a date or a period (``2025年6月30日前``, ``9月底前``,
    ``于2025年9月底前上线``, ``2025.03-2025.10``), the date opening the value.
    Not a span of whole years (``1949年-1990年``: the years an archive covers),
    Not a date that dates something else (``符合《规范》（2025年版）``,
    ``执行2025年版规范``), a year alone with no 前 or 后 (``2025年通过验收``),
    a duration (``≤3个工作日``) or a number beside a date."""
    if value.kind != "date" or len(value.prefix) > 4 or _REFERENCE.search(value.prefix):
        return False
    for target in value.targets:
        if target.kind == "date-range":
            if not _WITHIN_A_YEAR.search(target.text):
                return False  # years only (1949年-1990年): what the work covers, no deadline
            continue
        after = value.text[target.end :].lstrip()
        if target.kind != "date" or (after and after[0] not in _AFTER_A_DEADLINE):
            return False  # 2025年版 dates a standard; ≥2026-01-03次 is a range a sheet made a date
        if target.comparator is None and not _PRECISE_DATE.search(target.text):
            return False
    return True


def _all_dated(ctx: Context, clause: Clause) -> bool:
    """Whether every value of ``clause`` that is filled is a date or a
    deadline (:func:`_dated`)."""
    if not any(f.value.kind == "date" for f in clause.fields):
        return False  # most clauses: no date at all
    values = [f.value for f in ctx.facts.distinct_values(clause) if f.value.kind != "empty"]
    return bool(values) and all(_dated(value) for value in values)


def _dated_output(ctx: Context, clause: Clause) -> Problem:
    """The finding on an output whose every value is a date: a 时效 target."""
    value = next(f for f in ctx.facts.distinct_values(clause) if f.value.kind != "empty")
    args = {
        "name": clause.name,
        "text": value.text,
        "category": _category(clause),
        "expected": _expected(ctx, "timeliness"),
    }
    return Problem(clause.name_span, "date-as-output", args, field="indicator", excerpt=clause.name)


def _head_kind(ctx: Context, clause: Clause, kind: str, name: str) -> str | None:
    """What the head of an output's name says when no keyword does: a time
    that is a deadline is timeliness, a 达标率 filed as a quantity is quality
    (unless it is of the surroundings or of the people, an effect). Under 效益
    the same heads may be effects (群众办事等待时间, 空气质量达标率): left alone."""
    if kind == "effect" and _capped_money_per_unit(ctx, clause):
        return "cost"  # 创新券额度 ≤10万元/家: a cost capped, not an effect raised
    if kind not in _OUTPUT_KINDS:
        return None
    if (
        kind != "timeliness"
        and _TIME_HEAD.search(name)
        and not _SERVICE_LEVEL.search(name)
        and _is_deadline(ctx, clause)
    ):
        return "timeliness"
    if kind != "timeliness" and _all_dated(ctx, clause):
        return "date"  # 主体工程竣工 2025年6月30日前: a deadline, whatever the name
    if _money_per_unit(ctx, clause):
        return "cost"  # ≤600元/株, ≤1.2万元/月: what one unit costs, not how many
    if (
        kind == "quantity"
        and _PASS_RATE.search(name)
        and not _OF_SURROUNDINGS.search(name)
        and not _AMOUNT_MET.search(name)
    ):
        return "quality"
    if kind == "quantity" and _misfiled_rate(ctx, clause, name):
        return "rate"
    return None


PLANNED_SHARES: list[str] = [
    # done, reached or built: 任务完成率, 农村集中供水覆盖率, 示范点建成率, 项目开工率
    r"(?:完成|覆盖|建成|开工)(?:率|比例|比率|占比|面)$",
    # delivered to those it was planned for: 设备到位率, 设备到货率, 补助资金发放率,
    # 助学金签收率, 合同签订率, 家庭医生签约率, 居民健康档案建档率, 物品入库比例,
    # 应受助学生享受资助比例
    r"(?:到位|到货|发放|签收|签订|签约|建档|入库|受助|资助)(?:率|比例|比率|占比)$",
    # the planned work carried out, by its verb: 活动开展率, 资金拨付率, 补贴兑付率,
    # 设备安装率, 入户走访率, 人员轮训率, 信息录入率, 困难群众慰问率 (how it was handled or
    # kept to, 办结率, 处置率, 整改率, 回访率, 责任落实率, is not)
    r"(?:开展|举办|实施|安装|配备|上线|入户|走访|巡查|普查|培训|轮训|更新|录入|采集"
    r"|慰问|帮扶|救助|申报|拨付|兑付)(?:率|比例|比率|占比)$",
    # a health service delivered to the population it was planned for (基本公共卫生:
    # 适龄儿童国家免疫规划疫苗接种率, 老年人健康管理率, 孕产妇系统管理率, 肺结核患者管理率,
    # 孕产妇早期筛查率, 免费体检率), as the national transfer payments' own tables file
    # them (规范管理率, how well, is not)
    r"(?:接种|筛查|体检|健康管理|系统管理|患者管理)(?:率|比例|比率|占比)$",
]
"""Shares of the planned output delivered: how much of what was planned was
done, reached, built, handed over or carried out, a quantity. How well it was done or
used (使用率, 合格率, 处置率, 办结率, 回访率) is not."""

_PLANNED: Key[re.Pattern[str]] = Key("guidance.planned-shares")


def _misfiled_rate(ctx: Context, clause: Clause, name: str) -> bool:
    """Whether a clause filed under 数量 is a rate: its name is a rate or a
    share (…率, 比例, 占比, 比重; not 频率 or 效率) and every value is a
    percentage. A share of the planned output delivered (``planned_shares``,
    and a 达标率 of an amount, ``_AMOUNT_MET``) is a quantity."""
    facts = ctx.facts
    if facts.name_measure(clause.name) != "rate":
        return False
    planned = ctx.memo.get(_PLANNED, lambda: any_of(ctx.options["planned_shares"]))
    if planned.search(name) or _AMOUNT_MET.search(name):
        return False
    values = [f.value for f in facts.distinct_values(clause) if f.value.kind != "empty"]
    return bool(values) and all(facts.value_measure(v) == "percent" for v in values)


def _count_as_cost(ctx: Context, clause: Clause) -> Problem | None:
    """The finding on a count filed under a cost category of money (14-成本指标,
    41-经济成本指标): a name that counts (培训人数, 设备购置数量) and every value a
    number of people or things (≥300人, ≥20台), no money. The burdens
    (42-社会成本指标, 43-生态环境成本指标) count complaints and days: not
    these; a value another rule owns (a placeholder) is left to it."""
    facts = ctx.facts
    if is_burden(facts, clause) or facts.name_measure(clause.name) != "count":
        return None
    fields = [f for f in facts.distinct_values(clause) if f.value.kind != "empty"]
    if not fields:
        return None
    for value_field in fields:
        if value_field.value.kind != "quantity" or facts.value(clause, value_field).owner:
            return None
        targets = number_targets(value_field.value)
        if not targets or any(unit_family(t.unit) not in COUNTED_FAMILIES for t in targets):
            return None
    args = {
        "name": clause.name,
        "text": fields[0].text,
        "category": _category(clause),
        "expected": _expected(ctx, "quantity"),
    }
    return Problem(clause.name_span, "count-as-cost", args, field="indicator", excerpt=clause.name)


def _rate_as_quantity(ctx: Context, clause: Clause) -> Problem:
    """The finding on a rate filed under 数量, naming where it belongs."""
    home = _rate_home(normalize(clause.name))
    value = next(f for f in ctx.facts.distinct_values(clause) if f.value.kind != "empty")
    args = {
        "name": clause.name,
        "text": value.text,
        "category": _category(clause),
        "expected": _expected(ctx, home),
    }
    return Problem(
        clause.name_span, "rate-as-quantity", args, field="indicator", excerpt=clause.name
    )


def _rate_home(name: str) -> str:
    """Where a rate filed under 数量 belongs: an effect when it is of the
    surroundings or of the people's own state (断面水质达标率, 学生体质达标率),
    else how well the output is made or the service done (质量)."""
    return "effect" if _OF_SURROUNDINGS.search(name) else "quality"


def _money_per_unit(ctx: Context, clause: Clause) -> bool:
    """Whether every value of an output's clause is money per a unit: a unit
    cost or a payment standard, which a count or a quality is never."""
    values = [f for f in ctx.facts.distinct_values(clause) if f.value.kind == "quantity"]
    return bool(values) and all(money_per_unit(f.text) for f in values)


def _capped_money_per_unit(ctx: Context, clause: Clause) -> bool:
    """Whether every value of a clause is money per a unit with a cap
    (``≤10万元/家``, ``不超过20万元/个``): a cost the project controls. An effect
    in money is raised (``农户人均增收 ≥2000元/人``), and a cost saved for others
    (``降低企业用能成本``) is a benefit."""
    values = [f for f in ctx.facts.distinct_values(clause) if f.value.kind == "quantity"]
    return (
        bool(values)
        and all(money_per_unit(f.text) and f.value.comparator in ("<=", "<") for f in values)
        and not ctx.facts.cost_saving(clause)
    )


def _all_money(ctx: Context, clause: Clause) -> bool:
    """Whether every value of a clause is an amount of money (``800元/月``)."""
    money = VOCABULARY.money_units
    values = [f.value for f in ctx.facts.distinct_values(clause)]
    return bool(values) and all(v.kind == "quantity" and v.unit in money for v in values)


_KIND_WORDS: dict[str, tuple[str, str]] = {
    "satisfaction": ("满意度指标", "a satisfaction indicator"),
    "timeliness": ("时效指标", "a timeliness indicator"),
    "quality": ("质量指标", "a quality indicator"),
    "cost": ("成本指标", "a cost indicator"),
}


def _held_by_level1(ctx: Context, clause: Clause) -> bool:
    """Whether a clause with no level-2 category stands under a level-1 one of
    an older scheme that held a satisfaction category beside its own (older
    Guangdong tables' 效果指标: the taxonomy's ``wider``)."""
    if clause.level2 is not None or clause.level1 is None:
        return False
    taxonomy = ctx.taxonomy
    return any(
        taxonomy.kind(child) == "satisfaction"
        for child in taxonomy.wider.get(clause.level1.name.strip(), ())
    )


def _expected(ctx: Context, kind: str) -> str:
    """The level-2 categories of ``kind`` in the schemes in use: ``31-服务对象满意度``."""
    labels = ctx.memo.get(_EXPECTED, dict)
    label = labels.get(kind)
    if label is None:
        taxonomy = ctx.taxonomy
        codes = sorted(
            (c for c, child in taxonomy.level2.items() if taxonomy.kind(child.name) == kind),
            key=lambda code: (len(code), code),
        )
        codes = [c for c in codes if c.isdigit()] or codes  # not another scheme's N12
        label = "、".join(f"{code}-{taxonomy.level2[code].name}" for code in codes)
        labels[kind] = label
    return label


def _name_kind(name: str, kinds: list[tuple[str, re.Pattern[str]]]) -> str | None:
    """The kind an indicator's name states; the keyword nearest the end wins."""
    best, best_end = None, -1
    for kind, regex in kinds:
        end = last_end(regex, name)
        if end > best_end:
            best, best_end = kind, end
    return best


@rule(
    "category-keyword-mismatch",
    group="guidance",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "「{name}」是{named_zh}，却归入「{category}」：应归入{expected}",
            "“{name}” is {named_en} but filed under “{category}”: file it under {expected}",
        ),
        "rate-as-quantity": (
            "「{name}」是比率（{text}），却归入「{category}」：数量指标写产出的多少（个、人、公里），"
            "比率应归入{expected}",
            "“{name}” is a rate ({text}) but filed under “{category}”: a quantity indicator "
            "states how many (个, 人, 公里); file the rate under {expected}",
        ),
        "date-as-output": (
            "「{name}」的指标值「{text}」是日期或时限，是时效目标，却归入「{category}」："
            "应归入{expected}",
            "“{name}” has a date or a deadline as its value (“{text}”), a timeliness target, "
            "but is filed under “{category}”: file it under {expected}",
        ),
        "count-as-cost": (
            "「{name}」是数量（{text}），却归入「{category}」：成本指标写花了多少钱（万元、元/人），"
            "数量应归入{expected}",
            "“{name}” is a count ({text}) but filed under “{category}”: a cost indicator states "
            "what is spent (万元, 元/人); file the count under {expected}",
        ),
        "satisfaction-as-effect": (
            "「{name}」是满意度，不是效益：效益指标应反映项目带来的经济、社会、生态或可持续影响，"
            "满意度应归入{expected}",
            "“{name}” is a satisfaction level, not an effect: an effect indicator states the "
            "economic, social, ecological or lasting impact; file satisfaction under {expected}",
        ),
    },
    options={
        "planned_shares": Option(
            "list[regex]",
            PLANNED_SHARES,
            "rate names a 数量 indicator may have: shares of the planned output delivered "
            "(完成率, 覆盖率, 建成率)",
        ),
        "keywords": Option(
            "dict",
            CATEGORY_KEYWORDS,
            "per kind (satisfaction, timeliness, quality, cost): regular expressions of names "
            "that belong to it",
            values="list[regex]",
            keys=_KIND_ORDER,
        ),
    },
    doc_zh="""
    指标名称表明它属于另一个二级指标类别。

    检查内容
    --------
    从指标名称判断它衡量什么，再与其二级指标的性质（rules/taxonomy.yaml 中的 kinds）比较：满意度
    （满意度、满意率）不在「31-服务对象满意度」下；时效（及时率、及时性、完成时间、…前完成、按期
    完成率、延期率，以及交付所用的时间：…时限、响应时间、拨付时间、发放时间）不在「13-时效指标」下
    ——「按期还款率」是借款人的还款，不是项目的时效；判断做得好坏的比率（共享词表的
    quality_rates：合格率、优良率、完好率、验收通过率、准确率，名称写明质量的达标率如「保洁质量
    达标率」等；「空气质量达标率」「空气质量优良率」「地表水水质优良率」是环境的质量，属于效益，
    服务对象自身的状况——「学生体质健康测试优良率」——同样属于效益；完成率、覆盖率是计划数量的比例，属于数量）不在「12-质量指标」
    下；成本（…成本、单价、人均费用、…费用、造价、定额，采购价格、单台价格，亩均投资、单座投资）
    不在「14-成本指标」或 41–43 下——项目带来的投资和价格（「带动社会投资」「农产品价格」）是
    效益，不报告；为他人降低或节约的成本归入效益的（「降低企业用能成本」，或值说明下降：「农户
    购机成本 有效降低」「企业物流成本 同比下降5%」）是效益，不报告；项目自身的成本归入效益的
    （「设备购置成本 ≤50万元」）照常报告。花出去的钱按名称中心语判断：…经费，村均、户均、校均
    等「某均」或单…、每…后的投入、补助、补贴、奖补、支出（「单场活动经费」「示范村村均投入」
    「危房改造户均补助」）是成本；项目带动或争取来的（「带动社会资本投入」「争取上级经费」）是效益。
    项目据以支付的标准（补助、补贴、资助、奖补、救助……标准或额度：「人均补助标准」「助餐每餐补贴
    标准」）和项目支付的费（「保洁服务费」「场地租赁费」；不是群众缴的「收费」「缴费」，也不是
    「带动消费」）是成本。产出类（数量、质量）指标的各个值都是每单位的金额的（「≤600元/株」
    「≤1.2万元/月」），不论名称，是一个单位的成本，不是数量或质量。名称是计数（「培训人数」
    「设备购置数量」）、各个值都是人数或物数（「≥300人」「≥20台」）的指标归入以金额计的成本类别
    （「14-成本指标」「41-经济成本指标」；不是计投诉、天数的 42、43）的，是数量，
    应归入「11-数量指标」。

    没有关键词时，产出类（数量、质量）指标还按名称中心语判断：以「时间」「日期」「时点」结尾、
    各个值都是日期或时限的（「数据发布时间 次月15日前」「竣工验收时间 2025年11月底前」
    「结果告知时间 30个工作日内」「≤3个工作日」「台风季前」）是时效；提供的时长
    （「志愿服务时间 ≥2000小时」「培训时间 ≥40学时」）和服务水平（平均或等候的时间：
    「门诊患者平均等候时间 ≤30分钟」）不是。归入数量的「…达标率」是质量（「库房温湿度达标率」）；
    数量的达标率（「课程数量达标率」「课时达标率」「配备人员的达标率」「驻场达标率」）是计划数量的
    比例，仍属数量；环境和排放（「断面水质达标率」「油烟排放达标率」）及人群自身状况的达标率是
    效益，不按质量报告。效益类下的时间和达标率（「群众办事等待时间」「空气质量达标率」）可能正是
    效益，不按中心语判断。

    产出类（数量、质量）指标的各个值都是日期或时限的（「主体工程竣工 2025年6月30日前」「系统上线
    9月底前」，或一段期间「2025.03-2025.10」），不论名称，是放错类别的时效目标，消息另写。为别的
    东西注明年份的（「符合《…规范》（2025年版）」「执行2025年版规范」）、只有年份而没有「前」
    「后」的（「2025年通过验收」）、时长（「≤3个工作日」）、日期旁另有数字的，以及时效、效益、
    满意度类条款，不报告。

    归入数量（按分类表的性质，「产出数量指标」等同义名称同样）的比率：名称是比率或比例（…率、
    比例、占比、比重；「频率」「效率」不是，「有效率」「成功率」是）、各个值都是百分比的，是放错
    类别的比率（「调解成功率 ≥95%」「隐患整改率 100%」「设备使用率 ≥90%」），消息另写：数量指标写
    产出的多少，比率按名称应归入质量（做得好不好），环境、排放和人群自身状况的比率（「断面水质
    达标率」）归入效益。计划产出的完成份额仍属数量（planned_shares：完成率、覆盖率、建成率、开工率，
    到位率、到货率、发放率、签收率、签订率、签约率、建档率、入库比例、资助比例、接种率、健康管理率、
    系统管理率、患者管理率、筛查率等交付给计划对象的比例，以及数量的
    达标率）：它们说的是计划的多少做到了，不是做得多好。

    满意度被归为效益（「22-社会效益」「24-可持续影响」）
    的，单独提示：它占了项目所需的效益指标的位置。

    名称含两类关键词时，离结尾最近的起决定作用（「验收通过及时率」是及时率）。没有二级指标的旧格式
    条款只在一级指标能确定时检查。预算执行类指标不属于任何类别，由 input-as-output 报告。

    为什么有问题
    ------------
    财预〔2021〕101号规定了各类别衡量什么——产出的数量、质量、时效，成本，效益，满意度；财预〔2020〕
    10号（绩效指标明确性）要求指标清晰、与任务相符。放错类别的指标掩盖了缺失的指标：以满意度调查
    充当「效益」的项目，实际上没有说明任何效益。

    示例
    ----
    错误：

        2、2-效益指标；24-可持续影响；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    正确：

        2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    选项
    ----
    planned_shares：数量指标可以有的比率名称，即计划产出的完成份额（正则表达式列表）。
    keywords：各性质对应的名称关键词（性质 → 正则表达式列表）；配置中写出的性质替换默认值，
    [] 关闭该性质。
    """,
)
def category_keyword_mismatch(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """An indicator whose name says it belongs to another level-2 category.

    What it does
    ------------
    Reads what the indicator's name measures and compares it with the kind
    of its level-2 category (``rules/taxonomy.yaml``, ``kinds``): a
    satisfaction level (满意度, 满意率) outside ``31-服务对象满意度``; a
    timeliness measure (及时率, 及时性, 完成时间, …前完成, 按期完成率, 延期率,
    and the time to deliver in: …时限, 响应时间, 拨付时间, 发放时间) outside
    ``13-时效指标`` (``按期还款率`` is the borrowers' repayment, not the
    project's timeliness); a rate that judges how well (the shared
    vocabulary's ``quality_rates``: 合格率, 优良率, 完好率, 验收通过率, 准确率,
    and a 达标率 whose name says 质量, ``保洁质量达标率``, but not the quality
    of the air, water or soil, ``空气质量达标率``, ``空气质量优良率``,
    ``地表水水质优良率``, an effect, nor the state
    of the people served, ``学生体质健康测试优良率``, an effect too) outside
    ``12-质量指标``; a cost (…成本, 单价, 人均费用, …费用, 造价, 定额,
    采购价格, 单台…价格, 亩均投资, 单座…投资, a rate the project pays at,
    ``人均补助标准``, ``每餐补贴标准``, a fee it pays, ``保洁服务费``, but not
    收费, 缴费 or 带动消费; and an output whose every value is money per a unit,
    ``≤600元/株``, ``≤1.2万元/月``, whatever its name) outside ``14-成本指标`` /
    ``41``–``43`` — investment and prices the project brings about
    (``带动社会投资``, ``农产品价格``) are effects and not reported; so is a
    cost lowered or saved for others and filed under 效益
    (``降低企业用能成本``, or the value says it falls: ``农户购机成本 有效降低``,
    ``企业物流成本 同比下降5%``), while a cost of the project filed there
    (``设备购置成本 ≤50万元``) is reported. Money spent is read by the head of
    the name: …经费, and 投入, 补助, 补贴, 奖补, 支出 after any X均 (村均, 户均,
    校均), 单… or 每… (``单场活动经费``, ``示范村村均投入``, ``危房改造户均补助``)
    are costs; money the project draws in or wins (``带动社会资本投入``,
    ``争取上级经费``) is an effect. A count (the name counts, 培训人数,
    设备购置数量, and every value is a number of people or things, ≥300人,
    ≥20台) filed under a cost category of money (``14-成本指标``,
    ``41-经济成本指标``; not the burdens 42 and 43, which count complaints)
    belongs under ``11-数量指标``.

    Where no keyword says, the name of an output (filed under 数量 or 质量) is
    read by its head too: a name ending in 时间, 日期 or 时点 whose every value
    is a date or a time limit (``数据发布时间 次月15日前``, ``竣工验收时间
    2025年11月底前``, ``结果告知时间 30个工作日内``, ``≤3个工作日``, ``台风季前``)
    is timeliness, while an amount of time delivered (``志愿服务时间 ≥2000小时``,
    ``培训时间 ≥40学时``) and a level of service, an average or a wait
    (``门诊患者平均等候时间 ≤30分钟``), are not; a …达标率 filed as a quantity is quality
    (``库房温湿度达标率``), unless it is of an amount, the share of a planned
    quantity reached (``课程数量达标率``, ``课时达标率``, ``配备人员的达标率``,
    ``驻场达标率``), or of the surroundings, of what is let
    out into them or of the people (``断面水质达标率``, ``油烟排放达标率``):
    an effect, not reported as quality (under 数量 it is a misfiled rate,
    below). Under 效益 a time or a 达标率 may be the effect
    itself (``群众办事等待时间``, ``空气质量达标率``) and is not read by its head.

    An output (数量 or 质量) whose every value is a date or a deadline
    (``主体工程竣工 2025年6月30日前``, ``系统上线 9月底前``, or a period,
    ``2025.03-2025.10``) is a timeliness target misfiled, whatever its name,
    with a message of its own. Not a date that dates something else
    (``符合《…规范》（2025年版）``, ``执行2025年版规范``), a year alone with no
    前 or 后 (``2025年通过验收``), a duration (``≤3个工作日``), a number beside a
    date, nor a timeliness, effect or satisfaction clause.

    A rate filed under 数量 (the category's kind in the taxonomy, so its
    synonyms such as 产出数量指标 too): a name that is a rate or a share (…率,
    比例, 占比, 比重; not 频率 or 效率, but 有效率 and 成功率 are) whose every
    value is a percentage is a misfiled rate (``调解成功率 ≥95%``, ``隐患整改率
    100%``, ``设备使用率 ≥90%``), with a message of its own: a quantity states
    how many; the rate belongs under 质量 (how well), or under 效益 when it is
    of the surroundings, of what is let out into them or of the people
    (``断面水质达标率``). A share of the planned output delivered stays a
    quantity (``planned_shares``: 完成率, 覆盖率, 建成率, 开工率, and what is
    handed over to those it was planned for, 到位率, 到货率, 发放率, 签收率,
    签订率, 签约率, 建档率, 入库比例, 资助比例, and the health services 接种率,
    健康管理率, 系统管理率, 患者管理率, 筛查率; and a 达标率 of an amount): it says how much of
    the plan was done, not how well.

    A satisfaction level filed as an effect
    (``22-社会效益``, ``24-可持续影响``) gets its own message: it takes the place
    of an effect indicator the project needs.

    When the name holds keywords of two kinds, the one nearest the end wins
    (``验收通过及时率`` is a 及时率). Legacy clauses without a level-2 category
    are checked only where the level-1 category settles it. A budget-execution
    measure (``资金支出执行率`` under 13) belongs to no category:
    ``input-as-output`` reports it, not this rule.

    Why is this bad?
    ----------------
    财预〔2021〕101号 defines what each category measures — outputs in
    quantity, quality and time, costs, effects (效益), satisfaction — and
    财预〔2020〕10号 (绩效指标明确性) asks that indicators be clear and match
    the task. An indicator under the wrong category hides a missing one: a
    project whose "effect" is a satisfaction survey has stated no effect.

    Example
    -------
    Bad::

        2、2-效益指标；24-可持续影响；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Good::

        2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Options
    -------
    ``planned_shares`` (list of regular expressions, searched in the name):
    rate names a 数量 indicator may have, the shares of the planned output
    delivered; default …完成/覆盖/建成/开工 率|比例|占比|面 and
    …到位/到货/发放/签收/签订/签约/建档/入库/受助/资助 率|比例|占比.
    ``keywords`` (mapping of kind to a list of regular expressions, searched
    in the name without a trailing unit): what a name measures; a profile
    replaces the kinds it names (``[]`` turns one off) and keeps the others;
    default
    ``satisfaction``: the shared vocabulary's ``satisfaction_names``
    (满意度|满意率|满意比率|…满意$); ``timeliness``: 及时率|及时性,
    完成/竣工/完工/交付/上线时间, 前完成, 按时/按期/准时(足额)(完成|发放|到位
    |拨付|支付…)率, 延迟率|延期率, …时限, 响应/到场/处置/办结/拨付/发放/支付…时间;
    ``quality``: the shared vocabulary's ``quality_rates`` (合格率, 优良率,
    优秀率, 良好率, 优质率, 完好率, 正确率, 准确率|准确度, 验收(合格|通过)率,
    …质量达标率 but not 空气/环境/水/土壤…质量达标率: rates
    that judge how well, not shares of a planned quantity such as 完成率 or
    覆盖率, which are quantities; none where the name is of the people's
    state, 体质, 体能, 视力: ``PEOPLES_STATE``, or of the air, water and soil
    around, 空气质量优良率, 地表水水质优良率: ``SURROUNDINGS_STATE``); ``cost``: …成本, …费用,
    …造价 (not 降低成本), 单价, 人均/单位/平均/每…成本|费用|经费,
    采购/中标/合同/单台/单个/单位…价格, 亩均/户均/单座/每…投资, 定额(标准),
    …经费 and X均/单…/每… 投入|补助|补贴|奖补|支出 (not 带动…, 争取…),
    补助/补贴/资助/奖补/救助…标准|额度, …费 (not 收费, 缴费, 消费, 免费)
    (a name that lowers a cost, ``降低合作单位人事管理负担和成本``, is an effect).
    """
    kind = ctx.facts.category_kind(clause, LEVEL1_KINDS)
    if kind is None:
        return
    names = ctx.memo.get(_NAMED_KIND, dict)
    named = names.get(clause.name, "")
    if named == "":
        keywords = {**CATEGORY_KEYWORDS, **ctx.options["keywords"]}
        kinds = ctx.memo.get(
            _KIND_REGEXES,
            lambda: [(k, any_of(keywords[k])) for k in _KIND_ORDER if keywords.get(k)],
        )
        named = names[clause.name] = _name_kind(normalize(clause.name), kinds)
    if named is None and kind == "cost":
        counted = _count_as_cost(ctx, clause)
        if counted is not None:
            yield counted
            return
    if named is None:
        named = _head_kind(ctx, clause, kind, normalize(clause.name))
        if named == "rate":
            yield _rate_as_quantity(ctx, clause)
            return
        if named == "date":
            if {**CATEGORY_KEYWORDS, **ctx.options["keywords"]}.get("timeliness"):
                yield _dated_output(ctx, clause)
            return
        if named is not None and not {**CATEGORY_KEYWORDS, **ctx.options["keywords"]}.get(named):
            named = None  # the profile turned this kind off
    if named is None or named == kind:
        return
    if kind == "output" and named != "satisfaction":
        return  # a legacy 产出指标 holds timeliness, quality and (2021) cost alike
    if named == "cost" and ctx.facts.cost_saving(clause):
        return  # 降低企业用能成本, 农户购机成本 有效降低 under 效益: a benefit
    if named == "cost" and kind == "timeliness" and _all_money(ctx, clause):
        return  # 补贴标准 800元/月 under 时效: deadline-not-concrete's "money, not a time"
    if named == "satisfaction" and _held_by_level1(ctx, clause):
        return  # 效果指标：群众满意度 in an older table: its 效果指标 held 服务对象满意度
    expected = _expected(ctx, named)
    args = {"name": clause.name, "category": _category(clause), "expected": expected}
    if named == "satisfaction" and kind == "effect":
        key = "satisfaction-as-effect"
    else:
        key = "default"
        args["named_zh"], args["named_en"] = _KIND_WORDS[named]
    yield Problem(clause.name_span, key, args, field="indicator", excerpt=clause.name)
