"""The ``placeholder`` rule, of the ``content`` group: placeholder text left
from a draft (``待补充``, ``XXX``, ``……``, ``年度计划数``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import AT_TEXT_START, BOTH, field_name, normalize, sub_span
from audit.model import (
    AMOUNT_FIELDS,
    AMOUNT_LABELS,
    ANNUAL,
    PERIOD,
    TERM_TOTAL_LABEL,
    Clause,
    Project,
    Span,
    Text,
)
from audit.values import SHEET_ERROR
from audit.vocabulary import VOCABULARY

_MEASURE_WORDS = "|".join(
    sorted(
        {
            *VOCABULARY.count_units,
            *VOCABULARY.money_units,
            *VOCABULARY.time_units,
            *("万", "平方米", "公里", "千米", "米", "吨", "亩", "公顷", "平方公里", "立方米"),
        },
        key=lambda word: (-len(word), word),
    )
)
"""The units a number is written before (人, 万元, 小时, 亩): what follows a
blank mark standing where the number goes."""

_AT_NUMBER = (
    # where the number goes: before a percentage, a digit, a unit, a date's
    # 年/月/日 (X人次以上, ≥×人, 2025年×月×日前)
    r"(?=[ \t]*(?:[%％‰\d０-９]|[年月日号]|" + _MEASURE_WORDS + r"))"
)

_BLANK_AT_NUMBER = (
    # the same for a mark that may also open a list (○完成项目验收): the unit
    # or the date's word ends the text or its clause (○万元；, □月底前)
    r"(?=[ \t]*(?:[%％‰\d０-９]|[年月日号](?![\u4e00-\u9fff]{2})"
    r"|(?:" + _MEASURE_WORDS + r")(?![\u4e00-\u9fff])))"
)

_NUMERALS = "零一二三四五六七八九十百千万〇○"
"""Chinese numerals: 〇 and ○ among them are a zero (二〇二五年), no blank."""

_INSTRUCTION_VERBS = "填写|填报|填列|填入|输入|录入|补充|完善|描述|简述|概述|阐述|列明"

_NOT_YET = (
    # 待 + who decides or supplies (optional) + a verb of deciding or supplying
    r"待(?:单位|部门|科室|上级|上级部门|主管部门|有关部门|相关部门|财政|财政部门|省|市|县|区"
    r"|省级|市级|县级|区级|领导|后续|进一步)?"
    r"(?:核定|测算|下达|分配|明确|落实|研究|商定|审定|核算|计算|统计|评估|批复|安排|论证"
    r"|协商|决定|审核|审批|匡算|细化|制定|拟定|核准|认定|上报|报批|公布|发布|调查|摸底)"
    r"(?:后(?:再)?(?:确定|再定|" + _INSTRUCTION_VERBS + r"))?"
    # filled in once something else is done: 核算后填列, 验收后再填报
    r"|后(?:再)?(?:" + _INSTRUCTION_VERBS + r")"
    # not decided, not known, not there yet: 未定, 尚未确定, 暂缺, 不详
    r"|(?:尚|暂|还|目前|暂时|当前)?(?:未|没有?)(?:定|确定|明确|核定|测算|下达|知)|暂缺|不详"
    # decided by what happens: 视情况而定, 视资金到位情况而定, 根据实际情况确定
    r"|视[^\x00\d０-９，,。；;]{0,10}?而定|(?:根据|依据|按照?)(?:实际)?情况(?:而定|确定)"
)
"""Words that say the target is not there yet (``placeholder``, when they are
the whole text with no number beside them)."""

PLACEHOLDER_PATTERNS: list[str] = [
    r"待(?:单位|部门|科室)?(?:补充|填报|填写|填|完善|确认|确定|核实|定)",
    r"[XxＸｘ](?<![A-Za-zＡ-Ｚａ-ｚ][XxＸｘ])[XxＸｘ]+(?![A-Za-zＡ-Ｚａ-ｚ])",
    # one X where the number goes: X人次, ≥X%, X万元, 2025年X月 (not X光, X射线, nor
    # the X of a product after a number: 3X3篮球)
    r"(?=[XxＸｘ])(?<![A-Za-zＡ-Ｚａ-ｚ\d０-９])[XxＸｘ](?![A-Za-zＡ-Ｚａ-ｚ])" + _AT_NUMBER,
    r"[×＊*][×＊*]+",
    # the last digits of a year left as a mark: 202X年, 202×年度 (a template's year)
    r"(?<![\d０-９])(?:19|20|１９|２０)[\d０-９]?[XxＸｘ×](?=[ \t]*年)",
    # one × where the number goes (≥×人, 2025年×月×日前), not a product (3×4, 7×24小时)
    r"(?=×)(?<![\d０-９.．])×(?![\d０-９])" + _AT_NUMBER,
    r"(?=×)(?<=[≥≤＞＜><＝=年月])×(?![\d０-９×])",
    # blank marks where digits go: a run of boxes or circles (≥□□人, 〇〇座;
    # not the 〇 of a year written in numerals, 二〇二五年), or one beside a
    # comparator, a digit or before a unit (≥□人, □%); a circle before words
    # is a list's bullet (○完成项目验收)
    rf"(?=[□○〇◯☐])(?<![{_NUMERALS}□◯☐])(?:[□○〇◯☐]{{2,}}|(?<=[≥≤＞＜><＝=\d０-９.．年月])[□○〇◯☐]"
    rf"|[□○〇◯☐]{_BLANK_AT_NUMBER})(?![零一二三四五六七八九〇○□◯☐])",
    # a run of zeros standing for the number (0000, ≥0000人): not a zero of a
    # number (2000人, 0.00), nor one zero alone (zero-target's), nor a generation
    # (00后, those born in 2000–2009)
    r"(?=[0０])(?<![\d０-９.．,，:：/\-－?？])[0０]{2,}(?![\d０-９.．:：后])",
    # an instruction to the drafter left in: 请填写…, 请根据项目实际情况填写绩效目标,
    # 此处填写…, 根据实际填写, 按实际填报, 填写说明：…, （填写数值）; 请 opens the text
    # or a clause (not 申请, 邀请)
    r"(?=请)(?<![^\x00\s（(【\[〔「“<《：:，,。；;、])请(?!示|假|求|愿|柬)[^\x00，,。；;！!]{0,20}?(?:"
    + _INSTRUCTION_VERBS
    + r")",
    r"此处(?:应|请)?(?:" + _INSTRUCTION_VERBS + r")",
    # the cell itself told how it is filled in: 此栏由项目单位填写, 本栏不超过300字填写,
    # 此处不再重复填写
    # (not 此处理, 本处室; within the sentence, up to its first comma)
    r"(?:此|本)(?:栏|处|格)(?![理室置罚])[^\x00。；;！!，,]{0,16}?(?:" + _INSTRUCTION_VERBS + r")",
    # (the instruction alone, not a task of the project: 指导调查对象根据实际情况如实填报统计数据)
    r"(?:根据|按照?|依据|结合|视)(?:项目|单位)?的?实际(?:情况)?(?:如实)?(?:填写|填报|填列)"
    r"(?![^\x00\s）)】\]〕。.；;，,：:])",
    r"(?:填写|填表|填报)说明(?=[ \t]*[：:）)】\]〕]|[ \t]*(?![^\x00]))",
    r"(?=填写)(?:(?<![^\x00])|(?<=[（(【\[〔]))填写(?:具体|实际|相应|准确)?"
    r"(?:数值|数字|数量|内容|目标值|指标值|目标|指标|金额|日期|时间|名称|说明)",
    # not there yet, with no target beside it: the whole text (at most a few
    # words before it: 具体数值待测算; a list's comparator before it: ≥待核定),
    # without a digit (≥300人，待核定 is a target with a note)
    AT_TEXT_START
    + r"[^\x00\d０-９≥≤＞＜><＝=]{0,12}?(?:"
    + _NOT_YET
    + r")[ \t]*[）)】\]〕]?[ \t]*[。.；;]?"
    r"(?![^\x00])",
    r"某某+",
    # the template's example left in front of a value (例：≥90%, 如：≥90%, 示例：…)
    AT_TEXT_START + r"[ \t]*[（(【\[]?[ \t]*(?:例|例如|如|示例|举例|样例)[ \t]*[：:]",
    # an empty bracket the template left to be filled in (≥500家【】, ≥300（ ）); one
    # where the number goes (≥（  ）%) is empty-value's
    r"(?=[【［\[（(〔])(?<![≥≤＞＜><＝=\s])"
    r"(?:【[ \t\u3000_]*】|［[ \t\u3000_]*］|\[[ \t_]*\]|（[ \t\u3000_]*）"
    r"|\([ \t_]*\)|〔[ \t\u3000_]*〕)",
    # An ellipsis not followed by 等; tried once per run of dots (the look-behinds),
    # whose length is never given back (possessive), so a long run is linear. The
    # look-ahead names its first characters, so other text is skipped quickly.
    r"(?=[…\.。·])(?:(?<!…)…++|(?<!\.)\.\.\.++|(?<!。)。。。++|(?<!·)···++)(?![…\.。·]|\s*等)",
    r"年度计划数",
    r"另行通知",
    # A value that points elsewhere instead of stating itself (详见附件, 见附表2,
    # 见说明), not 意见 (征求意见附件)
    r"(?=详?见)(?<![意])(?:详)?见(?:附件|附表|说明|备注|下表|上表)",
    # a pointer to another cell: 见上栏, 同上栏, 详见上表, 同左栏, 见上行 (not 不同, 相同,
    # nor 见下列, "the following")
    r"(?<![不相共如等])(?:详见|参见|见|同)(?:上|下|前|左|右)一?(?:栏|表|行|格)",
    # the whole text a pointer to a document or another year standing for it: 详见项目申报书,
    # 详见项目申报书中的项目绩效目标部分, 参照上年度绩效目标, 内容同上 (not a target that
    # cites one: 按照《…实施方案》要求，完成…; 参照国家标准建设…)
    AT_TEXT_START + r"[ \t]*(?:(?:详见|请见|参见|见|参照|参考|同|依照)[^\x00\d０-９，,。；;]{0,16}?"
    r"(?:申报书|申报表|申请书|实施方案|工作方案|方案|报告|文件|附件|附表|材料|上年度?[^\x00\d０-９，,。；;]{0,6}?"
    r"(?:目标|指标|内容))(?:中的?[^\x00\d０-９，,。；;]{0,12})?"
    r"|(?:内容|目标|绩效目标|指标)同上)"
    r"[ \t]*[，,。.；;]?[ \t]*(?:此处[^\x00]{0,12})?(?![^\x00])",
    # A whole text that stands where content is owed: left out (略, 空), the
    # row above repeated by reference (同上), a promise to state it later or
    # to take whatever happens (按实际, 以实际为准, 另行确定, 另行下达, 暂定), English
    # placeholders (TBD, N/A). The whole text: from its start (or a comparator
    # a list's 指标性质 column put before it: ≥同上) to its end, where the texts
    # scanned together are joined by NUL (audit/facts.py, _scan).
    # The word may stand in brackets: 【待补】, （略）.
    AT_TEXT_START + r"[ \t]*[（(【\[〔]?[ \t]*"
    r"(?:略|空|同上|同上年|同前|同左|参照上年|参考上年|按实际|按实际情况|按实际发生|(?:具体)?以实际(?:情况)?为准|另行(?:确定|下达|制定|明确|安排|分配|印发)|待补|暂定|TBD|TBC|[Nn]/?[Aa])"
    r"[ \t]*[）)】\]〕]?[ \t]*[。.；;]?[ \t]*(?![^\x00])",
    SHEET_ERROR,  # a formula's error value (#DIV/0!, #REF!, #N/A) where its result belongs
]


TEMPLATE_VALUES: list[str] = [
    "数值",
    "具体数值",
    "定量指标",
    "定性指标",
    "非量化指标",
    "非具体量化指标",
    "量化指标",
    "指标值",
    "目标值",
]


TEMPLATE_NAMES: list[str] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标名称",
    "指标",
    "绩效指标",
    "具体指标",
    "指标内容",
]

_NUMBERED = re.compile(
    # the template's rows numbered: 指标1, 指标一, 指标（二）, 指标十二
    rf"(?:[\d０-９]+|[{_NUMERALS}]+|[（(][\d０-９{_NUMERALS}]+[）)])$"
)
_BRACKETED = re.compile(r"^[（(【\[〔]\s*(.*?)\s*[）)】\]〕]$")
_LABEL_TAIL = re.compile(r"(?:名称|内容)$")


def template_name(name: str, template_names: frozenset[str]) -> bool:
    """Whether an indicator's name is a heading of the template (``三级指标``,
    ``指标名称``), in brackets or numbered too (``（三级指标）``, ``指标1``,
    ``指标一``), or such a heading with the label of its cell
    (``（三级指标名称）``)."""
    text = normalize(name)
    bracketed = _BRACKETED.match(text)
    if bracketed is not None:
        text = bracketed.group(1)
    text = _NUMBERED.sub("", text)
    return text in template_names or (
        _LABEL_TAIL.sub("", text) in template_names and text not in ("", "名称", "内容")
    )


_A_WORD = re.compile(r"[^\W_]")
"""A letter or a digit of any script."""


def no_name(name: str) -> bool:
    """Whether a name holds no word at all, only marks (``*``, ``—``, ``/``):
    the template's mark for a field to fill in, or a cell kept blank by a
    stroke. An empty name is ``missing-field``'s, and a row struck out
    whole (``/`` as the name and the values) ``empty-value``'s."""
    text = name.strip()
    return bool(text) and _A_WORD.search(text) is None


