"""The value grammar: one target value string → Value."""

from __future__ import annotations

import logging
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark

from audit.model import Value
from audit.values import (
    GRAMMAR_PATH,
    MAX_LENGTH,
    UNITS,
    ValueParser,
    Vocabulary,
    default_parser,
    parse_value,
)

FIXTURE = Path(__file__).parent / "fixtures" / "values.txt"
SEED_VALUES = [
    line
    for line in FIXTURE.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]

D = Decimal


def q(
    comparator: str, number: Decimal | int | str, unit: str | None = None, **rest: Any
) -> dict[str, Any]:
    """The expected fields of a quantity."""
    return {
        "kind": "quantity",
        "comparator": comparator,
        "number": D(number),
        "unit": unit,
        **rest,
    }


# Each value as a reviewer reads it. Fields not named are not checked, except
# that a quantity without upper/per/qualifiers/prefix/suffix listed must have
# none of them (see test_value_reads_as_a_reviewer_reads_it).
READINGS: list[tuple[str, dict[str, Any]]] = [
    # comparator symbols
    ("≥300人", q(">=", 300, "人")),
    ("≥ 5万人次", q(">=", 50000, "人次", magnitude="万")),
    ("≥98.5%", q(">=", "98.5", "%")),
    ("≥100", q(">=", 100, None)),
    ("≤3宗", q("<=", 3, "宗")),
    ("≦3宗", q("<=", 3, "宗")),
    ("<=3宗", q("<=", 3, "宗")),
    ("＞70%", q(">", 70, "%")),
    ("<5%", q("<", 5, "%")),
    ("＜5％", q("<", 5, "%")),
    # no comparator
    ("1.85万人", q("=", 18500, "人", magnitude="万")),
    ("16619.8", q("=", "16619.8", None)),
    ("0次", q("=", 0, "次")),
    ("1,200人", q("=", 1200, "人")),
    ("１２人", q("=", 12, "人")),
    ("0事故", q("=", 0, None, suffix="事故")),
    ("3100 人", q("=", 3100, "人")),
    # comparator words after the number
    ("90%或以上", q(">=", 90, "%")),
    ("90%以上", q(">=", 90, "%")),
    ("95%或以上", q(">=", 95, "%")),
    ("95%及以上", q(">=", 95, "%")),
    ("6项以上", q(">=", 6, "项")),
    ("10%或以下", q("<=", 10, "%")),
    ("1%以下", q("<=", 1, "%")),
    ("95%（含）以上", q(">=", 95, "%")),
    # comparator words before the number
    ("不低于95%", q(">=", 95, "%")),
    ("不少于2次/年", q(">=", 2, "次", per="年")),
    ("大于或等于10个", q(">=", 10, "个")),
    ("大于等于90%", q(">=", 90, "%")),
    ("大于10个", q(">", 10, "个")),
    ("超过10个", q(">", 10, "个")),
    ("少于1宗", q("<", 1, "宗")),
    ("低于5%", q("<", 5, "%")),
    ("小于5次", q("<", 5, "次")),
    ("不高于5%", q("<=", 5, "%")),
    ("不超过3次", q("<=", 3, "次")),
    ("未超过3次", q("<=", 3, "次")),
    ("最多3次", q("<=", 3, "次")),
    ("至少1次/周", q(">=", 1, "次", per="周")),
    ("达到90%", q(">=", 90, "%")),
    ("出站博士后留我区工作比例达10%", q(">=", 10, "%", prefix="出站博士后留我区工作比例")),
    ("不超过缴费额2/3", q("<=", D(2) / D(3), None, prefix="缴费额")),
    (
        "年度内至少完成1次资产盘点工作",
        q(">=", 1, "次", qualifiers=("年度内",), prefix="完成", suffix="资产盘点工作"),
    ),
    ("签证费控制在工程费5%之内", q("<=", 5, "%", prefix="签证费控制在工程费")),
    # ranges
    ("10-15人", q("range", 10, "人", upper=D(15))),
    ("10～15人", q("range", 10, "人", upper=D(15))),
    ("10至15人", q("range", 10, "人", upper=D(15))),
    ("1-2万人", q("range", 10000, "人", upper=D(20000), magnitude="万")),
    ("4-8个团组", q("range", 4, "个", upper=D(8), suffix="团组")),
    # frequencies and qualifiers
    ("上半年≥60%", q(">=", 60, "%", qualifiers=("上半年",))),
    ("每月1次", q("=", 1, "次", per="月", qualifiers=("每月",))),
    ("2次/月", q("=", 2, "次", per="月")),
    ("≥25人/班", q(">=", 25, "人", per="班")),
    ("800元/月", q("=", 800, "元", per="月")),
    # a period after a middle dot is a second denominator, as after a slash
    ("≤100元/人·月", q("<=", 100, "元/人", per="月")),
    ("≤100元/人/月", q("<=", 100, "元/人", per="月")),
    ("≤40万元·月", q("<=", 40, "万元", per="月")),
    ("≤2元/平方米·年", q("<=", 2, "元", per="平方米·年")),
    ("≤2元/平方米/年", q("<=", 2, "元", per="平方米·年")),
    # 人·次 is 人次, written with the dot that joins units
    ("≤10元/人·次", q("<=", 10, "元/人次")),
    ("≥300人·次", q(">=", 300, "人次")),
    # a denominator with a magnitude, or one that is a unit only after a slash
    ("≤450万元/万吨", q("<=", 450, "万元", per="万吨")),
    ("≤3元/万人", q("<=", 3, "元", per="万人")),
    ("≤1200元/生·年", q("<=", 1200, "元", per="生·年")),
    ("≤800元/生·学期", q("<=", 800, "元", per="生·学期")),
    ("≤100元/学生·学期", q("<=", 100, "元", per="学生·学期")),
    ("≤50万元/校", q("<=", 50, "万元", per="校")),
    ("≤1200元/床·日", q("<=", 1200, "元", per="床·日")),
    ("≤5元/床·次", q("<=", 5, "元", per="床·次")),
    # a grant per village, community or town
    ("≤20万元/村", q("<=", 20, "万元", per="村")),
    ("≥5万元/社区", q(">=", 5, "万元", per="社区")),
    # compound units of statistics keep both characters
    ("≥1000条次", q(">=", 1000, "条次")),
    ("≥5万人份", q(">=", 50000, "人份", magnitude="万")),
    ("≥300万吨公里", q(">=", 3_000_000, "吨公里", magnitude="万")),
    ("诊疗8000例次", q("=", 8000, "例次", prefix="诊疗")),
    ("≥10万头份", q(">=", 100000, "头份", magnitude="万")),
    ("≤5元/车公里", q("<=", 5, "元", per="车公里")),
    ("≤3万元/站", q("<=", 3, "万元", per="站")),
    ("≤800元/席·年", q("<=", 800, "元", per="席·年")),
    # near misses: 生 and 校 after a number are text, a slash before text is text
    ("10生态示范点", q("=", 10, None, suffix="生态示范点")),
    ("3校区", q("=", 3, None, suffix="校区")),
    ("100元/生产线", q("=", 100, "元", suffix="/生产线")),
    ("全年不少于1000万条", q(">=", 10_000_000, "条", magnitude="万", qualifiers=("全年",))),
    ("约1200人次", q("=", 1200, "人次", qualifiers=("约",))),
    ("上半年办案量≥1250", q(">=", 1250, None, qualifiers=("上半年",), prefix="办案量")),
    # durations
    ("3个工作日内", q("<=", 3, "工作日")),
    ("30天内", q("<=", 30, "天")),
    ("24小时内修复", q("<=", 24, "小时", suffix="修复")),
    ("<=5分钟", q("<=", 5, "分钟")),
    ("3个月以上", q(">=", 3, "月")),
    ("5个工作日", q("=", 5, "工作日")),
    # words around the measure
    ("合同签订率100%", q("=", 100, "%", prefix="合同签订率")),
    ("标准：100%", q("=", 100, "%", prefix="标准：")),
    ("标准:100%", q("=", 100, "%", prefix="标准:")),
    ("100%按文件标准", q("=", 100, "%", suffix="按文件标准")),
    ("按文件规定100%发放", q("=", 100, "%", prefix="按文件规定", suffix="发放")),
    ("项目资金执行率91%以上", q(">=", 91, "%", prefix="项目资金执行率")),
    ("项目预算完成率95%以上", q(">=", 95, "%", prefix="项目预算完成率")),
    ("按规定时间完成审核率≥98%", q(">=", 98, "%", prefix="按规定时间完成审核率")),
    (
        "发放随军家属自谋职业就业补贴1人",
        q("=", 1, "人", prefix="发放随军家属自谋职业就业补贴"),
    ),
    (
        "完成年度任务数量的设备置换，数量为24台",
        q("=", 24, "台", prefix="完成年度任务数量的设备置换，数量为"),
    ),
    (
        "派遣人员考核合格率90%以上，用人单位满意",
        q(">=", 90, "%", prefix="派遣人员考核合格率", suffix="用人单位满意"),
    ),
    (
        "完成1次对10所技工院校教学检查",
        q("=", 1, "次", prefix="完成", suffix="对10所技工院校教学检查"),
    ),
    ("≤2宗（实际发生的有效投诉次数）", q("<=", 2, "宗", suffix="（实际发生的有效投诉次数）")),
    ("新增信息资源目录数5（个）", q("=", 5, "个", prefix="新增信息资源目录数")),
    ("≥95%。", q(">=", 95, "%")),
    # units
    ("不少于0.2万元", q(">=", "0.2", "万元")),
    ("111848.37㎡", q("=", "111848.37", "平方米")),
    ("平均丢包率不大于1‰", q("<=", 1, "‰", qualifiers=("平均",), prefix="丢包率")),
    ("骨干网络带宽不低于1000Mbps", q(">=", 1000, "Mbps", prefix="骨干网络带宽")),
    # dates
    ("2024年11月前", {"kind": "date", "comparator": None, "number": None}),
    ("2024年12月31日前", {"kind": "date"}),
    ("12月底前", {"kind": "date", "suffix": "12月底前"}),
    ("年底前完成", {"kind": "date", "suffix": "年底前完成"}),
    ("第四季度", {"kind": "date"}),
    ("2023年6月前完成", {"kind": "date"}),
    ("每年12月31日前", {"kind": "date", "qualifiers": ("每年",)}),
    ("每年7月份之前完成", {"kind": "date"}),
    ("截至2024年12月", {"kind": "date", "prefix": "截至", "suffix": "2024年12月"}),
    ("2024年11月前完成100%", q("=", 100, "%", prefix="2024年11月前完成")),
    ("2024年度预算执行率≥95%", q(">=", 95, "%", prefix="2024年度预算执行率")),
    # a day of the month after 每月 or 次月: by that day, not a count of days a month
    ("每月15日前", {"kind": "date", "qualifiers": ("每月",), "suffix": "15日前"}),
    ("次月10日前", {"kind": "date", "prefix": "次月", "suffix": "10日前"}),
    ("每月5号发放", {"kind": "date", "qualifiers": ("每月",)}),
    ("15日内", q("<=", 15, "日")),
    ("每月2天", q("=", 2, "天", per="月", qualifiers=("每月",))),
    # a change from a reference, not a level
    ("同比下降10%", q("=", 10, "%", prefix="同比下降", change="fall")),
    ("同比下降不低于10%", q(">=", 10, "%", prefix="同比下降", change="fall")),
    ("较上年提高5个百分点", q("=", 5, "百分点", prefix="较上年提高", change="rise")),
    # a unit drop-down that spells the percent sign out (度量单位 | 百分比)
    (">=90百分比", q(">=", 90, "%")),
    ("=100 百分比", q("=", 100, "%")),
    ("减少10人", q("=", 10, "人", prefix="减少", change="fall")),
    ("降至10%", q("=", 10, "%", prefix="降至")),
    ("提高到95%", q("=", 95, "%", prefix="提高到")),
    ("成本降低率10%", q("=", 10, "%", prefix="成本降低率")),
    # formulas
    ("设备使用率=实际使用设备数量/总设备数量*100%", {"kind": "formula", "number": None}),
    ("（合同审核参与数÷合同数）×100%=90%", {"kind": "formula"}),
    ("设备使用率=实际使用设备数量/总设备数量", {"kind": "formula"}),
    # qualitative
    ("合法合规", {"kind": "qualitative", "number": None, "comparator": None}),
    ("有效", {"kind": "qualitative"}),
    ("完成当年市下达任务", {"kind": "qualitative", "number": None}),
    ("提高", {"kind": "qualitative"}),
    ("一次性创业资助人数", {"kind": "qualitative", "number": None}),
    ("按期完成前期工作", {"kind": "qualitative"}),
    ("正常通过", {"kind": "qualitative"}),
    ("每月按时支付租赁岗位人员工资", {"kind": "qualitative", "qualifiers": ("每月",)}),
    ("合同约定面积", {"kind": "qualitative", "qualifiers": ()}),
    ("采购价格≤预算价格", {"kind": "qualitative", "comparator": None}),
    ("无", {"kind": "qualitative"}),
    # empty
    ("", {"kind": "empty", "text": ""}),
    ("  ", {"kind": "empty", "text": ""}),
    ("。", {"kind": "empty"}),
    ("——", {"kind": "empty"}),
]

