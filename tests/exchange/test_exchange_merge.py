"""Village ↔ township exchange on real databases: increments, acks, scope, field merge, conflicts."""

from __future__ import annotations

import json

import pytest

from sqlalchemy import func, select

from fieldworker.exchange import conflicts, export, flags, merge
from fieldworker.exchange.models import PackageRecord, Peer
from fieldworker.store.models import ChangeLog, Person

from .conftest import file_state
from .helpers import first_person_id, persons, send


def edit(db, person_id, **values):
    with db.session() as s:
        person = s.get(Person, person_id)
        for key, value in values.items():
            setattr(person, key, value)


def test_first_package_carries_the_village_and_replicas_agree(village, township, usb):
    outcome = send(village, township, usb)
    assert outcome.totals.new > 40 and outcome.totals.rejected == 0
    assert outcome.by_region["330521100201"].new >= 40
    assert outcome.digest_ok is True
    assert persons(township) == persons(village)
    # The township logs the village's changes under the village's origin, not as its own.
    with township.session() as s:
        origins = set(s.scalars(select(ChangeLog.origin_device).distinct()))
    assert village.device_id in origins


def test_incremental_export_sends_only_what_the_peer_has_not_acknowledged(village, township, usb):
    send(village, township, usb)
    # No receipt yet: the village re-sends everything (never forgets before an acknowledgement).
    again = export.export_for(village, township.device_id, usb)
    assert again.records > 40
    send(township, village, usb)  # the township's package is the receipt
    with village.session() as s:
        sent = list(s.scalars(select(PackageRecord).where(PackageRecord.direction == "sent")))
    assert sent and all(r.acknowledged_at is not None for r in sent if r.package_id != again.package_id) is True
    quiet = export.export_for(village, township.device_id, usb)
    assert (quiet.records, quiet.writes) == (0, 0)
    pid = first_person_id(village)
    edit(village, pid, phone="13900000001")
    one = export.export_for(village, township.device_id, usb)
    assert one.records == 1 and one.writes >= 2  # the record's whole history, so order never matters
    report = merge.import_packages(township, [one.path])
    assert report.outcomes[0].totals.changed == 1
    assert persons(township)[pid]["phone"] == "13900000001"


def test_importing_the_same_content_twice_changes_nothing(village, township, usb):
    first = export.export_for(village, township.device_id, usb)
    second = export.export_for(village, township.device_id, usb)  # same writes, new package id
    merge.import_packages(township, [first.path])
    before = persons(township)
    report = merge.import_packages(township, [second.path])
    totals = report.outcomes[0].totals
    assert (totals.new, totals.changed, totals.conflicts) == (0, 0, 0)
    assert persons(township) == before
    replay = merge.import_packages(township, [first.path]).outcomes[0]
    assert replay.status == "rejected" and replay.code == "replay"


def test_changes_to_different_fields_both_survive(village, township, usb):
    send(village, township, usb)
    send(township, village, usb)
    pid = first_person_id(village)
    edit(village, pid, phone="13911112222")
    edit(township, pid, notes="乡镇核实：已入户")
    send(village, township, usb)
    send(township, village, usb)
    for db in (village, township):
        row = persons(db)[pid]
        assert (row["phone"], row["notes"]) == ("13911112222", "乡镇核实：已入户")
        assert conflicts.list_conflicts(db) == []


def test_same_field_edited_on_both_sides_is_a_recorded_conflict_with_the_same_winner(village, township, usb):
    send(village, township, usb)
    send(township, village, usb)
    pid = first_person_id(village)
    edit(village, pid, phone="13800000001")
    edit(township, pid, phone="13800000002")
    outcome = send(village, township, usb)
    assert outcome.totals.conflicts == 1
    send(township, village, usb)
    assert persons(village)[pid]["phone"] == persons(township)[pid]["phone"]
    seen = []
    for db in (village, township):
        (item,) = conflicts.list_conflicts(db)
        assert (item.kind, item.record_id, item.field) == ("field", pid, "phone")
        assert sorted(c["value"] for c in item.candidates) == ["13800000001", "13800000002"]
        seen.append(item)
    assert seen[0].winner == seen[1].winner
    # A person at the township picks the village's number; the choice reaches the village.
    conflicts.resolve(township, seen[1].id, "13800000001")
    assert conflicts.list_conflicts(township) == []
    send(township, village, usb)
    assert conflicts.list_conflicts(village) == []
    assert persons(village)[pid]["phone"] == persons(township)[pid]["phone"] == "13800000001"
    send(village, township, usb)
    assert conflicts.list_conflicts(township) == []


