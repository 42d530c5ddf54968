"""Device keys, key cards, fingerprints, trust, rotation, and the seal_to/open_sealed API."""

from __future__ import annotations

import json
import re

import pytest

from fieldworker.exchange import export, keys, merge

from .conftest import make_installation


def test_card_round_trips_and_the_fingerprint_reads_well_over_the_phone(township, tmp_path):
    path = keys.export_card(township, tmp_path)
    card = keys.KeyCard.from_json(path.read_text(encoding="utf-8"))
    assert card == keys.public_card(township)
    assert card.region_code == "330521100000" and card.role == "township"
    assert re.fullmatch(r"([0-9A-F]{4} ){4}[0-9A-F]{4}", keys.show_fingerprint(card.fingerprint))


def test_a_card_edited_after_signing_is_refused(township, tmp_path):
    data = json.loads(keys.public_card(township).to_json())
    data["card"]["region_code"] = "330521100999"
    with pytest.raises(keys.KeyError_) as err:
        keys.KeyCard.from_json(json.dumps(data))
    assert err.value.code == "bad_card"


def test_trust_refuses_a_fingerprint_that_does_not_match(village, tmp_path):
    other = make_installation(tmp_path, "城东村", "village", "330521100202")
    card = keys.public_card(other)
    with pytest.raises(keys.KeyError_) as err:
        keys.trust(village, card, expected_fingerprint="0000 0000 0000 0000 0000")
    assert err.value.code == "fingerprint_mismatch" and "指纹不一致" in err.value.message
    assert card.device_id not in {p.device_id for p in keys.trusted_peers(village)}
    keys.trust(village, card, expected_fingerprint=keys.show_fingerprint(card.fingerprint).lower())
    assert card.device_id in {p.device_id for p in keys.trusted_peers(village)}
    other.close()


def test_seal_to_and_open_sealed(village, township):
    secret = b"database key \x00\x01" * 3
    blob = keys.seal_to(keys.public_card(township), secret)
    assert secret not in blob
    assert keys.open_sealed(township, blob) == secret
    with pytest.raises(keys.KeyError_) as err:
        keys.open_sealed(village, blob)
    assert err.value.code == "wrong_recipient"


def test_rotation_keeps_old_packages_readable_and_peers_follow_the_new_key(village, township, usb):
    old_card = keys.public_card(township)
    sealed_before = keys.seal_to(old_card, b"old")
    new_card = keys.rotate(township)
    assert new_card.fingerprint != old_card.fingerprint and new_card.endorsed_by(old_card)
    assert keys.open_sealed(township, sealed_before) == b"old"  # retired key still opens

    # The village rotates too: its next package is signed with a key the township never saw,
    # endorsed by the old one, and is accepted; the township then knows the new key.
    keys.rotate(village)
    path = export.export_for(village, township.device_id, usb).path  # still sealed to the township's old key
    outcome = merge.import_packages(township, [path]).outcomes[0]
    assert outcome.status == "merged", outcome.reason
    (peer,) = keys.trusted_peers(township)
    assert peer.fingerprint == keys.public_card(village).fingerprint


def test_a_card_not_endorsed_by_the_trusted_key_is_refused(village, township, usb, tmp_path):
    # Someone makes a new installation claiming the village's device id: no endorsement, refused.
    (tmp_path / "impostor").mkdir()
    impostor = make_installation(tmp_path / "impostor", "城西村", "village", "330521100201")
    impostor.set_setting("device_id", village.device_id)
    keys.rotate(impostor)  # a key endorsed only by the impostor's own, untrusted, first key
    keys.trust(impostor, keys.public_card(township))
    path = export.export_for(impostor, township.device_id, usb).path
    outcome = merge.import_packages(township, [path]).outcomes[0]
    assert (outcome.status, outcome.code) == ("rejected", "key_changed")
    impostor.close()