_QUANTITY_DEFAULTS = {
    "upper": None,
    "magnitude": None,
    "per": None,
    "change": None,
    "qualifiers": (),
    "prefix": "",
    "suffix": "",
}


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[text for text, _ in READINGS])
def test_value_reads_as_a_reviewer_reads_it(text: str, expected: dict[str, Any]) -> None:
    value = parse_value(text)
    if expected["kind"] == "quantity":
        expected = {**_QUANTITY_DEFAULTS, **expected}
    actual = {name: getattr(value, name) for name in expected}
    assert actual == expected
    assert value.text == text.strip()


CHINESE_NUMERALS: list[tuple[str, dict[str, Any]]] = [
    ("≥二百张", q(">=", 200, "张")),
    ("不少于三十人", q(">=", 30, "人")),
    ("≥两次", q(">=", 2, "次")),
    ("完成十五个", q("=", 15, "个", prefix="完成")),
    ("二十个以上", q(">=", 20, "个")),
    ("一千零五十人", q("=", 1050, "人")),
    ("两千五百元", q("=", 2500, "元")),
    ("一万五千人", q("=", 15000, "人")),
    ("≥三万人次", q(">=", 30000, "人次", magnitude="万")),
    ("两个工作日内", q("<=", 2, "工作日")),
    ("百分之百", q("=", 100, "%")),
    ("百分百", q("=", 100, "%")),
    ("百分之九十五以上", q(">=", 95, "%")),
    # a comparator, a qualifier or 完成 just before it: a count even where a word
    # follows its unit
    ("不少于三十人参加", q(">=", 30, "人", suffix="参加")),
    ("≥ 三十人参加", q(">=", 30, "人", suffix="参加")),
    ("达到五场活动", q(">=", 5, "场", suffix="活动")),
    ("完成五场活动", q("=", 5, "场", prefix="完成", suffix="活动")),
    ("约三百人次参训", q("=", 300, "人次", qualifiers=("约",), suffix="参训")),
    ("每月一次培训", q("=", 1, "次", per="月", qualifiers=("每月",), suffix="培训")),
    # a number of days within which a thing is done (日 is a duration only before 内)
    ("三日内", q("<=", 3, "日")),
    ("五日以内", q("<=", 5, "日")),
    ("七日之内", q("<=", 7, "日")),
    ("七日内办结", q("<=", 7, "日", suffix="办结")),
]


