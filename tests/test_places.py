"""Tests for the places stage: gazetteer look-ups, toponym recognition beyond NER labels, and resolution."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dateline import nlp
from dateline.models import Document, Place
from dateline.places import country_centroid, distance_km, find_places, main_country, resolve_name
from dateline.places import gazetteer as gaz_module


def places_of(text: str) -> list[Place]:
    return find_places(nlp.parse(text), Document(id="t", text=text))


def find(places: list[Place], surface: str) -> Place:
    for p in places:
        if p.text == surface:
            return p
    raise AssertionError(f"{surface!r} not found; got {[p.text for p in places]}")


def near(p: Place, lat: float, lon: float, km: float = 60.0) -> bool:
    d = distance_km(p, (lat, lon))
    return d is not None and d < km


# ---------------------------------------------------------------- gazetteer


def test_gazetteer_keys_ignore_case_accents_hyphens_and_dots() -> None:
    assert gaz_module.key("Nur-Sultan") == gaz_module.key("nur sultan")
    assert gaz_module.key("U.S.") == "us"
    assert gaz_module.key("Mangghystaū") == "mangghystau"
    assert gaz_module.key("Côte d’Ivoire") == "cote divoire"


@pytest.mark.parametrize(("names", "lat", "lon"), [
    (["Nur-Sultan", "Nur Sultan", "Astana", "Tselinograd"], 51.17, 71.43),
    (["Kiev", "Kyiv"], 50.45, 30.52),
    (["Bombay", "Mumbai"], 19.07, 72.88),
    (["Almaty", "Alma-Ata"], 43.25, 76.95),
])
def test_former_names_and_transliterations_resolve_to_one_city(names: list[str], lat: float, lon: float) -> None:
    resolved = [resolve_name(n) for n in names]
    assert all(p is not None and p.kind == "city" for p in resolved)
    assert len({p.geonames_id for p in resolved if p}) == 1
    assert all(p is not None and near(p, lat, lon) for p in resolved)


def test_province_spellings_are_one_admin1_unit() -> None:
    spellings = ["Mangistau", "Mangystau", "Mangghystau"]
    resolved = [resolve_name(n, countries={"KAZ"}) for n in spellings]
    assert all(p is not None and p.kind == "admin1" and p.country == "KAZ" for p in resolved)
    assert len({p.name for p in resolved if p}) == 1
    assert all(p is not None and near(p, 44.0, 53.5, km=100) for p in resolved)


def test_resolve_name_prefers_the_given_countries() -> None:
    paris = resolve_name("Paris")
    assert paris is not None and paris.country == "FRA" and paris.start == paris.end == 0
    texan = resolve_name("Paris", countries={"USA"})
    assert texan is not None and texan.country == "USA"
    assert resolve_name("Qwzxkj") is None


def test_countries_features_and_centroids() -> None:
    us = resolve_name("U.S.")
    assert us is not None and (us.kind, us.country) == ("country", "USA")
    assert resolve_name("Darfur") is not None and resolve_name("Darfur").country == "SDN"  # type: ignore[union-attr]
    assert resolve_name("Gaza Strip").country == "PSE"  # type: ignore[union-attr]
    assert resolve_name("Black Sea").kind == "feature"  # type: ignore[union-attr]
    lat, lon = country_centroid("FRA") or (0.0, 0.0)
    assert 43 < lat < 49 and -1 < lon < 6
    assert country_centroid("XXX") is None


def test_distance_km_takes_places_or_pairs() -> None:
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.2, abs=0.5)
    no_point = Place(text="x", start=0, end=1, name="x")
    assert distance_km(no_point, (0.0, 0.0)) is None


def test_user_extras_file_adds_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("add\tfeature\tQuiet Ridge Camp\tKE\t0.5\t37.5\t0\tQR Camp\n", encoding="utf-8")
    gaz = gaz_module.Gazetteer.from_file(gaz_module.GAZETTEER_FILE)
    gaz.load_extra(extra)
    found = gaz.lookup("QR Camp")
    assert found and found[0].entry.name == "Quiet Ridge Camp" and found[0].entry.kind == "feature"
    extra.write_text("alias\tcity\tAlmaty\tKAZ\t\t\t\tVerny City\nalias\tcountry\t*\tKAZ\t\t\t\tQazaqstan Republic\n",
                     encoding="utf-8")
    gaz.load_extra(extra)
    assert gaz.lookup("Verny City")[0].entry.name == "Almaty"
    assert gaz.lookup("Qazaqstan Republic")[0].entry.kind == "country"


def test_shipped_file_is_compact_and_well_formed() -> None:
    path = gaz_module.GAZETTEER_FILE
    assert path.stat().st_size < 15_000_000
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        n_rows = int(fh.readline().split("\t", 1)[0])
        first = fh.readline().rstrip("\n").split("\t")
    assert n_rows > 100_000 and len(first) == 9 and first[1] == "country"


# ---------------------------------------------------------------- recognition and resolution


def test_sorted_index_finds_every_key_and_only_those() -> None:
    index = gaz_module.SortedIndex(["oslo", "bergen", "tromso"], ["3", "1,-7", "2"])  # unsorted on purpose
    assert index.keys == ["bergen", "oslo", "tromso"] and list(index.values) == ["1,-7", "3", "2"]
    assert (index.get("bergen"), index.get("oslo"), index.get("tromso")) == ("1,-7", "3", "2")
    assert index.get("berge") is None and index.get("zzz") is None and index.get("") is None
    assert "oslo" in index and "osl" not in index and len(index) == 3
    with pytest.raises(ValueError):
        gaz_module.SortedIndex(["a", "b"], ["1"])


def test_capital_city_and_province_that_ner_mislabels() -> None:
    text = ("Protests spread across Kazakhstan this week, from the capital Nur Sultan and Almaty to the "
            "western province of Mangistau, where fuel prices doubled.")
    places = places_of(text)
    for p in places:
        assert text[p.start:p.end] == p.text
    nur = find(places, "Nur Sultan")
    assert nur.country == "KAZ" and nur.kind == "city" and near(nur, 51.17, 71.43)
    almaty = find(places, "Almaty")
    assert almaty.country == "KAZ" and almaty.kind == "city" and near(almaty, 43.25, 76.95)
    mang = find(places, "Mangistau")
    assert mang.country == "KAZ" and mang.kind == "admin1" and near(mang, 44.0, 53.5, km=100)
    assert main_country(places) == "KAZ"


def test_demonyms_are_not_places() -> None:
    text = "Russian troops and Kazakh police guarded the airport while American diplomats left Moscow."
    surfaces = {p.text for p in places_of(text)}
    assert "Moscow" in surfaces
    assert not surfaces & {"Russian", "Kazakh", "American"}


def test_person_and_organisation_names_are_not_places() -> None:
    text = ("Michael Jordan met reporters at the arena. Jordan said the Bush administration "
            "had been generous. Later they flew to Amman, Jordan.")
    places = places_of(text)
    surfaces = [p.text for p in places]
    assert "Amman" in surfaces
    assert surfaces.count("Jordan") == 1
    jordan = find(places, "Jordan")
    assert jordan.start == text.rindex("Jordan") and jordan.country == "JOR"
    assert "Bush" not in surfaces


def test_hierarchy_in_the_text_picks_the_small_town() -> None:
    text = "The storm flattened barns near Paris, Texas, on Sunday, and schools in Athens, Ga. stayed closed."
    places = places_of(text)
    paris = find(places, "Paris")
    assert paris.country == "USA" and paris.admin1 == "Texas"
    athens = find(places, "Athens")
    assert athens.country == "USA" and athens.admin1 == "Georgia"


def test_other_places_in_the_story_pick_the_reading() -> None:
    local = places_of("Deputies from Hall County and Gainesville police searched Lake Lanier after the crash. "
                      "Georgia officials said the road would reopen.")
    assert find(local, "Georgia").kind == "admin1" and find(local, "Georgia").country == "USA"
    abroad = places_of("Russia and Georgia fought a short war over South Ossetia; Tbilisi said Moscow started it.")
    assert find(abroad, "Georgia").kind == "country" and find(abroad, "Georgia").country == "GEO"


def test_common_words_and_titles_are_not_towns() -> None:
    text = ("Ms. Lane walked down Memphis Street to the Webb Center. North of the river, the Valley "
            "Police said the Mass would go ahead.")
    surfaces = {p.text for p in places_of(text)}
    assert not surfaces & {"Ms.", "Street", "Memphis", "Webb", "North", "Valley", "Mass"}


def test_city_beats_same_named_state_when_it_is_the_capital() -> None:
    places = places_of("Officials in Washington and New York said talks with Beijing would resume.")
    assert find(places, "Washington").kind == "city" and near(find(places, "Washington"), 38.9, -77.04)
    assert find(places, "New York").kind == "city"
    assert find(places, "Beijing").country == "CHN"


def test_features_regions_and_type_words() -> None:
    text = ("Aid convoys crossed from Chad into Darfur, while ships in the Black Sea waited. In the Gaza Strip "
            "and the West Bank, clinics closed. Fighting in the Donbas region continued.")
    places = places_of(text)
    assert find(places, "Darfur").country == "SDN"
    assert find(places, "Black Sea").kind == "feature"
    assert find(places, "Gaza Strip").country == "PSE"
    assert find(places, "West Bank").country == "PSE"
    assert find(places, "Donbas").country == "UKR"


def test_empty_text_has_no_places() -> None:
    assert places_of("") == []
    assert main_country([]) is None


@pytest.mark.shared
def test_seed_article_places(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "000_2c408a7fb241b5bb.txt").read_text(encoding="utf-8")
    places = places_of(text)
    assert main_country(places) == "KAZ"
    for surface, lat, lon in (("Nur Sultan", 51.17, 71.43), ("Almaty", 43.25, 76.95), ("Mangistau", 44.0, 53.5)):
        p = find(places, surface)
        assert p.country == "KAZ" and near(p, lat, lon, km=100), p


def test_a_list_of_states_is_not_a_town_in_a_state() -> None:
    places = places_of("The Pentagon will use three bases in California, Texas and Oklahoma to house the children.")
    for surface in ("California", "Texas", "Oklahoma"):
        p = find(places, surface)
        assert (p.kind, p.country) == ("admin1", "USA"), p


def test_person_names_before_era_words_and_in_headlines() -> None:
    surfaces = {p.text for p in places_of("Congress fought over the Bush-era tax cuts and the Obama tax cuts.")}
    assert not surfaces & {"Bush", "Obama"}


def test_area_prefixes_keep_the_place() -> None:
    places = places_of("Schools across Northeast Georgia and North Texas reopened on Monday.")
    surfaces = {p.text for p in places}
    assert {"Georgia", "Texas"} <= surfaces or {"Northeast Georgia", "North Texas"} & surfaces
    assert all(p.country == "USA" for p in places)


def test_titles_and_postal_codes_outside_addresses() -> None:
    text = "It's OK, coach Ripley said after the game in Gainesville, GA on Friday."
    places = places_of(text)
    surfaces = {p.text for p in places}
    assert "OK" not in surfaces and "Ripley" not in surfaces
    assert find(places, "GA").kind == "admin1" and find(places, "Gainesville").admin1 == "Georgia"


def test_date_line_place_is_marked_and_weighs_in() -> None:
    from dateline.places import recognise, resolve

    text = ("DUBLIN, Ohio — Council members met on Tuesday. Residents of Dublin asked for new sidewalks, and the "
            "mayor said Columbus would share the cost.")
    sdoc = nlp.parse(text)
    mentions = recognise(sdoc)
    assert mentions[0].text == "DUBLIN" and mentions[0].dateline
    assert not any(m.dateline for m in mentions[1:])
    resolve(sdoc, mentions)
    assert all(m.best is not None and m.best.country == "USA" for m in mentions)


def test_abbreviated_names_and_addresses() -> None:
    text = "Crews flew from Ft. Worth, Tex., to St. John's, Nfld., then to Mt. Pleasant, S.C., and St. Louis."
    places = places_of(text)
    for p in places:
        assert text[p.start:p.end] == p.text
    assert find(places, "Ft. Worth").name == "Fort Worth"
    assert find(places, "St. John's").country == "CAN"
    assert find(places, "Mt. Pleasant").admin1 == "South Carolina"
    assert find(places, "St. Louis").admin1 == "Missouri"
    assert resolve_name("") is None


def test_packed_lines_behave_as_a_list_of_strings_and_pickle_whole() -> None:
    import pickle

    lines = ["Zürich\tcity", "", "Ōsaka", "Москва", "a,b,-3"]
    packed = gaz_module.PackedLines(lines)
    assert list(packed) == lines and len(packed) == 5
    assert packed[0] == "Zürich\tcity" and packed[3] == "Москва" and packed[-1] == "a,b,-3"
    packed.append("Kigali")
    again = pickle.loads(pickle.dumps(packed))
    assert again == packed and again[5] == "Kigali" and again[-1] == "Kigali"
    with pytest.raises(IndexError):
        again[6]
    many = gaz_module.PackedLines(["a"])
    for extra in "bcdefgh":
        many.append(extra)
    assert many[-8] == "a" and many[-1] == "h"
    with pytest.raises(IndexError):
        many[-9]  # one before the start: an error, not a string counted from the appended end


def test_a_people_named_in_the_text_backs_its_country() -> None:
    # every other place is American; the French student is the one cue that her Paris is France's
    text = ("NEWARK, N.J. - A French student who flew from Newark to Paris last week was stranded in Boston, her "
            "family said.")
    assert find(places_of(text), "Paris").country == "FRA"


def test_without_a_people_named_the_local_reading_stands() -> None:
    text = "NEWARK, N.J. - A student who flew from Newark to Paris last week was stranded in Boston, her family said."
    assert find(places_of(text), "Paris").country == "USA"
