"""A small, safe expression language for relevance, constraints, checks and pre-fill.

Grammar (recursive descent, lowest precedence first)::

    expr       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := additive (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in") additive)?
    additive   := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := "-" unary | primary
    primary    := NUMBER | STRING | NAME | NAME "(" args ")" | "(" expr ")" | "[" args "]" | "."

Names are question ids or person facts (``age``, ``category``…); ``.`` is the answer being
constrained. An unanswered value is ``None``: comparisons with it are false, arithmetic
gives ``None`` — so a rule never fires on a question nobody has answered yet. Nothing is
ever passed to Python's ``eval``; source length, nesting and list sizes are bounded.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

MAX_SOURCE = 2000
MAX_DEPTH = 40


class ExprError(ValueError):
    """A syntax or evaluation error; ``column`` is 1-based within the expression source."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return f"{self.message}（第{self.column}个字符）" if self.column else self.message


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>'[^'\\\n]*'|"[^"\\\n]*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,|\.)
""", re.VERBOSE)
KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}


@dataclass(frozen=True)
class Token:
    kind: str  # number | string | name | op | keyword | end
    text: str
    column: int


def tokenize(source: str) -> list[Token]:
    if len(source) > MAX_SOURCE:
        raise ExprError(f"表达式过长（超过{MAX_SOURCE}个字符）")
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:
            raise ExprError(f"无法识别的字符“{source[pos]}”", pos + 1)
        kind = match.lastgroup or ""
        text = match.group()
        if kind != "ws":
            if kind == "name" and text in KEYWORDS:
                kind = "keyword"
            tokens.append(Token(kind, text, pos + 1))
        pos = match.end()
    tokens.append(Token("end", "", len(source) + 1))
    return tokens


# ---------------------------------------------------------------- syntax tree

@dataclass(frozen=True)
class Node:
    column: int


@dataclass(frozen=True)
class Literal(Node):
    value: Any


@dataclass(frozen=True)
class Name(Node):
    name: str


@dataclass(frozen=True)
class Current(Node):
    """``.``: the value of the question a constraint belongs to."""


@dataclass(frozen=True)
class ListExpr(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Unary(Node):
    op: str
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call(Node):
    function: str
    args: tuple[Node, ...]


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def accept(self, kind: str, *texts: str) -> Token | None:
        token = self.token
        if token.kind == kind and (not texts or token.text in texts):
            return self.take()
        return None

    def expect(self, kind: str, text: str) -> Token:
        token = self.accept(kind, text)
        if token is None:
            found = self.token.text or "表达式结尾"
            raise ExprError(f"此处应为“{text}”，却是“{found}”", self.token.column)
        return token

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"表达式嵌套过深（超过{MAX_DEPTH}层）", self.token.column)

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise ExprError("表达式为空", 1)
        node = self.parse_or()
        if self.token.kind != "end":
            raise ExprError(f"多余的内容“{self.token.text}”", self.token.column)
        return node

    def parse_or(self) -> Node:
        node = self.parse_and()
        while (token := self.accept("keyword", "or")):
            node = Binary(token.column, "or", node, self.parse_and())
        return node

    def parse_and(self) -> Node:
        node = self.parse_not()
        while (token := self.accept("keyword", "and")):
            node = Binary(token.column, "and", node, self.parse_not())
        return node

    def parse_not(self) -> Node:
        token = self.token
        if token.kind == "keyword" and token.text == "not" and not self._next_is_in():
            self.take()
            self.nested()
            node = Unary(token.column, "not", self.parse_not())
            self.depth -= 1
            return node
        return self.parse_comparison()

    def _next_is_in(self) -> bool:
        nxt = self.tokens[self.pos + 1]
        return nxt.kind == "keyword" and nxt.text == "in"

    def parse_comparison(self) -> Node:
        node = self.parse_additive()
        token = self.token
        if token.kind == "op" and token.text in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            return Binary(token.column, token.text, node, self.parse_additive())
        if token.kind == "keyword" and token.text == "in":
            self.take()
            return Binary(token.column, "in", node, self.parse_additive())
        if token.kind == "keyword" and token.text == "not" and self._next_is_in():
            self.take()
            self.take()
            return Binary(token.column, "not in", node, self.parse_additive())
        return node

    def parse_additive(self) -> Node:
        node = self.parse_term()
        while (token := self.accept("op", "+", "-")):
            node = Binary(token.column, token.text, node, self.parse_term())
        return node

    def parse_term(self) -> Node:
        node = self.parse_unary()
        while (token := self.accept("op", "*", "/")):
            node = Binary(token.column, token.text, node, self.parse_unary())
        return node

    def parse_unary(self) -> Node:
        token = self.accept("op", "-")
        if token:
            self.nested()
            node = Unary(token.column, "-", self.parse_unary())
            self.depth -= 1
            return node
        return self.parse_primary()

    def parse_primary(self) -> Node:
        token = self.take()
        if token.kind == "number":
            return Literal(token.column, float(token.text) if "." in token.text else int(token.text))
        if token.kind == "string":
            return Literal(token.column, token.text[1:-1])
        if token.kind == "keyword" and token.text in ("true", "false", "null"):
            return Literal(token.column, {"true": True, "false": False, "null": None}[token.text])
        if token.kind == "name":
            if self.accept("op", "("):
                return Call(token.column, token.text, self.parse_args(")"))
            return Name(token.column, token.text)
        if token.kind == "op" and token.text == ".":
            return Current(token.column)
        if token.kind == "op" and token.text in ("(", "["):
            self.nested()
            if token.text == "(":
                node = self.parse_or()
                self.expect("op", ")")
            else:
                node = ListExpr(token.column, self.parse_args("]"))
            self.depth -= 1
            return node
        found = token.text or "表达式结尾"
        raise ExprError(f"此处应为数值、名称或括号，却是“{found}”", token.column)

    def parse_args(self, closing: str) -> tuple[Node, ...]:
        self.nested()
        args: list[Node] = []
        if not self.accept("op", closing):
            while True:
                args.append(self.parse_or())
                if self.accept("op", closing):
                    break
                self.expect("op", ",")
        self.depth -= 1
        return tuple(args)


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
    if not isinstance(source, str):
        raise ExprError("表达式应为文本")
    return Expression(source, _Parser(tokenize(source)).parse())


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