@pytest.mark.parametrize(
    ("text", "expected"), CHINESE_NUMERALS, ids=[text for text, _ in CHINESE_NUMERALS]
)
def test_a_number_in_chinese_numerals_before_its_unit_is_a_quantity(
    text: str, expected: dict[str, Any]
) -> None:
    value = parse_value(text)
    expected = {**_QUANTITY_DEFAULTS, **expected}
    assert {name: getattr(value, name) for name in expected} == expected
    [target] = value.targets
    assert (target.number, target.unit) == (expected["number"], expected["unit"])


@pytest.mark.parametrize(
    "text",
    [
        # a numeral inside a word: the unit after it runs on
        "一次性补助",
        "一人一档",
        "一对一帮扶",
        "三星级酒店标准",
        "高效办成一件事",
        "三十人参加",  # a numeral and its unit opening the value, a word after them
        "五场活动",
        "市财政按比例分摊七个区协管员工资",
        "增强“三支一扶”人员的归属感",
        # ... even after a comparator or a qualifier when the words run on
        "全年一次性发放",
        "不少于一人一档",
        "达到一个新台阶",  # 一个 before a word: an article
        "<td>一级指标",  # a tag's > is no comparator
        # names, plans, years, ranks and dates
        "十三五规划",
        "一体化",
        "两学一做",
        "第三批",
        "三月",
        "五日",
        "十五日前",
        "每月十五日前",  # by the 15th of each month, as 每月15日前
        "每月十五日内",
        "三月五日",
        "二〇二五年底前",
        "零事故",
    ],
)
def test_chinese_numerals_inside_words_are_no_number(text: str) -> None:
    value = parse_value(text)
    assert value.kind != "quantity", value
    assert all(target.number is None for target in value.targets)


