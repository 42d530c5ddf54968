"""Load a form definition from YAML, with every error located by line and column.

Stages: YAML text → node tree (PyYAML keeps each node's position) → typed dataclasses →
cross-reference checks (unknown ids with a near-miss suggestion, duplicate ids and codes,
relevance cycles, codes named in ``selected()`` that the question does not offer).
All problems are collected and raised together as ``FormDefinitionError``.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from fieldworker.formdef.expr import FUNCTIONS, Expression, ExprError, parse
from fieldworker.formdef.facts import FACTS
from fieldworker.formdef.issues import FormDefinitionError, FormIssue
from fieldworker.formdef.model import (
    CHECK_SEVERITIES, CHOICE_TYPES, NO, QUESTION_TYPES, YES, Check, Choice, FormDefinition, PersonUpdate, Question,
    Section,
)
from fieldworker.formdef.references import cross_check, suggest

ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
# Person fields a form may update on completion, with the value kind the service converts to.
UPDATABLE_PERSON_FIELDS = {
    "dibao": "bool", "living_subsidy": "bool", "care_subsidy": "bool", "family_doctor": "bool",
    "medical_insurance": "code", "pension_insurance": "code", "education_status": "code",
    "employment_status": "code", "phone": "text", "guardian_name": "text", "guardian_phone": "text",
    "status": "code",
}


class _Abort(Exception):
    """Internal: a structural error after which this branch of the tree cannot be read."""


class _Reader:
    """Walks the YAML node tree, converting values and collecting located issues."""

    def __init__(self) -> None:
        self.issues: list[FormIssue] = []

    def issue(self, node: yaml.Node | None, message: str, column_offset: int = 0) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        column = node.start_mark.column + 1 + column_offset if node is not None else 1
        self.issues.append(FormIssue(line, column, message))

    def mapping(self, node: yaml.Node, what: str, allowed: set[str], required: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.issue(node, f"{what}应为“键: 值”形式的映射")
            raise _Abort
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.issue(key_node, f"{what}的键应为文字")
                continue
            if key in out:
                self.issue(key_node, f"{what}中“{key}”重复出现")
                continue
            if key not in allowed:
                self.issue(key_node, f"{what}中有未知的键“{key}”" + suggest(key, allowed))
                continue
            out[key] = value_node
        for key in sorted(required - out.keys()):
            self.issue(node, f"{what}缺少“{key}”")
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.issue(node, f"{what}应为列表（每项以“- ”开头）")
            raise _Abort
        return list(node.value)

    def text(self, node: yaml.Node | None, what: str, default: str = "") -> str:
        if node is None:
            return default
        if not isinstance(node, yaml.ScalarNode):
            self.issue(node, f"{what}应为文字")
            return default
        return str(node.value).strip()

    def boolean(self, node: yaml.Node | None, what: str, default: bool) -> bool:
        if node is None:
            return default
        value = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, bool):
            self.issue(node, f"{what}应为 true 或 false")
            return default
        return value

    def number(self, node: yaml.Node | None, what: str) -> float | None:
        if node is None:
            return None
        value = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.issue(node, f"{what}应为数字")
            return None
        return value

    def expression(self, node: yaml.Node | None, what: str) -> Expression | None:
        if node is None:
            return None
        source = self.text(node, what)
        if not source:
            self.issue(node, f"{what}为空")
            return None
        try:
            return parse(source)
        except ExprError as exc:
            offset = (exc.column - 1) if exc.column and node.style in (None, "") else 0
            self.issue(node, f"{what}“{source}”有误：{exc.message}", offset)
            return None


TOP_KEYS = {"form", "version", "title", "table_number", "authority", "notes", "choice_lists", "sections", "checks",
            "person_updates"}
SECTION_KEYS = {"id", "title", "relevant", "questions"}
QUESTION_KEYS = {"id", "number", "label", "type", "required", "relevant", "constraint", "constraint_message",
                 "choices", "hint", "prefill", "carry_over", "min", "max", "unconfirmed", "note"}
CHOICE_KEYS = {"code", "label", "exclusive", "unconfirmed", "note"}
CHECK_KEYS = {"id", "fails_if", "message", "severity", "questions", "note"}
UPDATE_KEYS = {"field", "value", "when", "note"}


def load_form(path: Path | str) -> FormDefinition:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FormDefinitionError([FormIssue(1, 1, f"文件不是 UTF-8 编码：{exc.reason}")], str(path)) from None
    return load_form_text(text, source=str(path))


def load_form_text(text: str, *, source: str = "") -> FormDefinition:
    reader = _Reader()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FormDefinitionError([FormIssue(line, column, f"YAML 语法错误：{exc.problem or exc}")], source) from None
    if root is None:
        raise FormDefinitionError([FormIssue(1, 1, "文件为空")], source)
    try:
        form = _read_form(reader, root, source)
    except _Abort:
        form = None
    if form is not None:
        cross_check(reader.issues, form, root)
    if reader.issues or form is None:
        raise FormDefinitionError(reader.issues, source)
    return form


def _read_form(r: _Reader, root: yaml.Node, source: str) -> FormDefinition | None:
    top = r.mapping(root, "表单", TOP_KEYS, {"form", "version", "title", "sections"})
    form_id = r.text(top.get("form"), "form")
    if form_id and not ID_PATTERN.match(form_id):
        r.issue(top["form"], f"表单标识“{form_id}”只能由字母、数字、下划线组成")
    version = r.number(top.get("version"), "version")
    if version is not None and (int(version) != version or not 1990 <= version <= 2100):
        r.issue(top["version"], "version 应为年份，如 2018")
    lists = _read_choice_lists(r, top.get("choice_lists"))
    sections: list[Section] = []
    seen_questions: dict[str, int] = {}
    seen_sections: set[str] = set()
    for node in r.sequence(top["sections"], "sections") if "sections" in top else []:
        try:
            section = _read_section(r, node, lists, seen_questions)
        except _Abort:
            continue
        if section.id in seen_sections:
            r.issue(node, f"部分标识“{section.id}”重复")
        seen_sections.add(section.id)
        sections.append(section)
    checks = _read_list(r, top.get("checks"), "checks", _read_check)
    updates = _read_list(r, top.get("person_updates"), "person_updates", _read_update)
    if not form_id or version is None:
        return None
    return FormDefinition(
        id=form_id, version=int(version), title=r.text(top.get("title"), "title"), sections=tuple(sections),
        checks=tuple(checks), person_updates=tuple(updates), table_number=r.text(top.get("table_number"), "table_number"),
        authority=r.text(top.get("authority"), "authority"), notes=r.text(top.get("notes"), "notes"), source=source)


def _read_list(r: _Reader, node: yaml.Node | None, what: str, read) -> list:  # type: ignore[no-untyped-def]
    if node is None:
        return []
    out = []
    try:
        items = r.sequence(node, what)
    except _Abort:
        return []
    for item in items:
        try:
            value = read(r, item)
        except _Abort:
            continue
        if value is not None:
            out.append(value)
    return out


def _read_choice_lists(r: _Reader, node: yaml.Node | None) -> dict[str, tuple[Choice, ...]]:
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        r.issue(node, "choice_lists 应为“名称: 选项列表”的映射")
        return {}
    lists = {}
    for key_node, value_node in node.value:
        name = r.text(key_node, "选项表名称")
        lists[name] = _read_choices(r, value_node, f"选项表“{name}”")
    return lists


def _read_choices(r: _Reader, node: yaml.Node, what: str) -> tuple[Choice, ...]:
    choices: list[Choice] = []
    seen: set[str] = set()
    try:
        items = r.sequence(node, what)
    except _Abort:
        return ()
    for item in items:
        try:
            fields = r.mapping(item, f"{what}的选项", CHOICE_KEYS, {"code", "label"})
        except _Abort:
            continue
        code = r.text(fields.get("code"), "code")
        if not code:
            continue
        if not re.fullmatch(r"[0-9A-Za-z]{1,4}", code):
            r.issue(fields["code"], f"选项代码“{code}”应为1–4位数字或字母")
        if code in seen:
            r.issue(fields["code"], f"{what}中选项代码“{code}”重复")
        seen.add(code)
        choices.append(Choice(code=code, label=r.text(fields.get("label"), "label"),
                              exclusive=r.boolean(fields.get("exclusive"), "exclusive", False),
                              unconfirmed=r.boolean(fields.get("unconfirmed"), "unconfirmed", False),
                              line=item.start_mark.line + 1))
    if not choices:
        r.issue(node, f"{what}没有选项")
    return tuple(choices)


def _read_section(r: _Reader, node: yaml.Node, lists: dict[str, tuple[Choice, ...]],
                  seen_questions: dict[str, int]) -> Section:
    fields = r.mapping(node, "部分", SECTION_KEYS, {"id", "title", "questions"})
    section_id = r.text(fields.get("id"), "部分 id")
    if "questions" not in fields:
        raise _Abort
    questions = []
    for item in r.sequence(fields["questions"], "questions"):
        try:
            question = _read_question(r, item, lists, section_id)
        except _Abort:
            continue
        if question.id in seen_questions:
            r.issue(item, f"题目标识“{question.id}”重复（第{seen_questions[question.id]}行已用过）")
            continue
        seen_questions[question.id] = question.line
        questions.append(question)
    return Section(id=section_id, title=r.text(fields.get("title"), "title"), questions=tuple(questions),
                   relevant=r.expression(fields.get("relevant"), "relevant"), line=node.start_mark.line + 1)


def _read_question(r: _Reader, node: yaml.Node, lists: dict[str, tuple[Choice, ...]], section_id: str) -> Question:
    fields = r.mapping(node, "题目", QUESTION_KEYS, {"id", "label", "type"})
    qid = r.text(fields.get("id"), "题目 id")
    if not qid:
        raise _Abort
    if not ID_PATTERN.match(qid):
        r.issue(fields["id"], f"题目标识“{qid}”只能由字母开头，含字母、数字、下划线")
    if qid in FACTS or qid in FUNCTIONS or qid in ("and", "or", "not", "in", "true", "false", "null"):
        r.issue(fields["id"], f"题目标识“{qid}”与保留名称冲突")
    qtype = r.text(fields.get("type"), "type")
    if qtype not in QUESTION_TYPES:
        r.issue(fields.get("type"), f"未知的题型“{qtype}”，可用：{'、'.join(QUESTION_TYPES)}" + suggest(qtype, set(QUESTION_TYPES)))
    choices: tuple[Choice, ...] = ()
    choices_node = fields.get("choices")
    if qtype == "yesno":
        choices = (Choice(YES, "是"), Choice(NO, "否"))
        if choices_node is not None:
            r.issue(choices_node, "是非题（yesno）不需要 choices")
    elif qtype in CHOICE_TYPES:
        if choices_node is None:
            r.issue(node, f"选择题“{qid}”缺少 choices")
        elif isinstance(choices_node, yaml.ScalarNode):
            name = r.text(choices_node, "choices")
            if name not in lists:
                r.issue(choices_node, f"未定义的选项表“{name}”" + suggest(name, set(lists)))
            choices = lists.get(name, ())
        else:
            choices = _read_choices(r, choices_node, f"题目“{qid}”")
    elif choices_node is not None:
        r.issue(choices_node, f"题型 {qtype} 不用 choices")
    if qtype == "single" and any(c.exclusive for c in choices):
        r.issue(choices_node, "单选题的选项不需要 exclusive")
    minimum, maximum = r.number(fields.get("min"), "min"), r.number(fields.get("max"), "max")
    if (minimum is not None or maximum is not None) and qtype not in ("integer", "decimal"):
        r.issue(fields.get("min") or fields.get("max"), "min/max 只用于数值题")
    if minimum is not None and maximum is not None and minimum > maximum:
        r.issue(fields["min"], "min 大于 max")
    constraint = r.expression(fields.get("constraint"), "constraint")
    message = r.text(fields.get("constraint_message"), "constraint_message")
    if constraint is not None and not message:
        r.issue(fields["constraint"], "有 constraint 时必须写 constraint_message（给调查员看的中文提示）")
    return Question(
        id=qid, label=r.text(fields.get("label"), "label"), type=qtype, number=r.text(fields.get("number"), "number"),
        required=r.boolean(fields.get("required"), "required", True),
        relevant=r.expression(fields.get("relevant"), "relevant"), constraint=constraint, constraint_message=message,
        choices=choices, hint=r.text(fields.get("hint"), "hint"), prefill=r.expression(fields.get("prefill"), "prefill"),
        carry_over=r.boolean(fields.get("carry_over"), "carry_over", True), minimum=minimum, maximum=maximum,
        unconfirmed=r.boolean(fields.get("unconfirmed"), "unconfirmed", False), section_id=section_id,
        line=node.start_mark.line + 1)


def _read_check(r: _Reader, node: yaml.Node) -> Check | None:
    fields = r.mapping(node, "逻辑校验", CHECK_KEYS, {"id", "fails_if", "message"})
    severity = r.text(fields.get("severity"), "severity", "block")
    if severity not in CHECK_SEVERITIES:
        r.issue(fields.get("severity"), f"severity 应为 {' 或 '.join(CHECK_SEVERITIES)}")
    questions: list[str] = []
    if "questions" in fields:
        try:
            questions = [r.text(q, "questions") for q in r.sequence(fields["questions"], "questions")]
        except _Abort:
            pass
    expression = r.expression(fields.get("fails_if"), "fails_if")
    if expression is None:
        return None
    return Check(id=r.text(fields.get("id"), "id"), fails_if=expression, message=r.text(fields.get("message"), "message"),
                 severity=severity, questions=tuple(questions), line=node.start_mark.line + 1)


def _read_update(r: _Reader, node: yaml.Node) -> PersonUpdate | None:
    fields = r.mapping(node, "人员信息更新", UPDATE_KEYS, {"field", "value"})
    name = r.text(fields.get("field"), "field")
    if name not in UPDATABLE_PERSON_FIELDS:
        r.issue(fields.get("field"), f"不能由调查更新的人员字段“{name}”，可用：{'、'.join(UPDATABLE_PERSON_FIELDS)}")
    value = r.expression(fields.get("value"), "value")
    if value is None:
        return None
    return PersonUpdate(field=name, value=value, when=r.expression(fields.get("when"), "when"),
                        line=node.start_mark.line + 1)
