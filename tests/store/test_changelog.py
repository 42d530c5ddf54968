import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from fieldworker.store import changelog
from fieldworker.store.changelog import HardDeleteRefused
from fieldworker.store.models import ChangeLog, Household, Person


def _person(**overrides):
    values = dict(region_code="330521100201", name="张三", gender="1", birth_date=dt.date(1952, 3, 15),
                  id_number="330521195203150016", card_number="33052119520315001642", category="4", grade="2")
    values.update(overrides)
    return Person(**values)


def _log(db, record_id):
    with db.session() as s:
        return changelog.history(s, "persons", record_id)


def test_insert_stamps_metadata_and_logs_every_field(db):
    with db.session() as s:
        person = _person()
        s.add(person)
    entries = _log(db, person.id)
    assert [e.op for e in entries] == ["insert"]
    changes = json.loads(entries[0].changes)
    assert changes["name"] == [None, "张三"] and changes["birth_date"] == [None, "1952-03-15"]
    assert "search_text" not in changes and "revision" not in changes
    assert person.revision == 1 and person.device_id == db.device_id
    assert entries[0].origin_device == db.device_id


def test_update_logs_old_and_new_values_and_bumps_revision(db):
    with db.session() as s:
        person = _person()
        s.add(person)
    with db.session() as s:
        p = s.get(Person, person.id)
        p.name = "张叁"
        p.care_subsidy = True
    entries = _log(db, person.id)
    assert [e.op for e in entries] == ["insert", "update"]
    assert json.loads(entries[1].changes) == {"name": ["张三", "张叁"], "care_subsidy": [False, True]}
    with db.session() as s:
        p = s.get(Person, person.id)
        assert p.revision == 2 and " zs" in p.search_text


def test_setting_a_field_to_its_own_value_writes_nothing(db):
    with db.session() as s:
        person = _person()
        s.add(person)
    with db.session() as s:
        s.get(Person, person.id).name = "张三"
    assert len(_log(db, person.id)) == 1


def test_soft_delete_and_restore_are_logged(db):
    with db.session() as s:
        person = _person()
        s.add(person)
    with db.session() as s:
        s.get(Person, person.id).deleted = True
    with db.session() as s:
        p = s.get(Person, person.id)
        assert p.deleted_at is not None
        p.deleted = False
    assert [e.op for e in _log(db, person.id)] == ["insert", "delete", "restore"]


def test_hard_delete_is_refused(db):
    with db.session() as s:
        person = _person()
        s.add(person)
    with pytest.raises(HardDeleteRefused):
        with db.session() as s:
            s.delete(s.get(Person, person.id))
    with db.session() as s:
        assert s.get(Person, person.id) is not None


def test_log_is_in_the_same_transaction_as_the_change(db):
    with pytest.raises(RuntimeError):
        with db.session() as s:
            s.add(_person())
            s.flush()
            raise RuntimeError("power cut")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.table_name == "persons")) == 0


def test_origin_sequence_is_monotonic_per_device(db):
    with db.session() as s:
        s.add_all([_person(id_number=f"3305211952031500{i}X") for i in range(3)])
    with db.session() as s:
        s.add(Household(region_code="330521100201", head_name="李四"))
    with db.session() as s:
        seqs = list(s.scalars(select(ChangeLog.origin_seq).where(ChangeLog.origin_device == db.device_id)
                              .order_by(ChangeLog.seq)))
    assert seqs == list(range(1, len(seqs) + 1))


def test_bulk_insert_writes_the_same_rows_and_log_as_the_orm(db):
    record = dict(region_code="330521100201", name="王五", gender="2", birth_date=dt.date(1980, 1, 1),
                  id_number="330521198001010027", category="1", grade="3")
    with db.session() as s:
        assert changelog.bulk_insert(s, Person, [record]) == 1
    with db.session() as s:
        p = s.scalar(select(Person).where(Person.name == "王五"))
        entries = changelog.history(s, "persons", p.id)
    assert p.revision == 1 and p.device_id == db.device_id and " ww" in p.search_text
    assert p.status == "1"  # column default applied
    changes = json.loads(entries[0].changes)
    assert changes["status"] == [None, "1"] and changes["name"] == [None, "王五"]