def test_a_second_target_in_chinese_numerals_is_read() -> None:
    value = parse_value("≥20场，每场不少于五十人")
    assert [(t.number, t.unit) for t in value.targets] == [(D(20), "场"), (D(50), "人")]


def test_numbers_are_decimals() -> None:
    value = parse_value("≥1.85万人")
    assert type(value.number) is Decimal
    assert str(value.number) == "18500"
    assert type(parse_value("10-15人").upper) is Decimal


def test_parse_value_is_memoised() -> None:
    assert parse_value("90%或以上") is parse_value("90%或以上")


def test_a_value_with_a_huge_number_still_parses() -> None:
    value = parse_value("≥" + "9" * 300 + "万人")
    assert value.kind == "quantity"
    assert value.number == D("9" * 300) * 10_000


def test_an_overlong_value_is_qualitative_unparsed() -> None:
    text = "完成" * MAX_LENGTH + "100%"
    value = parse_value(text)
    assert (value.kind, value.number) == ("qualitative", None)
    assert [(t.kind, t.start, t.end) for t in value.targets] == [("text", 0, len(text))]


# --------------------------------------------------------------------------
# The seed tables


def test_every_seed_value_is_accepted_by_the_grammar() -> None:
    parser = default_parser()
    for text in SEED_VALUES:
        assert parser.parse(text, strict=True).text == text


def test_most_seed_values_are_quantities() -> None:
    # Measured: 2169 of the 2494 values of seeds/002 (87%) are quantities.
    assert len(SEED_VALUES) == 2494
    kinds = [parse_value(text).kind for text in SEED_VALUES]
    assert kinds.count("quantity") >= 2150
    assert kinds.count("formula") >= 2
    assert kinds.count("date") >= 10


# --------------------------------------------------------------------------
# Properties


