"""Name pairs as stance candidates, and how the features link holder and target."""

from __future__ import annotations

from pipeline.components import quotes as quoting
from pipeline.components.stance import lexicon
from pipeline.components.stance.candidates import MAX_NAMES, PAIR, governor
from pipeline.components.stance.component import StanceLabeller
from pipeline.components.stance.features import Featurizer
from pipeline.components.stance.targets import Resolver


def _candidates(parse, text: str):
    doc = parse(text)
    labeller = StanceLabeller(None, "newsclaims_stance", model="",  # type: ignore[arg-type]
                              pairs=True)
    resolver = Resolver(doc, doc._.nc_entities or [], lexicon.topic(text, quoting.quotes(text)))
    statements, candidates = labeller.finder.find(doc, resolver, [])
    return doc, resolver, statements, candidates


def test_governor_is_the_lowest_word_above_both(parse) -> None:
    doc = parse("Barack Obama met Angela Merkel at Microsoft.")
    obama, merkel = doc[1], doc[4]
    assert governor(obama, merkel).lemma_ == "meet"
    assert governor(merkel, obama) == governor(obama, merkel)
    assert governor(doc[3], merkel) == merkel  # "Angela" under "Merkel"


def test_every_ordered_name_pair_is_one_candidate(parse) -> None:
    _, _, statements, candidates = _candidates(
        parse, "Barack Obama met Angela Merkel at Microsoft.")
    pairs = [(statements[c.statement].source, c.target.name) for c in candidates]
    names = {"Barack Obama", "Angela Merkel", "Microsoft"}
    assert sorted(pairs) == sorted((a, b) for a in names for b in names if a != b)
    kinds = {(statements[c.statement].source, c.target.name): statements[c.statement].kind
             for c in candidates}
    assert kinds[("Angela Merkel", "Barack Obama")] == PAIR
    assert kinds[("Barack Obama", "Angela Merkel")] != PAIR  # the action covers it
    pair = next(s for s in statements if s.kind == PAIR and s.source == "Angela Merkel")
    assert pair.cue == "meet"


def test_a_list_of_names_gives_no_pairs(parse) -> None:
    names = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Lisbon",
             "Dublin", "Athens"]
    assert len(names) > MAX_NAMES
    _, _, statements, _ = _candidates(
        parse, f"The tour visits {', '.join(names[:-1])} and {names[-1]}.")
    assert not [s for s in statements if s.kind == PAIR]


def test_link_features_spell_the_path_from_holder_to_target(parse) -> None:
    doc, resolver, statements, candidates = _candidates(parse, "Microsoft sued Google.")
    [candidate] = [c for c in candidates if statements[c.statement].source == "Microsoft"]
    features = Featurizer(doc, resolver)(statements[candidate.statement], candidate, None)
    assert features["link=nsubj^dobj"] == 1.0
    assert features["link_top=sue"] == 1.0
    assert features["holder_first=True"] == 1.0


def test_salience_rank_ties_go_by_name(parse) -> None:
    """Both named once: the order is the names', the same in every process."""
    doc, resolver, statements, candidates = _candidates(parse, "Microsoft sued Google.")
    [candidate] = [c for c in candidates if statements[c.statement].source == "Microsoft"]
    features = Featurizer(doc, resolver)(statements[candidate.statement], candidate, None)
    assert features["ranks=2-3:1"] == 1.0


def test_pairs_are_the_accurate_presets() -> None:
    """The default pipeline judges no name pairs; the accurate preset does."""
    from pipeline.nlp import build_nlp, preset_components

    default = build_nlp().get_pipe("newsclaims_stance")
    accurate = build_nlp(components=preset_components("accurate")).get_pipe(
        "newsclaims_stance")
    assert (default.finder.pairs, accurate.finder.pairs) == (False, True)
