"""Knowledge base: packaged files load, lookups obey case rules, offices are dated, users can extend it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import kb as kb_module
from dateline.kb import KB_DIR, load_kb


@pytest.fixture()
def kb() -> kb_module.KB:
    return load_kb()


def test_kb_data_files_document_themselves() -> None:
    for name in kb_module.KB_FILES:
        data = json.loads((KB_DIR / name).read_text(encoding="utf-8"))
        assert "_about" in data, name


def test_kb_every_sector_code_used_is_documented(kb: kb_module.KB) -> None:
    used = {s for entries in kb.phrases.values() for e in entries for s in e.sectors}
    used |= {s for p in kb.people.values() for t in p.terms for s in t.sectors}
    assert used <= set(kb.sector_codes), used - set(kb.sector_codes)
    for code in ("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "PTY", "BUS", "MED", "CVL", "PRO",
                 "EDU", "NGO", "IGO", "REF", "SPY", "CRM", "LAB", "HLH", "REL"):
        assert code in kb.sector_codes


def test_kb_people_countries_exist(kb: kb_module.KB) -> None:
    for person in kb.people.values():
        for term in person.terms:
            assert term.country is None or term.country in kb.countries, (person.name, term.country)
            assert term.end is None or term.start < term.end, person.name


@pytest.mark.parametrize(
    ("surface", "source", "country"),
    [
        ("Kazakhstan", "country", "KAZ"),
        ("the United States", "country", "USA"),
        ("Emirati", "demonym", "ARE"),
        ("Kremlin", "seat", "RUS"),
        ("Downing Street", "seat", "GBR"),
        ("Nairobi", "capital", "KEN"),
        ("Astana", "capital", "KAZ"),
    ],
)
def test_kb_lookup_country_forms(kb: kb_module.KB, surface: str, source: str, country: str) -> None:
    entries = kb.lookup(surface)
    assert any(e.source == source and e.country == country for e in entries)


def test_kb_acronyms_are_case_sensitive(kb: kb_module.KB) -> None:
    assert [e.org for e in kb.lookup("WHO")] == ["WHO"]
    assert kb.lookup("who") == []
    assert any(e.country == "USA" for e in kb.lookup("US"))
    assert kb.lookup("us") == []


def test_kb_igo_full_names_and_members(kb: kb_module.KB) -> None:
    entry = kb.lookup("Collective Security Treaty Organization")[0]
    assert entry.org == "CSTO" and "KAZ" in entry.members
    assert kb.lookup("Economic Community of West African States")[0].org == "ECOWAS"
    assert kb.lookup("Arab League")[0].kind == "igo"


def test_kb_person_office_depends_on_date(kb: kb_module.KB) -> None:
    person = kb.people["Boris Johnson"]
    assert person.term_at("2017-03-01")[0].role == "Foreign Secretary"
    assert person.term_at("2020-03-01")[0].role == "Prime Minister"
    term, current = person.term_at("2023-03-01")
    assert current is False and term.country == "GBR"


def test_kb_latest_starting_term_wins(kb: kb_module.KB) -> None:
    term, current = kb.people["Nancy Pelosi"].term_at("2020-06-01")
    assert current and term.role == "Speaker of the House"


def test_kb_office_holder_by_country_and_role(kb: kb_module.KB) -> None:
    person, term = kb.holder("DEU", "Chancellor", "2015-01-01")
    assert person.name == "Angela Merkel"
    assert kb.holder("DEU", "Chancellor", "2023-01-01")[0].name == "Olaf Scholz"
    assert kb.holder("USA", "defense secretary", "2018-01-01")[0].name == "Jim Mattis"


def _user_file(tmp_path: Path) -> Path:
    path = tmp_path / "mykb.json"
    path.write_text(json.dumps({
        "people": [{"name": "Ada Quarshie", "aliases": ["Quarshie"], "g": "f",
                    "terms": [["Mayor of Accra", "GHA", "GOV", "2020-01-01", None]]}],
        "orgs": [{"name": "Volta Farmers Union", "aliases": ["VFU"], "country": "GHA", "sector": "LAB",
                  "kind": "org"}],
    }), encoding="utf-8")
    return path


def test_kb_extra_file_extends(tmp_path: Path) -> None:
    extended = load_kb([_user_file(tmp_path)])
    assert "Ada Quarshie" in extended.people
    assert extended.lookup("VFU")[0].country == "GHA"
    assert "Ada Quarshie" not in load_kb().people


def test_kb_extra_file_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(kb_module.ENV_EXTRA, str(_user_file(tmp_path)))
    assert "Ada Quarshie" in load_kb().people
    monkeypatch.delenv(kb_module.ENV_EXTRA)
    assert "Ada Quarshie" not in load_kb().people


def test_kb_is_cached() -> None:
    assert load_kb() is load_kb()


@pytest.mark.parametrize(
    ("name", "role"),
    [("Marco Rubio", "Senator"), ("Joe Biden", "President"), ("Vladimir Putin", "President")],
)
def test_kb_undated_article_uses_the_defining_office(kb: kb_module.KB, name: str, role: str) -> None:
    term, current = kb.people[name].term_at(None)
    assert current and term.role == role


def test_key_prefixes_are_the_leading_parts_of_phrase_keys() -> None:
    from dateline.kb import load_kb

    kb = load_kb()
    key = next(k for k in kb.phrases if " " in k)
    assert {key[:n] for n in range(1, len(key) + 1)} <= kb.key_prefixes
    assert key + " zzqx" not in kb.key_prefixes
    assert all(k in kb.key_prefixes for k in kb.phrases)
