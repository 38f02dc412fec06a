"""Stage: turn a raw article (HTML or scraped text) into a Document with a clean, codable body."""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date, datetime

from . import guards
from .ingest import RawArticle
from .models import Caption, Document

LOGGER = logging.getLogger(__name__)

# Lines that are left-overs of markup or scripts in scraped text, never prose.
_MARKUP_LINE = re.compile(
    r"""^\s*(?:<!?--|!--|-->|<[a-z/!][^>]*>\s*$|\{.*["':;].*\}\s*$|window\.|function\s*\(|var\s+\w+\s*=|gtag\(|dataLayer)""",
    re.I,
)
_TAG_REMNANT = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.I)
_CREDIT_LINE = re.compile(
    r"^\s*(?:image|photo|picture|video|graphic)s?\s*(?:source|credit|courtesy)?\s*[:/|-]"
    r"|^\s*(?:source|credit|courtesy|©|\(c\))\s*[:]?\s*[A-Z]"
    r"|^\s*\(?(?:photo|image|picture)s?\s+(?:by|via|courtesy\s+of)\b"
    r"|(?:getty images|reuters/|ap photo|afp via getty|/afp|/reuters|epa-efe|shutterstock)\s*\)?\s*$",
    re.I,
)
# Page furniture that scrapers leave between the headline and the story.
_BOILERPLATE = re.compile(
    r"^\s*(?:advertisement|advertising|sponsored(?: content)?|skip to (?:main )?content|share(?: this(?: article)?)?|"
    r"subscribe(?: now)?|read more|related(?: articles| stories)?|listen to (?:this )?article|print|email|"
    r"follow us|sign up|log in|menu|search|close|slideshow(?:\s*\(\d+\s+(?:images|photos)\))?)\s*[:.!]?\s*$",
    re.I,
)
# A picture's credit and caption run into one line by some scrapers: 'Image copyright Reuters Image caption ...',
# a gallery's 'Hide Caption 3 of 20 Photos: ...', a video's 'Media playback is unsupported on your device Media
# caption ...' (629 corpus articles).
_PICTURE_FURNITURE = re.compile(r"^\s*(?:media playback is unsupported on your device\s+)?"
                                r"(?:(?:image|photo|picture|media)\s+(?:copyright|caption)|(?:hide|show)\s+caption)\b",
                                re.I)
# A video teaser some sites leave between paragraphs (1 in 25 corpus articles): 'JUST WATCHED <title> Replay More
# Videos ... MUST WATCH <title> 02:26'. Its title names another story, not this one's events.
_VIDEO_TEASER = re.compile(r"^\s*JUST WATCHED\b.{1,200}?\bMUST WATCH\b.{1,200}?\b\d{1,2}:\d{2}\s*$")
# A photo gallery flattened into one paragraph: 'Photos: <title> <caption 1> Hide Caption 1 of 34 Photos: <title>
# <caption 2> Hide Caption 2 of 34 ...' (433 corpus articles). Its captions are pictures' captions, however long.
_GALLERY = re.compile(r"^\s*Photos:.*\bHide Caption \d+ of \d+\b", re.S)
# A politician's hover card some sites (The Hill, 1 in 30 corpus articles) leave in the text after the name: the
# full name glued to the titles of related stories, closed by 'MORE' ('Sen. Jane Roe Jane Q. RoeSenate passes
# farm bill Roe hits rival over ads MORE (D-Ore.) said'). Those titles are not the story's events.
_CARD_END = re.compile(r"(?<!READ)(?<!LEARN) MORE\b")
# a name told twice, the second time in full: 'Jane Roe Jane Q. Roe', 'Roe Jane Q. RoeSenate passes ...'
_CARD_NAME = re.compile(r"(?=\b(?P<name>[A-Z][\w'’.-]*[a-z])(?: |(?=[A-Z]))(?:[A-Z(][\w'’().-]* ){0,4}?(?P=name)"
                        r"(?=[\sA-Z0-9'‘“\"]))")
# An embedded post as scrapers leave it: its text, then '— Name (@handle) Month D, YYYY'. The post is a quoted
# document, not the reporter's account (2,470 corpus articles carry one).
_EMBED_END = re.compile(r"[—–-]\s*[^—–\n]{1,80}\(@\w{1,30}\)\s+(?:" + "january|february|march|april|may|june|july|august|"
                        r"september|october|november|december)\s+\d{1,2},\s+\d{4}\s*$", re.I)
# Newsletter sign-up lines ('Sign up for Daily Newsletters', 'By signing up, you agree to our Privacy Policy').
_SIGN_UP = re.compile(r"^\s*(?:(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b|by signing up,? you agree\b)", re.I)
# A wire story's date line run into its first sentence ('SANAA, Yemen (AP) — Hundreds of protesters stormed …',
# 'WASHINGTON (Reuters) - The Senate …'; 2,940 corpus articles): the city would be read as the sentence's subject,
# so it is given its own line, as printed papers set it.
_INLINE_DATELINE = re.compile(
    r"^(?P<line>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,2})?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: ?\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|Xinhua)\))?"
    r" ?(?:—|–|--|-)) +(?=[A-Z0-9\"“‘'])")
