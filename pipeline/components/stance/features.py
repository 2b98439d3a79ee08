"""Features of a (holder, target) candidate for the linear stance classifier.

Read off the parse the pipeline already has, so judging a pair costs microseconds: how
the holder relates to the target (statement, stance event or action; the cue), where the
target sits (its role, the words that govern it up to the cue), and the polarity words
around it (lexicon hits, negation, quotation). Shared by training and the component, so
both see the same features.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.annotations import Statement
from pipeline.components import quotes as quoting
from pipeline.components.stance import lexicon
from pipeline.components.stance.candidates import Candidate, governor
from pipeline.components.stance.targets import Resolver

_WINDOW = 4  # words either side of the target
_MAX_PATH = 4  # dependency steps from the target toward the cue
_MAX_LINK = 6  # dependency steps between holder and target spelled out as one feature


def _steps_up(token: Token, top: Token) -> list[str]:
    """The dependency labels from ``token`` up to ``top``, lowest first."""
    steps = []
    while token.i != top.i and token.head.i != token.i:
        steps.append(token.dep_)
        token = token.head
    return steps


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _polarity(lemma: str) -> str | None:
    support, oppose = lexicon.polar_words()
    return "support" if lemma in support else "oppose" if lemma in oppose else None


def _negated(token: Token) -> bool:
    negators = lexicon.negators()
    return any(c.lower_ in negators for c in token.children)


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


class Featurizer:
    """Pair features over one Doc; what several pairs share (a statement's cue, its
    content's polarity words in one sentence) is worked out once."""

    def __init__(self, doc: Doc, resolver: Resolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self._cues: dict[tuple[int, int], set[int]] = {}
        self._contents: dict[tuple[tuple[int, int], int], dict[str, float]] = {}
        self._holders: dict[tuple[int, int], Token | None] = {}
        self._sentences: dict[int, dict[str, float]] = {}
        self._words: dict[int, tuple[str | None, float]] = {}
        self._turns: dict[tuple[int, int], bool] = {}
        self._negations: dict[int, bool] = {}
        self._together: dict[str, set[int]] | None = None  # name -> sentences naming it
        names = {resolver.canonical(m.canonical, m.label) for m in resolver.mentions}
        ranked = sorted(names, key=lambda n: (-resolver.count(n), n))  # ties: by name
        self._rank = {n.casefold(): k for k, n in enumerate(ranked)}

    def _word(self, i: int) -> tuple[str | None, float]:
        """Token ``i``'s polarity and valence, both turned round when it or its head is
        negated; worked out once per token, as contents and sentences overlap."""
        if i not in self._words:
            t = self.doc[i]
            lemma = _lemma(t)
            polarity = _polarity(lemma)
            value = lexicon.valence(t.lower_) or lexicon.valence(lemma)
            if (polarity or value) and (_negated(t) or (_negated(t.head) and t.head.i != t.i)):
                polarity = _flip(polarity) if polarity else None
                value = -value
            self._words[i] = (polarity, value)
        return self._words[i]

    def _negated(self, token: Token) -> bool:
        """Whether a child negates ``token``, worked out once per token: a statement's pairs
        climb through the same governors."""
        if token.i not in self._negations:
            self._negations[token.i] = _negated(token)
        return self._negations[token.i]

    def _sentence(self, start: int) -> dict[str, float]:
        """Polarity words and valence of the whole sentence starting at token ``start``:
        SEESAW's annotators read the sentence, not only a statement's content."""
        if start not in self._sentences:
            doc = self.doc
            counts = {"support": 0.0, "oppose": 0.0, "positive": 0.0, "negative": 0.0}
            i = start
            while i < len(doc) and (i == start or not doc[i].is_sent_start):
                polarity, value = self._word(i)
                if polarity:
                    counts[polarity] += 1.0
                if value:
                    counts["positive" if value > 0 else "negative"] += abs(value)
                i += 1
            self._sentences[start] = {f"sent_{k}={_bucket(round(v))}": 1.0
                                      for k, v in counts.items() if v}
        return self._sentences[start]

    def _cooccur(self, holder: str, target: str) -> int:
        """In how many sentences of the article holder and target are both named."""
        if self._together is None:
            self._together = {}
            doc = self.doc
            for mention in self.resolver.mentions:
                name = self.resolver.canonical(mention.canonical, mention.label).casefold()
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    self._together.setdefault(name, set()).add(
                        quoting.sentence_start(doc, span.start))
        return len(self._together.get(holder.casefold(), set())
                   & self._together.get(target.casefold(), set()))

    def _ranks(self, holder: str, target: str) -> dict[str, float]:
        """Where holder and target stand among the article's most named entities."""
        def rank(name: str) -> str:
            k = self._rank.get(name.casefold())
            return "none" if k is None else "1" if k == 0 else "2-3" if k < 3 else (
                "4-6" if k < 6 else "7+")
        h, t = rank(holder), rank(target)
        return {f"holder_rank={h}": 1.0, f"target_rank={t}": 1.0, f"ranks={h}:{t}": 1.0}

    def _holder(self, span: tuple[int, int]) -> Token | None:
        if span not in self._holders:
            holder = self.doc.char_span(*span, alignment_mode="expand")
            self._holders[span] = holder.root if holder is not None and len(holder) else None
        return self._holders[span]

    def _link(self, holder: Token, target: Token, kind: str) -> dict[str, float]:
        """How holder and target are linked in the parse: the dependency steps up from
        the holder to the word governing both and down to the target ("nsubj^tap_dobj":
        the holder did something to the target), where SEESAW's stances mostly are."""
        if holder.sent.start != target.sent.start:
            return {"link=other_sentence": 1.0}
        top = governor(holder, target)
        up, down = _steps_up(holder, top), _steps_up(target, top)
        lemma = _lemma(top)
        path = (">".join(up) + "^" + ">".join(reversed(down))
                if len(up) + len(down) <= _MAX_LINK else "long")
        polarity = _polarity(lemma)
        f = {
            f"link={path}": 1.0,
            f"link_kind={kind}:{path}": 1.0,
            f"link_top={lemma}": 1.0,
            f"link_top_pos={top.pos_}": 1.0,
            f"link_up={up[0] if up else '-'}:{down[-1] if down else '-'}": 1.0,
            f"link_len={_bucket(len(up) + len(down))}": 1.0,
            f"holder_first={holder.i < target.i}": 1.0,
            f"holder_dep={holder.dep_}": 1.0,
        }
        if polarity:
            f[f"link_pol={polarity}:{self._negated(top)}"] = 1.0
        value = lexicon.valence(top.lower_) or lexicon.valence(lemma)
        if value:
            f[f"link_valence_{(value > 0) != self._negated(top)}"] = abs(value) / 4
        return f

    def _turned(self, span: tuple[int, int]) -> bool:
        if span not in self._turns:
            cue = self.doc.char_span(*span, alignment_mode="expand")
            self._turns[span] = cue is not None and len(cue) > 0 and lexicon.cue_turned(cue)
        return self._turns[span]

    def _cue_ids(self, span: tuple[int, int]) -> set[int]:
        if span not in self._cues:
            cue = self.doc.char_span(*span, alignment_mode="expand")
            self._cues[span] = {t.i for t in cue} if cue is not None else set()
        return self._cues[span]

    def _content(self, span: tuple[int, int], sentence: int) -> dict[str, float]:
        """Polarity words (negation flips one) and content lemmas of the content in the
        sentence starting at token ``sentence``."""
        key = (span, sentence)
        if key in self._contents:
            return self._contents[key]
        doc = self.doc
        f: dict[str, float] = {}
        content = doc.char_span(*span, alignment_mode="expand")
        counts = {"support": 0.0, "oppose": 0.0}
        valences = {"positive": 0.0, "negative": 0.0}
        if content is not None:
            end = sentence + 1
            while end < len(doc) and not doc[end].is_sent_start:
                end += 1
            for i in range(max(content.start, sentence), min(content.end, end)):
                t = doc[i]
                polarity, value = self._word(i)
                if polarity:
                    counts[polarity] += 1.0
                if value:
                    valences["positive" if value > 0 else "negative"] += abs(value)
                if not t.is_punct and not t.is_stop:
                    f[f"content={_lemma(t)}"] = 1.0
        for polarity, n in counts.items():
            if n:
                f[f"content_{polarity}"] = min(n, 3.0)
        for sign, total in valences.items():
            if total:
                f[f"valence_{sign}"] = min(total, 8.0) / 4.0
        self._contents[key] = f
        return f

    def __call__(self, statement: Statement, candidate: Candidate, cue_stance: str | None
                 ) -> dict[str, float]:
        """Named features, each 1.0 unless it counts something."""
        doc, resolver = self.doc, self.resolver
        target = candidate.target
        head = doc[target.head]
        kind, cue = statement.kind, statement.cue
        # salience: SEESAW's annotators, like readers, care about who the article is about
        target_count = _bucket(resolver.salience(target))
        holder_count = _bucket(resolver.count(statement.source or ""))
        mention = resolver.entity_at(head)
        f: dict[str, float] = {
            f"target_salience={target_count}": 1.0,
            f"holder_salience={holder_count}": 1.0,
            f"saliences={holder_count}:{target_count}": 1.0,
            f"kind_target={kind}:{target.kind}": 1.0,
            f"target_label={mention.label if mention else None}": 1.0,
            f"kind={kind}": 1.0,
            f"cue={cue}": 1.0,
            f"cue_stance={cue_stance}": 1.0,
            f"kind_cue_stance={kind}:{cue_stance}": 1.0,
            f"target_kind={target.kind}": 1.0,
            f"target_dep={head.dep_}": 1.0,
            f"target_pos={head.pos_}": 1.0,
            f"target_head={_lemma(head)}": 1.0,
        }
        cue_ids = self._cue_ids(statement.cue_span)
        if self._turned(statement.cue_span):
            f["cue_turned"] = 1.0
            f[f"cue_turned_stance={cue_stance}"] = 1.0
        # the path from the target up to the cue (or the content's root)
        path, token, negations = [], head, 0
        for _ in range(_MAX_PATH):
            if token.i in cue_ids or token.head.i == token.i:
                break
            path.append(token.dep_)
            token = token.head
            negations += self._negated(token)
            lemma = _lemma(token)
            f[f"gov={lemma}"] = f.get(f"gov={lemma}", 0.0) + 1.0
            value = lexicon.valence(token.lower_) or lexicon.valence(lemma)
            if value:
                sign = "positive" if (value > 0) != bool(negations) else "negative"
                f[f"gov_valence_{sign}"] = f.get(f"gov_valence_{sign}", 0.0) + abs(value) / 4
            polarity = _polarity(lemma)
            if polarity:
                f[f"gov_pol={polarity}"] = f.get(f"gov_pol={polarity}", 0.0) + 1.0
        f["path=" + ">".join(path)] = 1.0
        f[f"path_len={len(path)}"] = 1.0
        f[f"reaches_cue={token.i in cue_ids}"] = 1.0
        if path:
            f[f"first_gov={path[0]}:{_lemma(head.head)}"] = 1.0
        if negations:
            f["path_negated"] = 1.0
        for i in range(max(0, head.i - _WINDOW), min(len(doc), head.i + _WINDOW + 1)):
            t = doc[i]
            if i != head.i and not t.is_punct:
                f[f"near={_lemma(t)}"] = 1.0
        f.update(self._content(statement.content_span, candidate.sentence_start))
        holder = self._holder(statement.source_span) if statement.source_span else None
        if holder is not None:
            f.update(self._link(holder, head, kind))
        f.update(self._sentence(candidate.sentence_start))
        f.update(self._ranks(statement.source or "", target.name))
        together = self._cooccur(statement.source or "", target.name)
        f[f"cooccur={_bucket(together) if together else 0}"] = 1.0
        if statement.quote:
            f["quoted"] = 1.0
        if head.i < candidate.sentence_start + 3:
            f["target_opens_sentence"] = 1.0
        return f


def _flip(polarity: str) -> str:
    return "oppose" if polarity == "support" else "support"
