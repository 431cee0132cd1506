"""Who is source and who is target of one trigger, by its kind's rules in ``kinds.toml``, and the
split of separate acts into pairs (SCHEMA.md, "Separate acts, separate mentions").

Roles follow SCHEMA.md: visitor's state -> host state; sending -> receiving state for credentials;
imposer -> target for sanctions; the initiator of a phone call; donor -> recipient; speaker ->
addressee. Role words (destination prepositions, "against", "on the initiative of", "ambassador")
come from each language's ``events.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from bilat.extract.actors import ActorMatch
from bilat.extract.kinds import Kind
from bilat.extract.triggers import Lexicon, Trigger


def ends_with(rx: re.Pattern[str] | None, low: str, pos: int, span: int = 40) -> bool:
    """Whether ``low[:pos]`` ends with one of the role words (allowing a short abbreviation like "г.")."""
    if rx is None:
        return False
    return _ends_with(rx, low, pos, span)


@lru_cache(maxsize=8192)
def _ends_with(rx: re.Pattern[str], low: str, pos: int, span: int) -> bool:
    # Each trigger of a sentence asks the same of the same actors: asked once per sentence.
    head = low[max(0, pos - span) : pos]
    head = re.sub(r"(?:\s\w{1,3}\.\s*|\s)+$", "", " " + head)  # drop a trailing "г." / "м." and spaces
    return anchored(rx).search(head) is not None


@cache
def anchored(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same words, matched only at the end of the text (longest alternative wins there)."""
    return re.compile(f"(?:{rx.pattern})$")


def after_words(rx: re.Pattern[str] | None, low: str, actors: Sequence[ActorMatch],
                reach: int = 30) -> list[ActorMatch]:
    """Actors that start within ``reach`` characters after a match of ``rx``."""
    if rx is None:
        return []
    out = []
    for m in rx.finditer(low):
        near = [a for a in actors if 0 <= a.start - m.end() <= reach]
        if near:
            out.append(min(near, key=lambda a: a.start))
    return out


def before_words(rx: re.Pattern[str] | None, low: str, actors: Sequence[ActorMatch],
                 reach: int = 4) -> list[ActorMatch]:
    """Actors that end just before a match of ``rx`` ("Norway's ambassador")."""
    if rx is None:
        return []
    return [a for m in rx.finditer(low) for a in actors if 0 <= m.start() - a.end <= reach]


Roles = tuple[set[str], set[str]]


def find_roles(kind: Kind, t: Trigger, low: str, states: list[ActorMatch], orgs: list[ActorMatch],
               actors: Sequence[ActorMatch], lex: Lexicon, place_code: str | None,
               self_code: str | None = None) -> Roles:
    """Source and target state codes of one trigger, by its kind's ``roles`` rule (kinds.toml), from
    role words and word order."""
    if kind.roles == "none":
        return set(), set()
    a = _Args(kind, t, low, states, orgs, actors, lex, place_code, self_code)
    return _RULES[kind.roles](a)


@dataclass(frozen=True, slots=True)
class _Args:
    kind: Kind
    t: Trigger
    low: str
    states: list[ActorMatch]
    orgs: list[ActorMatch]
    actors: Sequence[ActorMatch]
    lex: Lexicon
    place_code: str | None
    self_code: str | None

    @property
    def before(self) -> list[ActorMatch]:
        return [a for a in self.states if a.end <= self.t.start]

    @property
    def after(self) -> list[ActorMatch]:
        return [a for a in self.states if a.start >= self.t.start]


def _destination(a: _Args) -> Roles:
    """The visitor's state -> the state after a destination word, or the place."""
    source: set[str] = set()
    target: set[str] = set()
    dest = [x for x in a.actors if x.start >= a.t.start and x.how != "org"
            and (ends_with(a.lex.roles.get("destination"), a.low, x.start) or x.end <= a.t.end
                 or x.start - a.t.end <= 2)]
    if dest:
        target.add(dest[0].code)
    elif a.place_code:
        target.add(a.place_code)
    source |= {x.code for x in a.states if x.code not in target}
    return source, target


def _sending(a: _Args) -> Roles:
    """The ambassador's state -> the receiving state."""
    source: set[str] = set()
    target: set[str] = set()
    amb = a.lex.roles.get("ambassador")
    sending = after_words(amb, a.low, a.states) or before_words(amb, a.low, a.states)
    codes = {x.code for x in a.states}
    if a.self_code in codes and len(codes) >= 3 and not (sending and sending[0].code == a.self_code):
        # credentials handed over by the envoys of A, B and C at one ceremony: the document's own state receives.
        return codes - {a.self_code}, {a.self_code}
    if sending:
        source.add(sending[0].code)
    target |= {x.code for x in a.after if x.code not in source}
    if not target:
        target |= {x.code for x in a.states if x.code not in source}
    return source, target


