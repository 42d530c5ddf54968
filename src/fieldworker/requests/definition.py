"""Workflow definitions as data: ``forms/<kind>.yaml`` parsed into typed, checked objects.

One definition describes one kind of request (renovation, device): its stages, the legal
transitions between them (who may make them, which fields and checks they need), the item
code list and the printed forms. Every reference inside a file is checked at load time, so
a typo in a YAML file fails loudly instead of producing an unreachable stage.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fieldworker.paths import forms_dir

KINDS = ("renovation", "device")
KIND_FILES = {"renovation": "renovation.yaml", "device": "device.yaml"}
SUBJECTS = ("household", "person")
FIELD_TYPES = ("date", "text", "money", "choice")
ROLES = ("village", "township", "county")
PREVIOUS = "@previous"
# Checks a transition may name; implemented in requests/checks.py.
KNOWN_CHECKS = frozenset({
    "has_items", "within_cap", "amount_within_cap", "has_before_photo", "has_after_photo",
    "consent_given", "category_match_warning",
})


class DefinitionError(ValueError):
    """A workflow file is malformed; the message names the file and the bad entry."""


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    terminal: bool = False


@dataclass(frozen=True)
class FieldDef:
    name: str
    label: str
    type: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str  # a stage code or PREVIOUS
    roles: tuple[str, ...]
    fields: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    note_required: bool = False


@dataclass(frozen=True)
class ItemDef:
    code: str
    label: str
    unit: str
    group: str
    categories: tuple[str, ...] = ()
    cap_yuan: int | None = None
    life_years: int | None = None
    lendable: bool = False


@dataclass(frozen=True)
class FormDef:
    name: str
    title: str
    signers: tuple[str, ...]


@dataclass(frozen=True)
class Workflow:
    kind: str
    title: str
    subject: str
    cap_setting: str
    cap_default_yuan: int
    repeat_warning_years: int
    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    fields: dict[str, FieldDef]
    items: dict[str, ItemDef]
    forms: dict[str, FormDef]
    items_locked_from: str
    overdue_days: dict[str, int] = field(default_factory=dict)

    @property
    def initial_stage(self) -> str:
        return self.stages[0].code

    def stage(self, code: str) -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise KeyError(code)

    def stage_label(self, code: str) -> str:
        try:
            return self.stage(code).label
        except KeyError:
            return code

    def is_terminal(self, code: str) -> bool:
        return self.stage(code).terminal

    def transition(self, action: str) -> Transition:
        for transition in self.transitions:
            if transition.action == action:
                return transition
        raise KeyError(action)

    def transitions_from(self, stage: str) -> list[Transition]:
        return [t for t in self.transitions if stage in t.sources]

    def target_of(self, transition: Transition, current: str) -> str:
        """Where a transition leads from ``current``; ``@previous`` is the stage before it."""
        if transition.target != PREVIOUS:
            return transition.target
        main = [s.code for s in self.stages if not s.terminal]
        index = main.index(current)
        return main[max(0, index - 1)]

    def items_editable(self, stage: str) -> bool:
        """Items may change until the request reaches ``items_locked_from`` (or ends)."""
        order = [s.code for s in self.stages]
        return not self.is_terminal(stage) and order.index(stage) < order.index(self.items_locked_from)

    def item(self, code: str) -> ItemDef:
        return self.items[code]


def _require(mapping: dict[str, Any], key: str, where: str) -> Any:
    if key not in mapping or mapping[key] in (None, ""):
        raise DefinitionError(f"{where}: missing '{key}'")
    return mapping[key]


def parse(data: dict[str, Any], source: str) -> Workflow:
    """Turn the YAML mapping into a checked ``Workflow``."""
    if not isinstance(data, dict):
        raise DefinitionError(f"{source}: top level must be a mapping")
    kind = _require(data, "kind", source)
    if kind not in KINDS:
        raise DefinitionError(f"{source}: kind '{kind}' is not one of {KINDS}")
    subject = _require(data, "subject", source)
    if subject not in SUBJECTS:
        raise DefinitionError(f"{source}: subject '{subject}' is not one of {SUBJECTS}")
    stages = tuple(Stage(str(_require(s, "code", f"{source} stage")), str(_require(s, "label", f"{source} stage")),
                         bool(s.get("terminal", False))) for s in data.get("stages", []))
    codes = [s.code for s in stages]
    if len(set(codes)) != len(codes) or not stages:
        raise DefinitionError(f"{source}: stages must be a non-empty list of unique codes")
    if stages[0].terminal:
        raise DefinitionError(f"{source}: the first stage cannot be terminal")
    fields = {}
    for raw in data.get("fields", []):
        f = FieldDef(str(_require(raw, "name", f"{source} field")), str(_require(raw, "label", f"{source} field")),
                     str(_require(raw, "type", f"{source} field")), tuple(str(c) for c in raw.get("choices", ())))
        if f.type not in FIELD_TYPES:
            raise DefinitionError(f"{source}: field '{f.name}' has unknown type '{f.type}'")
        if f.type == "choice" and not f.choices:
            raise DefinitionError(f"{source}: choice field '{f.name}' has no choices")
        fields[f.name] = f
    transitions = tuple(_transition(raw, source, set(codes), fields) for raw in data.get("transitions", []))
    actions = [t.action for t in transitions]
    if len(set(actions)) != len(actions):
        raise DefinitionError(f"{source}: transition actions must be unique")
    items = {}
    for raw in data.get("items", []):
        item = ItemDef(code=str(_require(raw, "code", f"{source} item")), label=str(_require(raw, "label", f"{source} item")),
                       unit=str(_require(raw, "unit", f"{source} item")), group=str(raw.get("group") or raw.get("area") or ""),
                       categories=tuple(str(c) for c in raw.get("categories", ())),
                       cap_yuan=int(raw["cap"]) if raw.get("cap") is not None else None,
                       life_years=int(raw["life_years"]) if raw.get("life_years") is not None else None,
                       lendable=bool(raw.get("lendable", False)))
        if item.code in items:
            raise DefinitionError(f"{source}: duplicate item code '{item.code}'")
        if not set(item.categories) <= set("1234567"):
            raise DefinitionError(f"{source}: item '{item.code}' has an unknown disability category")
        items[item.code] = item
    forms = {}
    for raw in data.get("forms", []):
        form = FormDef(str(_require(raw, "name", f"{source} form")), str(_require(raw, "title", f"{source} form")),
                       tuple(str(s) for s in raw.get("signers", ())))
        forms[form.name] = form
    overdue = {str(k): int(v) for k, v in (data.get("overdue_days") or {}).items()}
    for stage in overdue:
        if stage not in codes:
            raise DefinitionError(f"{source}: overdue_days names unknown stage '{stage}'")
    cap = data.get("cap") or {}
    workflow = Workflow(
        kind=kind, title=str(_require(data, "title", source)), subject=subject,
        cap_setting=str(_require(cap, "setting", f"{source} cap")), cap_default_yuan=int(_require(cap, "default", f"{source} cap")),
        repeat_warning_years=int(data.get("repeat_warning_years", 0)),
        stages=stages, transitions=transitions, fields=fields, items=items, forms=forms, overdue_days=overdue,
        items_locked_from=str(data.get("items_locked_from") or stages[-1].code),
    )
    if workflow.items_locked_from not in codes:
        raise DefinitionError(f"{source}: items_locked_from names unknown stage '{workflow.items_locked_from}'")
    _check_reachable(workflow, source)
    return workflow


def _transition(raw: dict[str, Any], source: str, stage_codes: set[str], fields: dict[str, FieldDef]) -> Transition:
    where = f"{source} transition '{raw.get('action', '?')}'"
    sources = tuple(str(s) for s in _require(raw, "from", where))
    target = str(_require(raw, "to", where))
    roles = tuple(str(r) for r in raw.get("roles", ROLES))
    transition = Transition(
        action=str(_require(raw, "action", where)), label=str(_require(raw, "label", where)),
        sources=sources, target=target, roles=roles,
        fields=tuple(str(f) for f in raw.get("fields", ())), checks=tuple(str(c) for c in raw.get("checks", ())),
        note_required=bool(raw.get("note_required", False)),
    )
    for stage in (*sources, *([] if target == PREVIOUS else [target])):
        if stage not in stage_codes:
            raise DefinitionError(f"{where}: unknown stage '{stage}'")
    for role in roles:
        if role not in ROLES:
            raise DefinitionError(f"{where}: unknown role '{role}'")
    for name in transition.fields:
        if name not in fields:
            raise DefinitionError(f"{where}: unknown field '{name}'")
    for check in transition.checks:
        if check not in KNOWN_CHECKS:
            raise DefinitionError(f"{where}: unknown check '{check}'")
    return transition


def _check_reachable(workflow: Workflow, source: str) -> None:
    """Every stage must be reachable from the first one, and terminal stages have no way out."""
    reached = {workflow.initial_stage}
    frontier = [workflow.initial_stage]
    while frontier:
        stage = frontier.pop()
        for t in workflow.transitions_from(stage):
            target = workflow.target_of(t, stage)
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    missing = [s.code for s in workflow.stages if s.code not in reached]
    if missing:
        raise DefinitionError(f"{source}: stages never reached: {', '.join(missing)}")
    for stage in workflow.stages:
        if stage.terminal and workflow.transitions_from(stage.code):
            raise DefinitionError(f"{source}: terminal stage '{stage.code}' has outgoing transitions")


def load_file(path: Path) -> Workflow:
    with open(path, encoding="utf-8") as fh:
        return parse(yaml.safe_load(fh), path.name)


@functools.lru_cache(maxsize=None)
def _load_cached(kind: str, directory: str) -> Workflow:
    return load_file(Path(directory) / KIND_FILES[kind])


def load(kind: str) -> Workflow:
    """The shipped definition of a request kind (cached per forms directory)."""
    if kind not in KINDS:
        raise DefinitionError(f"unknown request kind '{kind}'")
    return _load_cached(kind, str(forms_dir()))
