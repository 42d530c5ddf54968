"""Cross-reference checks of a loaded form, and the order relevance must be evaluated in.

Unknown ids (with a near-miss suggestion), codes named in ``selected()`` that a question
lacks, ``.`` outside constraints, relevance cycles. Each issue is located at the line of
the expression in the YAML file.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

from fieldworker.formdef.expr import FUNCTIONS, QUESTION_ARG_FUNCTIONS, Call, Current, Expression, ExprError, Literal, Name, check_arity
from fieldworker.formdef.facts import FACTS
from fieldworker.formdef.issues import FormIssue
from fieldworker.formdef.model import FormDefinition

def suggest(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f"（是否应为“{close[0]}”？）" if close else ""


def cross_check(issues: list[FormIssue], form: FormDefinition, root: yaml.Node) -> None:
    lines = _expression_lines(root)
    known = set(FACTS) | {q.id for q in form.questions()}

    def check_expression(expr: Expression | None, where: str, line: int, *, current: Any = None) -> None:
        if expr is None:
            return
        at = lines.get((line, expr.source), (line, 1))
        for name in sorted(expr.names()):
            if name not in known:
                issues.append(FormIssue(*at, f"{where}引用了不存在的题目或事实“{name}”" + suggest(name, known)))
        if expr.uses_current() and current is None:
            issues.append(FormIssue(*at, f"{where}中的“.”（本题答案）只能用于 constraint"))
        for call in expr.calls():
            _check_call(issues, form, call, where, at)

    for section in form.sections:
        check_expression(section.relevant, f"部分“{section.id}”的 relevant", section.line)
        for q in section.questions:
            check_expression(q.relevant, f"题目“{q.id}”的 relevant", q.line)
            check_expression(q.constraint, f"题目“{q.id}”的 constraint", q.line, current=q)
            check_expression(q.prefill, f"题目“{q.id}”的 prefill", q.line)
            if q.prefill is not None and q.prefill.names() - set(FACTS):
                issues.append(FormIssue(q.line, 1, f"题目“{q.id}”的 prefill 只能使用人员事实，不能引用其他题目"))
    for check in form.checks:
        check_expression(check.fails_if, f"校验“{check.id}”", check.line)
        for qid in check.questions:
            if not form.has_question(qid):
                issues.append(FormIssue(check.line, 1, f"校验“{check.id}”的 questions 中有不存在的题目“{qid}”"
                                          + suggest(qid, known)))
    seen_checks: set[str] = set()
    for check in form.checks:
        if check.id in seen_checks:
            issues.append(FormIssue(check.line, 1, f"校验标识“{check.id}”重复"))
        seen_checks.add(check.id)
    for update in form.person_updates:
        check_expression(update.value, f"人员更新“{update.field}”的 value", update.line)
        check_expression(update.when, f"人员更新“{update.field}”的 when", update.line)
    _check_cycles(issues, form)


def _check_call(issues: list[FormIssue], form: FormDefinition, call: Call, where: str, at: tuple[int, int]) -> None:
    spec = FUNCTIONS.get(call.function)
    if spec is None:
        issues.append(FormIssue(*at, f"{where}使用了未知的函数“{call.function}”" + suggest(call.function, set(FUNCTIONS))))
        return
    try:
        check_arity(call, spec[1], spec[2])
    except ExprError as exc:
        issues.append(FormIssue(*at, f"{where}：{exc.message}"))
        return
    if call.function in QUESTION_ARG_FUNCTIONS:
        first = call.args[0]
        if isinstance(first, Current):
            return
        if not isinstance(first, Name):
            issues.append(FormIssue(*at, f"{where}：{call.function}() 的第一个参数应为题目标识"))
            return
        if call.function == "selected" and form.has_question(first.name) and isinstance(call.args[1], Literal):
            question = form.question(first.name)
            code = str(call.args[1].value)
            if question.is_choice and question.choice(code) is None:
                issues.append(FormIssue(*at, f"{where}：题目“{question.id}”没有代码为“{code}”的选项"))


def _relevance_graph(form: FormDefinition) -> dict[str, set[str]]:
    """Question → the questions its relevance (own or its section's) depends on."""
    graph: dict[str, set[str]] = {}
    for section in form.sections:
        section_deps = section.relevant.names() if section.relevant else set()
        for q in section.questions:
            deps = set(section_deps) | (q.relevant.names() if q.relevant else set())
            graph[q.id] = {d for d in deps if form.has_question(d)}
    return graph


def _check_cycles(issues: list[FormIssue], form: FormDefinition) -> None:
    graph = _relevance_graph(form)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycle = path[path.index(dep):] + [dep]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    line = form.question(dep).line
                    issues.append(FormIssue(line, 1, "relevant 循环依赖：" + " → ".join(cycle)))
            elif state.get(dep) is None:
                visit(dep, path)
        path.pop()
        state[node] = 2

    for qid in graph:
        if qid not in state:
            visit(qid, [])


def relevance_order(form: FormDefinition) -> list[str]:
    """Question ids ordered so that each comes after every question its relevance reads (cached per form)."""
    cached = form.derived.get("relevance_order")
    if cached is None:
        cached = form.derived["relevance_order"] = _relevance_order(form)
    return cached  # type: ignore[return-value]


def _relevance_order(form: FormDefinition) -> list[str]:
    graph = _relevance_graph(form)
    order: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in done:
            return
        done.add(node)
        for dep in sorted(graph.get(node, ())):
            visit(dep)
        order.append(node)

    for q in form.questions():
        visit(q.id)
    return order


def _expression_lines(root: yaml.Node) -> dict[tuple[int, str], tuple[int, int]]:
    """(line of the enclosing item, expression source) → exact line/column of the expression node."""
    found: dict[tuple[int, str], tuple[int, int]] = {}

    def walk(node: yaml.Node, item_line: int) -> None:
        if isinstance(node, yaml.MappingNode):
            line = node.start_mark.line + 1
            for key, value in node.value:
                if isinstance(value, yaml.ScalarNode) and key.value in ("relevant", "constraint", "prefill",
                                                                        "fails_if", "value", "when"):
                    found.setdefault((line, str(value.value).strip()), (value.start_mark.line + 1,
                                                                       value.start_mark.column + 1))
                walk(value, line)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, item_line)

    walk(root, 1)
    return found