def _initiator(a: _Args) -> Roles:
    """The state after "at the initiative of" -> the others; no roles when none is named."""
    init = after_words(a.lex.roles.get("initiative"), a.low, a.states)
    if not init:
        return set(), set()
    source = {init[0].code}
    return source, {x.code for x in a.states if x.code not in source}


def _host(a: _Args) -> Roles:
    """Each participant's state -> the host: the state where it is held when the sentence names that
    state as a party too (a conference in Oslo at the Storting's invitation), else the organisation
    whose conference it is (an address to the UN's assembly held in New York: UN, not the US)."""
    source = {x.code for x in a.states if x.code != a.place_code}
    owners = [o for o in a.orgs if abs(o.start - a.t.end) <= 40 or abs(a.t.start - o.end) <= 40]
    if owners and not (a.place_code and a.place_code in {x.code for x in a.states}):
        return source - {owners[0].code}, {owners[0].code}
    target = {a.place_code} if a.place_code and a.place_code not in source else set()
    return source, target


def _member(a: _Args) -> Roles:
    """The state that joins -> the organisation. "Kazakhstan became a member of the WTO in 2015, Belarus
    has not": the state stands nearest before the word; the organisation after it."""
    # not a state that helped ("Belarus, with Russia's support, joined"; ``helper`` role words)
    helped = [x for x in a.before if not ends_with(a.lex.roles.get("helper"), a.low, x.start)]
    joiner = helped[-1:] or a.after[:1]
    source = {x.code for x in joiner} or ({a.self_code} if a.self_code else set())
    # the organisation after the word, else (or when a comma parts them: "the SCO, where Belarus became a
    # full member of the organisation, BRICS, …") the nearest before it ("the SCO, which Belarus joined")
    earlier, later = [o for o in a.orgs if o.start < a.t.start], [o for o in a.orgs if o.start >= a.t.start]
    if later and earlier and "," in a.low[a.t.end : later[0].start]:
        later = []
    return source, {o.code for o in later} or {o.code for o in earlier[-1:]}


def _attached_agents(t: Trigger, low: str, actors: Sequence[ActorMatch], lex: Lexicon) -> list[ActorMatch]:
    """The states and organisations right after the word (or after an ``agent`` word: "со стороны"),
    joined by "and" or a comma, when an "against" word and its target follow them: "санкции ЕС и США
    против России", "sankcje UE wobec Rosji", "санкции со стороны ЕС против России"."""
    against = lex.roles.get("against")
    if against is None:
        return []
    joins, by = lex.roles.get("joins"), lex.roles.get("agent")
    chain: list[ActorMatch] = []
    pos = t.end
    for x in sorted(actors, key=lambda x: x.start):
        if x.start < pos or x.how not in ("name", "org"):
            continue
        gap = low[pos : x.start].strip()
        words = joins if chain else by  # "санкции со стороны ЕС и США"
        if not (gap == "" or (chain and gap == ",") or (words is not None and words.fullmatch(gap))):
            break
        chain.append(x)
        pos = x.end
    if not chain:
        return []
    m = against.match(low, pos + (low[pos : pos + 1] == " "))
    if m is None or not any(0 <= x.start - m.end() <= 5 for x in actors):  # "against the …"
        return []
    return chain


def reason_after(t: Trigger, low: str, lex: Lexicon, reach: int | None = 80) -> re.Match[str] | None:
    """The reason word after a trigger and its addressee ("thanked Japan *for* …", ``reason`` role
    words), within ``reach`` characters of the trigger (None: anywhere after it)."""
    rx = lex.roles.get("reason")
    if rx is None:
        return None
    return rx.search(low, t.end) if reach is None else rx.search(low, t.end, t.end + reach)


def before_reason(actors: list[ActorMatch], t: Trigger, low: str, lex: Lexicon) -> list[ActorMatch]:
    """Once the addressee stands after the word, the states in the reason that follows it are no parties:
    "thanked Germany and France for their support against Russia", "condemned Russia for its attack on
    Ukraine" (``reason`` words in events.toml). The text's own state ("our country") stays: it speaks."""
    m = reason_after(t, low, lex, reach=None)
    if m is None or not any(t.end <= a.start < m.start() for a in actors):
        return actors
    return [a for a in actors if a.start < m.start() or a.how == "self"]  # "for the aid to our country": the speaker


