"""Clean stage: scraped pages and HTML become a title, a date, captions and a codable body."""

from __future__ import annotations

import pytest

from dateline.clean import clean, content_id, english_score, parse_date_line
from dateline.ingest import RawArticle

SCRAPED = """<!-- analytics snippet -->
!-- Google tag (gtag.js) -->

Port Workers Strike Shuts Down Harbour In Valparaiso

The dockers' union said the stoppage would last until wages are renegotiated.

March 3, 2024
Port Workers Strike Shuts Down Harbour In Valparaiso
Striking dockers gather outside the port gates on Saturday.
IMAGE SOURCE: Example Wire

Thousands of dock workers walked off the job in Valparaiso on Saturday, halting container traffic.

Union leader Maria Soto (R) with members of the strike committee.

The interior ministry said police arrested 14 people after clashes near the port.
"""


def test_clean_scraped_header_and_body() -> None:
    doc, warnings = clean(RawArticle(content=SCRAPED))
    assert doc.title == "Port Workers Strike Shuts Down Harbour In Valparaiso"
    assert doc.published == "2024-03-03"
    assert doc.published_source == "dateline"
    assert doc.standfirst and doc.standfirst.startswith("The dockers' union said")
    assert doc.text.startswith("Thousands of dock workers")
    assert "IMAGE SOURCE" not in doc.text and "gtag" not in doc.text and "Port Workers Strike" not in doc.text
    kinds = [(c.kind, c.text[:20]) for c in doc.captions]
    assert ("credit", "IMAGE SOURCE: Exampl") in kinds
    assert ("caption", "Striking dockers gat") in kinds
    assert any("(R)" in c.text for c in doc.captions)
    assert "police arrested 14 people" in doc.text
    assert warnings == []


def test_clean_input_metadata_wins() -> None:
    doc, _ = clean(RawArticle(content="Protesters marched in Lima on Monday.", title="Given", published="2023-05-02"))
    assert doc.title == "Given" and doc.published == "2023-05-02" and doc.published_source == "input"


def test_clean_html_through_trafilatura() -> None:
    paragraph = "The foreign ministers of Chile and Peru met in Santiago on Tuesday to discuss border trade. " * 3
    html = (
        "<html><head><title>Ministers meet | Example News</title>"
        '<meta property="article:published_time" content="2023-06-06T10:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        f"<article><h1>Ministers meet</h1><p>{paragraph}</p><p>{paragraph}</p></article>"
        "<footer>Copyright Example News</footer></body></html>"
    )
    doc, warnings = clean(RawArticle(content=html, is_html=True))
    assert "foreign ministers of Chile and Peru" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.published == "2023-06-06"
    assert warnings == []


def test_date_line_forms() -> None:
    assert parse_date_line("January 14, 2022") == "2022-01-14"
    assert parse_date_line("14 January 2022") == "2022-01-14"
    assert parse_date_line("Published: Feb. 3, 2021 10:30 GMT") == "2021-02-03"
    assert parse_date_line("Thursday, March 7, 2024") == "2024-03-07"
    assert parse_date_line("The talks ended on January 14, 2022.") is None
    assert parse_date_line("February 30, 2022") is None


def test_content_id_is_stable_and_distinct() -> None:
    assert content_id("u", "a") == content_id("u", "a")
    assert content_id("u", "a") != content_id("u", "b")


def test_non_english_is_flagged() -> None:
    spanish = "Los trabajadores del puerto se declararon en huelga el sábado y la policía detuvo a catorce personas. " * 4
    doc, warnings = clean(RawArticle(content=spanish))
    assert doc.language == "und" and any("English" in w for w in warnings)
    assert english_score("The police said that the protest was over.") > 0.3


def test_non_english_is_not_coded() -> None:
    from dateline.pipeline import extract

    text = "La policía detuvo a catorce manifestantes en Lima el lunes, informó el ministerio del Interior. " * 4
    out = extract(text, published="2023-05-02")
    assert out.document.language == "und"
    assert out.events == [] and out.entities == []
    assert any("English" in w for w in out.warnings)


def test_navigation_only_page_is_no_article() -> None:
    html = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>About us</footer></body></html>"
    doc, warnings = clean(RawArticle(content=html, is_html=True))
    assert doc.text == ""
    assert any("no article text" in w for w in warnings)