# The same with the agency in brackets and no dash, as CNN prints it ('Washington (CNN) House Speaker …',
# '(CNN) A 41-day occupation …'; 1,117 corpus articles): the agency's brackets mark the city as a date line even
# in title case.
_AGENCY_DATELINE = re.compile(
    r"^(?P<line>(?:[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3}(?:, [A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,2})? ?)?"
    r"\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|Xinhua)\)) +(?=[A-Z0-9\"“‘'])")
_PHOTO_POSITION = re.compile(r"\((?:L|R|C|left|right|centre|center|front|back)\)", re.I)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|last updated|date)\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(?P<m1>" + _MONTHS + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" + _MONTHS + r")\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<mo3>\d{2})-(?P<d3>\d{2}))"
    r"(?:[\s,|–-]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|GMT[+-]?\d*)?)?\s*$",
    re.I,
)
MIN_ARTICLE_WORDS = 12
_ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for on was with he it as at by his from be have has had are were said "
    "but not an they their this which will after who its been would also".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.U)


def content_id(url: str | None, text: str) -> str:
    """Stable document key: the same URL and body always hash alike, so re-ingesting adds nothing."""
    return hashlib.sha256(f"{url or ''}\n{text}".encode()).hexdigest()[:24]


def parse_date_line(line: str) -> str | None:
    m = _DATE_LINE.match(line)
    if not m:
        return None
    try:
        if m["y3"]:
            return date(int(m["y3"]), int(m["mo3"]), int(m["d3"])).isoformat()
        month, day, year = (m["m1"], m["d1"], m["y1"]) if m["m1"] else (m["m2"], m["d2"], m["y2"])
        month_no = datetime.strptime(month[:3].title(), "%b").month
        return date(int(year), month_no, int(day)).isoformat()
    except ValueError:
        return None


def normalise_date(value: str | None) -> str | None:
    """Any ISO-ish or written date to YYYY-MM-DD; None when it is not a date."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return parse_date_line(value)


def english_score(text: str) -> float:
    """Share of words that are common English function words; cheap, and enough to flag non-English bodies."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if not words:
        return 0.0
    return sum(w in _ENGLISH_STOPWORDS for w in words) / len(words)



def _dateline_apart(paras: list[str]) -> list[str]:
    """The first of the opening paragraphs that starts with a wire date line, split after it."""
    for i, p in enumerate(paras[:3]):
        m = _INLINE_DATELINE.match(p) or _AGENCY_DATELINE.match(p)
        if m and len(p) > m.end() + 20:
            return [*paras[:i], m["line"], p[m.end():], *paras[i + 1:]]
    return paras

def clean(raw: RawArticle) -> tuple[Document, list[str]]:
    """One raw article to a Document; the second value lists warnings for the user."""
    if raw.is_html:
        document, warnings = _clean_html(raw)
    else:
        document, warnings = _clean_text(raw)
    if document.text and len(document.text) > 200 and english_score(document.text) < 0.08:
        document.language = "und"
        warnings.append("body does not look like English; not coded")
    guards.check_document(document)  # refuses, before any parse, a body too big to code in bounded time
    return document, warnings