def _subject(a: _Args) -> Roles:
    """The subject (before the word) -> the state after an "against" word (or marked as object)."""
    low, lex, t = a.low, a.lex, a.t
    # "thanked Canada for its support of our country": the text's own state in the reason speaks
    because = m.start() if a.kind.reason and (m := reason_after(t, low, lex)) else len(low)
    speaking = [x for x in a.actors if x.how == "self" and x.start >= because]
    against = [x for x in a.actors if x.start >= t.start and x.how != "org"
               and (ends_with(lex.roles.get("against"), low, x.start) or (x.how == "self" and x not in speaking))]
    against += [x for x in after_words(lex.roles.get("against"), low, a.states)
                if x not in against and x.start >= t.start]
    # "застосованих проти Росії санкцій": the against-phrase may stand right before the word
    against += [x for x in a.states if x.end <= t.start and t.start - x.end <= 25 and x not in against
                and ends_with(lex.roles.get("against"), low, x.start)]
    # Object-marking languages: "ایران را تحریم کرد" — the state before the marker is the target.
    marker = lex.roles.get("object_marker")
    if marker is not None:
        against += [x for x in a.states
                    if x not in against and marker.match(low, x.end + (low[x.end : x.end + 1] == " "))]
    # The subject stands before the trigger, not inside a place phrase ("after the elections in Belarus"),
    # nor is it the city someone went to ("przyjechał do Kijowa z pakietem pomocy").
    locative, destination = lex.roles.get("locative"), lex.roles.get("destination")
    went_to = [x for x in a.before if x.how in ("capital", "place") and ends_with(destination, low, x.start)]
    subject = [x for x in a.before if not ends_with(locative, low, x.start) and x not in against + went_to]
    if not subject:
        # "decided to recall the American chiefs of mission from …": the state inside the phrase acts.
        subject = [x for x in a.states if t.start <= x.start and x.end <= t.end and x not in against]
    if a.kind.orgs == "subject":
        subject += [o for o in a.orgs if o.end <= t.start]
    if not ends_with(lex.roles.get("joined"), low, t.start):
        # "ужесточение санкций ООН против КНДР": the agents named with the word act, not the sentence's
        # subject (unless it joins them: "Осло присоединился к санкциям ЕС в отношении …")
        subject = [x for x in _attached_agents(t, low, [*a.states, *a.orgs], lex) if x not in against] or subject
    if a.kind.attached:
        # "Norway's mediation", "посредничество Норвегии": the state attached to the word acts.
        attached = [x for x in a.after if 0 <= x.start - t.end <= 3]
        subject = attached or subject
    target = {x.code for x in against}
    source = {x.code for x in subject if x.code not in target}
    if ends_with(lex.roles.get("under"), low, t.start) and a.after:
        # "Russia is under sanctions of the US and the EU": the subject is the target, the states and
        # organisations after the word impose them.
        target = {x.code for x in a.before if not ends_with(locative, low, x.start)} or target
        agents = [*a.after, *(o for o in a.orgs if o.start >= t.start)]
        source = {x.code for x in agents if x.code not in target}
    if a.kind.donor:
        # "Ukraine received weapons from Poland": the state after "from" gives, the subject receives.
        givers = [x for x in a.states if x.start >= t.start and ends_with(lex.roles.get("donor"), low, x.start)]
        if givers:
            target = {x.code for x in subject} - {g.code for g in givers} or target
            source = {g.code for g in givers}
        thanked = _thanked(a)
        if thanked is not None:
            # "Ukraine thanked Japan for the humanitarian aid": whom the speaker thanks gave it.
            givers, speakers = thanked
            source = {x.code for x in givers}
            target = ({x.code for x in speakers} or {x.code for x in a.after}
                      or ({a.self_code} if a.self_code else set())) - source
    if not target:
        target |= {x.code for x in a.after if x.code not in source and x not in speaking}
    if speaking and not source:
        source = {x.code for x in speaking} - target
    return source, target or {x.code for x in went_to if x.code not in source}