@rule(
    "placeholder",
    group="content",
    severity="error",
    scope="project",
    messages={
        "default": (
            "{field_zh}含占位文字「{text}」：应填写实际内容",
            "placeholder “{text}” in the {field_en}: write the actual content",
        ),
        "template": (
            "{field_zh}「{text}」是模板文字，不是目标值：应填写具体目标",
            "the {field_en} “{text}” is a word of the template, not a target: write the target",
        ),
        "no-name": (
            "{field_zh}只有「{text}」，没有写指标名称：应填写具体指标",
            "the {field_en} is only “{text}”: write the indicator's name",
        ),
        "template-name": (
            "{field_zh}「{text}」是模板的表头文字，不是指标名称：应填写具体指标",
            "the {field_en} “{text}” is a heading of the template, not a name: write the "
            "indicator's name",
        ),
        "none": (
            "{field_zh}只写了「{text}」：这条指标应有目标值，应填写具体目标",
            "the {field_en} says only “{text}”: the indicator needs a target; write it",
        ),
        "sheet-error": (
            "{field_zh}是电子表格的公式错误「{text}」：公式已失效，应改正公式或填写实际内容",
            "the {field_en} is the spreadsheet error “{text}”: its formula failed; correct "
            "the formula or write the actual content",
        ),
    },
    options={
        "patterns": Option(
            "list[regex]",
            PLACEHOLDER_PATTERNS,
            "placeholders left from a draft (regular expressions, searched in every field)",
        ),
        "template_values": Option(
            "list[str]",
            TEMPLATE_VALUES,
            "target values that are only a word of the template (定量指标, 非量化指标)",
        ),
        "template_names": Option(
            "list[str]",
            TEMPLATE_NAMES,
            "indicator names that are only a heading of the template (三级指标, 指标名称)",
        ),
    },
    doc_zh="""
    草稿中的占位文字未替换（待补充、XXX、……、年度计划数）。

    检查内容
    --------
    在项目名称、绩效目标、项目的金额（「待补充」写在应填金额处，项目总投资也是）、每个指标名称和每个指标值中，以及全国模板指标表的说明栏（指标值说明、备注）和标准栏
    （绩效标准、评（扣）分标准）中（说明栏只写「略」「同上」「见上栏」的不算），查找草稿的占位文字：「待单位补充」「待补充」
    「待定」「待填」「XXX」「ＸＸ」、数字处的一个X（「X人次」「≥X%」「2025年X月」，不是「X光」）、「×××」「某某」「……」「...」「年度计划数」（应填计划数的地方）、
    模板留下的示例（「例：≥90%」「如：≥90%」）和空括号（「≥500家【】」；比较符号后的
    「≥（  ）%」归 empty-value）、
    「另行通知」，指向别处而不写出内容的（「见附件」「详见附表」「见说明」），整个只写了「略」「空」
    「同上」「同上年」「参照上年」「按实际」「以实际为准」「另行确定」「另行下达」「待补」「暂定」「TBD」「N/A」的
    （前面可有清单指标性质栏带来的比较符号：「≥同上」，也可以加括号：「【待补】」「（略）」），电子表格的公式错误（「#DIV/0!」「#REF!」
    「#N/A」：公式失效，应有的结果没有算出），以及只写了模板用语的指标值（「定量指标」
    「非量化指标」：把模板的指标性质栏贴到了目标值处）。

    还有：

    - 留给填表人的说明：以「请」开头的填写要求（「请填写」「请根据项目实际情况填写绩效目标」
      「（请填写三级指标）」，不是「申请」「邀请」）、「此处填写……」「根据实际填写」「按实际填报」
      「填写说明：……」「（填写数值）」，说明本栏怎样填的（「此栏/本栏/此处」加填写的动词：
      「此栏由项目单位填写」「此处不再重复填写」）；
    - 指向别处而不写出内容的：别的栏、行或表（「见上栏」「同上栏」「详见上表」），整段只是一份文件
      或上一年度的指向（「详见项目申报书」「详见项目申报书中的项目绩效目标部分」「参照上年度绩效目标」
      「内容同上」）；引用文件而写了目标的（「按照《…实施方案》要求，完成…」「参照国家标准建设…」）
      不算；
    - 说明目标还没有的话，整个值没有数字时（「待核定」「待测算」「待上级下达」「待分配」
      「具体数值待明确」「未定」「尚未确定」「暂缺」「不详」：待＋决定或提供的动词，或未定、暂缺；
      「待核算后填列」「核算后填列」：某事之后再填；「视情况而定」「根据实际情况确定」：看情况定）；
      带着目标的备注（「≥300人（待核定）」）、名称中的「待遇」「待业」「暂住」、「未发生」不算，
      上级下达的任务（「按上级下达任务数」「完成当年市下达任务」：定性的值，数量指标中由
      not-quantified 报告）也不算；
    - 数字处的空白记号：方框和圆圈（「≥□□人」「〇〇座」「≥○人」「□%」，不是年份数字中的
      「〇」——「二〇二五年」——也不是列表前的「○」）、日期中的「×」（「2025年×月×日前」，
      不是乘号：「3×4」「7×24小时」），留作记号的年份末位（模板的「202X年」「202×年度」），
      以及代替数字的一串 0（「0000」「≥0000人」；单独的「0」
      由 zero-target 判断，「2000人」不算）；
    - 指标名称只是模板表头的（「三级指标」「指标名称」「指标1」「指标一」「指标（二）」，以及加上
      本栏标签的「（三级指标名称）」），或没有一个字、只有符号的（「*」「—」「/」；整行都只是
      「/」的，由 empty-value 报告）；
    - 指标值只是括号中的模板用语，带着比较符和单位的（「（数值）%」「≥（具体数值）人次」）。

    指标值只写了「无」「暂无」的，这条指标应有目标值，也报告；不希望发生的事件（rules/vocabulary.yaml
    的 adverse_names：「安全生产事故 无」）、对他人的影响（「施工对周边生态环境的影响 无」「噪声扰民
    无」「社会负面影响 无」）、不是金额的成本类（rules/taxonomy.yaml 的 burdens：社会成本指标、
    生态环境成本指标，满意度除外）和是否类指标（「是否发生违规 无」）的「无」就是目标，不报告。
    每处占位文字按其确切位置报告，这样的值不再由 not-quantified、zero-target 报告。省略号后接「等」
    （列举中的「等等」）不算占位；「略有提高」「同上年度持平」中的字不算。绩效目标
    整个是「略」「暂无」等的，由 missing-goal 报告。

    为什么有问题
    ------------
    公开的表格不能有未完成的文字：占位文字占着名称、目标或指标值的位置，审核人员没有可以核对的
    内容。

    示例
    ----
    错误：

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。

    正确：

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:2台；年度指标值:2台。

    选项
    ----
    patterns：占位文字（正则表达式列表），默认为上述各项。
    template_values：整体等于模板用语的指标值（字符串列表；也可加括号，带比较符和单位：「（数值）%」）。
    template_names：只是模板表头的指标名称（字符串列表，可加括号或编号：「（三级指标）」「指标1」「指标一」）。
    """,
)
def placeholder(ctx: Context, project: Project) -> Iterator[Problem]:
    """Placeholder text left from a draft (``待补充``, ``XXX``, ``……``, ``年度计划数``).

    What it does
    ------------
    Searches the project name, the goal, the project's amount cells (``待补充``
    where the amount goes; 项目总投资 too), every indicator name and every
    target value, and the national template's note and standard columns
    beside the values (指标值说明, 备注; 绩效标准, 评（扣）分标准; a note of only
    ``略``, ``同上`` or ``见上栏`` aside), for the placeholders of unfinished
    drafts: ``待单位补充``,
    ``待补充``, ``待定``, ``待填``, ``XXX``, ``ＸＸ``, one X where a number
    goes (``X人次``, ``≥X%``, ``2025年X月``, not ``X光``), ``×××``, ``某某``,
    ``……``, ``...``, ``年度计划数`` (where the planned number belongs), the
    template's example (``例：≥90%``, ``如：≥90%``) and an empty bracket (``≥500家【】``; one
    right after a comparator, ``≥（  ）%``, is ``empty-value``'s),
    ``另行通知``, a spreadsheet's error value (``#DIV/0!``, ``#REF!``,
    ``#N/A``: a formula that failed where its result belongs), text that
    points elsewhere instead of stating itself (``见附件``, ``详见附表``,
    ``见说明``), a whole text that is only ``略``, ``空``, ``同上``, ``同上年``,
    ``参照上年``, ``按实际``, ``以实际为准``, ``另行确定``, ``另行下达``, ``待补``, ``暂定``,
    ``TBD`` or ``N/A`` (after a comparator a list's 指标性质 column put there:
    ``≥同上``; or in brackets: ``【待补】``, ``（略）``), and target values
    that are only a word of the template (``定量指标``, ``非量化指标``: the
    template's 指标性质 column pasted where the target belongs).

    And:

    - an instruction to the drafter left in: a request that opens with 请
      (``请填写``, ``请根据项目实际情况填写绩效目标``, ``（请填写三级指标）``;
      not 申请, 邀请), ``此处填写…``, ``根据实际填写``, ``按实际填报``,
      ``填写说明：…``, ``（填写数值）``, and what says how the cell is
      filled in (此栏/本栏/此处 with a verb of filling: ``此栏由项目单位填写``,
      ``此处不再重复填写``);
    - a pointer elsewhere instead of the content: another cell, row or
      table (``见上栏``, ``同上栏``, ``详见上表``), or a whole text that
      only points to a document or the year before (``详见项目申报书``,
      ``详见项目申报书中的项目绩效目标部分``, ``参照上年度绩效目标``,
      ``内容同上``); a target that cites a document
      (``按照《…实施方案》要求，完成…``, ``参照国家标准建设…``) is not;
    - words that say the target is not there yet, where the whole value has
      no number: 待 + a verb of deciding or supplying (``待核定``, ``待测算``,
      ``待上级下达``, ``待分配``, ``具体数值待明确``), ``未定``, ``尚未确定``,
      ``暂缺``, ``不详``, filled in once something else is done
      (``待核算后填列``, ``核算后填列``), decided by what happens
      (``视情况而定``, ``根据实际情况确定``); a target with a note
      (``≥300人（待核定）``), 待遇, 待业 and 暂住 in a name, ``未发生``, and
      the tasks a higher level assigns (``按上级下达任务数``, ``完成当年市下达任务``:
      qualitative values, which not-quantified reports under 数量) are not;
    - blank marks where digits go: boxes and circles (``≥□□人``, ``〇〇座``,
      ``≥○人``, ``□%``; not the 〇 of a year in numerals, ``二〇二五年``, nor
      a list's bullet ``○``), ``×`` in a date (``2025年×月×日前``; not a
      product, ``3×4``, ``7×24小时``), the last digit of a year left as a
      mark (a template's ``202X年``, ``202×年度``), and a run of zeros standing for the
      number (``0000``, ``≥0000人``; a single 0 is ``zero-target``'s,
      ``2000人`` is a number);
    - an indicator name that is only a heading of the template (``三级指标``,
      ``指标名称``, ``指标1``, ``指标一``, ``指标（二）``, or with the label of
      its cell: ``（三级指标名称）``), or no word at all, only marks (``*``,
      ``—``, ``/``; a row of ``/`` only is ``empty-value``'s);
    - a target value that is only a word of the template in brackets, with
      its comparator and unit (``（数值）%``, ``≥（具体数值）人次``).

    A target value of only ``无`` or ``暂无`` is reported too where the
    indicator needs a target; for events a table wants none of
    (``adverse_names`` in ``rules/vocabulary.yaml``: ``安全生产事故 无``), an
    effect on others (``施工对周边生态环境的影响 无``, ``噪声扰民 无``,
    ``社会负面影响 无``), every indicator of a cost category that is no money
    (``burdens`` in ``rules/taxonomy.yaml``: 社会成本指标, 生态环境成本指标)
    but a satisfaction level, and a yes/no indicator (``是否发生违规 无``) 无
    is the target. Each placeholder is reported at its exact characters, and
    such a value is not also ``not-quantified``'s or ``zero-target``'s. An
    ellipsis followed by ``等`` (an "etc." in a list) is not a placeholder,
    nor are those words inside a target of their own (``略有提高``,
    ``同上年度持平``). A goal that is only ``略`` or ``暂无`` is
    ``missing-goal``'s.

    Why is this bad?
    ----------------
    A published table must not contain unfinished text: the placeholder
    stands where a name, a goal or a target should be, and the reviewer has
    nothing to check.

    Example
    -------
    Bad::

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。

    Good::

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:2台；年度指标值:2台。

    Options
    -------
    ``patterns`` (list of regular expressions): the placeholders; default the
    list above.
    ``template_values`` (list of strings): whole target values that are a
    word of the template, also in brackets with a comparator and a unit
    (``（数值）%``); default ``数值 具体数值 定量指标 定性指标 非量化指标
    非具体量化指标 量化指标 指标值 目标值``.
    ``template_names`` (list of strings): indicator names that are only a
    heading of the template, also in brackets or numbered (``（三级指标）``,
    ``指标1``); default ``一级指标 二级指标 三级指标 指标名称 指标 绩效指标
    具体指标 指标内容``.
    """
    shared = ctx.facts
    texts: list[tuple[str, Text]] = [("name", project.name)]
    if project.goal is not None:
        texts.append(("goal", project.goal))
    for text_field, text in texts:
        if text_field == "goal" and shared.is_empty_goal(text.value.strip()):
            continue  # 略, 暂无 as the whole goal: missing-goal's finding
        for start, end, found in shared.placeholders(text.value):
            yield _placeholder_problem(text.span(start, end), text_field, found, None)
    # An amount not written yet (本年安排 | 待补充): the cell's placeholder,
    # not also amount-format's "not a number" (Facts.amount_placeholders).
    amounts = [(column, project.amounts.get(column)) for column in AMOUNT_FIELDS]
    for column, amount in (*amounts, ("term_total", project.term_total)):
        if amount is None:
            continue
        for start, end, found in shared.amount_placeholders(amount):
            yield _placeholder_problem(
                amount.text.span(start, end), f"amount.{column}", found, None, words=column
            )
    # The same in words the reader did not take for a placeholder (本年安排 |
    # 待落实, or a pattern the configuration adds): Facts.unwritten_amounts.
    for column, text, hits in shared.unwritten_amounts(project):
        for start, end, found in hits:
            yield _placeholder_problem(
                text.span(start, end), f"amount.{column}", found, None, words=column
            )
    template_names = frozenset(ctx.options["template_names"])
    for clause in project.clauses:
        if not isinstance(clause, Clause):
            continue
        if template_name(clause.name, template_names):
            yield _placeholder_problem(
                clause.name_span, "indicator", clause.name, clause.number, "template-name"
            )
        elif (
            no_name(clause.name)
            and not shared.placeholders(clause.name)
            # a row struck out whole (/ as the name and the values) is empty-value's
            and any(field.value.kind != "empty" for field in clause.fields)
        ):
            yield _placeholder_problem(
                clause.name_span, "indicator", clause.name.strip(), clause.number, "no-name"
            )
        for start, end, found in shared.placeholders(clause.name):
            span = sub_span(clause.name_span, start, end)
            yield _placeholder_problem(span, "indicator", found, clause.number)
        for value_field, both in ctx.facts.distinct_fields(clause):
            text_field = field_name(value_field)
            words = "both" if both else text_field
            if shared.is_template(value_field.text):
                yield _placeholder_problem(
                    value_field.span, text_field, value_field.text, clause.number, "template", words
                )
                continue
            if shared.none_owed(clause, value_field.text):
                yield _placeholder_problem(
                    value_field.span, text_field, value_field.text, clause.number, "none", words
                )
                continue
            for start, end, found in shared.placeholders(value_field.text):
                span = sub_span(value_field.span, start, end)
                yield _placeholder_problem(span, text_field, found, clause.number, words=words)
    # The national template's columns beside the value: 指标值说明, 绩效标准.
    for number, cells in enumerate(project.cells, start=1):
        if cells.is_total:
            continue
        row = None if cells.is_empty else number
        for column in _NOTE_COLUMNS:
            note = cells.extras.get(column)
            if note is None:
                continue
            for start, end, found in shared.placeholders(note.value):
                if _NOTE_OMISSION.fullmatch(found.strip()) is None:
                    yield _placeholder_problem(note.span(start, end), column, found, row)