def _check_invariants(text: str, value: Value) -> None:
    assert value.text == text.strip()
    if value.kind == "quantity":
        assert isinstance(value.number, Decimal)
        assert value.comparator is not None
        assert (value.upper is not None) == (value.comparator == "range")
    else:
        assert value.number is None
        assert value.comparator is None
    assert (value.kind == "empty") == (not any(char.isalnum() for char in value.text))
    # Targets: spans inside the text that spell the target, in order, not overlapping.
    position = 0
    for target in value.targets:
        assert position <= target.start < target.end <= len(value.text)
        assert value.text[target.start : target.end] == target.text
        position = target.end
    assert bool(value.targets) == (value.kind != "empty")
    if value.kind == "quantity":
        first = next(t for t in value.targets if t.number is not None)
        assert (first.comparator, first.number, first.unit) == (
            value.comparator,
            value.number,
            value.unit,
        )


@given(st.text())
def test_parse_value_never_raises(text: str) -> None:
    _check_invariants(text, parse_value(text))


@given(st.text(max_size=200))
def test_the_grammar_accepts_any_text(text: str) -> None:
    # Without the fallback: every string has a parse, so the fallback in
    # parse_value is only a safety net.
    _check_invariants(text, default_parser().parse(text, strict=True))


_REAL = [text for text, _ in READINGS] + sorted(set(SEED_VALUES))
_ALPHABET = (
    st.sampled_from(
        list("0123456789０９.,/-～%％万人次≥≤<>=＝至以上下内或及不低于每月年 ，。：（）*×÷成〇期")
    )
    | st.characters()
)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_REAL))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        if text and draw(st.booleans()):
            text = text[:position] + text[position + 1 :]
        else:
            text = text[:position] + draw(_ALPHABET) + text[position:]
    return text


@given(_mutated())
def test_mutated_real_values_parse(text: str) -> None:
    _check_invariants(text, default_parser().parse(text, strict=True))
    _check_invariants(text, parse_value(text))


_PIECES = sorted(
    {word for words in UNITS.word_lists().values() for word in words}
    | set("0123456789０.,/-～至到（）%％ \t，。：=*×÷x")
    | {"2024年", "12月", "31日", "前", "1,200", "2/3", "0/0"}
    # tenths, dates in Chinese numerals and phases' labels
    | {"九", "两", "成", "成五", "二〇二四年", "十二月", "三十一日", "底", "期", "工程", "、"}
)


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_any_sequence_of_vocabulary_words_parses(text: str) -> None:
    # Words of the vocabulary in any order reach every state of the parser,
    # where the contextual lexer could offer a token the parser cannot take.
    _check_invariants(text, default_parser().parse(text, strict=True))


# --------------------------------------------------------------------------
# The grammar and the vocabulary


def test_the_grammar_has_no_lalr_conflicts(caplog: pytest.LogCaptureFixture) -> None:
    grammar = UNITS.fill(GRAMMAR_PATH.read_text(encoding="utf-8"))
    with caplog.at_level(logging.DEBUG, logger="lark"):
        Lark(grammar, parser="lalr", debug=True)
    conflicts = [r.getMessage() for r in caplog.records if "conflict" in r.getMessage().lower()]
    assert conflicts == []