def _clean_html(raw: RawArticle) -> tuple[Document, list[str]]:
    import trafilatura
    from htmldate import find_date

    warnings: list[str] = []
    extracted = trafilatura.bare_extraction(
        raw.content, url=raw.url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=False, deduplicate=True,
    )
    text = ""
    title = raw.title
    published = normalise_date(raw.published)
    source = raw.source
    published_source = "input" if published else None
    url = raw.url
    standfirst: str | None = None
    meta: dict = {}  # type: ignore[type-arg]
    if extracted is not None:
        meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        text = meta.get("text") or ""
        title = title or meta.get("title")
        source = source or meta.get("sitename")
        url = raw.url or meta.get("url")
        description = _tidy(meta.get("description"))
        if description and not text.startswith(description[:60]):
            standfirst = description
    if not published:
        # htmldate first: on the mediacloud pubdate set it beats trafilatura's metadata date (docs/benchmarks.md).
        try:
            found = find_date(raw.content, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
        except Exception as err:  # htmldate raises on some malformed pages; the date is optional
            LOGGER.debug("htmldate failed: %s", err)
            found = None
        if found:
            published, published_source = found, "htmldate"
    if not published and extracted is not None and meta.get("date"):
        published, published_source = normalise_date(meta["date"]), "metadata"
    text = drop_name_cards(_normalise_paragraphs(text))
    if len(text.split()) < MIN_ARTICLE_WORDS:
        # Navigation-only pages leave a word or two ("Home"); that is no article to code.
        warnings.append(f"no article text found in the HTML page ({len(text.split())} words)")
        text = ""
    return (
        Document(
            id=content_id(url, text), url=url, title=_tidy(title), standfirst=standfirst, published=published,
            published_source=published_source or "none", text=text, source=source,
        ),
        warnings,
    )


def _tidy(value: str | None) -> str | None:
    return re.sub(r"\s+", " ", value).strip() if value else None


def _normalise_paragraphs(text: str) -> str:
    paras = [re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paras if p)


def _furniture(p: str) -> bool:
    """A paragraph the body loop sets aside as a caption, credit or embed whatever comes before it."""
    return bool((_CREDIT_LINE.search(p) and len(p.split()) <= 15) or _EMBED_END.search(p)
                or (_PICTURE_FURNITURE.match(p) and len(p.split()) <= 60) or _VIDEO_TEASER.match(p)
                or _GALLERY.match(p) or (_PHOTO_POSITION.search(p) and len(p.split()) <= 30))


def _is_headline_like(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and not line.rstrip().endswith((".", "?\"", ".\"", ".”")) and len(line) < 250


def drop_name_cards(text: str) -> str:
    """The text without politicians' hover cards (see `_CARD_END`): the name the story uses stays."""
    parts, done = [], 0
    for end in _CARD_END.finditer(text):
        start = max(done, end.start() - 900, text.rfind("\n", 0, end.start()) + 1)
        cut = None
        for name in _CARD_NAME.finditer(text, start, end.start()):
            stop = text.index(name.group("name"), name.start() + len(name.group("name"))) + len(name.group("name"))
            if cut is None:
                cut = (name.start() + len(name.group("name")), stop)
            elif name.start() < cut[1] and stop > cut[1]:
                # 'Roy Moore Roy S. Moore': the pair that overlaps and ends later is the surname told twice
                cut = (name.start() + len(name.group("name")), stop)
            else:
                break
        if cut is not None:
            parts.append(text[done:cut[0]])
            done = end.end()
    return "".join(parts) + text[done:]


def _strip_tags(line: str) -> str:
    """Tag remnants out of a scraped line; removing one can join the halves of another ('<<b>b>'), so repeat."""
    while (stripped := _TAG_REMNANT.sub("", line)) != line:
        line = stripped
    return line


def _clean_text(raw: RawArticle) -> tuple[Document, list[str]]:
    """Scraped text: find headline, standfirst, date line, captions and credits; the rest is the body."""
    warnings: list[str] = []
    lines = [_strip_tags(ln).strip() for ln in raw.content.replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in lines if not _MARKUP_LINE.match(ln)]
    # Paragraphs are the non-empty lines; scraped pages put one paragraph per line.
    paras = [drop_name_cards(re.sub(r"[ \t\u00a0]+", " ", ln).strip()) for ln in lines]
    paras = [p for p in paras if p and not _BOILERPLATE.match(p) and not (_SIGN_UP.match(p) and len(p.split()) <= 15)]

    title = _tidy(raw.title)
    published = normalise_date(raw.published)
    published_source = "input" if published else None
    standfirst: str | None = None
    captions: list[Caption] = []

    # Header: headline, optional standfirst, optional date line — only in the first few paragraphs.
    header_end = 0
    for i, p in enumerate(paras[:6]):
        when = parse_date_line(p)
        if when:
            if not published:
                published, published_source = when, "dateline"
            header_end = i + 1
            break
    # (a photo's caption set above the headline is passed over, as the body loop will set it aside: a page cleaned
    # twice then finds the same headline)
    lead = next((i for i, p in enumerate(paras[:3]) if not _furniture(p)), None)
    if title is None and lead is not None and len(paras) > lead + 1 and _is_headline_like(paras[lead]):
        title = paras[lead]  # (a lone line is the story itself)
        if lead == 0:
            header_end = max(header_end, 1)
    if header_end >= 2:
        candidates = [p for p in paras[1:header_end] if not parse_date_line(p) and p != title]
        if candidates:
            standfirst = " ".join(candidates)

    body_paras: list[str] = []
    rest = paras[header_end:] if header_end else paras
    for i, p in enumerate(rest):
        if title and p.casefold() == title.casefold():
            continue  # the headline repeated below the date line
        if _CREDIT_LINE.search(p) and len(p.split()) <= 15:
            captions.append(Caption(text=p, kind="credit"))
            # The line just before a credit is the photo's caption, if it was taken as body.
            if body_paras and len(body_paras[-1].split()) <= 40 and body_paras[-1] == rest[i - 1]:
                captions.insert(len(captions) - 1, Caption(text=body_paras.pop(), kind="caption"))
            continue
        if _EMBED_END.search(p):
            captions.append(Caption(text=p, kind="embed"))
            continue
        if (_PICTURE_FURNITURE.match(p) and len(p.split()) <= 60) or _VIDEO_TEASER.match(p) or _GALLERY.match(p):
            captions.append(Caption(text=p, kind="caption"))
            continue
        if _PHOTO_POSITION.search(p) and len(p.split()) <= 30:
            captions.append(Caption(text=p, kind="caption"))
            continue
        if parse_date_line(p):
            continue
        body_paras.append(p)

    body_paras = _dateline_apart(body_paras)
    text = "\n\n".join(body_paras)
    if not text:
        warnings.append("no body text found")
    return (
        Document(
            id=content_id(raw.url, text), url=raw.url, title=title, standfirst=standfirst, published=published,
            published_source=published_source or "none", text=text, captions=captions, source=raw.source,
        ),
        warnings,
    )
