"""Find the people named in a sentence: name, base form, role, state and a Latin form.

Three ways in, by trust: a role phrase ("Министр иностранных дел Литвы", "Prime
Minister", "وزیر امور خارجه نروژ") followed by a name; an honorific ("господин",
"آقای"); and, in scripts with capitals only, a bare name in a strong shape (initials and
surname, "Name Surname" with a surname ending, or a name before a person verb). Names
joined by a conjunction share the role phrase ("министров С.В. Лаврова и Д.Г. Залкалиани").

World leaders need no role (bilat/extract/leaders.py): a bare surname of the leaders' table
("Путин", "з Ердоганом") is a person; on request a person found without a state gets the
state of the office the table gives for that name on the document's date.

Everything language-specific is in ``lang/<code>/people.toml`` (documented there):
role phrases with their English labels, ministry domains, "deputy" modifiers, fillers,
honorifics, conjunctions, person verbs, stop words, surname endings and the rules that
bring inflected names back to the nominative. The state of a role comes from
:func:`bilat.extract.actors.find_actors`: the first actor right after the role phrase,
or a demonym (or possessive) right before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from bilat import lang as langdata
from bilat.extract.actors import ActorMatch, find_actors
from bilat.extract.leaders import find_leaders, leader
from bilat.extract.people_rules import (
    _BARE_PIECE,
    _GAP,
    _GAP_PIECE,
    _SIDE_GAP,
    _SPACES,
    _WORD_RE,
    _base,
    _never_name,
    _Role,
    _role_at,
    _rules,
)
from bilat.extract.translit import to_latin

_SIDE_GAP_BACK = re.compile(r"\s*[,\u060c]?\s*$")
_SPACE_RUN = re.compile(r"\s+")

@dataclass(frozen=True, slots=True)
class PersonMatch:
    """One person named in a sentence."""

    start: int  # the name's span in the text passed in (role words excluded)
    end: int
    name: str  # the name in base form (nominative) as far as the rules allow
    surname: str  # the surname in base form
    latin: str  # ASCII transliteration of ``name``
    role: str | None  # normalised English role label
    country: str | None  # ISO alpha-2 of the state the person acts for
    role_start: int | None = None
    role_end: int | None = None




class _Sentence:
    """One sentence being searched, with its actors and the spans already taken."""

    def __init__(self, text: str, code: str, actors: Sequence[ActorMatch]) -> None:
        self.text = text
        self.code = code
        self.r = _rules(code)
        self.actors = sorted(actors, key=lambda a: a.start)
        self.taken: list[tuple[int, int]] = [(a.start, a.end) for a in self.actors]

    def busy(self, start: int, end: int) -> bool:
        for s, e in self.taken:  # noqa: SIM110 (a plain loop is faster; called for every candidate word)
            if s < end and start < e:
                return True
        return False

    def actor_at(self, pos: int) -> ActorMatch | None:
        for a in self.actors:
            if a.start == pos:
                return a
        return None

    def bad_word(self, word: str, start: int, end: int) -> bool:
        return self.busy(start, end) or _never_name(self.code, word)

    # -- names ---------------------------------------------------------------------------

    def name_at(self, pos: int) -> tuple[int, int, list[tuple[int, int, str]]] | None:
        """A name starting at ``pos`` (spaces skipped): its span and its words (start, end, kind)."""
        if self.r.caseless:
            return self._caseless_name(pos)
        text, r = self.text, self.r
        pieces: list[tuple[int, int, str]] = []
        i = pos
        while len(pieces) < 7:
            m = _GAP_PIECE.match(text, i)  # the spaces and the piece after them
            if m is None:
                break
            if m.group("ini"):
                s, e = m.span("ini")
                if pieces and s == i and text[i - 1 : i] != ".":
                    break
                if not text[s].isupper():
                    break
                pieces.append((s, e, "I"))
            else:
                s, e = m.span("word")
                if pieces and s == i and text[i - 1 : i] != ".":
                    break
                w = m.group("word")
                if w in r.particles and pieces:
                    pieces.append((s, e, "P"))
                elif w[0].isupper() and not w.isupper() and not self.bad_word(w, s, e):
                    if s == i and pieces[-1:] and pieces[-1][2] == "I" and "W" in {k for *_, k in pieces}:
                        while pieces[-1][2] == "I":  # "Петербург В.Путин": the initial starts a new name
                            pieces.pop()
                        break
                    pieces.append((s, e, "W"))
                else:  # lower case, all capitals (an acronym), or a word that is never a name
                    break
            i = e
        if not pieces:
            return None  # (no shape matches nothing)
        m = r.shape.match("".join([k for _, _, k in pieces]))
        if m is None:
            return None
        got = pieces[: m.end()]
        return got[0][0], got[-1][1], got

    def _caseless_name(self, pos: int) -> tuple[int, int, list[tuple[int, int, str]]] | None:
        text, r = self.text, self.r
        words: list[tuple[int, int, str]] = []
        i = pos
        while len(words) < 3:
            j = _GAP.match(text, i).end()
            if words and j == i:
                break
            m = _WORD_RE.match(text, j)
            if m is None or self.bad_word(m.group(), *m.span()):
                break
            words.append((m.start(), m.end(), "W"))
            i = m.end()
        if words and r.verbs is not None:  # a noun of a light-verb compound is no name
            while words and r.verbs.match(text, _GAP.match(text, words[-1][1]).end()) and len(words) > 1:
                words.pop()
        if not words:
            return None
        return words[0][0], words[-1][1], words

    def words_before(self, end: int) -> tuple[int, int, list[tuple[int, int, str]]] | None:
        """Caseless scripts: the name words right before ``end`` (back to punctuation or a stop word)."""
        words: list[tuple[int, int, str]] = []
        # "آرام هوسپیان، وزیر امور خارجه ارمنستان": an apposition comma may stand between name and role.
        end = len(_SIDE_GAP_BACK.sub("", self.text[:end]))
        for m in reversed(list(_WORD_RE.finditer(self.text, 0, end))):
            gap = self.text[m.end() : words[0][0] if words else end]
            if gap.strip() or self.bad_word(m.group(), *m.span()) or len(words) == 3:
                break
            words.insert(0, (m.start(), m.end(), "W"))
        if not words:
            return None
        return words[0][0], words[-1][1], words

    def person(
        self,
        span: tuple[int, int, list[tuple[int, int, str]]],
        oblique: bool | None,
        role: str | None,
        country: str | None,
        role_span: tuple[int, int] | None,
        latin: bool = True,
    ) -> PersonMatch:
        start, end, pieces = span
        text, r = self.text, self.r
        out, last, surname = [], start, ""
        wanted = [p for p in pieces if p[2] == "W"]
        if len(wanted) == 3 and r.patronymic and text[wanted[2][0] : wanted[2][1]].endswith(r.patronymic):
            wanted = wanted[:1]  # "Мишустин Михаил Владимирович"
        for s, e, kind in pieces:
            out.append(text[last:s])
            word = text[s:e] if kind != "W" else "-".join(_base(w, r, oblique) for w in text[s:e].split("-"))
            out.append(word)
            if wanted and (s, e, kind) == wanted[-1]:
                surname = word
            last = e
        name = _SPACE_RUN.sub(" ", "".join(out)).strip()
        self.taken.append((start, end))
        rs, re_ = role_span if role_span else (None, None)
        lat = to_latin(name, self.code) if latin else ""
        return PersonMatch(start, end, name, surname, lat, role, country, rs, re_)

    # -- roles ---------------------------------------------------------------------------

    def role_label(self, role: _Role) -> str:
        """The English label of a role, its "{domain}" filled from the phrase."""
        label = role.label
        if "{domain}" in label:
            phrase = self.text[role.start : role.end]
            for pat, dom in self.r.domains:
                if pat.search(phrase):
                    return label.replace("{domain}", dom)
            return label.replace(" of {domain}", "").replace("{domain}", "").strip()
        return label

    def roles(self) -> list[_Role]:
        """The role phrases of the sentence, left to right, not overlapping."""
        out: list[_Role] = []
        text, starts = self.text, self.r.starts
        pos = 0
        # only the word starts where some phrase or modifier matches can start a role
        while (m := starts.search(text, pos)) is not None:
            role = _role_at(self.r, text, m.start())
            if role is None:
                pos = m.start() + 1
            else:
                out.append(role)
                pos = max(role.end, m.start() + 1)
        return out

    def state_before(self, start: int) -> str | None:
        r = self.r
        for a in reversed(self.actors):
            if a.end > start:
                continue
            gap = self.text[a.end : start]
            if r.filler is not None:
                gap = r.filler.sub(" ", gap)
            if gap.strip() == "" and a.how in ("adjective", "self"):
                return a.code or None
            if r.possessive is not None and (p := r.possessive.match(gap)) and gap[p.end() :].strip() == "":
                return a.code or None
            return None
        return None

    def skip(self, pos: int, pattern: re.Pattern[str] | None) -> int:
        """The position after an optional ``pattern`` (and the spaces before it) at ``pos``."""
        if pattern is None:
            return pos
        k = _SPACES.match(self.text, pos).end()
        m = pattern.match(self.text, k)
        return m.end() if m and m.end() > k else pos

    def _institution(self, pos: int) -> int:
        """Skip the body a role belongs to ("Совета Федерации Федерального Собрания")."""
        text, stop = self.text, self.r.stop
        for _ in range(3):
            w = _WORD_RE.match(text, _SPACES.match(text, pos).end())
            if (
                stop is None
                or w is None
                or len(w.group()) < 3
                or not w.group()[0].isupper()
                or not stop.fullmatch(w.group())
            ):
                break
            if self.actor_at(w.start()) is not None:
                break
            pos = w.end()
            low = _WORD_RE.match(text, _SPACES.match(text, pos).end())
            if low is not None and low.group().islower() and not self.busy(*low.span()):
                if self.r.conj is not None and self.r.conj.fullmatch(low.group()):
                    break
                pos = low.end()
        return pos

    def after_role(self, end: int) -> tuple[str | None, int]:
        """The state attached to a role ending at ``end`` and where a name may start."""
        r, text = self.r, self.text
        pos = self.skip(end, r.filler)
        linked = self._institution(self.skip(pos, r.link))
        a = self.actor_at(_SPACES.match(text, linked).end())
        if a is not None:
            pos = a.end
            while (b := self.actor_at(_SPACES.match(text, pos).end())) is not None and b.code == a.code:
                pos = b.end  # "Республики Беларусь" split in two
            for _ in range(2):  # the rest of a long name: "Российской Федерации"
                w = _WORD_RE.match(text, _SPACES.match(text, pos).end())
                if (
                    w is None
                    or len(w.group()) < 3
                    or r.stop is None
                    or not r.stop.fullmatch(w.group())
                    or not w.group()[0].isupper()
                ):
                    break
                pos = w.end()
            loc = r.located.match(text, _SPACES.match(text, pos).end()) if r.located is not None else None
            if loc is not None and (b := self.actor_at(_SPACES.match(text, loc.end()).end())) is not None:
                pos = b.end  # "Посол Норвегии в Украине": the place is not the name
            pos = self.skip(pos, r.filler)
            return a.code or None, pos
        return None, self._institution(pos)

    # -- the search ----------------------------------------------------------------------

    def leaders(self, date: str | None) -> list[PersonMatch]:
        """Leaders named bare ("Путин", "з Ердоганом", "ترامپ"): people the other ways miss."""
        out: list[PersonMatch] = []
        for m in find_leaders(self.text, self.code, date):
            if self.busy(m.start, m.end) or _never_name(self.code, m.text):
                continue
            self.taken.append((m.start, m.end))
            name = m.base if len(m.base) >= len(m.text) - 4 else m.text
            out.append(PersonMatch(m.start, m.end, name, m.base, m.hit.name, None, None))
        return out

    def run(self, date: str | None = None, leader_states: bool = False) -> list[PersonMatch]:
        found = self._run()
        found += self.leaders(date)
        if leader_states:
            found = [_with_state(p, date) for p in found]
        return sorted(found, key=lambda p: p.start)

    def _run(self) -> list[PersonMatch]:
        text, r = self.text, self.r
        found: list[PersonMatch] = []
        for m in self.roles():
            if self.busy(m.start, m.end):
                continue
            role = self.role_label(m)
            self.taken.append((m.start, m.end))
            country, pos = self.after_role(m.end)
            country = country or self.state_before(m.start)
            oblique = m.head.lower().endswith(r.oblique) if r.oblique else None
            gap = _SIDE_GAP.match(text, pos)
            # "وزیر امور خارجه ایران، محمدرضا کریمی،": the name may follow an apposition comma.
            span = self.name_at(gap.end())
            if span is None and r.caseless:
                span = self.words_before(m.start)
            if span is None:
                continue
            found.append(self.person(span, oblique, role, country, (m.start, m.end)))
            found += self.coordinated(span[1], oblique, role)
        if r.honorific is not None:
            for m in r.honorific.finditer(text):
                span = self.name_at(m.end())
                if span is not None and not self.busy(span[0], span[1]):
                    p = self.person(span, None, None, None, None)
                    found.append(self.apposition(p))
        if not r.caseless:
            found += self.bare()
        return found

    def coordinated(self, end: int, oblique: bool | None, role: str | None) -> list[PersonMatch]:
        """Names joined to the one ending at ``end`` by a conjunction."""
        out: list[PersonMatch] = []
        r = self.r
        while r.conj is not None:
            k = _SPACES.match(self.text, end).end()
            c = r.conj.match(self.text, k)
            if c is None:
                break
            span = self.name_at(c.end())
            if span is None or self.busy(span[0], span[1]):
                break
            out.append(self.person(span, oblique, role, None, None))
            end = span[1]
        return out

    def apposition(self, p: PersonMatch) -> PersonMatch:
        """Give a role-less person the role phrase that follows it after a comma."""
        m = self._role_after(p.end)
        if m is None:
            return p
        country, _ = self.after_role(m.end)
        country = country or self.state_before(m.start)
        return PersonMatch(p.start, p.end, p.name, p.surname, p.latin, self.role_label(m), country, m.start, m.end)

    def _role_after(self, end: int) -> _Role | None:
        """The role phrase in apposition to a name ending at ``end`` ("X, the Norwegian foreign minister")."""
        gap = _SIDE_GAP.match(self.text, end)
        if not self.r.caseless and not gap.group().strip():
            return None
        pos = gap.end()
        for _ in range(4):  # "the late Norwegian foreign minister"
            nxt = self.skip(pos, self.r.filler)
            a = self.actor_at(_SPACES.match(self.text, nxt).end())
            if a is not None and a.how == "adjective":
                nxt = a.end
            if nxt == pos:
                break
            pos = nxt
        return _role_at(self.r, self.text, _SPACES.match(self.text, pos).end())

    def _shaped(self, span: tuple[int, int, list[tuple[int, int, str]]]) -> bool:
        """Whether a bare name has a strong shape: initials, or two words with a surname ending."""
        kinds = "".join(k for *_, k in span[2])
        if "I" in kinds:
            return True
        words = [self.text[a:b] for a, b, k in span[2] if k == "W"]
        end = self.r.surname_end
        if len(words) < 2 or end is None:
            return False
        return any(end.search(_base(words[-1], self.r, ob)) for ob in (None, True))

    def _initial(self, pos: int) -> bool:
        """Whether ``pos`` opens the sentence (nothing but punctuation before it)."""
        before = self.text[:pos].rstrip()
        return not before or before[-1] in '.!?:;"«„“(—–-'

    def bare(self) -> list[PersonMatch]:
        """Names without a role: initials, "Name Surname" with a surname ending, or before a person verb."""
        text, r = self.text, self.r
        out: list[PersonMatch] = []
        # the pieces that start with a capital, not after a letter, digit or point (found by
        # _BARE_PIECE rather than by looking at every piece of the sentence)
        for c in _BARE_PIECE.finditer(text):
            s = c.start()
            if not text[s].isupper() or self.busy(s, c.end()):
                continue
            span = self.name_at(s)
            if span is None:
                continue
            chain = [span]
            while r.conj is not None:
                c = r.conj.match(text, _SPACES.match(text, chain[-1][1]).end())
                nxt = self.name_at(c.end()) if c else None
                if nxt is None:
                    break
                chain.append(nxt)
            verb: bool | None = None  # a person verb after the chain: looked for when needed
            good = [self._shaped(sp) for sp in chain]
            for sp, ok in zip(chain, good, strict=True):
                enough = len(sp[2]) >= 2 and any(good)  # "X и Name Surname" beside a strong X
                if self.busy(sp[0], sp[1]):
                    continue
                if not (ok or enough):
                    if verb is None:
                        k = _SIDE_GAP.match(text, chain[-1][1]).end()
                        verb = r.verbs is not None and r.verbs.match(text, k) is not None
                    if not verb and self._role_after(sp[1]) is None:
                        # dropped below in any case (no shape, no verb, no role): the person is not
                        # made (making it would only add its span to ``taken`` and take it off again)
                        continue
                # most candidates are still dropped: the Latin form is made only for those kept
                p = self.apposition(self.person(sp, None, None, None, None, latin=False))
                lone = len(chain) == 1 and len(sp[2]) == 1 and self._initial(sp[0])
                if lone and not (r.surname_end is not None and r.surname_end.search(p.surname)):
                    self.taken.pop()  # a lone capitalised word opening the sentence: too weak
                elif ok or verb or enough or p.role is not None:
                    out.append(replace(p, latin=to_latin(p.name, self.code)))
                else:
                    self.taken.pop()
        return out


@cache
def _has_data(code: str) -> bool:
    return langdata.path(code, "people.toml").exists()


def _with_state(p: PersonMatch, date: str | None) -> PersonMatch:
    """A person named without a state takes the state of the leader the name stands for."""
    if p.country:
        return p
    hit = leader(p.latin, date, p.role) or (leader(p.name, date, p.role) if p.name != p.latin else None)
    if hit is None:
        return p
    return replace(p, country=hit.code, role=p.role or hit.role)


def find_people(text: str, lang: str | None, actors: Sequence[ActorMatch] = (),
                date: str | None = None, leader_states: bool = False) -> list[PersonMatch]:
    """The people named in one normalised sentence, left to right (``actors`` found when not given).

    Role and state are what the sentence states; a leader's bare surname ("с Эрдоганом") is a
    person too. With ``leader_states`` a person without a state takes the one the leaders'
    table gives for the name (and its role when none is stated): the office held on ``date``
    (the document's publication date, ISO), or without a date only a name with one state.
    The extraction does this itself after the document's own statements (``_known_state``).
    """
    if not lang or not text:
        return []
    if not _has_data(lang):
        return []
    return list(_people(text, lang, tuple(actors), date, leader_states))


@lru_cache(maxsize=4096)
def _people(text: str, lang: str, actors: tuple[ActorMatch, ...], date: str | None,
            leader_states: bool) -> tuple[PersonMatch, ...]:
    # A pure function of its arguments (and the tables): a sentence that comes back with the
    # same actors and date (a repeated dateline, boilerplate, a republished story) is searched once.
    if not actors:
        actors = tuple(find_actors(text, lang))
    return tuple(_Sentence(text, lang, actors).run(date, leader_states))
