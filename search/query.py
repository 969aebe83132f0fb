"""From what a citizen typed to weighted, folded search terms.

Steps: take procedure codes out whole (`1.001612`, `1.005461.000.00.00.H36`); fold the rest
(`search.text`); expand abbreviations and colloquial words with the editor-kept synonym list; weight
syllables and syllable pairs. Every engine receives the same `ParsedQuery`.
"""

import re
from dataclasses import dataclass, field

from .synonyms import CompiledSynonyms
from .text import BIGRAM_JOINER, code_term, fold, fold_phrases

__all__ = ["MAX_QUERY_LENGTH", "ParsedQuery", "parse_query"]

MAX_QUERY_LENGTH = 300
# Words of the query that a synonym replaced keep this share of their weight: "so do" (sổ đỏ) still
# counts a little, but "giấy chứng nhận quyền sử dụng đất" carries the query.
REPLACED_WEIGHT = 0.4
# Words that say what a citizen asks about a procedure (its record's section headings: steps, dossier,
# fees, time limit, legal basis...) or how they ask it (question words), not which procedure it is.
# Every procedure has steps and a dossier, so these only add noise; they keep a small weight so that a
# query made only of them still finds something. Folded, matched as whole phrases, longest first.
# A phrase is listed only if procedure names (almost) never contain it: "trường hợp", "phải", "khi",
# "không" are question words too, but also name content ("… đối với trường hợp phải đánh giá rủi ro").
QUESTION_PHRASES = (
    "xin hoi",
    "cho hoi",
    "xin cho biet",
    "cho biet",
    "de nghi cho biet",
    "vui long",
    "nhu the nao",
    "the nao",
    "la gi",
    "bao nhieu",
    "bao lau",
    "o dau",
    "khi nao",
    "duoc khong",
    "hay khong",
    "co phai",
    "lam sao",
    "lam the nao",
    "can gi",
    "nhung gi",
    "chung toi",
    "toi muon",
    "muon hoi",
    "muon biet",
    "cho toi hoi",
    "quy co quan",
    "hien nay",
    "gom nhung gi",
    "can nhung gi",
    "giay to gi",
    "nhung giay to gi",
    "can chuan bi",
    "nop o dau",
    "lam gi",
    "can lam gi",
    "phai lam gi",
    "nhu nao",
    "ra sao",
    "thu tuc gi",
    "co quan nao",
    "mat bao lau",
    "bao nhieu lau",
    "bao nhieu ngay",
    "thu tuc hanh chinh",
    "thu tuc",
    "trinh tu thuc hien",
    "trinh tu",
    "cach thuc thuc hien",
    "thanh phan ho so",
    "ho so",
    "thoi han giai quyet",
    "thoi han",
    "phi le phi",
    "le phi",
    "can cu phap ly",
    "quy dinh",
    "doi tuong thuc hien",
    "co quan thuc hien",
    "ket qua thuc hien",
    "yeu cau dieu kien",
    "mau don",
    "to khai",
    # single syllables whose folded form is not also a common content word
    "gi",
    "ai",
    "nao",
    "a",
    "muon",
    "nhung",
    "cac",
    "cua",
    "va",
    "la",
    "duoc",
)
QUESTION_WEIGHT = 0.25
_CODE_IN_TEXT = re.compile(r"(?<![\w.])(\d\.\d{6}(?:\.[0-9A-Za-z]+)*)(?![\w.])")


@dataclass
class ParsedQuery:
    raw: str
    folded: str = ""
    words: list[str] = field(default_factory=list)  # folded syllables as typed
    unigrams: dict[str, float] = field(default_factory=dict)  # syllable -> weight (synonyms included)
    bigrams: dict[str, float] = field(default_factory=dict)  # "giay_phep" -> weight
    codes: list[str] = field(default_factory=list)  # code terms ("#1.001612")
    expansions: list[tuple[str, str]] = field(default_factory=list)  # (folded variant, folded expansion)
    expanded_text: str = ""  # folded query with expansions appended (for engines that analyse text)

    @property
    def is_empty(self) -> bool:
        return not (self.unigrams or self.codes)

    @property
    def highlight_words(self) -> frozenset[str]:
        return frozenset(word for word, weight in self.unigrams.items() if weight > 0)


def _add(weights: dict[str, float], term: str, weight: float) -> None:
    if weight > weights.get(term, 0.0):
        weights[term] = weight


_QUESTION_TABLE = {tuple(phrase.split()) for phrase in QUESTION_PHRASES}
_QUESTION_LONGEST = max(len(phrase) for phrase in _QUESTION_TABLE)


def _question_mask(words: list[str]) -> list[bool]:
    """True for each word that belongs to a question phrase (longest match first)."""
    mask = [False] * len(words)
    position = 0
    while position < len(words):
        for size in range(min(_QUESTION_LONGEST, len(words) - position), 0, -1):
            if tuple(words[position : position + size]) in _QUESTION_TABLE:
                for index in range(position, position + size):
                    mask[index] = True
                position += size
                break
        else:
            position += 1
    return mask


def parse_query(raw: str, *, synonyms: CompiledSynonyms | None = None) -> ParsedQuery:
    raw = (raw or "").strip()[:MAX_QUERY_LENGTH]
    parsed = ParsedQuery(raw=raw)
    text = raw
    for match in _CODE_IN_TEXT.finditer(raw):
        parsed.codes.append(code_term(match.group(1)))
        text = text.replace(match.group(1), " ")
    parsed.folded = fold(text)
    phrases = fold_phrases(text)
    masks = [_question_mask(phrase) for phrase in phrases]
    only_questions = all(all(mask) for mask in masks)
    expanded_parts = [parsed.folded]
    for phrase, mask in zip(phrases, masks, strict=True):
        parsed.words.extend(phrase)
        weights = [QUESTION_WEIGHT if flag and not only_questions else 1.0 for flag in mask]
        position = 0
        while synonyms is not None and synonyms.table and position < len(phrase):
            found = synonyms.match(phrase, position)
            if found is None:
                position += 1
                continue
            end, variant, expansions = found
            for index in range(position, end):
                weights[index] = min(weights[index], REPLACED_WEIGHT)
            for expansion in expansions:
                parsed.expansions.append((" ".join(variant), " ".join(expansion)))
                expanded_parts.append(" ".join(expansion))
                for word in expansion:
                    _add(parsed.unigrams, word, 1.0)
                for a, b in zip(expansion, expansion[1:], strict=False):
                    _add(parsed.bigrams, f"{a}{BIGRAM_JOINER}{b}", 1.0)
            position = end
        for word, weight in zip(phrase, weights, strict=True):
            _add(parsed.unigrams, word, weight)
        for index in range(len(phrase) - 1):
            pair = f"{phrase[index]}{BIGRAM_JOINER}{phrase[index + 1]}"
            _add(parsed.bigrams, pair, min(weights[index], weights[index + 1]))
    parsed.expanded_text = " ".join(part for part in expanded_parts if part)
    return parsed
