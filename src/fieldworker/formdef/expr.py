"""The form expression language: compiled expressions and their evaluation (never ``eval``).

The grammar and parser live in ``syntax.py``. Names are question ids or person facts; an
unanswered value is ``None`` and every comparison with it is false, so a rule never fires
on an item nobody has answered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
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
    _compiled: Callable[[Mapping[str, Any], Any], Any] | None = field(default=None, compare=False, repr=False)

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
        compiled = self._compiled
        if compiled is None:
            compiled = compile_tree(self.tree)
            object.__setattr__(self, "_compiled", compiled)
        return compiled(values, current)

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


Evaluator = Callable[[Mapping[str, Any], Any], Any]  # (values, current) -> value

_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: None if b == 0 else a / b,  # division by zero is "no value", never a crash
}


def compile_tree(node: Node) -> Evaluator:
    """Turn a syntax tree into nested closures once, so rules re-evaluated on every keystroke stay cheap.

    Plain Python functions over the tree's nodes: no source text is ever executed.
    """
    if isinstance(node, Literal):
        constant = node.value
        return lambda values, current: constant
    if isinstance(node, Name):
        name, column = node.name, node.column

        def read(values: Mapping[str, Any], current: Any) -> Any:
            try:
                return values[name]
            except KeyError:
                raise ExprError(f"未知的名称“{name}”", column) from None
        return read
    if isinstance(node, Current):
        return lambda values, current: current
    if isinstance(node, ListExpr):
        items = [compile_tree(item) for item in node.items]
        return lambda values, current: [item(values, current) for item in items]
    if isinstance(node, Unary):
        operand = compile_tree(node.operand)
        if node.op == "not":
            return lambda values, current: not truthy(operand(values, current))

        def negate(values: Mapping[str, Any], current: Any) -> Any:
            number = _as_number(operand(values, current))
            return None if number is None else -number
        return negate
    if isinstance(node, Binary):
        return _compile_binary(node)
    if isinstance(node, Call):
        spec = FUNCTIONS.get(node.function)
        if spec is None:
            raise ExprError(f"未知的函数“{node.function}”", node.column)
        function, low, high = spec
        check_arity(node, low, high)
        args = [compile_tree(arg) for arg in node.args]
        return lambda values, current: function(*(arg(values, current) for arg in args))
    raise ExprError("无法计算的表达式", node.column)  # pragma: no cover - every node kind handled above


def _compile_binary(node: Binary) -> Evaluator:
    left, right, op = compile_tree(node.left), compile_tree(node.right), node.op
    if op == "and":
        return lambda v, c: truthy(left(v, c)) and truthy(right(v, c))
    if op == "or":
        return lambda v, c: truthy(left(v, c)) or truthy(right(v, c))
    if op == "==":
        return lambda v, c: equal(left(v, c), right(v, c))
    if op == "!=":
        def not_equal(v: Mapping[str, Any], c: Any) -> bool:
            a, b = left(v, c), right(v, c)
            return a is not None and b is not None and not equal(a, b)
        return not_equal
    if op in ("<", "<=", ">", ">="):
        return lambda v, c: _compare(op, left(v, c), right(v, c))
    if op == "in":
        return lambda v, c: _contains(right(v, c), left(v, c))
    if op == "not in":
        def not_in(v: Mapping[str, Any], c: Any) -> bool:
            a, b = left(v, c), right(v, c)
            return a is not None and b is not None and not _contains(b, a)
        return not_in
    arithmetic = _ARITHMETIC[op]

    def calculate(v: Mapping[str, Any], c: Any) -> Any:
        a, b = _as_number(left(v, c)), _as_number(right(v, c))
        return None if a is None or b is None else arithmetic(a, b)
    return calculate


def check_arity(node: Call, low: int, high: int | None) -> None:
    n = len(node.args)
    if n < low or (high is not None and n > high):
        expected = str(low) if low == high else f"{low}–{high if high is not None else '多'}"
        raise ExprError(f"函数 {node.function}() 需要{expected}个参数，给了{n}个", node.column)


def values_in(value: Any) -> Sequence[str]:
    """The codes of a single or multiple choice answer, as strings."""
    return _codes(value)
