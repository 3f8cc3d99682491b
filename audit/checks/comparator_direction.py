"""The ``comparator-direction`` rule, of the ``guidance`` group: a floor on a
measure that should be capped, or a cap on one that should be raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    ACTION_COUNT,
    COUNTED_FAMILIES,
    LEVEL1_KINDS,
    Facts,
    Key,
    any_of,
    is_adverse,
    is_burden,
    last_end,
    money_per_unit,
    normalize,
    physical_unit,
    row_cells,
    target_unit,
    unit_family,
    value_args,
)
from audit.model import Clause, Value, ValueField
from audit.vocabulary import VOCABULARY

_POLARITY: Key[dict[str, str | None]] = Key("guidance.polarity")
_PATTERNS: Key[tuple[Any, ...]] = Key("guidance.polarity-patterns")
"""The rule's patterns, compiled once per run: ``positive``, ``negative``,
``ceiling_rates``, ``neutral``, ``cost_floors``, ``time_limits`` and
``long_durations``."""


POSITIVE_PATTERNS: list[str] = [
    r"(?:合格|覆盖|完成|准确|满意|通过|排除|修复|维修|维护|恢复|关闭|响应|处理|处置|解决|完好"
    r"|达标|知晓|可用|办结|结案|成功|正常运行|正常运作|畅通|控制|节约"
    # rates of reach, uptake and upkeep: more is better
    r"|亮灯|普及|获取|规范|建档|续约|签约|接种|清扫|缓解|掌握|优良|到位|入学|巩固|参保|救治|治愈"
    r"|出勤|在线|开通|利用|回收|整改|查处|受理|检测|检验|抽检|监测|巡查|绿化|硬化|净化|无害化处理"
    r"|转化|落实|达成|兑现|上线|录入|收集"
    # coverage, compliance and service: a share reached, a standard kept, a
    # line answered, a bus on time, a field farmed by machine, a need met
    r"|入园|管理|机械化|保证|保障|治理|准点|正点|接通|绿地|免疫|入住|持证上岗|上岗|履行|结题|结项"
    r"|有效|外借|借阅|还款|节电|节能|节水"
    # work the project does, as a share of what it should: classes held, cases
    # checked, fees collected (开课率, 核查率, 收缴率)
    r"|开课|开班|开设|核查|核实|审核|复核|收缴|征缴|征收)率",
    # survival and keeping: what lives, lasts or stays sound (成活率, 存活率,
    # 保存率, 宜存率); a result restored or a fire put out (扑灭率, 复绿率,
    # 复垦率, 复工率; 复发率 is a ceiling rate); people present, arrived or
    # placed (在岗率, 到报率, 到课率, 就业率, 就医率); a service delivered to
    # its users (随访率, 回访率, 早诊率, 首诊率, 结算率, 核销率, 兑付率, 履约率,
    # 适配率, 匹配率, 鸣响率, 播出率). Ceiling rates (失访率, 误诊率, 违约率) decide first.
    r"(?:活|存|灭|复\S|在\S|到\S|就\S|访|诊|结算|清算|核销|报销|兑付|支付|履约|签约|适配|匹配"
    r"|鸣响|播出)率",
    # a share of a cost that is paid for the insured or the served (基金支付比例,
    # 住院费用报销比例, 大病保险赔付比例)
    r"(?:支付|报销|补偿|赔付|救助|保障)\S{0,4}(?:比例|占比|比重)",
    # the same, named as a share or a ratio (优良天数比率, 水质优良比例, 优良路率)
    r"(?:优良|达标|合格|具备|参加|参与|毕业)\S{0,6}(?:比率|比例|占比|路率|率)",
    r"(?:免疫|接种)密度",
    r"(?:纯|净)度",
    r"(?:公交|公共交通)\S{0,8}分担率",
    r"(?:安全|获得|幸福)感",
    r"素养",
    r"(?:植被)?盖度|覆盖度",
    r"及时",
    r"(?:连通|可用|稳定|完整|准确|规范|合规)性",
    r"满意度",
    r"知晓度",
    r"(?:无|零)\S{0,2}(?:故障|事故|差错|投诉)",
    # a count of what is done against an adverse event: the head of
    # 安全事故应急演练次数 is 演练次数, of 隐患排查次数 排查次数 (more is better)
    ACTION_COUNT,
]


POSITIVE_LEVELS: list[str] = [
    # water quality that is better when higher: dissolved oxygen (GB 3838
    # sets a floor for each class: Ⅲ类 ≥5 mg/L), a lake's transparency
    r"溶解氧(?:浓度|含量)?(?:[（(][^（()）]*[)）])?$",
    r"透明度(?:[（(][^（()）]*[)）])?$",
    # air that is better when richer in negative ions (负氧离子浓度)
    r"负(?:氧)?离子(?:浓度|含量)?(?:[（(][^（()）]*[)）])?$",
]
"""Measures better when higher, given in a unit of their own rather than in
percent (a positive measure is otherwise checked only in percent: a cap on
a count may be a plan)."""


NEGATIVE_PATTERNS: list[str] = [
    r"成本",
    r"投诉",
    r"事故",
    r"故障",
    r"差错",
    r"失误",
    r"丢包",
    r"泄[露漏密]|外泄",
    r"(?:流失|停机|延迟|延期|退学|返修|错误|失败)率",
]


NEUTRAL_PATTERNS: list[str] = [
    r"降低|减少|下降|节约|节省|压缩|减负",
    # a control rate of money (actual / budgeted): ≤100% caps it, ≥90% asks
    # that the budget be used; both are standard
    r"(?:成本|费用|经费|预算|支出|资金|投资|造价|开支)\S{0,4}控制率$",
]


TIME_LIMITS: list[str] = [
    r"时限|工期|(?:用|耗|历)时",
    r"(?:办理|办结|审批|审核|受理|处理|处置|响应|反应|到达|到场|出警|出车|等候|等待|排队|整改|修复"
    r"|维修|抢修|恢复|拨付|支付|发放|兑付|结算|报送|上报|回复|答复|反馈|出具|交付|清运|停水|停电"
    r"|停运|中断|停机|延误|延迟)(?:时间|时长|周期|天数|期限)",
]
"""Names of a time to deliver in, under any category: given as a duration
(``隐患整改时限 ≥5个工作日``), its standard target is a ceiling."""


LONG_DURATIONS: list[str] = [
    r"(?:保修|质保|保质|保存|留存|存储|有效|使用|服务|运行|开放|营业|在线|培训|学习|授课|志愿|值守"
    r"|值班|照明|供电|供水|播出|演出|陪伴|锻炼|寿命)(?:期|期限|年限|时限|时长|时间|时数|天数)",
]
"""Durations that should be long (``服务时长``, ``开放时间``, ``保修期``): a
floor is their standard target, whatever else the name says."""


COST_FLOORS: list[str] = [
    # a spending standard set by law (生均公用经费 has a national minimum, 基准定额,
    # 最低工资标准, 最低生活保障标准)
    r"生均\S{0,4}(?:经费|拨款)|基准定额|最低\S{0,4}(?:工资|生活|保障)",
    # what the law guarantees people to live on (特困人员供养标准, 低保标准,
    # 抚恤标准): a minimum the government sets, not a rate the project chooses
    r"(?:供养|低保|生活保障|抚恤|优抚)\S{0,2}标准",
]
"""Money under a cost category where a floor is the standard target: a
minimum set by law (生均公用经费 ≥720元/生·年). A subsidy, an allowance or a
pay standard the project pays (案均办案补贴, 人均补助标准, 补助额度) is its
cost all the same, and capped."""

STOCK_COUNTS: list[str] = [
    r"维护|养护|管护|运维|保洁|托管|现有|在册|在编|编制|定员|全部|所有|辖区内",
    # a quota set from above (保有公务车辆数 =12辆, 征兵任务数 =65人, 招生名额): met, not beaten
    r"保有|名额|限额|配额|定额|任务数|征兵|征集",
    # spending held down (公务接待批次, 因公出国团组数, 公务用车): capped by rule
    r"公务接待|因公出国|出国（境）|出国\(境\)|公务用车|三公",
    # meetings, documents and 评比表彰 held down by rule (精简会议文件; 评比达标表彰活动
    # are approved and capped): 会议数量 ≤4次 is a limit, not an output capped. Only
    # when they are what is counted: 视频会议系统建设数量, 档案文件数字化数量 and
    # 表彰大会宣传报道篇数 count what is built or done
    r"(?:会议|发文|文件|简报|评比|表彰)(?:活动|大会)?(?:次数|数量|场次|个数|份数|件数|期数|数"
    r"|次|场|期|份|件)?$",
    # a schedule: how many times in the year (年度监测频次 =4次, 巡查频率)
    r"频次|频率|周期",
]
"""Counts of a stock the project keeps up or of all there are (维护泊位数,
现有路灯盏数, 在册特困人员数), and schedules (年度监测频次 =4次): the number
cannot or should not be exceeded, so ``=`` is their target, not a floor
written as a fixed number."""

_EQUALS = re.compile(r"^\s*(?:[=＝]|等于)")
"""A value that says ``=`` itself (``=420人``, ``＝12场``, ``等于300户``), not a
bare number."""

_LOWER = ("<=", "<")


_HIGHER = (">=", ">")


_DIRECTED = (*_LOWER, *_HIGHER)


_OUTPUT_KINDS = frozenset({"quantity", "quality", "timeliness", "output"})


def _spending(
    ctx: Context, clause: Clause, value_field: ValueField, floors: re.Pattern[str]
) -> bool:
    """Whether a value is an amount the project spends, to cap: money under
    an economic cost category whatever the name (差旅费 ≥3万元, 案均办案补贴
    ≥1600元/件 under 成本指标), or money per a unit under an output (≥180元/亩
    under 数量: what one unit costs); not a minimum set by law (``floors``),
    nor money per a unit under 效益 (农户人均增收 ≥2000元/人, an effect), nor
    money paid to people per a period of time (基础养老金 ≥203元/人·月)."""
    facts: Facts = ctx.facts
    per_unit = money_per_unit(value_field.text)
    if facts.value_measure(value_field.value) != "money" and not per_unit:
        return False
    kind = facts.category_kind(clause, LEVEL1_KINDS)
    if kind == "cost":
        if is_burden(facts, clause):  # a social or environmental cost is no spending
            return False
        if _living_standard(value_field):
            return False
    elif not (per_unit and kind in _OUTPUT_KINDS):
        return False
    return not floors.search(normalize(clause.name))


_PEOPLE = frozenset({"人", "户", "生", "学生", "名", "位"})
_PERIODS = frozenset({"月", "年", "季度", "半年", "学期", "学年", "天", "日", "周"})


def _living_standard(value_field: ValueField) -> bool:
    """Whether money is paid to people per a period of time (``≥203元/人·月``,
    ``≥600元/户·月``, ``≥1000元/生·年``): a standard of living a policy sets
    (基础养老金, 基本生活费, 医保人均补助), whose floor is what each receives,
    not what the project may spend. Per a case, a bed or a 亩 it is a unit's
    cost (``≥1800元/件``: capped)."""
    for target in value_field.value.targets:
        if target.kind not in ("number", "frequency"):  # 元/人·月 reads as per a month
            continue
        _unit, per = target_unit(target)
        pers = set(per.split("·")) if per else set()
        return bool(pers & _PEOPLE) and bool(pers & _PERIODS)
    return False


def _duration_polarity(
    name: str, time_limits: re.Pattern[str], long_durations: re.Pattern[str], polarity: str | None
) -> str | None:
    """The polarity of a duration: a time to deliver in (``整改时限``,
    ``办理时间``) is negative, a duration that should be long (``服务时长``,
    ``保修期``) is not judged; otherwise what the name says. A time limit
    is ``time-limit``: negative, with a message of its own."""
    if long_durations.search(name):
        return None
    if time_limits.search(name):
        return "time-limit"
    return polarity


def _polarity(
    text: str,
    positive: re.Pattern[str],
    negative: re.Pattern[str],
    ceiling: re.Pattern[str] | None = None,
) -> str | None:
    """``positive`` (more is better), ``negative`` (less is better) or None.

    A name that ends in a ceiling rate (``成本控制率``, ``事故发生率``) is
    negative; otherwise the keyword nearer the end of the name wins (a tie
    goes to positive)."""
    if ceiling is not None and ceiling.search(text):
        return "negative"
    good = last_end(positive, text)
    bad = last_end(negative, text)
    if good < 0 and bad < 0:
        return None
    return "positive" if good >= bad else "negative"


@rule(
    "comparator-direction",
    group="guidance",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "「{name}」越高越好，{keyword}「{text}」却设了上限：应设下限（≥ 目标值）",
            "“{name}” is better when higher, but the {field} value “{text}” caps it: "
            "set a floor (≥ target)",
        ),
        "negative": (
            "「{name}」越低越好，{keyword}「{text}」却设了下限：应设上限（≤ 控制值）",
            "“{name}” is better when lower, but the {field} value “{text}” sets a floor: "
            "set a ceiling (≤ limit)",
        ),
        "spending": (
            "「{name}」是项目的支出（{why_zh}），{keyword}「{text}」却设了下限，花得越多越能达标："
            "成本应设上限（≤ 控制数）",
            "“{name}” is money the project spends ({why_en}), but the {field} value “{text}” "
            "sets a floor, met by spending more: cap a cost (≤ limit)",
        ),
        "equals-floor": (
            "「{name}」是产出的数量，{keyword}「{text}」写了等于：多完成也不算达标，"
            "应设下限（≥ 目标值）",
            "“{name}” is an output count, but the {field} value “{text}” says equal: doing more "
            "would miss it; set a floor (≥ target)",
        ),
        "ceiling-count": (
            "「{name}」是产出的数量，{keyword}「{text}」却设了上限：一件不做也算达标，"
            "应设下限（≥ 目标值）",
            "“{name}” is an output count, but the {field} value “{text}” sets a ceiling, met "
            "by doing nothing: set a floor (≥ target)",
        ),
        "against-sign": (
            "「{name}」的指标方向为「{direction}」，{keyword}「{text}」却设了{bound_zh}：两者应一致",
            "“{name}” has the direction “{direction}”, but the {field} value “{text}” sets "
            "a {bound_en}: make the two agree",
        ),
        "time-limit": (
            "「{name}」是完成的时限，越短越好，{keyword}「{text}」却设了下限，拖得越久越能达标："
            "应设上限（≤ 时限，或写作「…以内」）",
            "“{name}” is a time limit, better when shorter, but the {field} value “{text}” "
            "sets a floor, met by being slow: set a ceiling (≤ limit, or “…以内”)",
        ),
    },
    options={
        "positive": Option(
            "list[regex]",
            POSITIVE_PATTERNS,
            "names of measures where more is better (合格率, 满意度, 故障排除率)",
        ),
        "negative": Option(
            "list[regex]",
            NEGATIVE_PATTERNS,
            "names of measures where less is better (成本, 投诉, 事故, 流失率)",
        ),
        "ceiling_rates": Option(
            "list[regex]",
            list(VOCABULARY.ceiling_rates),
            "rates whose standard target is a ceiling (成本控制率, 差错率, 发生率), "
            "matched at the end of the name",
        ),
        "neutral": Option(
            "list[regex]",
            NEUTRAL_PATTERNS,
            "names that turn a negative measure around (降低成本, 减少投诉): not checked",
        ),
        "cost_floors": Option(
            "list[regex]",
            COST_FLOORS,
            "names of money under a cost category where a floor is standard: minimums set by "
            "law (生均公用经费, 基准定额, 最低工资)",
        ),
        "time_limits": Option(
            "list[regex]",
            TIME_LIMITS,
            "names of a time to deliver in (时限, 用时, 办理时间, 响应时间): "
            "a duration given for them is a ceiling",
        ),
        "long_durations": Option(
            "list[regex]",
            LONG_DURATIONS,
            "durations that should be long (服务时长, 开放时间, 培训时长, 保修期): not checked "
            "as time limits",
        ),
        "stock_counts": Option(
            "list[regex]",
            STOCK_COUNTS,
            "names of a stock kept up or of all there are, or of a schedule (维护, 现有, "
            "在册, 全部, 频次): = is their target, not a floor",
        ),
        "percent_units": Option("list[str]", list(VOCABULARY.percent_units), "units of a rate"),
        "positive_levels": Option(
            "list[regex]",
            POSITIVE_LEVELS,
            "measures better when higher in whatever unit they are given (溶解氧, 透明度, "
            "负氧离子浓度), matched at the end of the name",
        ),
    },
    doc_zh="""
    应当设上限的指标设了下限，或应当提高的指标设了上限。

    检查内容
    --------
    从指标名称（或指标值自己的用词，如「故障率≤1%」）判断越高越好还是越低越好，再与指标值的比较
    符号对照。正向指标——合格、覆盖、完成、准确、满意、及时……率或满意度（以百分比表示）——用了
    「≤」「<」（「满意度≤90%」），以及反向指标——成本、投诉、事故、故障、差错、丢包、流失率、
    停机率、延迟率——用了「≥」「>」（「有效投诉次数≥1次」）的，报告（以人数、件数计的成本——「设备采购成本
    ≥300台」——不是金额，由 implausible-unit 报告）。名称中离结尾最近的关键词
    起决定作用（中文名词短语的中心词在后）：「设备故障及时排除率」是排除率（正向），虽然含「故障」；
    「人员流失率≤10%」「有效投诉次数少于1宗」是对的；中心词是针对不良事件所做工作的次数的
    （「安全事故应急演练次数」「隐患排查次数」「投诉举报受理件数」），或以处理它的动词开头的
    （「受理消费投诉举报件数」「处置电梯困人故障」「调解矛盾纠纷」）是正向指标：做的是处理；
    动词被否定或引起事件的（「未按期办结投诉件数」「处置不当引发投诉次数」）仍是反向指标。
    名称以上限为标准写法的指标结尾的
    （ceiling_rates：超支率、发生率、差错率、投诉率、损失率、漏损率、重新犯罪率、肥胖率、药占比，
    中心词是伤害（受害率、成灾率、致残率、病死率）、中断（停播率、断供率、中断率）、失去或损坏
    （失业率、失访率、破损率、丢失率）、拒绝、违约或错误（拒赔率、违约率、误诊率）或自付（自付比例、
    个人负担比例）的比率，不良事物的比例如「大班额比例」「超标排放企业比例」，污染物浓度如「PM2.5年均浓度」「氨氮浓度」
    「化学需氧量」，不论单位）是反向指标；名称说的是对它做了什么的不是（「COD削减量」
    「黑臭水体消除比例」）。覆盖、达标、服务的比率和比例（优良天数比率、水质优良比例、入园率、
    规范管理率、机械化率、保证率、准点率、接通率、绿地率等）是正向指标；中心词是存活、保持
    （成活率、存活率、保存率）、恢复或扑灭（复垦率、复工率、扑灭率）、在岗、到达或就业（在岗率、
    到课率、到报率、就业率）、服务送达（随访率、早诊率、结算率、核销率、履约率、匹配率、鸣响率、
    播出率、报销比例、基金支付比例）的比率也是。资金的控制率（「成本控制率」，实际成本/预算成本）不检查：
    「≤100%」是上限，「≥90%」要求用足预算，两种都是标准写法；其他控制率（「血压控制率」）是正向指标。
    经济成本类（成本指标、经济成本指标，按分类表的性质）下以金额表示的指标，不论名称，都是应控制的
    支出（「督导检查差旅费≥3万元」「亩均造价≥0.3万元/亩」），项目支付的补贴、补助、标准、额度
    也是（「案均办案补贴≥1600元/件」「人均补助标准≥1000元」），只有法定的最低标准除外
    （cost_floors：生均公用经费、基准定额、最低工资标准，供养、低保、抚恤等保障基本生活的标准），以及按人（户）
    按期发给个人的标准（「城乡居民基础养老金标准≥203元/人·月」「租赁补贴标准≥600元/户·月」）；产出类（数量、质量、时效）下每单位的金额
    （「≥180元/亩」「不低于20万元/个」）不论名称也是一个单位的成本，应设上限；效益类下每单位的
    金额可能正是效益（「农户人均增收≥2000元/人」），不据此判断。社会成本、生态环境成本不是项目
    自身的支出，不据此判断。这类发现的消息说明依据（归入的成本类别，或每单位的金额）。

    数量指标（按分类表的性质）的值明写等于（「=420人」「＝12场」「等于300户」）、以个数或人数计的，
    是把下限写成了定数：多完成也不算达标，报告（警告）。不报告的：维护或管护的存量、现有或全部的
    数量、上级下达的定额，和按计划的频次（stock_counts：「维护泊位数=8个」「现有路灯盏数」
    「辖区内全部村居数」「保有公务车辆数=12辆」「征兵任务数=65人」「年度监测频次=4次」），
    不良事件（「安全事故=0起」），零，比率、金额、时长，
    没有写等于的数字（「420人」）。这样的数量设了上限（「举办招聘会场次≤20场」「不超过3000人」，项目自己做的培训、宣传、检查的次数「培训人次≤500人次」也是）的，
    一件不做也算达标，同样报告；项目建成、修缮改造或治理的长度、面积、体积、重量（「新建道路长度≤5公里」
    「新增绿化面积≤2000平方米」「修缮校舍面积≤1200平方米」「维修道路长度≤3公里」）与数量一样；存量、定额、频次、不良事件、控制的公务支出（公务接待批次、
    因公出国团组数）和按规定精简的会议、文件、评比表彰（「会议数量≤4次」「印发文件数量≤3份」）除外，
    保持在范围内的距离（「服务半径≤3公里」）和占用的土地（「新增建设用地面积」）也除外，工程产生、损耗、
    剩余的量和可能出现的危害（「建设期间产生建筑垃圾量」「剩余待改造面积」「新增积水内涝点面积」）、
    所建之物或每次维修各自的尺寸（「车道宽度≤3.5米」「单次维修长度≤50米」）同样除外。以时长表示的完成时限
    （time_limits：时限、工期、用时，办理/响应/整改/拨付……时间或期限）是上限：「隐患整改时限≥5个工作日」
    「资金拨付时限不低于10个工作日」拖得越久越能达标，报告；应当长的时长（long_durations：服务时长、
    开放时间、培训时长、运行时间、保修期、在线时长等）不按时限判断。把反向指标反过来说的名称（「降低成本」）不
    检查；比率名称下写数量（「服务对象满意度：少于5次」）由 value-type-mismatch 报告。一个值方向对、
    另一个值方向错的（「≥95%」对「≤95%」），是两值不一致，由 annual-period-mismatch 报告。

    国家模板的指标行有「指标方向」列（正向、反向、越大越好、越小越好，或直接写「≥」「≤」）时，
    指标值自己写的比较符号与之相反的（「≥ | 90 | % | 反向」「≤5% | 正向」
    「不低于0.3万元 | 反向」），两者必有一处写错，报告（每行一条，位置在指标方向单元格）；
    只写数字、从指标方向取得比较符号的值（「90 | % | 正向」）、写等于的（「=100%」）、文字值，
    以及指标方向空白、「/」、「定性」「中性」的，不报告。按名称已报告的行不再重复报告；一个值与指标方向一致、另一个相反的，是两值不一致，
    由 annual-period-mismatch 报告。

    为什么有问题
    ------------
    财预〔2021〕101号把成本指标设为控制上限，把产出、效益、满意度设为应达到的水平；财预〔2020〕
    10号（绩效指标明确性）要求目标清晰可衡量。方向写反的目标，做得越差越能达标：「满意度≤90%」
    在满意度只有 10% 时也算达标。

    示例
    ----
    错误：

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:≥10%；年度指标值:≥10%。

    正确：

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:10%或以下；年度指标值:10%或以下。

    选项
    ----
    positive：越高越好的指标（正则表达式列表）。
    negative：越低越好的指标（正则表达式列表）。
    ceiling_rates：以上限为标准写法的比率，在名称结尾匹配（正则表达式列表，默认取共享词表的
    ceiling_rates：超支率、发生率、差错率、投诉率、不合格率、损失率、重新犯罪率、药占比、
    伤害、中断、失去、损坏、拒绝、违约、错误、自付的比率，不良事物的比例、污染物浓度等）。
    neutral：把反向指标反过来说的名称（降低成本、减少投诉）和资金的控制率，不检查。
    cost_floors：成本类下以金额表示、以下限为标准写法的法定最低标准（生均经费、基准定额、最低工资，
    供养、低保、抚恤标准，正则表达式列表）。
    stock_counts：维护的存量、全部的数量、计划的频次或按规定控制的数量（维护、养护、现有、在册、全部、
    频次、公务接待、会议、文件、评比、表彰……，正则表达式列表），写等于或上限是对的。
    time_limits：完成时限的名称（正则表达式列表），以时长表示时应设上限。
    long_durations：应当长的时长的名称（正则表达式列表），不按时限判断。
    percent_units：比率的单位。
    positive_levels：不以百分比表示、也越高越好的指标（溶解氧、透明度、负氧离子浓度，在名称结尾
    匹配，正则表达式列表）：其他正向指标只在以百分比表示时检查（数量设上限可能是计划）。
    """,
)
def comparator_direction(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A floor on a measure that should be capped, or a cap on one that should be raised.

    What it does
    ------------
    Reads whether more or less is better from the indicator's name (or from
    the value's own words, ``故障率≤1%``) and compares it with the value's
    comparator. A positive measure — a 合格/覆盖/完成/准确/满意/及时 … 率 or a
    满意度, given in percent — with ``≤``/``<`` (``满意度≤90%``), and a
    negative one — 成本, 投诉, 事故, 故障, 差错, 丢包, 流失率, 停机率, 延迟率 — with
    ``≥``/``>`` (``有效投诉次数≥1次``) are reported (a cost counted in people or
    things, ``设备采购成本 ≥300台``, is no amount: implausible-unit's). The keyword nearest the
    end of the name decides, as the head of a Chinese noun phrase comes last:
    ``设备故障及时排除率`` is a 排除率 (positive) although it contains 故障;
    ``人员流失率≤10%`` and ``有效投诉次数少于1宗`` are right; a name whose head is a
    count of what is done against an adverse event (``安全事故应急演练次数``,
    ``隐患排查次数``, ``投诉举报受理件数``), or that starts with the verb that
    handles it (``受理消费投诉举报件数``, ``处置电梯困人故障``, ``调解矛盾纠纷``), is
    positive: what is counted is the handling; a handling negated or causing
    the event (``未按期办结投诉件数``, ``处置不当引发投诉次数``) is negative again.
    A name that ends in a measure whose standard
    target is a ceiling (``ceiling_rates``: an overrun, incidence, error or
    complaint rate, a rate of loss (损失率, 漏损率), of crime (重新犯罪率), of harm
    to health (肥胖率, 药占比), any rate whose head names harm (受害率, 成灾率,
    致残率, 病死率), an outage (停播率, 断供率, 中断率), a failure or a loss
    (失业率, 失访率, 破损率), a refusal, a breach or an error (拒赔率, 违约率,
    误诊率) or what the served pay themselves (自付比例, 个人负担比例), a share
    of a bad thing (大班额比例, 超标排放企业比例)
    or a pollutant's concentration (PM2.5年均浓度, 氨氮浓度, 化学需氧量), whatever
    its unit) is negative; a name of what is done about it is not (COD削减量,
    黑臭水体消除比例). Rates and shares of coverage, attainment and service
    (优良天数比率, 水质优良比例, 入园率, 规范管理率, 机械化率, 保证率, 准点率, 接通率,
    绿地率 …) are positive, and so are rates whose head is survival or
    keeping (成活率, 存活率, 保存率), a result restored or a fire put out
    (复垦率, 复工率, 扑灭率), people present, arrived or placed (在岗率, 到课率,
    到报率, 就业率) or a service delivered (随访率, 早诊率, 结算率, 核销率, 履约率,
    匹配率, 鸣响率, 播出率, 报销比例, 基金支付比例). A control rate
    of money (``成本控制率``, actual over budgeted cost) is not checked:
    ``≤100%`` caps it and ``≥90%`` asks that the budget be used, and both are
    standard; a 控制率 of anything else (``血压控制率``) is positive. An amount
    of money under an economic cost category (成本指标, 经济成本指标) is a cost
    to cap whatever its name (``督导检查差旅费 ≥3万元``, ``亩均造价 ≥0.3万元/亩``),
    a subsidy, a standard or a quota the project pays included (``案均办案补贴
    ≥1600元/件``, ``人均补助标准 ≥1000元``), unless it is a minimum set by law
    (``cost_floors``: 生均公用经费, 基准定额, 最低工资标准, and what the law
    guarantees people to live on: 供养标准, 低保标准, 抚恤标准), or money paid to
    people per a period of time (``城乡居民基础养老金标准 ≥203元/人·月``,
    ``租赁补贴标准 ≥600元/户·月``). Money per a unit under
    an output (数量, 质量, 时效: ``≥180元/亩``, ``不低于20万元/个``) is what one
    unit costs whatever the name, and capped too; under 效益 it may be the
    effect itself (``农户人均增收 ≥2000元/人``) and is not judged. Social
    and environmental costs are not money the project spends. The message of
    such a finding says why the value is spending (its cost category, or
    money per a unit).

    ``=`` written on a count under 数量 (``=420人``, ``＝12场``, ``等于300户``)
    writes a floor as a fixed number: doing more would miss it. It is
    reported (a warning); not for a stock kept up or all of a kind,
    a quota set from above, or a schedule (``stock_counts``: ``维护泊位数 =8个``,
    现有路灯盏数, 辖区内全部村居数, ``保有公务车辆数 =12辆``, ``征兵任务数 =65人``,
    ``年度监测频次 =4次``), an
    adverse count (``安全事故 =0起``), zero, a rate, money or a time, nor a
    bare number without ``=`` (``420人``). Such a count given a ceiling
    (``举办招聘会场次 ≤20场``, or the project's own training, publicity or
    inspections: ``培训人次 ≤500人次``) is met by doing nothing and is reported too, and
    so is the length, area, volume or weight of what the project builds,
    repairs, renovates or does (``新建道路长度 ≤5公里``, ``新增绿化面积 ≤2000平方米``,
    ``修缮校舍面积 ≤1200平方米``, ``维修道路长度 ≤3公里``), with the same
    exceptions and spending, meetings, documents and 评比表彰 held down by
    rule (公务接待批次, 因公出国团组数, ``会议数量 ≤4次``, ``印发文件数量 ≤3份``);
    a distance kept within (服务半径 ≤3公里), land taken (新增建设用地面积), what
    the works produce, lose or leave undone and harm that may arise
    (建设期间产生建筑垃圾量, 剩余待改造面积, 新增积水内涝点面积) and the size of
    each thing built or each job done (车道宽度 ≤3.5米, 单次维修长度 ≤50米) are
    no output. A time to
    deliver in, given as a duration (``time_limits``: 时限, 工期, 用时, and the
    时间 or 期限 of 办理/响应/整改/拨付 …), is a ceiling: ``隐患整改时限 ≥5个工作日`` and
    ``资金拨付时限 不低于10个工作日`` are met by being slow and are reported;
    durations that should be long (``long_durations``: 服务时长, 开放时间,
    培训时长, 运行时间, 保修期, 在线时长 …) are not judged as limits. Names that turn a
    negative measure around (``降低成本``) are not checked, and a count under
    a rate's name (``服务对象满意度：少于5次``) is ``value-type-mismatch``'s. When
    one value points the right way and the other does not (``≥95%`` against
    ``≤95%``), the two values disagree: ``annual-period-mismatch`` reports it.

    On a national row with a 指标方向 column (正向, 反向, 越大越好, 越小越好, or
    ``≥``/``≤`` itself), a value whose own comparator points the other way
    (``≥ | 90 | % | 反向``, ``≤5% | 正向``, ``不低于0.3万元 | 反向``) is wrong on one
    side or the other and is reported, once a row, at the direction cell. A
    bare value that took its comparator from the direction (``90 | % | 正向``),
    ``=100%``, text, and a direction blank, ``/``, ``定性`` or ``中性`` are
    quiet; a row already reported by its name is not reported again, and
    when one value agrees with the direction and the other does not, the
    values disagree: ``annual-period-mismatch``'s.

    Why is this bad?
    ----------------
    财预〔2021〕101号 sets cost indicators as control limits (upper bounds) and
    outputs, effects and satisfaction as levels to reach; 财预〔2020〕10号
    (绩效指标明确性) asks for targets that are clear and measurable. A target
    in the wrong direction is met by failing: ``满意度≤90%`` is met by a
    satisfaction of 10 %.

    Example
    -------
    Bad::

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:≥10%；年度指标值:≥10%。

    Good::

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:10%或以下；年度指标值:10%或以下。

    Options
    -------
    ``positive`` (list of regular expressions): measures where more is
    better; default the rates of 合格, 覆盖, 完成, 准确, 满意, 通过, 排除, 修复, 维修,
    维护, 恢复, 关闭, 响应, 处理, 解决, 完好, 达标, 知晓, 可用, 办结, 结案, 成功, 正常运行,
    畅通, 控制, 节约, of reach, uptake and upkeep (亮灯, 普及, 获取, 规范, 建档, 签约, 接种,
    清扫, 优良, 到位, 入学, 参保, 救治, 整改, 查处, 检测, 巡查, 绿化 …), of coverage and
    service (入园, 管理, 机械化, 保证, 治理, 准点, 接通, 绿地, 免疫, 持证上岗, 履行 …),
    shares of what is good (优良/达标/合格/具备/参加…比率|比例|占比), 免疫密度, 纯度,
    公交分担率, 安全感, 获得感, 素养, 盖度, 覆盖度,
    the qualities 连通性, 可用性, 稳定性, 完整性, 准确性, 规范性,
    合规性, 及时, 满意度, 知晓度, 无/零…故障|事故|差错|投诉, the rates of
    survival, restoration, presence and service (…活/存/灭/复X/在X/到X/就X/访/诊率,
    结算, 核销, 报销, 兑付, 支付, 履约, 适配, 匹配, 鸣响, 播出率, 支付/报销…比例), and counts of
    what is done against an adverse event (演练/排查/检查/培训…次数) or of its
    handling (受理/处置/办理/查处/调解/救援/侦破… + the event).
    ``negative`` (list of regular expressions): measures where less is
    better; default 成本, 投诉, 事故, 故障, 差错, 失误, 丢包, 泄露, and the rates of
    流失, 停机, 延迟, 延期, 退学, 返修, 错误, 失败.
    ``ceiling_rates`` (list of regular expressions): rates whose standard
    target is a ceiling, matched at the end of the name; they decide over
    ``positive`` (``差错率 ≤1%`` is right whatever precedes it); default the
    shared vocabulary's ``ceiling_rates``: 超支率, 逾期率, 发生率, 发病率, 差错率,
    误差率, 投诉率, 不合格率, 返工率, 损失率, 漏损率, 撂荒率, 重新犯罪率, 过错率,
    退回率, 肥胖率, 携带率, 剖宫产率, 药占比, rates whose head names harm (…害/灾/
    残/亡/死/伤/毁率), an outage (停X率, 中断率, 断X率), a failure or a loss (失X率,
    X失率, 损X率), a refusal, a breach or an error (拒X/违X/误X/错X率) or what
    the served pay themselves (负担/自付/自负比例), shares of a bad thing (大班额比例,
    超标排放企业比例, 四五类桥梁比例) and pollutants' concentrations (PM2.5, PM10,
    二氧化硫, 臭氧, 氨氮, 化学需氧量/COD, 总磷 …浓度) and the like.
    ``neutral`` (list of regular expressions): names that are not checked;
    default 降低, 减少, 下降, 节约, 节省, 压缩, 减负, and a control rate of
    money (成本/费用/预算/支出…控制率).
    ``cost_floors`` (list of regular expressions): money under a cost
    category that is a minimum set by law, not a cost to cap; default
    生均经费 (a legal minimum per pupil), 基准定额, 最低工资/生活/保障 and
    供养/低保/生活保障/抚恤/优抚…标准.
    ``stock_counts`` (list of regular expressions): counts of a stock kept up
    or of all there are, schedules, and counts held down by rule, whose ``=``
    or ceiling is right; default 维护, 养护, 管护, 运维, 保洁, 托管, 现有, 在册, 在编,
    编制, 定员, 全部, 所有, 辖区内, 频次, 频率, 周期, 公务接待, 因公出国, 会议, 文件,
    简报, 评比, 表彰.
    ``time_limits`` (list of regular expressions): names of a time to deliver
    in, capped when given as a duration; default 时限, 工期, 用时, 耗时,
    历时, and the 时间/时长/周期/天数/期限 of 办理, 办结, 审批, 受理, 处理, 响应, 到达,
    等候, 整改, 修复, 抢修, 拨付, 支付, 发放, 结算, 回复, 反馈, 交付, 清运, 停水, 停电 ….
    ``long_durations`` (list of regular expressions): durations that should
    be long, never judged as limits; default the 期/期限/年限/时限/时长/时间 of
    保修, 质保, 保存, 有效, 使用, 服务, 运行, 开放, 营业, 在线, 培训, 学习, 志愿, 值班,
    照明, 供电, 供水 ….
    ``percent_units`` (list): units of a rate (a positive measure is checked
    only in percent); default the shared vocabulary's ``percent_units`` (``% ‰ ‱ 百分点``).
    ``positive_levels`` (list of regex): measures better when higher in
    whatever unit (溶解氧 in mg/L, 透明度 in cm, 负氧离子浓度), matched at the end
    of the name; any other positive measure is checked only in percent (a cap
    on a count may be the plan).
    """
    problems = list(_by_name(ctx, clause))
    yield from problems
    if not problems:  # one finding a row: a value judged by its name is reported once
        yield from _against_the_sign(ctx, clause)