def test_picture_credit_and_caption_run_into_one_line_are_a_caption() -> None:
    text = ("Ferry strike spreads\n\n"
            "Image copyright Example Wire Image caption The union's leader addressed strikers at the quay on Monday\n\n"
            "Slideshow (12 Images)\n\n"
            "Hide Caption 3 of 9 Photos: Passengers wait at the port of Piraeus on Monday\n\n"
            "Ferry crews in Patras walked out on Tuesday, stranding thousands of travellers.")
    doc, _ = clean(RawArticle.from_text(text))
    assert doc.text == "Ferry crews in Patras walked out on Tuesday, stranding thousands of travellers."
    assert [c.kind for c in doc.captions] == ["caption", "caption"] and "union's leader" in doc.captions[0].text


def test_prose_that_mentions_a_picture_stays_in_the_body() -> None:
    text = ("Museum row\n\n"
            "The image caused a stir when the museum hung it in the main hall last spring.\n\n"
            "Critics said the photograph should be taken down.")
    doc, _ = clean(RawArticle.from_text(text))
    assert "The image caused a stir" in doc.text


@pytest.mark.parametrize("player_line", [
    "JUST WATCHED Minister slams union leaders Replay More Videos ... MUST WATCH Minister slams union leaders 02:14",
    "Media playback is unsupported on your device Media caption Minister slams union leaders",
])
def test_a_video_player_line_between_paragraphs_is_a_caption(player_line: str) -> None:
    # a video teaser, or a player notice with its caption, left between paragraphs by the page
    text = ("Harbour strike\n\n"
            "Dock workers in Durban stayed off the job for a third day.\n\n"
            f"{player_line}\n\n"
            "Talks are due to resume on Friday.")
    doc, _ = clean(RawArticle.from_text(text))
    assert "slams" not in doc.text and "Talks are due" in doc.text
    assert [c.kind for c in doc.captions] == ["caption"]


def test_prose_about_media_playback_stays() -> None:
    text = ("Streaming row\n\n"
            "Media playback on old phones is unsupported, the regulator said, and the broadcaster must fix it.\n\n"
            "The broadcaster said it would.")
    doc, _ = clean(RawArticle.from_text(text))
    assert "Media playback on old phones" in doc.text


@pytest.mark.parametrize("text, line", [
    ("MAPUTO, Mozambique (AP) — Soldiers fired on a convoy near the border on Sunday.",
     "MAPUTO, Mozambique (AP) —"),
    ("SAN JOSE, Calif. — The city council rejected the budget on Tuesday night.", "SAN JOSE, Calif. —"),
    ("LIMA, March 3 (Reuters) - Peruvian police arrested four officials on Monday.", "LIMA, March 3 (Reuters) -"),
])
def test_a_wire_date_line_run_into_the_lead_gets_its_own_line(text: str, line: str) -> None:
    doc, _ = clean(RawArticle.from_text(text, title="News"))
    assert doc.text.split("\n\n")[:2] == [line, text[len(line) + 1:]]


def test_a_capitalised_word_and_dash_inside_prose_stays() -> None:
    text = "The US - Iran talks failed on Monday when Iran rejected the offer."
    doc, _ = clean(RawArticle.from_text(text, title="Talks"))
    assert doc.text == text


def test_prose_quoting_the_words_just_watched_stays() -> None:
    text = ("Match report\n\n"
            "The coach said he had just watched the tape of the final twice.\n\n"
            "Fans must watch the replay at 19:30 tonight.")
    doc, _ = clean(RawArticle.from_text(text))
    assert "just watched the tape" in doc.text and "Fans must watch" in doc.text


def test_a_photo_gallery_flattened_into_a_paragraph_is_a_caption() -> None:
    text = ("Flood relief\n\n"
            "Aid reached the valley on Monday after the river fell.\n\n"
            "Photos: Floods in the valley Photos: Floods in the valley Soldiers carry a woman across a flooded street in "
            "Sukkur on Sunday. Rescue teams evacuated hundreds. Hide Caption 1 of 12 Photos: Floods in the valley A boy "
            "wades through water. Hide Caption 2 of 12\n\n"
            "The government promised more tents.")
    doc, _ = clean(RawArticle.from_text(text))
    assert "Soldiers carry" not in doc.text and "promised more tents" in doc.text
    assert [c.kind for c in doc.captions] == ["caption"]