def thanked_for_aid(t: Trigger, low: str, lex: Lexicon,
                    actors: Sequence[ActorMatch]) -> tuple[set[str], set[str]] | None:
    """When the reason after a trigger's addressee ("for …", ``reason`` words) is aid given
    (``aid_reason``: "thanked Romania for its defence support"): the states thanked, and those the
    reason names as receiving it, right after ("… support to Ukraine", "підтримку нашої держави")."""
    rx = lex.roles.get("aid_reason")
    if rx is None or (m := reason_after(t, low, lex)) is None:
        return None
    if (aid := rx.match(low, m.end() + (low[m.end() : m.end() + 1] == " "))) is None:
        return None
    givers = {a.code for a in actors if t.end <= a.start < m.start() and a.how != "self"}
    to = {a.code for a in actors if m.end() <= a.start <= aid.end() + 1
          or (aid.end() <= a.start <= aid.end() + 16 and ends_with(lex.roles.get("recipient"), low, a.start))}
    return (givers, to - givers) if givers else None


def _thanked(a: _Args) -> tuple[list[ActorMatch], list[ActorMatch]] | None:
    """The states thanked for an act and those before the thanks (who speaks), when the trigger is
    what they are thanked for ("thanked Japan for the aid", "подякував Японії за передачу генераторів";
    ``thanked`` role words: the thanks up to its "for"); None when it is not. No state thanked (a person
    not known to act for one): no donor is said."""
    rx = a.lex.roles.get("thanked")
    if rx is None:
        return None
    found = [m for m in rx.finditer(a.low, max(0, a.t.start - 80), a.t.end)
             if m.start() <= a.t.start and a.t.start - 30 <= m.end() <= a.t.end]
    if not found:
        return None
    m = found[-1]
    return [x for x in a.states if m.start() <= x.start < m.end()], [x for x in a.states if x.end <= m.start()]


_RULES: dict[str, Callable[[_Args], Roles]] = {
    "destination": _destination, "sending": _sending, "initiator": _initiator, "host": _host,
    "member": _member, "subject": _subject,
}


def complete_roles(kind: Kind, source: set[str], target: set[str], codes: set[str]) -> Roles:
    """Fill a missing side of a two-party event from the other actors, by the kind's ``complete`` rule."""
    rest = codes - source - target
    if kind.complete == "none":
        return source, target
    if kind.complete == "initiator":  # roles only when the text names the initiator
        return (source, rest | target) if source else (source, target)
    if source and not target and rest:
        target = set(rest)
    elif target and not source and rest:
        source = set(rest)
    return source, target


def joint(low: str, lex: Lexicon) -> bool:
    """Whether the sentence calls its occasion joint ("a trilateral call", "jointly"): one mention."""
    rx = lex.roles.get("joint")
    return bool(rx and rx.search(low))


def with_partners(low: str, actors: Sequence[ActorMatch], lex: Lexicon, self_code: str | None,
                   reach: int = 40, start: int = 0) -> tuple[str | None, set[str]]:
    """The one party on the near side of a with-phrase and the partners inside it: "spoke by phone
    with the leaders of Chile and of Peru" (the subject's state, else the
    document's own state, and CL, PE). (None, set()) when the sentence has no such phrase (from
    ``start`` on)."""
    rx = lex.roles.get("with")
    if rx is None:
        return None, set()
    # states, and people acting for a state or an organisation ("with IMF Managing Director X")
    states = [a for a in actors if a.how not in ("org", "place")]
    for m in rx.finditer(low, start):
        inside = [a for a in states if a.start >= m.end()]
        if not inside or inside[0].start - m.end() > reach:
            continue
        near = {a.code for a in states if a.end <= m.start()}
        anchor = next(iter(near)) if len(near) == 1 else (self_code if not near else None)
        return anchor, {a.code for a in inside} - {anchor}
    return None, set()


def dyads(kind: Kind, codes: set[str], source: set[str], target: set[str], anchor: str | None = None,
          partners: frozenset[str] | set[str] = frozenset(), joint: bool = False,
          ) -> list[tuple[set[str], set[str], set[str]]]:
    """One (actors, source, target) per separate act: a side with one state and a side with several
    give one pair each ("credentials from the ambassadors of Japan, Georgia and Senegal" is three).
    A joint occasion, or a kind whose parties meet on one occasion (meetings, agreements), stays one."""
    whole = [(codes, source, target)]
    if not kind.dyads or joint:
        return whole
    if len(source) == 1 and len(target) >= 2:
        return [(source | {x}, source, {x}) for x in sorted(target)]
    if len(target) == 1 and len(source) >= 2:
        return [({x} | target, {x}, target) for x in sorted(source)]
    if not source and not target and anchor and len(partners) >= 2:
        return [({anchor, x}, set(), set()) for x in sorted(partners)]
    return whole


