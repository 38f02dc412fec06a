"""Loader for the event coder's closed word classes (data/event_grammar.json), extendable by a user file."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Grammar:
    light_verbs: frozenset[str]
    request_frames: frozenset[str]
    speech_verbs: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    intent_nouns: frozenset[str]
    locative_preps: frozenset[str]
    reference_preps: frozenset[str]
    group_words: frozenset[str]
    accusation_words: frozenset[str]
    implicative_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    leader_roles: frozenset[str]
    definite_determiners: frozenset[str]
    negative_implicatives: frozenset[str]
    mode_patient_sectors_excluded: dict[str, frozenset[str]]
    topic_preps: frozenset[str]
    domestic_types: dict[str, str]
    size_nouns: dict[str, str]  # noun lemma -> size key
    size_verbs: dict[str, str]
    negated_rejections: dict[str, str | None]
    commitment_governors: frozenset[str]
    aim_verbs: frozenset[str]
    request_governors: frozenset[str]
    unattributed_types: frozenset[str]
    place_target_types: frozenset[str]
    concession_types: frozenset[str]
    riot_sectors: frozenset[str]
    riot_excluded_modes: frozenset[str]
    future_acts: dict[str, tuple[str, str | None, str | None]]  # act type -> (declared type, mode, CAMEO)  # consent verb lemma -> REJECT mode when negated
    yielding_contents: dict[str, frozenset[str]]  # verb lemma -> objects that make a promise of it a concession
    yielding_nouns: dict[str, str]  # noun of a yielding act -> its verb in yielding_contents
    tentative_promises: frozenset[str]
    acceding_verbs: frozenset[str]  # 'agreed to lift': CAMEO's yielding code, not the intent code
    diplomatic_contents: dict[str, frozenset[str]]  # verb -> objects: promised, it is diplomatic cooperation
    finalising_verbs: frozenset[str]
    material_agreements: dict[str, str]  # word naming an agreement's material field -> CAMEO of that cooperation
    commitment_nouns: frozenset[str]
    commitment_adjectives: frozenset[str]
    execution_verbs: frozenset[str]
    obligation_aux: frozenset[str]
    self_pronouns: frozenset[str]
    condition_marks: frozenset[str]
    document_nouns: frozenset[str]
    refused_future_types: dict[str, str | None]
    self_directed_types: dict[str, list[str]]
    investigating_sectors: frozenset[str]
    forsworn_types: frozenset[str]
    failing_governors: frozenset[str]
    failed_agreement_types: frozenset[str]
    complaint_verbs: frozenset[str]
    complaint_kinds: frozenset[str]
    complaint_sectors: frozenset[str]
    allegation_verbs: frozenset[str]
    alleged_types: frozenset[str]
    military_sectors: frozenset[str]
    asked_modes: dict[str, str]  # act type (or TYPE/mode) asked for or refused -> REQUEST/REJECT mode
    force_sector_modes: dict[str, str]  # sector of a mobilised force -> MOBILIZE mode
    militia_words: frozenset[str]
    clause_general_modes: dict[str, frozenset[str | None]]  # type -> modes an act in its clause may specify
    instrument_modes: dict[str, str]  # doer or weapon noun -> ASSAULT mode
    territorial_acts: frozenset[str]
    carrier_verbs: frozenset[str] = frozenset()
    frame_nouns: frozenset[str] = frozenset()
    pact_nouns: frozenset[str] = frozenset()  # 'violated the truce deal': the act on a pact is on its modifier ...
    pact_acts: frozenset[str] = frozenset()  # ... when the modifier is one of these acts
    training_verbs: frozenset[str] = frozenset()  # 'trained 500 hackers': AID to another, else MOBILIZE
    impossibility_phrases: frozenset[str] = frozenset()  # 'is out of the question': the act is refused
    impossibility_copulas: frozenset[str] = frozenset()
    preparation_verbs: frozenset[str] = frozenset()  # 'was preparing to resume shelling': MOBILIZE, not the attack
    prepared_attack_modes: dict[str, str] = field(default_factory=dict)  # readied attack's mode -> MOBILIZE mode
    participation_verbs: frozenset[str] = frozenset()
    gathering_verbs: frozenset[str] = frozenset()  # 'converged for a rally': the subject holds the nominal act
    delivered_goods: frozenset[str] = frozenset()  # subjects whose arrival is aid delivered, not a visit
    deployed_forces: frozenset[str] = frozenset()  # subjects whose arrival is a deployment, not a visit
    receiving_verbs: frozenset[str] = frozenset()  # light verbs whose subject is given the act ('received aid')
    admitted_forces: frozenset[str] = frozenset()  # subjects whose arrival is their host letting them in
    hedge_aux: frozenset[str] = frozenset()
    possibility_nouns: frozenset[str] = frozenset()
    possibility_verbs: frozenset[str] = frozenset()
    threat_condition_marks: frozenset[str] = frozenset()
    threat_promises: frozenset[str] = frozenset()
    press_queries: frozenset[str] = frozenset()  # 'declined to comment', 'seeking comment': the reporter's exchange
    court_pleas: frozenset[str] = frozenset()  # 'pleaded not guilty': a defendant's answer to a charge
    unilateral_instruments: frozenset[str] = frozenset()  # 'signed an executive order': no agreement
    verbal_attack_verbs: frozenset[str] = frozenset()
    political_sectors: frozenset[str] = frozenset()
    compound_act_heads: frozenset[str] = frozenset()
    press_audiences: frozenset[str] = frozenset()  # 'told reporters': the public addressed, not a party asked
    press_occasions: frozenset[str] = frozenset()  # 'a news conference': the public addressed, no one met
    ballot_voters: frozenset[str] = frozenset()  # 'voters voted for him': a ballot, no act between parties
    promise_words: frozenset[str] = frozenset()  # campaign pledges: 'vowed during the campaign to ...'
    campaign_occasions: frozenset[str] = frozenset()  # 'his campaign promise', 'on the campaign trail'
    election_condition_marks: frozenset[str] = frozenset()  # 'if elected'
    election_verbs: frozenset[str] = frozenset()
    election_prizes: frozenset[str] = frozenset()  # 'if she wins the nomination'
    candidate_words: frozenset[str] = frozenset()  # 'the nominee promised'
    campaign_audiences: frozenset[str] = frozenset()  # 'promised voters'
    accord_verbs: frozenset[str] = frozenset()  # 'agreed that ...': express accord (CAMEO 019), no event
    accord_content_preps: frozenset[str] = frozenset()  # 'agreed to/on X': something agreed
    habitual_adverbs: frozenset[str] = frozenset()  # 'talks to him frequently': a habit, no act told
    habitual_types: frozenset[str] = frozenset()  # verbal acts only: routine abuses are coded
    bare_commitment_nouns: frozenset[str] = frozenset()  # 'unveiled his proposal': a plan, no act named
    unasserting_marks: frozenset[str] = frozenset()  # 'unless they are willing to': not asserted
    negative_quantifiers: frozenset[str] = frozenset()  # 'few senators were willing'
    defiance_nouns: frozenset[str] = frozenset()  # 'in defiance of X': what a protest is aimed at
    protest_nouns: frozenset[str] = frozenset()  # 'during rallies against X': a protest framing the act
    home_organ_types: frozenset[str] = frozenset()  # police or local organs: their refusal falls at home
    home_organ_words: frozenset[str] = frozenset()  # 'district administration', 'city council': a local organ
    protest_aim_preps: frozenset[str] = frozenset()  # 'a strike over X': what a protest is against
    leader_participles: frozenset[str] = frozenset()  # 'the NATO-led force': NATO owns it
    authoring_participles: frozenset[str] = frozenset()  # 'a plan put forward by X': X's plan
    publishing_participles: frozenset[str] = frozenset()  # 'a report released in Nairobi': put out there
    joint_documents: frozenset[str] = frozenset()  # 'a communique issued in Addis Ababa': a meeting's, not the host's
    inviting_nouns: frozenset[str] = frozenset()  # 'an invitation to visit X': X invites
    sponsor_participles: frozenset[str] = frozenset()  # 'the US-backed plan': the US stands behind the move
    deliberation_verbs: frozenset[str] = frozenset()  # 'weighs a prisoner swap': an option considered
    state_powers: dict[str, list[str]] = field(default_factory=dict)  # agentless acts only a state does
    state_power_verbs: dict[str, list[str]] = field(default_factory=dict)  # the same, by verb: criminal charges
    body_implicative_verbs: frozenset[str] = frozenset()  # implicative only with a body as subject ('voted to')
    fight_nouns: frozenset[str] = frozenset()  # 'killed in a shootout with police': the 'with' side killed
    negative_pronouns: frozenset[str] = frozenset()  # 'nobody has been captured': the act did not happen
    forgone_markers: frozenset[str] = frozenset()  # 'instead of arresting': the act not taken
    ability_words: frozenset[str] = frozenset()  # 'capable of launching attacks': a capacity, not an act
    dispersal_verbs: frozenset[str] = frozenset()  # 'opened fire to disperse the crowd': aimed at the crowd
    riot_occasions: frozenset[str] = frozenset()  # 'threw stones during the protests': a riot
    commentator_nouns: frozenset[str] = frozenset()  # 'an analyst said Iran could strike': a guess, no threat
    stance_participles: dict[str, str] = field(default_factory=dict)  # 'is opposed to': participle -> its verb
    date_offset_preps: dict[str, int] = field(default_factory=dict)  # 'a day after the vote on Monday': after -> +1
    negative_implicative_particles: dict[str, str] = field(default_factory=dict)  # 'rule' is negative with 'out'
    attempt_nouns: frozenset[str] = frozenset()  # 'foiled an attempt to kill X': the attempt is told
    attempted_types: frozenset[str] = frozenset()  # acts whose attempt is itself the act (CAMEO 185)
    intolerance_verbs: frozenset[str] = frozenset()  # 'will not tolerate X': a warning (THREATEN)
    exercise_nouns: frozenset[str] = frozenset()  # drills by two states' forces: a joint exercise
    holding_verbs: frozenset[str] = frozenset()  # 'used villagers as human shields': the subject holds them
    gerund_control_preps: frozenset[str] = frozenset()  # 'responded by firing': the verb's subject fires
    span_nouns: frozenset[str] = frozenset()  # 'two weeks of drills': the stretch stands for the act
    journey_verbs: frozenset[str] = frozenset()  # 'went back to Vienna for talks': the traveller holds them
    host_visit_verbs: frozenset[str] = frozenset()  # 'arrived in Kabul ... met the president': Afghanistan's
    outcome_verbs: frozenset[str] = frozenset()  # 'killed', 'injured': say what befell, not who did it
    mishap_nouns: frozenset[str] = frozenset()  # accidents and disasters: causes of death that are no one's act
    mishap_verbs: frozenset[str] = frozenset()
    base_participles: frozenset[str] = frozenset()  # 'London-based': the place is a party's seat
    seated_bodies: frozenset[str] = frozenset()  # 'a group based in Austin': bodies a seat codes
    patient_of_acts: frozenset[str] = frozenset()  # 'the arrest of X': X is acted on (type or TYPE/mode)
    agentive_act_nouns: frozenset[str] = frozenset()  # 'the violence of the police': the 'of' party does it
    outward_types: frozenset[str] = frozenset()  # acts never falling on the acting state's own name
    statement_types: frozenset[str] = frozenset()  # words and stances: placed where the speaker is
    statement_place_preps: frozenset[str] = frozenset()  # 'said in Geneva': the speaker is there
    visit_nouns: frozenset[str] = frozenset()  # 'during a visit to Hanoi': the speaker is there
    statement_linking_preps: frozenset[str] = frozenset()  # 'at a meeting of ministers in Brussels'
    aimed_place_types: frozenset[str] = frozenset()  # 'Norway sent food aid to Sudan': not placed in Norway
    presence_types: frozenset[str] = frozenset()  # 'arrived in Jakarta': the doer is there that day
    date_topic_preps: frozenset[str] = frozenset()  # 'questions about the March 3 memo': not the questions' day
    allegiance_words: frozenset[str] = frozenset()  # 'troops loyal to X': the group is of X's state
    patron_nouns: frozenset[str] = frozenset()  # "Russia's ally Belarus": the possessor is the patron, not the party
    figurative_objects: dict[str, frozenset[str]] = field(default_factory=dict)  # 'struck a tone': no act
    figurative_preps: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # 'seized on a remark'
    topic_talk_verbs: frozenset[str] = frozenset()  # 'Democrats are talking about turnout': no one consulted
    generic_act_types: frozenset[str] = frozenset()  # 'laws to curb mass shootings': violence as a topic
    generic_act_preps: frozenset[str] = frozenset()
    category_act_nouns: frozenset[str] = frozenset()  # 'exceptions for rape': a crime named as a category
    category_act_preps: frozenset[str] = frozenset()
    verbal_attack_modifiers: frozenset[str] = frozenset()  # 'personal attacks' are words
    verbal_attack_instruments: frozenset[str] = frozenset()  # 'attacked him with ads': words
    campaign_event_nouns: frozenset[str] = frozenset()  # 'Biden's rally', 'a campaign rally': no protest
    campaign_words: frozenset[str] = frozenset()
    verbal_target_sectors: frozenset[str] = frozenset()  # groups a politician's attack of words is aimed at
    popularity_nouns: frozenset[str] = frozenset()  # 'the president's support grew': a standing
    popularity_aims: frozenset[str] = frozenset()
    likening_marks: frozenset[str] = frozenset()  # 'it is like Russia invading Canada': a comparison
    tenure_end_verbs: frozenset[str] = frozenset()  # 'since he left office': a time, not a resignation
    time_clause_marks: frozenset[str] = frozenset()
    background_clause_marks: frozenset[str] = frozenset()
    gunfire_objects: frozenset[str] = frozenset()
    command_verbs: frozenset[str] = frozenset()  # 'ordered the paper to suspend publication': censorship
    closure_verbs: frozenset[str] = frozenset()
    outlet_words: frozenset[str] = frozenset()
    publishing_words: frozenset[str] = frozenset()
    state_body_sectors: frozenset[str] = frozenset()  # 'troops came under fire': shot at, not criticised  # 'resigned as protesters threatened …': context
    poll_types: frozenset[str] = frozenset()  # opinions a poll reports: 'most voters oppose the deal'
    poll_shares: frozenset[str] = frozenset()
    body_sectors: frozenset[str] = frozenset()  # 'a majority of senators' votes as a body
    topic_compound_nouns: frozenset[str] = frozenset()  # 'the Russia probe': the country is looked into
    openness_adjectives: frozenset[str] = frozenset()  # 'open to easing sanctions': an option weighed
    compound_doer_sectors: frozenset[str] = frozenset()  # 'the police shooting of X': police shoot
    patient_owner_nouns: frozenset[str] = frozenset()  # 'Nemtsov's killing': the owner is the one killed
    struggle_words: frozenset[str] = frozenset()  # 'the senator fought the program': no violence
    electoral_party_sectors: frozenset[str] = frozenset()  # 'Democrats took control of the House': a vote won
    electoral_body_sectors: frozenset[str] = frozenset()
    verbal_attacker_nouns: frozenset[str] = frozenset()  # 'rival candidates attacked him': words, not blows
    verbal_attack_objects: frozenset[str] = frozenset()  # 'attacking the premier's record'
    background_verbs: frozenset[str] = frozenset()  # 'the inquiry has dragged on': the act is the topic
    unplaced_stance_types: frozenset[str] = frozenset()  # 'Lund supports the changes': no party, no one addressed
    background_preps: frozenset[str] = frozenset()  # 'briefed about the shooting', 'amid the protests'
    retaliation_phrases: frozenset[str] = frozenset()  # 'vowed to respond in kind': a threat, not a pledge
    help_verbs: frozenset[str] = frozenset()  # 'sent troops to help protect X': X is the one helped
    help_kinds: dict[str, str] = field(default_factory=dict)  # 'helped X rebuild': purpose word -> AID CAMEO
    helped_act_kinds: dict[str, str] = field(default_factory=dict)  # 'helped X attack Y': act type -> AID CAMEO
    helping_dispatch_verbs: frozenset[str] = frozenset()  # 'will send a team to help identify victims': AID
    helping_dispatch_nouns: frozenset[str] = frozenset()
    restitution_words: frozenset[str] = frozenset()  # 'paid compensation for land seized': property made good
    restitution_objects: frozenset[str] = frozenset()
    permission_verbs: frozenset[str] = frozenset()  # 'allowed X to hold a rally' permits a rally
    custody_nouns: frozenset[str] = frozenset()  # 'died in police custody': a state, not an arrest
    custody_preps: frozenset[str] = frozenset()
    custody_entry_verbs: frozenset[str] = frozenset()  # 'placed in detention' does arrest
    step_nouns: frozenset[str] = frozenset()  # 'took steps to expand freedoms': the steps are the act
    pullout_nouns: frozenset[str] = frozenset()  # 'the monitors pulled out': civilians sent, withdrawn
    pullout_sectors: frozenset[str] = frozenset()  # 'a rights group withdrew from X': staff pulled out
    clause_allegation_verbs: frozenset[str] = frozenset()  # 'alleged that Y knew': Y is accused
    placed_objects: frozenset[str] = frozenset()  # 'opened an embassy in X': the seat names the state concerned
    owned_things: frozenset[str] = frozenset()  # 'the U.S. consulate', 'a Turkish warship': a flag, not the place
    specific_act_words: frozenset[str] = frozenset()  # 'recent shootings' are acts that happened
    kind_reference_words: frozenset[str] = frozenset()  # 'the first such attack': the act just told
    object_control_verbs: frozenset[str] = frozenset()  # 'accused Russia of shelling': Russia shelled
    alleging_verbs: frozenset[str] = frozenset()  # ... as the accuser's claim
    medical_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)  # 'a heart attack': no act
    own_place_types: frozenset[str] = frozenset()  # 'North Korea conducted missile tests': aimed at no one
    showing_verbs: frozenset[str] = frozenset()  # 'demonstrated how deep the anger runs': shows
    speaker_possessives: frozenset[str] = frozenset()  # 'Kenya said its soldiers': the speaker's
    launch_verbs: frozenset[str] = frozenset()  # 'rockets fired from X': X is where the attack came from
    origin_preps: frozenset[str] = frozenset()
    projectile_nouns: frozenset[str] = frozenset()  # 'rockets were fired at X': the weapon, not the target
    obligation_verbs: frozenset[str] = frozenset()  # 'X said Y has to withdraw': an obligation, as 'must'
    advisory_aux: frozenset[str] = frozenset()  # 'X said Y should withdraw': a demand when Y is named
    demand_nouns: frozenset[str] = frozenset()  # 'its demand that X ease ...': the clause is what is demanded
    clause_complaint_verbs: frozenset[str] = frozenset()  # 'protested that X ...': a complaint about X
    street_crowds: frozenset[str] = frozenset()  # 'thousands protested that ...': still a street protest


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if key.startswith("_"):
            continue
        if isinstance(value, list):
            base[key] = list(base.get(key, [])) + value
        elif isinstance(value, dict):
            merged = dict(base.get(key, {}))
            for k, v in value.items():
                merged[k] = list(merged.get(k, [])) + v if isinstance(v, list) else v
            base[key] = merged


@lru_cache(maxsize=1)
def load_grammar(extra: tuple[str, ...] = ()) -> Grammar:
    data: dict[str, Any] = json.loads((DATA_DIR / "event_grammar.json").read_text("utf-8"))
    paths = list(extra) + [p for p in os.environ.get("DATELINE_EVENT_GRAMMAR_EXTRA", "").split(os.pathsep) if p]
    for path in paths:
        _merge(data, json.loads(Path(path).read_text("utf-8")))
    size_nouns = {noun: key for key, nouns in data["size_nouns"].items() for noun in nouns}
    sets = {k: frozenset(data[k]) for k in (
        "light_verbs", "request_frames", "speech_verbs", "future_governors", "hypothetical_aux", "future_aux",
        "intent_nouns", "locative_preps", "reference_preps", "group_words", "accusation_words", "implicative_verbs", "claim_nouns", "topic_preps", "leader_roles", "definite_determiners", "negative_implicatives")}
    excluded = {k: frozenset(v) for k, v in data.get("mode_patient_sectors_excluded", {}).items()}
    return Grammar(**sets, domestic_types=dict(data["domestic_types"]), size_nouns=size_nouns,
                   mode_patient_sectors_excluded=excluded,
                   size_verbs=dict(data["size_verbs"]),
                   negated_rejections=dict(data.get("negated_rejections", {})),
                   commitment_governors=frozenset(data.get("commitment_governors", [])),
                   aim_verbs=frozenset(data.get("aim_verbs", [])),
                   request_governors=frozenset(data.get("request_governors", [])),
                   unattributed_types=frozenset(data.get("unattributed_types", [])),
                   place_target_types=frozenset(data.get("place_target_types", [])),
                   concession_types=frozenset(data.get("concession_types", [])),
                   riot_sectors=frozenset(data.get("riot_sectors", [])),
                   riot_excluded_modes=frozenset(data.get("riot_excluded_modes", [])),
                   future_acts=_future_acts(data.get("future_acts", {})),
                   yielding_contents=_object_table(data, "yielding_contents"),
                   yielding_nouns=dict(data.get("yielding_nouns", {})),
                   tentative_promises=frozenset(data.get("tentative_promises", [])),
                   acceding_verbs=frozenset(data.get("acceding_verbs", [])),
                   diplomatic_contents=_object_table(data, "diplomatic_contents"),
                   finalising_verbs=frozenset(data.get("finalising_verbs", [])),
                   material_agreements=dict(data.get("material_agreements", {})),
                   commitment_nouns=frozenset(data.get("commitment_nouns", [])),
                   commitment_adjectives=frozenset(data.get("commitment_adjectives", [])),
                   execution_verbs=frozenset(data.get("execution_verbs", [])),
                   obligation_aux=frozenset(data.get("obligation_aux", [])),
                   self_pronouns=frozenset(data.get("self_pronouns", [])),
                   condition_marks=frozenset(data.get("condition_marks", [])),
                   document_nouns=frozenset(data.get("document_nouns", [])),
                   refused_future_types=dict(data.get("refused_future_types", {})),
                   self_directed_types=dict(data.get("self_directed_types", {})),
                   investigating_sectors=frozenset(data.get("investigating_sectors", [])),
                   forsworn_types=frozenset(data.get("forsworn_types", [])),
                   failing_governors=frozenset(data.get("failing_governors", [])),
                   failed_agreement_types=frozenset(data.get("failed_agreement_types", [])),
                   asked_modes=dict(data.get("asked_modes", {})),
                   state_powers={k: list(v) for k, v in data.get("state_powers", {}).items()},
                   state_power_verbs={k: list(v) for k, v in data.get("state_power_verbs", {}).items()},
                   body_implicative_verbs=frozenset(data.get("body_implicative_verbs", [])),
                   fight_nouns=frozenset(data.get("fight_nouns", [])),
                   negative_pronouns=frozenset(data.get("negative_pronouns", [])),
                   force_sector_modes=dict(data.get("force_sector_modes", {})),
                   clause_general_modes={k: frozenset(v) for k, v in data.get("clause_general_modes", {}).items()},
                   instrument_modes=dict(data.get("instrument_modes", {})),
                   help_kinds=dict(data.get("help_kinds", {})),
                   helped_act_kinds=dict(data.get("helped_act_kinds", {})),
                   prepared_attack_modes=dict(data.get("prepared_attack_modes", {})),
                   negative_implicative_particles=dict(data.get("negative_implicative_particles", {})),
                   figurative_objects=_object_table(data, "figurative_objects"),
                   medical_modifiers={k: frozenset(v) for k, v in data.get("medical_modifiers", {}).items()},
                   stance_participles=dict(data.get("stance_participles", {})),
                   date_offset_preps={k: int(v) for k, v in data.get("date_offset_preps", {}).items()},
                   figurative_preps={verb: {prep: frozenset(objs) for prep, objs in preps.items()}
                                     for verb, preps in data.get("figurative_preps", {}).items()},
                   **{k: frozenset(data.get(k, [])) for k in (
                       "complaint_verbs", "complaint_kinds", "complaint_sectors", "allegation_verbs", "alleged_types",
                       "military_sectors", "carrier_verbs", "frame_nouns", "pact_nouns", "pact_acts", "training_verbs", "impossibility_phrases", "impossibility_copulas", "preparation_verbs", "participation_verbs", "gathering_verbs", "deployed_forces", "admitted_forces", "receiving_verbs",
                       "delivered_goods",
                       "militia_words", "territorial_acts", "hedge_aux", "possibility_nouns", "possibility_verbs",
                       "threat_condition_marks", "threat_promises", "press_queries", "court_pleas", "unilateral_instruments", "verbal_attack_verbs",
                       "political_sectors", "compound_act_heads", "press_audiences", "press_occasions", "ballot_voters",
                       "promise_words", "campaign_occasions", "election_condition_marks", "election_verbs",
                       "election_prizes", "candidate_words", "campaign_audiences", "accord_verbs", "accord_content_preps",
                       "habitual_adverbs", "habitual_types", "bare_commitment_nouns",
                       "unasserting_marks", "negative_quantifiers", "defiance_nouns", "authoring_participles", "publishing_participles", "joint_documents", "inviting_nouns", "home_organ_types", "home_organ_words", "protest_nouns", "protest_aim_preps", "leader_participles",
                       "sponsor_participles", "deliberation_verbs", "forgone_markers", "ability_words", "dispersal_verbs", "commentator_nouns", "riot_occasions", "attempt_nouns", "attempted_types",
                       "intolerance_verbs", "journey_verbs", "host_visit_verbs", "span_nouns",
                       "exercise_nouns", "gerund_control_preps", "holding_verbs",
                       "outcome_verbs", "mishap_nouns", "mishap_verbs", "base_participles", "seated_bodies",
                       "patient_of_acts", "agentive_act_nouns", "outward_types", "statement_types",
                       "statement_place_preps", "visit_nouns", "statement_linking_preps", "aimed_place_types",
                       "presence_types", "date_topic_preps", "allegiance_words", "patron_nouns",
                       "topic_talk_verbs", "generic_act_types",
                       "generic_act_preps", "category_act_nouns", "category_act_preps", "verbal_attack_modifiers", "verbal_attack_instruments", "campaign_event_nouns", "campaign_words",
                       "struggle_words", "electoral_party_sectors", "electoral_body_sectors",
                       "verbal_attacker_nouns", "verbal_attack_objects", "background_verbs", "background_preps",
                       "unplaced_stance_types", "retaliation_phrases", "specific_act_words", "kind_reference_words", "help_verbs",
                       "launch_verbs", "origin_preps", "projectile_nouns", "speaker_possessives", "showing_verbs", "object_control_verbs", "alleging_verbs", "own_place_types",
                       "placed_objects", "owned_things", "obligation_verbs", "advisory_aux", "demand_nouns",
                       "clause_complaint_verbs", "street_crowds", "helping_dispatch_verbs", "helping_dispatch_nouns",
                       "pullout_sectors", "pullout_nouns", "clause_allegation_verbs", "step_nouns",
                       "custody_nouns", "custody_preps", "custody_entry_verbs", "permission_verbs",
                       "restitution_words", "restitution_objects",
                       "patient_owner_nouns", "compound_doer_sectors",
                       "openness_adjectives", "topic_compound_nouns",
                       "poll_types", "poll_shares", "body_sectors", "tenure_end_verbs", "time_clause_marks", "background_clause_marks", "gunfire_objects",
                       "command_verbs", "closure_verbs", "outlet_words", "publishing_words", "state_body_sectors",
                       "likening_marks", "popularity_nouns", "popularity_aims",
                       "verbal_target_sectors")})


def _object_table(data: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    """verb -> the objects that make it count; a string value names a shared word list elsewhere in the file
    (one list of diplomatic ties for all the verbs that open or widen them)."""
    out: dict[str, frozenset[str]] = {}
    for verb, objects in data.get(key, {}).items():
        if isinstance(objects, str):
            if not isinstance(data.get(objects), list):
                raise ValueError(f"event grammar: {key}[{verb!r}] names {objects!r}, which is not a word list")
            objects = data[objects]
        out[verb] = frozenset(objects)
    return out


def _future_acts(table: dict[str, Any]) -> dict[str, tuple[str, str | None, str | None]]:
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for key, value in table.items():
        out[key] = (value["type"], value.get("mode"), value.get("cameo"))
    return out