def test_deletion_against_an_edit_is_a_conflict_not_a_silent_loss(village, township, usb):
    send(village, township, usb)
    send(township, village, usb)
    pid = first_person_id(village)
    edit(village, pid, deleted=True)
    edit(township, pid, phone="13712345678")
    send(village, township, usb)
    send(township, village, usb)
    for db in (village, township):
        (item,) = conflicts.list_conflicts(db)
        assert (item.kind, item.field) == ("deletion", "deleted")
        row = persons(db)[pid]
        assert row["deleted"] is True and row["phone"] == "13712345678"  # the edit is kept, not lost
    (item,) = conflicts.list_conflicts(village)
    conflicts.resolve(village, item.id, False)  # restore the record
    send(village, township, usb)
    assert persons(township)[pid]["deleted"] is False
    assert conflicts.list_conflicts(township) == []


def test_township_package_to_a_village_holds_only_that_village(village, village2, township, usb):
    send(village, township, usb)
    result = export.export_for(township, village2.device_id, usb)
    assert result.records == 0 or all(
        p["region_code"] == "330521100202" for p in persons(village2).values())
    merge.import_packages(village2, [result.path])
    assert persons(village2) == {}


def test_same_id_number_registered_in_two_villages_is_detected(village, village2, township, usb):
    pid = first_person_id(village)
    source = persons(village)[pid]
    from fieldworker.services import roster
    from fieldworker.services.validation import PersonInput
    fields = {k: source[k] for k in PersonInput.__dataclass_fields__ if k in source}
    fields["household_id"] = None
    roster.add_person(village2, PersonInput(**fields))
    send(village, township, usb)
    outcome = send(village2, township, usb)
    assert outcome.duplicates == 1
    (item,) = [c for c in conflicts.list_conflicts(township) if c.kind == "duplicate"]
    assert item.record_id == source["id_number"]
    assert {c["region_code"] for c in item.candidates} == {"330521100201", "330521100202"}
    dropped = conflicts.keep_one(township, item.id, pid)
    assert len(dropped) == 1 and persons(township)[dropped[0]]["deleted"] is True
    assert [c for c in conflicts.list_conflicts(township) if c.kind == "duplicate"] == []


def test_flags_flow_down_and_the_fix_flows_up(village, township, usb):
    send(village, township, usb)
    pid = first_person_id(village)
    flag_id = flags.raise_flag(township, pid, "returned", "残疾等级与证件不符，请核实")
    send(township, village, usb)
    (shown,) = flags.list_flags(village)
    assert (shown.id, shown.kind_label, shown.note) == (flag_id, "退回", "残疾等级与证件不符，请核实")
    flags.mark_fixed(village, flag_id, "已核实，证件为二级")
    send(village, township, usb)
    assert flags.list_flags(township) == []
    (fixed,) = flags.list_flags(township, status="fixed")
    assert fixed.reply == "已核实，证件为二级"


def test_moved_person_reaches_the_new_village_and_leaves_the_old(village, village2, township, usb):
    send(village, township, usb)
    send(township, village, usb)
    pid = first_person_id(village)
    with township.session() as s:
        person = s.get(Person, pid)
        person.region_code = "330521100202"
        person.household_id = None
    send(township, village2, usb)
    assert persons(village2)[pid]["name"] == persons(township)[pid]["name"]
    assert persons(village2)[pid]["region_code"] == "330521100202"
    send(township, village, usb)
    assert persons(village)[pid]["region_code"] == "330521100202"