_FLOOR_OR_CAP = {">=": "floor", ">": "floor", "<=": "cap", "<": "cap"}
"""A parsed comparator's direction: a floor or a cap."""
_SIGN_FLOOR_OR_CAP = {"≥": "floor", ">": "floor", "≤": "cap", "<": "cap"}
"""The direction a 指标方向 cell states (its sign, ``≥`` for 正向): ``=`` is neither."""
_BOUND = {"floor": ("下限", "floor"), "cap": ("上限", "ceiling")}


def _against_the_sign(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A value whose written comparator points the other way from the row's
    指标方向 (``≥ | 90 | % | 反向``, ``≤5% | 正向``, ``不低于0.3万元 | 反向``):
    one finding a row, at the direction cell, when every directed value of
    the row contradicts it. A value that took its comparator from the
    direction agrees with it; ``=``, text and a blank, ``/`` or ``中性``
    direction (no sign) are no contradiction. When one value agrees and the
    other does not, the two values disagree: ``annual-period-mismatch``'s."""
    cells = row_cells(ctx.project, clause)
    if cells is None:
        return
    sign = cells.extras.get("sign")
    stated = _SIGN_FLOOR_OR_CAP.get(sign.value) if sign is not None else None
    if sign is None or stated is None:
        return
    directed = [
        value_field
        for value_field in clause.fields
        if value_field.value.kind == "quantity"
        and value_field.value.comparator in _FLOOR_OR_CAP
        and ctx.facts.value(clause, value_field).owner is None
    ]
    against = [f for f in directed if _FLOOR_OR_CAP[f.value.comparator or ""] != stated]
    if not against or len(against) < len(directed):
        return
    value_field = against[0]
    args = value_args(clause, value_field)
    direction = cells.extras.get("direction")
    args["direction"] = direction.value.strip() if direction is not None else sign.value
    args["bound_zh"], args["bound_en"] = _BOUND[_FLOOR_OR_CAP[value_field.value.comparator or ""]]
    yield Problem(sign.span(), "against-sign", args, field=args["field"], excerpt=args["direction"])


def _by_name(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """The findings judged from the indicator's name and category."""
    quantities = [
        f
        for f in ctx.facts.distinct_values(clause)
        if f.value.kind == "quantity" and ctx.facts.value(clause, f).owner is None
    ]
    fields = [f for f in quantities if f.value.comparator in _DIRECTED]
    equals = [f for f in quantities if _EQUALS.match(f.text)]
    if not fields and not equals:
        return
    options = ctx.options
    (
        positive,
        negative,
        ceiling,
        neutral_words,
        cost_floors,
        time_limits,
        long_durations,
        levels,
    ) = ctx.memo.get(
        _PATTERNS,
        lambda: tuple(
            any_of(options[key])
            for key in (
                "positive",
                "negative",
                "ceiling_rates",
                "neutral",
                "cost_floors",
                "time_limits",
                "long_durations",
                "positive_levels",
            )
        ),
    )
    names = ctx.memo.get(_POLARITY, dict)
    if clause.name not in names:
        name = normalize(clause.name)
        if neutral_words.search(name):
            names[clause.name] = "neutral"
        elif levels.search(name):
            names[clause.name] = "level"
        else:
            names[clause.name] = _polarity(name, positive, negative, ceiling)
    by_name = names[clause.name]
    if by_name == "neutral":
        return
    if equals and by_name != "negative":
        yield from _equals_on_a_floor(ctx, clause, equals)
    if not fields:
        return
    percent = ctx.options["percent_units"]
    wrong: list[tuple[ValueField, str]] = []
    judged = len(fields)
    own_work = _WORK_COUNT.search(normalize(clause.name)) is not None
    for value_field in fields:
        value = value_field.value
        if by_name == "level":  # better when higher, in any unit
            if value.comparator in _LOWER:
                wrong.append((value_field, "default"))
            continue
        if (
            by_name == "negative"
            and unit_family(value.unit) in COUNTED_FAMILIES
            and ctx.facts.name_measure(clause.name) == "cost"
        ):
            judged -= 1  # 设备采购成本 ≥300台: no amount of money, implausible-unit's finding
            continue
        polarity = by_name
        if value.prefix:
            polarity = _polarity(normalize(value.prefix), positive, negative, ceiling) or polarity
        if polarity is None and _spending(ctx, clause, value_field, cost_floors):
            polarity = "spending"
        if value.per is None and unit_family(value.unit) == "time":
            # a duration: a time to deliver in is capped, one to provide is not
            text = normalize(clause.name + value.prefix)
            polarity = _duration_polarity(text, time_limits, long_durations, polarity)
        if polarity == "positive" and value.comparator in _LOWER and value.unit in percent:
            wrong.append((value_field, "default"))
        elif polarity in ("negative", "time-limit", "spending") and value.comparator in _HIGHER:
            wrong.append((value_field, polarity))
        elif (
            (polarity is None or (polarity == "positive" and own_work))
            and value.comparator in _LOWER
            and _output_count(ctx, clause, value)
        ):
            wrong.append((value_field, "ceiling-count"))
    if len(wrong) < judged:
        # One value points the right way and the other not: the two values
        # disagree, which annual-period-mismatch reports (one slip, one finding).
        return
    for value_field, key in wrong:
        args = value_args(clause, value_field)
        keyword = args["field"]
        if key == "spending":
            if ctx.facts.category_kind(clause, LEVEL1_KINDS) == "cost":
                category = clause.level2 or clause.level1
                args["why_zh"] = f"归入「{category}」"
                args["why_en"] = f"filed under “{category}”"
            else:
                args["why_zh"], args["why_en"] = "每单位的金额", "money per a unit"
        yield Problem(value_field.span, key, args, field=keyword, excerpt=value_field.text)


_STOCK: Key[re.Pattern[str]] = Key("guidance.stock-counts")
_ADVERSE: Key[re.Pattern[str]] = Key("guidance.adverse-names")
_WORK_COUNT = re.compile(
    r"(?:演练|演习|巡查|巡检|检查|督查|抽查|督导|培训|宣传|宣讲|检测)(?:活动|会|班|课)?"
    r"(?:人次|人数|场次|次数|期数|批次|班次|场|次|期)$"
)
"""A count of the work the project does itself (培训人次, 宣传活动场次, 安全检查次数):
named for that work, it reads as more is better (``ACTION_COUNT``), and a
ceiling on it is met by doing nothing all the same. Not the handling of what
comes in (受理投诉件数, 扑救火灾次数), nor what the work turns up (督查通报次数)."""


_BUILT = re.compile(
    r"新建|新增|建设|建成|修建|改建|扩建|改造|铺设|敷设|硬化|绿化|种植|造林|植树|治理|整治|清淤"
    r"|疏浚|复垦|修复|提升|完成"
    r"|维修|修缮|翻新|翻修|整修|修葺|修补|大修|中修|加固|改良|更新|更换"
)
"""What a project builds, repairs or renovates, or does to the land (新建道路,
修缮校舍, 维修道路, 改造管网, 新增绿化, 清淤): its length, area, volume or
weight is an output, more is better."""
_HARM = r"垃圾|废[弃物水渣料气]|裸露|积水|内涝|流失|污染|违法|违建|隐患|破损|损坏|坍塌|病害|渗漏"
_HELD_DOWN = re.compile(r"用地|占地|占用|排放|能耗|耗[水电能材]|损耗|损失|产生|剩余|待|" + _HARM)
"""Land taken, what is consumed, emitted, lost or left undone, and harm
(新增建设用地面积, 建设期间产生建筑垃圾量, 剩余待改造面积, 新增积水面积):
held down."""
_TREATED = re.compile(
    r"(?:" + _HARM + r")\S{0,4}?(?:治理|整治|修复|清理|清运|清除|消除|处置|处理|拆除|复绿"
    r"|维修|修缮|修补|整修|翻修|加固)"
)
"""Harm the work removes or repairs (水土流失治理面积, 违建拆除面积, 建筑垃圾清运量,
破损路面修补面积): what is treated is the output."""
_WHEN = re.compile(r"(?:" + _BUILT.pattern + r")+(?:后|期间|过程中|完成后|以后|时|前)")
"""A time named by the work (建设期间, 治理后, 提升改造后): the words after
it measure something else than what is built."""
_EACH = re.compile(
    r"宽度?$|高度?$|深度?$|厚度?$|间距$|半径$|距离$|坡度$"
    r"|^(?:平均)?(?:单[次个处项座条栋间]|每[次个处项座条栋间宗])"
)
"""The size of each thing built (车道宽度 ≤3.5米) or of each job done (单次维修长度
≤50米, 每处修补面积), not how much is built."""


def _physical_output(name: str, value: Value) -> bool:
    """Whether a value is the length, area, volume or weight of what the
    project builds or does (``新建道路长度 ≤5公里``, ``新增绿化面积``): an output
    like a count. Not a distance kept within (服务半径 ≤3公里, 巡查里程), nor
    land taken or what is consumed or emitted (新增建设用地面积)."""
    return (
        physical_unit(value.unit or "")
        and _BUILT.search(_WHEN.sub("", name)) is not None
        and _HELD_DOWN.search(_TREATED.sub("", name)) is None
        and _EACH.search(name) is None
    )


def _output_count(ctx: Context, clause: Clause, value: Value) -> bool:
    """Whether ``value`` is one count of what a project delivers, under 数量
    (``举办招聘会场次 ≤20场``, and the work the project does: 培训人次 ≤500人次,
    宣传活动场次 ≤10场): more is better, not of a stock, a quota or an adverse
    event, nor of the work that answers one (受理投诉件数, 隐患排查次数: how
    many come is not the project's to choose), above zero."""
    if ctx.facts.category_kind(clause, LEVEL1_KINDS) != "quantity" or is_adverse(clause):
        return False
    name = normalize(clause.name)
    stock = ctx.memo.get(_STOCK, lambda: any_of(ctx.options["stock_counts"]))
    if stock.search(name):
        return False
    adverse = ctx.memo.get(_ADVERSE, lambda: any_of(VOCABULARY.adverse_names))
    if adverse.search(name):
        return False
    if len(value.targets) != 1:
        return False
    if unit_family(value.unit) not in COUNTED_FAMILIES and not _physical_output(name, value):
        return False
    number = value.targets[0].number
    return number is not None and number > 0


def _equals_on_a_floor(ctx: Context, clause: Clause, equals: list[ValueField]) -> Iterator[Problem]:
    """``=`` written on an output count (``培训人数 =420人``, ``等于300户`` under
    数量): the count is a floor, and doing more would miss an "equal" target.
    Not on a stock kept up or
    all of a kind (``stock_counts``), an adverse count, zero, a rate or an
    amount of money or time."""
    facts: Facts = ctx.facts
    if facts.category_kind(clause, LEVEL1_KINDS) != "quantity" or is_adverse(clause):
        return
    stock = ctx.memo.get(_STOCK, lambda: any_of(ctx.options["stock_counts"]))
    if stock.search(normalize(clause.name)):
        return
    for value_field in equals:
        value = value_field.value
        if len(value.targets) != 1 or unit_family(value.unit) not in COUNTED_FAMILIES:
            continue
        number = value.targets[0].number
        if number is None or number <= 0:
            continue
        args = value_args(clause, value_field)
        yield Problem(
            value_field.span,
            "equals-floor",
            args,
            field=args["field"],
            excerpt=value_field.text,
        )