def test_the_parser_is_built_on_first_use_not_on_import() -> None:
    code = (
        "import audit.values as v; assert v.default_parser.cache_info().currsize == 0; "
        "v.parse_value('1人'); assert v.default_parser.cache_info().currsize == 1"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_a_parser_takes_an_extended_vocabulary() -> None:
    assert parse_value("10工分").unit is None
    parser = ValueParser(UNITS.extended(units=["工分"], qualifiers=["预计"]))
    value = parser.parse("预计10工分")
    assert (value.number, value.unit, value.qualifiers) == (D(10), "工分", ("预计",))


def test_the_shipped_vocabulary_has_the_common_units() -> None:
    for unit in ("%", "人", "人次", "个", "次", "万元", "平方米", "元/人", "课时", "亩"):
        assert unit in UNITS.units
    for unit in ("天", "工作日", "小时", "月", "年", "周"):
        assert unit in UNITS.time_units
    assert UNITS.magnitudes["万"] == 4
    assert UNITS.magnitudes["亿"] == 8
    assert UNITS.frequencies["每月"] == "月"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"unit": ["人"]}, "unknown key"),
        ({"comparators": {"before": {"不低于": "≥"}}}, "no comparator"),
        ({"units": ["人"], "time_units": ["人"]}, "both"),
        ({"magnitudes": {"万": "4"}}, "power of ten"),
        ({"units": "人"}, "list of words"),
        ({"units": [" 人"]}, "surrounding spaces"),
    ],
)
def test_a_bad_vocabulary_is_rejected_with_a_message(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Vocabulary.from_mapping(data)


def test_extending_with_an_unknown_list_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown vocabulary list"):
        UNITS.extended(colours=["红"])


# --------------------------------------------------------------------------
# Targets: dates, date ranges, periods, several targets in one value


def targets(text: str) -> list[tuple[str, str, str | None, Decimal | None, str | None]]:
    return [(t.kind, t.text, t.comparator, t.number, t.unit) for t in parse_value(text).targets]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # a date range is a period of time, not a number range without a unit
        ("2023.07-2024.01", "date", [("date-range", "2023.07-2024.01", None, None, None)]),
        ("2023年7月-2024年1月", "date", [("date-range", "2023年7月-2024年1月", None, None, None)]),
        ("2023-2024年度", "date", [("date-range", "2023-2024年度", None, None, None)]),
        ("2025年12月前", "date", [("date", "2025年12月", "<=", None, None)]),
        ("2025年底前", "date", [("date", "2025年底", "<=", None, None)]),
        ("2025.12前完成", "date", [("date", "2025.12", "<=", None, None)]),
        # a whole date with dots: no number has two decimal points
        ("2025.12.31前", "date", [("date", "2025.12.31", "<=", None, None)]),
        ("截至2025.6.30", "date", [("date", "2025.6.30", None, None, None)]),
        ("2025．12．31前", "date", [("date", "2025．12．31", "<=", None, None)]),
        # one day with dashes (a workbook's date cell) is a date, not a range
        ("2024-12-31", "date", [("date", "2024-12-31", None, None, None)]),
        ("2024-12-31前", "date", [("date", "2024-12-31", "<=", None, None)]),
        ("2025年7月后启动", "date", [("date", "2025年7月", ">=", None, None)]),
        ("2025年7月", "date", [("date", "2025年7月", None, None, None)]),
        ("每月", "qualitative", [("frequency", "每月", None, None, None)]),
        ("2次/月", "quantity", [("frequency", "2次/月", "=", D(2), "次")]),
        ("每季度1次", "quantity", [("frequency", "每季度1次", "=", D(1), "次")]),
        ("12个月", "quantity", [("duration", "12个月", "=", D(12), "月")]),
        ("3个工作日内", "quantity", [("duration", "3个工作日内", "<=", D(3), "工作日")]),
        # several targets, each with its own comparator, number and unit
        (
            "≥95%，≤100%",
            "quantity",
            [("number", "≥95%", ">=", D(95), "%"), ("number", "≤100%", "<=", D(100), "%")],
        ),
        (
            "≥300人；≥10场",
            "quantity",
            [("number", "≥300人", ">=", D(300), "人"), ("number", "≥10场", ">=", D(10), "场")],
        ),
        (
            "大于等于90%且小于100%",
            "quantity",
            [
                ("number", "大于等于90%", ">=", D(90), "%"),
                ("number", "小于100%", "<", D(100), "%"),
            ],
        ),
        (
            "2024年11月前完成100%",
            "quantity",
            [("date", "2024年11月", "<=", None, None), ("number", "100%", "=", D(100), "%")],
        ),
        # near misses: one target, or numbers that are not dates
        ("90%以上，用人单位满意", "quantity", [("number", "90%以上", ">=", D(90), "%")]),
        ("10-15人", "quantity", [("number", "10-15人", "range", D(10), "人")]),
        (
            "2000.5-3000.5万元",
            "quantity",
            [("number", "2000.5-3000.5万元", "range", D("2000.5"), "万元")],
        ),
        ("1.5-2.5", "quantity", [("number", "1.5-2.5", "range", D("1.5"), None)]),
        ("2023.07", "quantity", [("number", "2023.07", "=", D("2023.07"), None)]),
        ("合法合规", "qualitative", [("text", "合法合规", None, None, None)]),
        # times of day are times, not numbers: a range of hours, a time to be there by
        ("8:30-17:30", "date", [("time", "8:30-17:30", None, None, None)]),
        ("每日8:30-22:00开放", "date", [("time", "8:30-22:00", None, None, None)]),
        (
            "9:00-12:00，14:00-17:30",
            "date",
            [("time", "9:00-12:00，14:00-17:30", None, None, None)],
        ),
        ("9:00前到岗", "date", [("time", "9:00", "<=", None, None)]),
        ("08:30", "date", [("time", "08:30", None, None, None)]),
        # hours of the week: seven days times 24 hours a day, not a count of 7
        ("7×24小时", "date", [("time", "7×24小时", None, None, None)]),
        ("提供7*24h热线服务", "date", [("time", "7*24h", None, None, None)]),
        ("5×8小时", "date", [("time", "5×8小时", None, None, None)]),
        ("24小时×7天", "date", [("time", "24小时×7天", None, None, None)]),
        # near misses: a product of numbers is no schedule
        ("24小时", "quantity", [("duration", "24小时", "=", D(24), "小时")]),
        # a ratio is one number, the fraction it is
        ("1:10", "quantity", [("number", "1:10", "=", D("0.1"), None)]),
        ("≥1：1配套", "quantity", [("number", "≥1：1", ">=", D(1), None)]),
        # the digits of a name or a standard's code are no target
        (
            "PM2.5≤35微克/立方米",
            "quantity",
            [("number", "≤35微克/立方米", "<=", D(35), "微克/立方米")],
        ),
        ("IPv6覆盖率100%", "quantity", [("number", "100%", "=", D(100), "%")]),
        ("Wi-Fi 6全覆盖", "qualitative", [("text", "Wi-Fi 6全覆盖", None, None, None)]),
        # a document's number (穗人社规字〔2019〕1号) is no target
        (
            "按穗人社规字〔2019〕1号文件标准发放，准确率100%",
            "quantity",
            [("number", "100%", "=", D(100), "%")],
        ),
        ("按粤财社[2021]12号执行，≥95%", "quantity", [("number", "≥95%", ">=", D(95), "%")]),
        (
            "符合（2020）3号文要求",
            "qualitative",
            [("text", "符合（2020）3号文要求", None, None, None)],
        ),
        ("Wi-Fi 6覆盖率≥95%", "quantity", [("number", "≥95%", ">=", D(95), "%")]),
        ("H5N1免疫密度≥90%", "quantity", [("number", "≥90%", ">=", D(90), "%")]),
        (
            "符合GB 50015-2019要求",
            "qualitative",
            [("text", "符合GB 50015-2019要求", None, None, None)],
        ),
        ("DA/T 31-2017", "qualitative", [("text", "DA/T 31-2017", None, None, None)]),
        ("DB44/T 2138-2018", "qualitative", [("text", "DB44/T 2138-2018", None, None, None)]),
        ("QX/T 45", "qualitative", [("text", "QX/T 45", None, None, None)]),
        # the year a value compares with is no date to meet
        ("较2024年提高10个百分点", "quantity", [("number", "10个百分点", "=", D(10), "百分点")]),
        ("比2023年增长5%", "quantity", [("number", "5%", "=", D(5), "%")]),
        ("不低于2024年水平", "qualitative", [("text", "不低于2024年水平", None, None, None)]),
        ("较2024年下降", "qualitative", [("text", "较2024年下降", None, None, None)]),
        # a year's months are a period of time, not a number of months
        ("2019年7-8月", "date", [("date-range", "2019年7-8月", None, None, None)]),
        ("3-5个月", "quantity", [("duration", "3-5个月", "range", D(3), "月")]),
        (
            "通过ISO 9001:2015认证",
            "qualitative",
            [("text", "通过ISO 9001:2015认证", None, None, None)],
        ),
        (
            "达到GB3838-2002 III类标准",
            "qualitative",
            [("text", "达到GB3838-2002 III类标准", None, None, None)],
        ),
        # a digit and a capital that name a thing (5G, 4K, 3D) are words; a measure in G is not
        ("新建5G基站40个", "quantity", [("number", "40个", "=", D(40), "个")]),
        ("4K", "qualitative", [("text", "4K", None, None, None)]),
        ("带宽≥1G", "quantity", [("number", "≥1G", ">=", D(1), "G")]),
        ("存储容量5G以上", "quantity", [("number", "5G以上", ">=", D(5), "G")]),
        ("新增设备4G", "quantity", [("number", "4G", "=", D(4), "G")]),  # 002: four gigabytes
        # near misses: a standard's year with no code before it, a number after a space
        ("COD削减量 120吨", "quantity", [("number", "120吨", "=", D(120), "吨")]),
        ("达标率 95%", "quantity", [("number", "95%", "=", D(95), "%")]),
    ],
)
def test_targets(text: str, kind: str, expected: list[tuple[Any, ...]]) -> None:
    assert parse_value(text).kind == kind
    assert targets(text) == expected


