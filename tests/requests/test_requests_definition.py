"""The shipped workflow files load and are consistent; broken definitions fail loudly."""

from __future__ import annotations

import copy

import pytest
import yaml

from fieldworker.paths import forms_dir
from fieldworker.requests.definition import KIND_FILES, KINDS, DefinitionError, load, parse
from fieldworker.requests.print_forms import BUILDERS


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_definitions_are_complete(kind):
    workflow = load(kind)
    stages = {s.code for s in workflow.stages}
    assert {"cancelled"} < stages and sum(s.terminal for s in workflow.stages) == 2
    assert {t.action for t in workflow.transitions} >= {"return", "cancel", "approve", "record_approval"}
    for transition in workflow.transitions:
        assert transition.label and transition.roles
        if transition.action in ("return", "cancel"):
            assert transition.note_required
    for item in workflow.items.values():
        assert item.label and item.unit and item.group
    assert set(workflow.overdue_days) <= stages
    assert {(kind, name) for name in workflow.forms} == {key for key in BUILDERS if key[0] == kind}


def test_device_list_covers_the_issue_and_matches_categories():
    labels = " ".join(i.label for i in load("device").items.values())
    for word in ("轮椅", "助行器", "拐", "助听器", "盲杖", "坐便椅", "护理床", "假肢", "矫形器", "放大镜", "沟通板"):
        assert word in labels
    hearing = [i.label for i in load("device").items.values() if "2" in i.categories]
    assert "助听器" in hearing


def test_renovation_items_cover_the_issue():
    labels = " ".join(i.label for i in load("renovation").items.values())
    for word in ("坡道", "扶手", "卫生间改造", "厨房改造", "门槛去除", "闪光门铃", "可视门铃", "盲人语音设备", "防滑处理", "床边护栏"):
        assert word in labels


def raw(kind: str) -> dict:
    with open(forms_dir() / KIND_FILES[kind], encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["transitions"][0].update(to="nowhere"), "unknown stage 'nowhere'"),
    (lambda d: d["transitions"][0].update(fields=["no_such_field"]), "unknown field"),
    (lambda d: d["transitions"][0].update(checks=["magic"]), "unknown check"),
    (lambda d: d["transitions"][0].update(roles=["mayor"]), "unknown role"),
    (lambda d: d["stages"].append({"code": "limbo", "label": "悬置"}), "never reached: limbo"),
    (lambda d: d["items"].append(dict(d["items"][0])), "duplicate item code"),
    (lambda d: d["transitions"].append({"action": "reopen", "label": "重开", "from": ["cancelled"], "to": "found"}),
     "terminal stage 'cancelled' has outgoing"),
])
def test_broken_definitions_are_refused(mutate, message):
    data = copy.deepcopy(raw("renovation"))
    mutate(data)
    with pytest.raises(DefinitionError, match=message):
        parse(data, "renovation.yaml")
