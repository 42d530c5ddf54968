"""Syntax of the form expression language: tokenizer, syntax tree, recursive-descent parser.

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

import re
from dataclasses import dataclass
from typing import Any

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


def parse_tree(source: str) -> Node:
    """Parse ``source`` into a syntax tree, or raise ``ExprError`` with the column."""
    if not isinstance(source, str):
        raise ExprError("表达式应为文本")
    return _Parser(tokenize(source)).parse()