_NOTE_COLUMNS = ("note", "standard")
_NOTE_OMISSION = re.compile(
    r"[（(【\[〔]?\s*(?:略|空|无|暂无|同上\S*|同前|同左|(?:详见|参见|见|同)[上下前左右]\S*)"
    r"\s*[）)】\]〕]?\s*[。.；;]?"
)
"""What a note column may say in place of a note (略, 同上, 见上栏): the note
is the one above or none, and the target beside it is judged on its own."""

_FIELD_WORDS: dict[str, tuple[str, str]] = {
    "name": ("项目名称", "project name"),
    "goal": ("绩效目标", "goal"),
    "indicator": ("指标名称", "indicator name"),
    "period": (PERIOD, "period value"),
    "annual": (ANNUAL, "annual value"),
    "both": BOTH,
    **{column: (label, f"amount ({label})") for column, label in AMOUNT_LABELS.items()},
    "term_total": (TERM_TOTAL_LABEL, f"amount over the term ({TERM_TOTAL_LABEL})"),
    "note": ("说明栏", "note column"),  # 指标值说明, 备注, 计算方法
    "standard": ("标准栏", "standard column"),  # 绩效标准, 评（扣）分标准
}


def _placeholder_problem(
    span: Span,
    text_field: str,
    text: str,
    number: int | None,
    key: str = "default",
    words: str | None = None,
) -> Problem:
    if key == "default" and text.startswith("#"):
        key = "sheet-error"
    zh, en = _FIELD_WORDS[words or text_field]
    return Problem(
        span,
        key,
        args={"text": text, "field_zh": zh, "field_en": en},
        field=text_field,
        excerpt=text,
        clause=number,
    )
