"""The form expression language: compiled expressions and their evaluation (never ``eval``).

The grammar and parser live in ``syntax.py``. Names are question ids or person facts; an
unanswered value is ``None`` and every comparison with it is false, so a rule never fires
on an item nobody has answered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from fieldworker.formdef.syntax import (
    MAX_DEPTH, MAX_SOURCE, Binary, Call, Current, ExprError, ListExpr, Literal, Name, Node, Unary, parse_tree, tokenize,
)

__all__ = [  # the language's public names, including the syntax ones re-exported from syntax.py
    "MAX_DEPTH", "MAX_SOURCE", "FUNCTIONS", "QUESTION_ARG_FUNCTIONS", "Call", "Current", "Expression", "ExprError",
    "Literal", "Name", "Node", "check_arity", "equal", "parse", "tokenize", "truthy",
]

# ---------------------------------------------------------------- compiled expressions

@dataclass(frozen=True)
class Expression:
    source: str
    tree: Node

    def names(self) -> set[str]:
        """Every question id or fact the expression reads."""
        found: set[str] = set()
        _walk_names(self.tree, found)
        return found

    def calls(self) -> list[Call]:
        found: list[Call] = []
        _walk_calls(self.tree, found)
        return found

    def uses_current(self) -> bool:
        return _any_node(self.tree, lambda n: isinstance(n, Current))

    def evaluate(self, values: Mapping[str, Any], current: Any = None) -> Any:
        return _Evaluator(values, current).eval(self.tree)

    def truth(self, values: Mapping[str, Any], current: Any = None) -> bool:
        return truthy(self.evaluate(values, current))


def parse(source: str) -> Expression:
    return Expression(source, parse_tree(source))


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, (Call, ListExpr)):
        return node.args if isinstance(node, Call) else node.items
    return ()


def _walk_names(node: Node, found: set[str]) -> None:
    if isinstance(node, Name):
        found.add(node.name)
    for child in _children(node):
        _walk_names(child, found)


def _walk_calls(node: Node, found: list[Call]) -> None:
    if isinstance(node, Call):
        found.append(node)
    for child in _children(node):
        _walk_calls(child, found)


def _any_node(node: Node, test: Callable[[Node], bool]) -> bool:
    return test(node) or any(_any_node(c, test) for c in _children(node))


# ---------------------------------------------------------------- evaluation

def truthy(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple, set, str)):
        return len(value) > 0
    return bool(value)


def _as_number(value: Any) -> float | int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            try:
                number = float(value)
            except ValueError:
                return None
            return number if math.isfinite(number) else None
    return None


def _codes(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [_code(v) for v in value]
    return [_code(value)]


def _code(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def equal(left: Any, right: Any) -> bool:
    """Codes are strings, numbers are numbers; ``R7 == 1`` and ``R7 == '1'`` mean the same."""
    if left is None or right is None:
        return False
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    if isinstance(left, (list, tuple)) or isinstance(right, (list, tuple)):
        return sorted(_codes(left)) == sorted(_codes(right))
    a, b = _as_number(left), _as_number(right)
    if a is not None and b is not None:
        return a == b
    return _code(left) == _code(right)


def _compare(op: str, left: Any, right: Any) -> bool:
    a, b = _as_number(left), _as_number(right)
    if a is None or b is None:
        return False
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _contains(container: Any, item: Any) -> bool:
    if container is None or item is None:
        return False
    if isinstance(container, str):
        return isinstance(item, str) and item in container
    if isinstance(container, (list, tuple)):
        return any(equal(item, c) for c in container)
    raise ExprError("“in”右边应为列表或文本")


def _fn_selected(value: Any, code: Any) -> bool:
    return _code(code) in _codes(value)


def _fn_count(value: Any) -> int:
    return len(_codes(value))


def _fn_answered(value: Any) -> bool:
    return truthy(value) or value == 0 or value is False


def _fn_if(condition: Any, then: Any, otherwise: Any) -> Any:
    return then if truthy(condition) else otherwise


def _fn_codes_if(*pairs: Any) -> list[str]:
    if len(pairs) % 2:
        raise ExprError("codes_if() 的参数应成对出现：条件, 代码")
    return [_code(code) for condition, code in zip(pairs[::2], pairs[1::2]) if truthy(condition)]


def _fn_length(value: Any) -> int | None:
    return None if value is None else len(str(value))


def _fn_coalesce(*values: Any) -> Any:
    return next((v for v in values if v is not None and v != ""), None)


# name → (function, minimum args, maximum args or None)
FUNCTIONS: dict[str, tuple[Callable[..., Any], int, int | None]] = {
    "selected": (_fn_selected, 2, 2),
    "count": (_fn_count, 1, 1),
    "answered": (_fn_answered, 1, 1),
    "if": (_fn_if, 3, 3),
    "codes_if": (_fn_codes_if, 2, 40),
    "length": (_fn_length, 1, 1),
    "coalesce": (_fn_coalesce, 1, None),
}
# Functions whose first argument must name a question (checked at load time).
QUESTION_ARG_FUNCTIONS = frozenset({"selected", "count", "answered"})


class _Evaluator:
    def __init__(self, values: Mapping[str, Any], current: Any) -> None:
        self.values = values
        self.current = current

    def eval(self, node: Node) -> Any:
        if isinstance(node, Literal):
            return node.value
        if isinstance(node, Name):
            if node.name not in self.values:
                raise ExprError(f"未知的名称“{node.name}”", node.column)
            return self.values[node.name]
        if isinstance(node, Current):
            return self.current
        if isinstance(node, ListExpr):
            return [self.eval(item) for item in node.items]
        if isinstance(node, Unary):
            value = self.eval(node.operand)
            if node.op == "not":
                return not truthy(value)
            number = _as_number(value)
            return None if number is None else -number
        if isinstance(node, Binary):
            return self.binary(node)
        if isinstance(node, Call):
            return self.call(node)
        raise ExprError("无法计算的表达式", node.column)  # pragma: no cover - every node kind handled above

    def binary(self, node: Binary) -> Any:
        if node.op == "and":
            return truthy(self.eval(node.left)) and truthy(self.eval(node.right))
        if node.op == "or":
            return truthy(self.eval(node.left)) or truthy(self.eval(node.right))
        left, right = self.eval(node.left), self.eval(node.right)
        if node.op == "==":
            return equal(left, right)
        if node.op == "!=":
            return left is not None and right is not None and not equal(left, right)
        if node.op in ("<", "<=", ">", ">="):
            return _compare(node.op, left, right)
        if node.op == "in":
            return _contains(right, left)
        if node.op == "not in":
            return left is not None and right is not None and not _contains(right, left)
        a, b = _as_number(left), _as_number(right)
        if a is None or b is None:
            return None
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        if b == 0:
            return None  # division by zero is "no value", never a crash
        return a / b

    def call(self, node: Call) -> Any:
        spec = FUNCTIONS.get(node.function)
        if spec is None:
            raise ExprError(f"未知的函数“{node.function}”", node.column)
        function, low, high = spec
        check_arity(node, low, high)
        return function(*(self.eval(arg) for arg in node.args))


def check_arity(node: Call, low: int, high: int | None) -> None:
    n = len(node.args)
    if n < low or (high is not None and n > high):
        expected = str(low) if low == high else f"{low}–{high if high is not None else '多'}"
        raise ExprError(f"函数 {node.function}() 需要{expected}个参数，给了{n}个", node.column)


def values_in(value: Any) -> Sequence[str]:
    """The codes of a single or multiple choice answer, as strings."""
    return _codes(value)