def test_preview_reports_counts_and_leaves_the_file_unchanged(village, township, usb):
    result = export.export_for(village, township.device_id, usb)
    before = file_state(township)
    from fieldworker.store.engine import Database
    reopened = Database.open(township.path)
    report = merge.preview(reopened, [result.path])
    assert report.outcomes[0].status == "preview"
    assert report.outcomes[0].by_region["330521100201"].new >= 40
    assert file_state(reopened) == before


def test_divergence_is_detected_and_a_full_package_requested(village, township, usb):
    send(village, township, usb)
    send(township, village, usb)
    # Silent divergence: a row changed behind the change log's back on the township.
    pid = first_person_id(village)
    with village.session() as s:
        other = s.scalars(select(Person.id).where(Person.id != pid).order_by(Person.id)).first()
    with township.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM change_log WHERE record_id = ?", (other,))
    edit(village, pid, notes="x")
    outcome = send(village, township, usb)
    assert outcome.digest_ok is False
    with township.session() as s:
        assert s.get(Peer, village.device_id).ask_full is True
    send(township, village, usb)  # carries the request
    with village.session() as s:
        assert s.get(Peer, township.device_id).needs_full is True
    full = export.export_for(village, township.device_id, usb)
    assert full.full is True
    assert merge.import_packages(township, [full.path]).outcomes[0].digest_ok is True


def test_history_and_counts_are_kept(village, township, usb):
    send(village, township, usb)
    from fieldworker.exchange import status
    (peer,) = status.peer_status(township)
    assert peer.region_code == "330521100201" and peer.last_received
    assert peer.persons == len([p for p in persons(township).values() if not p["deleted"]]) >= 40
    rows = status.history(township)
    assert rows[0]["direction"] == "received" and json.dumps(rows[0]["summary"])
    with township.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) >= 40


def test_photos_travel_with_their_records(village, township, usb):
    from fieldworker import attachments
    from fieldworker.requests.models import RequestPhoto

    with village.session() as s:
        refs = sorted(set(s.scalars(select(RequestPhoto.ref))))
    assert refs, "the demo village has renovation photos"
    result = export.export_for(village, township.device_id, usb)
    assert result.attachments == len(refs)
    photo = attachments.read_attachment(village, refs[0])
    assert photo[len(photo) // 2:len(photo) // 2 + 64] not in result.path.read_bytes()  # sealed, not in the clear
    send_outcome = merge.import_packages(township, [result.path]).outcomes[0]
    assert send_outcome.status == "merged"
    for ref in refs:
        assert attachments.read_attachment(township, ref) == attachments.read_attachment(village, ref)


def test_township_forwards_village_changes_to_the_county_without_echo(village, township, usb, tmp_path):
    from .conftest import introduce, make_installation

    county = make_installation(tmp_path, "德清县", "county", "330521000000")
    introduce(township, county)
    send(village, township, usb)
    up = send(township, county, usb)
    assert up.by_region["330521100201"].new >= 40
    assert persons(county) == persons(village)
    with county.session() as s:
        origins = set(s.scalars(select(ChangeLog.origin_device).distinct()))
    assert village.device_id in origins  # forwarded under the village's own origin
    down = export.export_for(county, township.device_id, usb)
    assert down.writes == 0  # the county has nothing the township does not already hold
    merge.import_packages(township, [down.path])
    back = export.export_for(township, county.device_id, usb)
    assert back.writes == 0  # acknowledged: nothing is sent twice once the county's receipt arrived
    county.close()


def test_installations_outside_each_others_area_cannot_exchange(village, tmp_path, usb):
    from fieldworker.domain.errors import ValidationError
    from .conftest import introduce, make_installation

    other = make_installation(tmp_path, "新市镇", "township", "330521101000")
    introduce(village, other)
    with pytest.raises(ValidationError) as err:
        export.export_for(village, other.device_id, usb)
    assert err.value.code == "out_of_area" and "上下级" in err.value.message
    other.close()
