"""Loading form definitions: line-precise errors, reference checks, and every shipped form."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fieldworker.formdef.loader import FormDefinitionError, load_form, load_form_text
from fieldworker.paths import forms_dir

GOOD = """\
form: demo
version: 2024
title: 测试表
sections:
  - id: s1
    title: 第一部分
    questions:
      - id: status
        label: 调查状态
        type: single
        choices:
          - {code: 1, label: 死亡}
          - {code: 6, label: 正常}
      - id: need
        label: 需求
        type: multiple
        relevant: status == 6 and age >= 16
        choices:
          - {code: 1, label: 康复}
          - {code: 9, label: 无, exclusive: true}
checks:
  - id: c1
    fails_if: selected(need, 1) and age > 100
    message: 年龄过大
"""


def issues_of(text: str) -> list[tuple[int, str]]:
    with pytest.raises(FormDefinitionError) as err:
        load_form_text(textwrap.dedent(text))
    return [(i.line, i.message) for i in err.value.issues]


def test_good_form_loads_into_typed_objects() -> None:
    form = load_form_text(GOOD)
    assert form.key == "demo-2024"
    need = form.question("need")
    assert need.type == "multiple" and need.choice("9").exclusive
    assert need.relevant is not None and need.relevant.names() == {"status", "age"}
    assert form.checks[0].severity == "block"


def test_unknown_reference_is_reported_on_its_line_with_a_suggestion() -> None:
    found = issues_of(GOOD.replace("relevant: status == 6", "relevant: statsu == 6"))
    assert found == [(17, "题目“need”的 relevant引用了不存在的题目或事实“statsu”（是否应为“status”？）")]


def test_duplicate_codes_and_ids_are_located() -> None:
    text = GOOD.replace("{code: 9, label: 无, exclusive: true}", "{code: 1, label: 无, exclusive: true}")
    assert (20, "题目“need”中选项代码“1”重复") in issues_of(text)
    text = GOOD.replace("- id: need", "- id: status")
    assert any(line == 14 and "重复" in message for line, message in issues_of(text))


def test_relevance_cycle_is_refused() -> None:
    text = GOOD.replace("      - id: status\n        label: 调查状态\n",
                        "      - id: status\n        label: 调查状态\n        relevant: selected(need, 1)\n")
    assert any("循环依赖" in message and "need" in message for _line, message in issues_of(text))


def test_syntax_error_in_expression_points_at_the_column() -> None:
    with pytest.raises(FormDefinitionError) as err:
        load_form_text(GOOD.replace("relevant: status == 6 and age >= 16", "relevant: status == and age"))
    issue = err.value.issues[0]
    assert issue.line == 17 and issue.column == 19 + 10 and "有误" in issue.message


def test_yaml_syntax_error_has_a_line() -> None:
    found = issues_of(GOOD.replace("    title: 第一部分", "    title: [第一部分"))
    assert found[0][1].startswith("YAML 语法错误") and found[0][0] >= 6


def test_selected_with_a_code_the_question_lacks() -> None:
    found = issues_of(GOOD.replace("selected(need, 1)", "selected(need, 5)"))
    assert found == [(23, "校验“c1”：题目“need”没有代码为“5”的选项")]


def test_unknown_keys_types_and_missing_fields() -> None:
    found = issues_of(GOOD.replace("type: multiple", "type: multi").replace("    title: 第一部分", "    titel: 第一部分"))
    messages = " ".join(m for _l, m in found)
    assert "未知的题型“multi”" in messages and "（是否应为“multiple”？）" in messages
    assert "未知的键“titel”" in messages and "部分缺少“title”" in messages


def test_constraint_needs_a_message_and_dot_only_in_constraints() -> None:
    text = GOOD.replace("        relevant: status == 6 and age >= 16\n",
                        "        relevant: . == 1\n        constraint: count(.) <= 3\n")
    messages = [m for _l, m in issues_of(text)]
    assert any("constraint_message" in m for m in messages)
    assert any("只能用于 constraint" in m for m in messages)


def test_prefill_may_only_read_person_facts() -> None:
    text = GOOD.replace("        relevant: status == 6 and age >= 16\n",
                        "        prefill: codes_if(status == 6, 1)\n")
    assert any("prefill 只能使用人员事实" in m for _l, m in issues_of(text))


@pytest.mark.parametrize("path", sorted(forms_dir().glob("survey-*.yaml")), ids=lambda p: p.name)
def test_every_shipped_survey_form_is_valid_and_complete(path: Path) -> None:
    form = load_form(path)
    assert form.id == "survey" and str(form.version) in path.name
    ids = [q.id for q in form.questions()]
    assert len(ids) == len(set(ids))
    for question in form.questions():
        assert question.label.strip(), question.id
        if question.is_choice:
            codes = [c.code for c in question.choices]
            assert len(codes) == len(set(codes)) and all(c.label for c in question.choices)
        assert sum(c.exclusive for c in question.choices) <= 1
    assert form.question("survey_status").choice("6").label == "正常"
    assert {"social_assistance", "medical_insurance", "rehab_needs", "renovation_needs", "income_total"} <= set(ids)
    assert any(c.severity == "warn" for c in form.checks) and any(c.severity == "block" for c in form.checks)


def test_2018_edition_has_all_41_numbered_items() -> None:
    form = load_form(forms_dir() / "survey-2018.yaml")
    numbers = {q.number for q in form.questions()}
    assert {f"R{n}" for n in range(1, 42)} <= numbers
