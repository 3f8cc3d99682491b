"""The shared vocabulary (rules/vocabulary.yaml): read once, checked, and the
one source of the rules' defaults for units and measure names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.engine import load_rules
from audit.facts import LEVEL1_KINDS
from audit.vocabulary import VOCABULARY, VOCABULARY_PATH, VocabularyError, load_vocabulary

SHIPPED = VOCABULARY_PATH.read_text(encoding="utf-8")


def test_the_shipped_vocabulary_loads_with_money_in_yuan_as_decimal() -> None:
    assert VOCABULARY.money_units == {
        "元": Decimal(1),
        "万元": Decimal(10000),
        "亿元": Decimal(100000000),
    }
    assert VOCABULARY.unit_measures()["百分点"] == "percent"
    assert VOCABULARY.unit_measures()["人次"] == "count"
    assert VOCABULARY.money_in_wan()["元"] == pytest.approx(0.0001)


def test_rules_take_their_defaults_from_the_vocabulary() -> None:
    specs = load_rules()
    kinds = specs["value-type-mismatch"].options
    assert kinds["percent_units"].default == list(VOCABULARY.percent_units)
    assert kinds["count_units"].default == list(VOCABULARY.count_units)
    assert kinds["money_units"].default == list(VOCABULARY.money_units)
    assert kinds["rate_names"].default == list(VOCABULARY.rate_names)
    assert kinds["satisfaction_names"].default == list(VOCABULARY.satisfaction_names)
    for rule in ("comparator-direction", "deadline-not-concrete"):
        assert specs[rule].options["percent_units"].default == list(VOCABULARY.percent_units)
    assert specs["deadline-not-concrete"].options["money_units"].default == list(
        VOCABULARY.money_units
    )
    cost = specs["cost-exceeds-budget"].options
    assert {k: cost["money_units"].default[k] for k in VOCABULARY.money_units} == (
        VOCABULARY.money_in_wan()
    )
    assert cost["names"].default == list(VOCABULARY.cost_names)
    assert specs["satisfaction-target"].options["names"].default == list(
        VOCABULARY.satisfaction_names
    )
    assert dict(VOCABULARY.level1_kinds) == LEVEL1_KINDS
    assert specs["not-quantified"].options["level1_kinds"].default == LEVEL1_KINDS


@pytest.mark.parametrize(
    "change, line, message",
    [
        (
            ('percent_units: ["%", "‰", "‱", 百分点]', 'percent_units: ["%", "%"]'),
            12,
            "'%' is listed twice",
        ),
        (
            ('percent_units: ["%", "‰", "‱", 百分点]', 'percent_units: ["%", 人]'),
            15,
            "'人' stands in both",
        ),
        (('亿元: "100000000"', "亿元: lots"), 29, "亿元: 'lots' is not a positive amount of 元"),
        (('亿元: "100000000"', "亿元: -1"), 29, "is not a positive amount"),
        (("成本指标: cost", "成本指标: costs"), 57, "'costs' is not one of"),
        (
            ("cost_names: [成本, 费用, 单价]", 'cost_names: [成本, "("]'),
            50,
            "is not a regular expression",
        ),
        (("cost_names: [成本, 费用, 单价]", "cost_words: [成本]"), 50, "unknown key"),
    ],
)
def test_a_broken_vocabulary_is_an_error_naming_file_line_and_reason(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    assert change[0] in SHIPPED
    path = tmp_path / "vocabulary.yaml"
    path.write_text(SHIPPED.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(VocabularyError) as error:
        load_vocabulary(path)
    text = str(error.value)
    assert message in text
    assert text.startswith(f"{path}:{line}: ")
    assert "\n" not in text


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_text("percent_units: [\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"vocabulary\.yaml:\d+: invalid YAML"):
        load_vocabulary(path)


@pytest.mark.parametrize(
    "change, message",
    [
        (
            ("time_units: [天,", "time_units: [台,"),
            "'台' stands in both count_units and time_units",
        ),
        (("person_units: [人,", "person_units: [公里,"), "'公里' is not one of count_units"),
        (("adverse_names: [\n  事故,", 'adverse_names: [\n  "(",'), "is not a regular expression"),
    ],
)
def test_the_unit_families_are_checked(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    assert change[0] in SHIPPED
    path = tmp_path / "vocabulary.yaml"
    path.write_text(SHIPPED.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(VocabularyError, match=message) as error:
        load_vocabulary(path)
    assert str(error.value).startswith(f"{path}:")


def test_the_unit_families_of_the_shipped_vocabulary() -> None:
    assert set(VOCABULARY.person_units) <= set(VOCABULARY.count_units)
    assert "工作日" in VOCABULARY.time_units
    assert "事故" in VOCABULARY.adverse_names


def test_every_time_unit_the_value_grammar_reads_is_a_time_unit_of_the_vocabulary() -> None:
    """rules/units.yaml says which units a value may have; the vocabulary,
    what they measure: a time unit the grammar reads is one the rules know."""
    import yaml

    from audit.resources import resource
    from audit.vocabulary import VOCABULARY

    units = yaml.safe_load(resource("rules/units.yaml").read_text(encoding="utf-8"))
    assert set(units["time_units"]) <= set(VOCABULARY.time_units)


def test_every_unit_the_value_grammar_reads_has_a_family_or_is_a_measure() -> None:
    """A count unit the grammar reads (盏, 眼, 羽…) is a count unit of the
    vocabulary too, so the rules that ask what a value counts know it; what
    is left are scores, aliases, money per head and physical measures."""
    import yaml

    from audit.resources import resource
    from audit.vocabulary import VOCABULARY

    units = yaml.safe_load(resource("rules/units.yaml").read_text(encoding="utf-8"))["units"]
    families = (
        set(VOCABULARY.percent_units)
        | set(VOCABULARY.count_units)
        | set(VOCABULARY.money_units)
        | set(VOCABULARY.time_units)
    )
    scores_and_aliases = {
        "％",
        "百分比",
        "个百分点",
        "分",
        "倍",
        "级",
        "星",
        "元/人",
        "元/人次",
        "元/人·次",
    }
    scores_and_aliases |= {"人·次"}
    measures = {"平方米", "万平方米", "平方", "平米", "㎡", "平方公里", "公顷", "亩", "公里"}
    measures |= {"千米", "米", "立方米", "吨", "千克", "公斤", "G", "M", "T", "GB", "MB", "TB"}
    measures |= {"Mbps", "Gbps", "兆", "立方", "延米", "km", "升", "蒸吨", "千瓦", "千瓦时", "兆瓦"}
    measures |= {"兆瓦时", "千伏", "千伏安", "伏", "瓦", "kW", "kWh", "MW", "吨标准煤", "标准煤"}
    measures |= {"分贝", "dB", "摄氏度", "℃", "微克/立方米", "毫克/立方米", "毫克/升"}
    measures |= {"μg/m³", "μg/m3", "ug/m3", "mg/m³", "mg/m3", "mg/L", "mg/l", "毫米", "厘米"}
    measures |= {"公分", "毫升", "千升", "克", "毫克", "微克", "kg", "m²", "m³", "km²", "平方千米"}
    measures |= {"海里", "斤", "市斤", "担", "岁", "周岁"}
    # transport work: a weight or people times a distance
    measures |= {"吨公里", "人公里", "车公里"}
    # Foreign currencies: units of a value, never money the sums convert to 元.
    currencies = {"美元", "港元", "港币", "欧元", "日元", "英镑"}
    known = families | scores_and_aliases | measures | currencies
    assert [u for u in units if u not in known] == []
    assert [u for u in VOCABULARY.count_units if u not in units] == []