def test_the_first_target_keeps_the_value_fields_that_rules_read() -> None:
    value = parse_value("≥300人；≥10场")
    assert (value.comparator, value.number, value.unit) == (">=", D(300), "人")
    assert value.suffix == "≥10场"


def test_the_compiled_parser_reads_every_value_as_the_pure_python_one() -> None:
    plain, compiled = ValueParser(), ValueParser(compiled=True)
    for text in [*SEED_VALUES, *(text for text, _ in READINGS)]:
        assert compiled.parse(text) == plain.parse(text), text


_SYMBOLS = {"≥": ">=", "≤": "<=", ">": ">", "<": "<", "不低于": ">=", "不超过": "<=", "": "="}
_WORDS = {"大于等于": ">=", "小于": "<", "不少于": ">="}
_TARGET_UNITS = ["%", "人", "人次", "场", "个", "次", "万元", "台", "宗", "户", ""]


@st.composite
def _measure(draw: st.DrawFn) -> tuple[str, str, Decimal, str | None]:
    word = draw(st.sampled_from(sorted({**_SYMBOLS, **_WORDS})))
    number = draw(
        st.decimals(min_value=0, max_value=10**6, places=draw(st.integers(0, 2)), allow_nan=False)
    )
    unit = draw(st.sampled_from(_TARGET_UNITS))
    return f"{word}{number}{unit}", {**_SYMBOLS, **_WORDS}[word], number, unit or None


@given(
    st.lists(_measure(), min_size=1, max_size=4),
    st.sampled_from(["，", "；", ",", ";", "且", "、"]),
)
def test_generated_targets_round_trip(measures: list[Any], separator: str) -> None:
    text = separator.join(written for written, *_ in measures)
    value = parse_value(text)
    _check_invariants(text, value)
    assert [(t.kind, t.text, t.comparator, t.number, t.unit) for t in value.targets] == [
        ("number", written, comparator, number, unit)
        for written, comparator, number, unit in measures
    ]


@given(
    st.integers(1990, 2096),
    st.integers(1, 12),
    st.integers(0, 3),
    st.integers(1, 12),
    st.sampled_from(["-", "～", "至", "—"]),
)
def test_generated_date_ranges_round_trip(
    year: int, month: int, years: int, end_month: int, dash: str
) -> None:
    for text in (
        f"{year}.{month:02d}{dash}{year + years}.{end_month:02d}",
        f"{year}年{month}月{dash}{year + years}年{end_month}月",
    ):
        value = parse_value(text)
        _check_invariants(text, value)
        assert value.kind == "date", text
        assert targets(text) == [("date-range", text, None, None, None)]


@given(
    st.integers(1990, 2099),
    st.integers(1, 12),
    st.integers(1, 31),
    st.booleans(),
    st.sampled_from(["前", "以前", "之前", ""]),
)
def test_generated_dotted_dates_are_dates(
    year: int, month: int, day: int, padded: bool, end: str
) -> None:
    written = f"{year}.{month:02d}.{day:02d}" if padded else f"{year}.{month}.{day}"
    text = written + end
    value = parse_value(text)
    _check_invariants(text, value)
    assert targets(text) == [("date", written, "<=" if end else None, None, None)]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1.2.3", [D("1.2"), D(3)]),  # no year: not a date
        ("2025.12.31.5", [D("2025.12"), D("31.5")]),  # a third decimal point
        ("2025.12.32前", [D("2025.12"), D(32)]),  # no such day
        ("2025.13.01前", [D("2025.13"), D(1)]),  # no such month
    ],
)
def test_dotted_numbers_that_are_no_date(text: str, numbers: list[Decimal]) -> None:
    assert parse_value(text).kind != "date"
    assert [t.number for t in parse_value(text).targets] == numbers


@given(st.integers(2000, 2099), st.integers(1, 12), st.sampled_from(["前", "底前", "以前", "底"]))
def test_generated_dates_round_trip(year: int, month: int, end: str) -> None:
    text = f"{year}年{month}月{end}"
    assert parse_value(text).kind == "date"
    ((kind, written, comparator, *_),) = targets(text)
    assert kind == "date"
    assert text.startswith(written)
    assert comparator == ("<=" if end.endswith("前") else None)


@given(st.integers(1, 999), st.sampled_from(["月", "周", "季度", "年", "天"]))
def test_generated_periods_round_trip(count: int, period: str) -> None:
    assert [(t.kind, t.number, t.per) for t in parse_value(f"{count}次/{period}").targets] == [
        ("frequency", count, period)
    ]
    assert [(t.kind, t.number, t.per) for t in parse_value(f"每{period}{count}次").targets] == [
        ("frequency", count, period)
    ]


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # ecological benefits and physical measures, as tables across regions write them
        ("≤55分贝", "55", "分贝"),  # never 55 分 (a score) and 贝
        ("昼间≤60dB", "60", "分贝"),
        ("≤35微克/立方米", "35", "微克/立方米"),
        ("≤35μg/m³", "35", "微克/立方米"),
        ("≤10mg/L", "10", "毫克/升"),
        ("≤-18℃", "-18", "℃"),
        ("不低于16摄氏度", "16", "℃"),
        ("节约2吨标准煤", "2", "吨标准煤"),
        ("≥100kWh", "100", "千瓦时"),
        ("≥500毫米", "500", "毫米"),
        ("≥20kg", "20", "千克"),
        ("≥20公斤", "20", "千克"),
        ("≥5000m²", "5000", "平方米"),
        ("≥1.5万千瓦时", "15000", "千瓦时"),
        # foreign currencies: an investment attracted, an export
        ("≥5亿美元", "500000000", "美元"),
        ("≥300万港元", "3000000", "港元"),
        ("1000欧元", "1000", "欧元"),
    ],
)
def test_physical_measures_are_units(text: str, number: str, unit: str) -> None:
    value = parse_value(text)
    assert value.kind == "quantity" and value.unit == unit
    (target,) = value.targets
    sign = -1 if value.minus_before(target) else 1
    assert value.number is not None and sign * value.number == D(number)
