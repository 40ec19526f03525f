"""The crisis detector's contract: levels and reasons for each kind of post, the rules for
negation, the past and third person, the rule that a plan or means is never cleared, robustness
to any input, and the targets on the labelled sets. Needs no Django settings or database."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.crisis import Assessment, assess, normalise, normalise_both

DEV_SET = Path(__file__).resolve().parent / "data" / "dev.jsonl"
OWN_SET = Path(__file__).resolve().parent / "data" / "crisis_extra.jsonl"
BLIND3_SET = Path(__file__).resolve().parent / "data" / "crisis_blind3.jsonl"
LEVELS = ("none", "concern", "crisis")


# --- each kind of post ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # intent with a plan, means or timeframe
        "I'm going to end my life this weekend.",
        "planning to take every pill in the house after the kids are asleep",
        "I've got the pills lined up and I'm done.",
        "Life isn't worth living. I bought a rope this morning.",
        "I want to die. I've written letters to my kids.",
        "Im going to jump off the bridge near my work tomorrow",
        # slang, leetspeak, emoji, repeated letters, typos
        "gonna kms tn",
        "going to unalive myself, I've decided",
        "k1ll mys3lf tonight",
        "sewerslide tonight, nobody will care",
        "🔫 tonight. i'm sorry",
        "I want to diee. I'm taking allll my tablets tonight",
        # attempt in progress
        "I took 30 pills about an hour ago",
        "already swallowed the whole packet, I feel sick",
        "I cut and it won't stop bleeding",
        # goodbye messages
        "This is my last post. Tell my kids I love them.",
        "goodbye everyone, thank you for everything",
        "I won't be around tomorrow. Please don't be sad.",
        # danger from another person
        "He said he'll kill me when he gets home tonight",
        "he told me he'd stab me if I leave",
        "He choked me till I passed out last night",
        "he had his hands around my neck an hour ago",
        "My husband has a gun and he's been drinking",
        "he pointed a knife at me in the kitchen",
        "My ex is outside banging on the door right now",
        "he's broken in through the back door, I'm hiding in the bathroom",
        "He's taken the kids and says I'll never see them alive again",
        "i have the pills in my hand right now",
        "He said he'd stab me and he's waiting outside my house",
        "He put his hands around my neck and squeezed",
        "Goodbye everyone. I love you all. I'm sorry.",
        "i wanna kms fr",
        "Thinking of unaliving tonight honestly",
        "su1c1de tonight, I've decided",
        "I took an overdose",
        "My ex is kicking the door in",
        "💊💊 tonight. done.",
    ],
)
def test_imminent_risk_to_life_is_a_crisis(text: str) -> None:
    result = assess(text)
    assert result.level == "crisis", result
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "I wish I could just disappear.",
        "Honestly I wouldn't mind not waking up.",
        "The urge to self harm is back after a year.",
        "I feel hopeless, nothing ever gets better.",
        "I think he's tracking my phone.",
        "He keeps showing up at my work.",
        "I'm scared of what he'll do when he finds out I've moved.",
        "He says he'll kill himself if I leave.",
        "My sister told me she's been cutting herself.",
        "I sometimes wish I could disappear.",
        "He keeps driving past my house.",
        "He says he'll hurt himself if I don't unblock him.",
        "I feel hopeless.",
        "The urge to cut is back.",
    ],
)
def test_distress_that_is_not_imminent_is_a_concern(text: str) -> None:
    result = assess(text)
    assert result.level == "concern", result
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    [
        # idioms
        "This traffic is killing me.",
        "I could murder a pizza.",
        "I'm dying to see the film.",
        "My feet are killing me.",
        "Killed it at the interview!",
        "This heat is going to be the death of me lol",
        # stories, recovery, the past
        "Two years ago I tried to end my life, today I'm doing better.",
        "He used to choke me. I left four years ago and I'm safe now.",
        "I self-harmed as a teenager. The scars have faded.",
        "He'd always say he'd kill himself if I left. It was control.",
        # news, the library, everyday life
        "A woman in our town was killed by her ex, it was on the news.",
        "The library article says strangulation is a red flag for homicide.",
        "The chapter on trauma bonds explained why I kept going back.",
        "Tonight I'm going to watch a film with my kids.",
        "Goodbye 2024, you were hard but I made it.",
        "Bought a new knife set for my own kitchen!",
        "",
        "   \n\t ",
        "Killer workout today.",
        "My phone is dying.",
        "I attempted suicide at 19 and I'm now 35 and doing well.",
        "He used to threaten to kill me. I left four years ago and I'm safe now.",
        "The article on intermittent reinforcement explained my marriage.",
    ],
)
def test_stories_idioms_news_and_recovery_are_not_flagged(text: str) -> None:
    assert assess(text).level == "none", assess(text)


# --- lower priority: negation, the past, third person ------------------------------------------


def test_negated_intent_is_not_a_crisis() -> None:
    assert assess("I'm not going to kill myself.").level == "none"
    assert assess("I would never end my life, my kids need me.").level == "none"
    assert assess("I'm going to kill myself tonight.").level == "crisis"


def test_the_distant_past_lowers_intent_and_danger() -> None:
    assert assess("Back then I wanted to kill myself.").level == "none"
    assert assess("When I was 16 I overdosed. I'm 30 now and a nurse.").level == "none"
    assert assess("He once said he'd put me in the ground. I got an order.").level == "none"


def test_a_recent_attempt_without_recovery_is_still_a_concern() -> None:
    assert assess("I tried to kill myself last month.").level == "concern"


def test_someone_else_at_risk_is_a_concern_not_a_crisis() -> None:
    assert assess("My friend told me she wants to kill herself.").level == "concern"
    assert assess("My son said he's going to jump off the bridge.").level == "concern"


def test_a_passive_wish_with_safety_stated_is_a_concern() -> None:
    assert assess("I don't really want to be alive right now, but I'm safe.").level == "concern"


# --- never cleared --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm not okay, I have the pills and I'm taking them tonight",
        "I'm not going to do anything stupid, but I've been saving my pills.",
        "Not suicidal or anything. The rope is already up in the garage.",
        "I used to self-harm. Tonight I've got the blades out and I'm ready.",
    ],
)
def test_an_explicit_plan_or_means_with_a_timeframe_is_never_cleared(text: str) -> None:
    assert assess(text).level == "crisis", assess(text)


def test_a_buried_crisis_sentence_in_a_long_post_is_found() -> None:
    before = "We moved last spring and the kids like their new school. " * 200
    after = " The weather has been lovely and I started a pottery class." * 200
    text = before + "Honestly I have the pills counted out and tonight is the night." + after
    assert assess(text).level == "crisis"


# --- reasons --------------------------------------------------------------------------------------


def test_reasons_name_the_combination_first() -> None:
    assert assess("I'm going to end my life tonight").reasons[0] == "intent + timeframe"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("he said he'll kill me", "threat to kill"),
        ("he strangled me this morning", "strangulation"),
        ("This is my last post. Goodbye everyone.", "goodbye message"),
        ("He keeps driving past my house", "stalking or monitoring"),
    ],
)
def test_reasons_say_what_was_found(text: str, reason: str) -> None:
    assert reason in assess(text).reasons


def test_flagged_posts_have_reasons_and_unflagged_posts_have_none() -> None:
    for text in ("gonna kms tonight", "I feel hopeless", "What's everyone reading?"):
        result = assess(text)
        assert bool(result.reasons) == (result.level != "none"), (text, result)


def test_an_assessment_is_immutable() -> None:
    result = assess("i want to die")
    with pytest.raises(AttributeError):
        result.level = "none"


# --- normalisation --------------------------------------------------------------------------------


def test_normalisation_undoes_slang_leetspeak_accents_emoji_and_long_letters() -> None:
    assert "kill myself" in normalise("KMS")
    assert "kill myself" in normalise("unalive")
    assert "suicide" in normalise("sewerslide")
    assert "suicide" in normalise("su1c1de")
    assert "kill" in normalise("k1lllll")
    assert normalise("sooooo") == "so"
    assert "pills" in normalise("💊")
    assert "rope" in normalise("🪢")
    assert normalise("Ｔｏｎｉｇｈｔ") == "tonight"
    assert normalise("naïve café") == "naive cafe"


def test_normalisation_keeps_numbers_and_times() -> None:
    assert "10 pills" in normalise("10 pills")
    assert "3am" in normalise("3am")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aeiklmnostz0134 .'😭🔪\u00e9\u200b\r\n", max_size=80) | st.text(max_size=80)
)
def test_both_normalisations_at_once_equal_each_one_alone(text: str) -> None:
    assert normalise_both(text) == (normalise(text), normalise(text, squeeze=False))


# --- robustness -----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_any_text_gets_a_valid_level_and_never_raises(text: str) -> None:
    result = assess(text)
    assert isinstance(result, Assessment)
    assert result.level in LEVELS
    assert all(isinstance(reason, str) and reason for reason in result.reasons)


# fmt: off
RISK_WORDS = (
    "he", "i", "kill", "me", "myself", "not", "tonight", "pills", "knife", "door", "going to",
    "used to", "'", '"', ".", ",", "\n", "💊", "k1ll", "\x00", "\u200b",
)
# fmt: on


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(RISK_WORDS), max_size=300).map(" ".join))
def test_word_salad_of_risk_words_never_raises(text: str) -> None:
    assert assess(text).level in LEVELS


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,
        "he " * 33_000,
        "\x00\x01\x1f\x7f" * 25_000,
        "💊🔪🪦⚰️🔫🩸🪢" * 2_000,
        "\ud800 lone surrogate",
        "ｋｉｌｌ ｍｙｓｅｌｆ",
    ],
    ids=["letters", "pronouns", "control", "emoji", "surrogate", "fullwidth"],
)
def test_huge_and_odd_input_is_assessed(text: str) -> None:
    assert assess(text).level in LEVELS


# --- classes of expression added after crisis_blind3 (a positive beside a hard negative) --------


def test_being_at_a_high_place_now_with_a_farewell_or_a_plan_is_a_crisis() -> None:
    assert assess("mate i'm on the bridge. ta for listening, you were all decent to me").level == (
        "crisis"
    )
    assert (
        assess(
            "I'm parked up on the top floor of the multi-storey, deciding whether to go over "
            "the edge"
        ).level
        == "crisis"
    )
    assert (
        assess("sat on the 9th floor balcony of the hotel. tonight's the night").level == "crisis"
    )


def test_a_high_place_in_everyday_life_is_not_flagged() -> None:
    assert assess("we're at the top of the car park because the lower levels were full").level == (
        "none"
    )
    assert assess("I'm on the bridge of the ship for my first shift, so proud").level == "none"
    assert assess("sitting by the river with a coffee, first sunny day in ages").level == "none"


def test_a_cue_that_begins_with_i_am_is_the_posters_even_after_someone_is_named() -> None:
    text = "can someone stay with me, i'm standing by the train tracks and the next one comes soon"
    assert assess(text).level == "crisis"


def test_a_place_remembered_from_the_past_does_not_lower_being_there_now() -> None:
    text = "I'm at the cliffs where we used to go on holiday. One last chat before I step off."
    assert assess(text).level == "crisis"


def test_handing_over_pets_with_a_farewell_is_a_crisis() -> None:
    text = "giving my cat to my sister tomorrow. thanks for everything you lot have done for me x"
    assert assess(text).level == "crisis"
    assert assess(
        "My sister is having the dog from tomorrow. You were all so kind to me"
    ).level == ("crisis")


def test_handing_over_pets_for_a_refuge_with_an_everyday_sign_off_is_not_flagged() -> None:
    text = (
        "The refuge doesn't take pets so my dog is going to my mum's until I get a flat. "
        "Thanks for listening"
    )
    assert assess(text).level == "none"
    assert (
        assess("giving my old clothes to the charity shop tomorrow, decluttering!").level == "none"
    )


def test_a_death_threat_relayed_as_a_quote_is_a_crisis() -> None:
    assert assess("my ex just texted 'you and the baby won't see christmas'").level == "crisis"
    assert assess("he said 'your days are numbered' and hung up").level == "crisis"
    assert assess(
        "my ex said the kids won't see their next birthday if I go to the police"
    ).level == ("crisis")


def test_not_seeing_christmas_as_a_plain_fact_is_not_a_threat() -> None:
    assert assess("my ex won't see christmas with the kids this year, the court said no").level == (
        "none"
    )
    assert assess("you won't see christmas decorations in my house this year lol").level == "none"


def test_a_murder_suicide_threat_with_a_child_in_the_car_is_a_crisis() -> None:
    text = (
        "my 4yo is in the car with him, he's been drinking and says he'll end it for both of them"
    )
    assert "a child in danger now" in assess(text).reasons


def test_a_child_with_the_abuser_now_drunk_or_violent_is_a_crisis() -> None:
    assert assess("he's drunk and just drove off with my daughter in the back").level == "crisis"
    assert assess("my stepdad has the belt out and he's going after my little sister").level == (
        "crisis"
    )
    assert assess("my partner is hitting my son right now").level == "crisis"


def test_a_child_in_an_ordinary_car_or_game_is_not_flagged() -> None:
    assert (
        assess("my son is in the car with his dad for the handover, went smoothly").level == "none"
    )
    assert assess("my daughter is beating me at chess now, she's 9 and ruthless").level == "none"


def test_being_followed_right_now_is_a_crisis() -> None:
    result = assess("someone is following me home right now, same car for the last 4 turns")
    assert result.level == "crisis"
    assert "being followed now" in result.reasons
    assert assess("there's a man behind me who has been there for 3 streets").level == "crisis"


def test_being_followed_as_a_pattern_or_online_is_not_a_crisis() -> None:
    assert assess("he's been following me home from work for weeks, I've reported it").level == (
        "concern"
    )
    assert assess("my ex is following me on instagram again, blocked him").level != "crisis"


def test_the_abuser_minutes_away_on_a_live_location_is_a_crisis() -> None:
    assert assess("his location says he's 20 min away and he's furious").level == "crisis"


def test_a_distance_is_not_the_abuser_on_his_way() -> None:
    assert assess("he lives about 20 minutes away which is why I moved further").level == "none"
    assert assess("the app says he's 10 minutes away from school, phew").level != "crisis"


def test_others_being_better_off_without_the_poster_is_a_concern() -> None:
    text = (
        "honestly it would be easier for everyone if i just disappeared. they'd all be better off"
    )
    assert assess(text).level == "concern"
    assert assess("my family would be better off without the stress of me").level == "concern"
    assert assess("i'd be fine if a bus took me out").level == "concern"


def test_others_being_better_off_after_leaving_him_is_not_flagged() -> None:
    assert assess("the kids are so much happier now we've left, best decision ever").level == "none"
    assert assess("they'd be better off with a proper cot, any recommendations?").level == "none"


def test_waiting_to_die_is_a_concern() -> None:
    assert assess("does anyone else feel like they're just waiting to die?").level == "concern"
    assert assess("honestly just counting down the days until it's over").level == "concern"


def test_waiting_for_the_end_of_something_ordinary_is_not_flagged() -> None:
    assert assess(
        "waiting for the end of the court case is agony, my solicitor says soon"
    ).level == ("none")


def test_dark_places_are_a_concern() -> None:
    assert assess("my head keeps going to dark places. not in danger").level == "concern"
    assert (
        assess("the thoughts are getting darker and I'm scared of my own head").level == "concern"
    )


def test_a_documentary_going_to_dark_places_is_not_flagged() -> None:
    text = "the documentary went to some dark places, hard watch but worth it"
    assert assess(text).level == "none"


def test_the_anniversary_of_an_attempt_is_a_concern_even_though_the_attempt_is_past() -> None:
    text = "I tried to end it two years ago and the anniversary is coming up. I'm scared."
    assert "anniversary of a suicide attempt" in assess(text).reasons


def test_an_anniversary_in_recovery_is_not_flagged() -> None:
    text = "Five years since my suicide attempt today. I'm proud of who I've become."
    assert assess(text).level == "none"
    assert assess("our wedding anniversary would have been today. glad I'm out.").level == "none"


def test_the_abuser_knowing_a_new_address_is_a_concern() -> None:
    assert assess("he knows which street I'm living on now").level == "concern"
    assert assess("my ex posted a photo of my new front door on his story").level == "concern"
    assert assess("my ex sent me a picture of my car outside my new flat").level == "concern"


def test_the_poster_sharing_their_own_new_door_or_school_is_not_flagged() -> None:
    assert assess(
        "posted a photo of my new front door on here, thanks for the comments!"
    ).level == ("none")
    assert assess("I found out which school has places for my son, so relieved").level == "none"


def test_joining_someone_who_has_died_with_a_farewell_is_a_crisis() -> None:
    text = "I'm going to be with my nan soon. none of this is your fault"
    assert assess(text).level == "crisis"


def test_seeing_a_living_relative_soon_is_not_flagged() -> None:
    assert assess("I'm going to see my mum again soon, flying out to Spain!").level == "none"
    assert assess("I'll be with my mum soon, she's picking me up").level == "none"


def test_an_urge_to_hurt_oneself_is_a_concern_but_a_decision_is_a_crisis() -> None:
    assert assess("want to hurt myself so bad rn but i'm sitting on my hands").level == "concern"
    assert assess("I'm going to hurt myself tonight").level == "crisis"


def test_indifference_to_ones_own_survival_is_a_concern() -> None:
    assert assess("I just don't care what happens to me anymore").level == "concern"
    assert (
        assess("I don't care what happens to the house, I want to be free of him").level == "none"
    )


def test_having_had_enough_of_him_with_thanks_for_listening_is_not_a_crisis() -> None:
    assert assess("I've had enough of his games. Thank you for listening").level == "none"
    assert assess("I've had enough. The pills are on the table. Goodbye").level == "crisis"


def test_a_thought_of_not_turning_the_wheel_is_a_concern() -> None:
    text = "driving on the motorway I think about how easy it would be to just not turn the wheel"
    assert assess(text).level == "concern"


# --- classes of expression added after crisis_extra2 (positives in fresh words, hard negatives) ---


def _rules(text: str) -> str:
    """The rules' own level, without the statistical model."""
    from moderation import crisis

    normalised = normalise(text)
    return crisis._decide(crisis._scan(normalised)).level if normalised else "none"


def _stays_quiet(text: str) -> None:
    """A hard negative: the rules find nothing, and the model may raise it to a concern at most."""
    assert _rules(text) == "none", assess(text)
    assert assess(text).level != "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "i don't think i'll wake up from what i've taken tonight",
        "I'm downing the tablets one by one while I write this",
        "mixing my diazepam with gin, don't care any more",
        "swallowed 30 of my co-codamol about an hour ago",
        "injected all my insulin. On purpose. Feeling faint.",
        "i've just taken everything in my nan's medicine box",
    ],
)
def test_an_overdose_told_indirectly_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm taking things one at a time, like my counsellor said",
        "my GP switched me to sertraline last month and it's helping",
        "my friend took all her old pills to the pharmacy for disposal",
        "swallowed my pride and called my sister",
    ],
)
def test_medicines_in_everyday_life_are_not_an_overdose(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "been putting aside my mirtazapine for two months, there's enough now",
        "hid my dad's painkillers in my wardrobe for weeks. tonight's the night",
        "bought paracetamol from four different shops today so nobody would notice",
        "the belt is tied to the loft hatch, sorry",
        "scarf knotted round the banister, it's time",
        "the blades are out and I can't stop thinking about it",
    ],
)
def test_means_hoarded_tied_or_laid_out_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hid the Christmas presents in my wardrobe for weeks, the kids never found them",
        "went to three different shops to find the right nappies",
        "My GP put my citalopram up to 40mg, any side effects I should know about?",
        "the tablets are out of stock at the chemist again",
        "I'm taking my mum's tablets to the pharmacy for her",
    ],
)
def test_medicines_and_cords_in_everyday_life_are_not_means_at_hand(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm at the canal lock and I'm going in",
        "standing on the wall at the top of the car park, so quiet up here",
        "I've climbed over the barrier on the footbridge",
        "i know the spot by the quarry edge. going first thing tomorrow",
        "everyone's better off. putting the car off the harbour wall tonight",
        "I'm on the roof of the flats, just me and the seagulls up here",
    ],
)
def test_being_at_water_or_a_height_now_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "We sat on the harbour wall eating fish and chips",
        "I'm at the reservoir with my running club, 10k done",
        "we climbed over the fence to get into the festival lol",
        "at the top of the tower on our city trip, just me and the pigeons up here",
        "Took my daughter to the canal to feed the ducks, she loved it",
    ],
)
def test_water_and_heights_in_everyday_life_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "wrote to all my friends, the emails are scheduled to send at 6am",
        "sorted my funeral playlist and left my savings to my nephew. won't be here after tonight",
        "Sorry for everything. Feed Milo for me x",
        "I'm not going to be around after this weekend. sorted who gets the dog",
        "my will is written and the letters are done. it's happening tomorrow",
        "gave my niece my grandad's watch and said my goodbyes. it feels peaceful",
        "checking out tonight. love you all",
    ],
)
def test_last_messages_and_affairs_settled_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "wrote my will with a solicitor today, feels very grown up",
        "I set a date for the house move!",
        "letters done for the housing application, fingers crossed",
        "Sorry for the long post. Thanks for listening",
        "Bye guys x",
        "it's happening this weekend, my first 5k!!",
        "thanks for everything, you've all been amazing. I got the keys to my own place",
    ],
)
def test_wills_dates_and_sign_offs_in_everyday_life_are_not_a_crisis(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "I know exactly how and when now. Made my peace with it.",
        "I'm not scared any more. the rope is in the boot",
        "I've decided Saturday. The kids will be at their dad's.",
        "I'm going to do something stupid tonight, you've all been lovely",
        "keep a blade in my pocket and i'm going to use it properly tonight",
    ],
)
def test_a_calm_decision_beside_a_plan_or_means_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm not scared anymore. I walk home on my own now and I'm safe.",
        "I've made my peace with the divorce, moving on",
        "I'll be gone by the morning for my early shift, see you all later",
        "going to do something silly tonight and dye my hair pink",
    ],
)
def test_calm_and_plans_in_everyday_life_are_not_a_crisis(text: str) -> None:
    _stays_quiet(text)


def test_self_harm_going_on_with_signs_of_harm_is_a_crisis() -> None:
    assert _rules("I've been cutting for ages and I can't feel my hand") == "crisis"
    assert _rules("just home from hospital after my knee op, feeling floaty") == "none"


def test_someone_elses_overdose_or_goodbye_happening_now_is_a_crisis() -> None:
    text = "my sister just messaged saying she's taken all her pills, she's not answering"
    assert _rules(text) == "crisis"
    assert _rules("my mate just sent me a goodbye voice message from the bridge") == "crisis"
    # an intention, or an everyday outing, stays a concern or nothing
    assert assess("My son said he's going to jump off the bridge.").level == "concern"
    text = "my friend has taken all the kids to the park, not answering her phone as usual"
    assert assess(text).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "my ex is sitting outside the refuge in his car right now",
        "he's parked across the road from my mum's and keeps flashing his lights",
        "he's at the front desk of the hotel asking which room I'm in",
        "he's just pulled up outside my sister's",
        "his brother's van is parked outside and they're both in it",
        "my ex rang: 'I'm outside your work, come down'",
        "found a tracker in my bag and he's texted 'nice cafe'. I'm still here",
        "he's outside the flat where I'm hiding, I can see his car",
        "he's sending me photos of my bedroom window from outside, I'm home alone",
    ],
)
def test_the_abuser_here_now_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's at the door with the kids for the handover, all calm",
        "he's waiting outside school to pick up our daughter as agreed",
        "she's sitting in the car park waiting for her driving lesson",
        "my mate's van is parked outside to help me move tomorrow!",
        "Back in 2018 he'd sit outside my flat in his car for hours. He's in prison now.",
    ],
)
def test_an_agreed_meeting_or_a_past_pattern_is_not_the_abuser_here_now(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "he says he'll run us off the road if I take the kids to my mum's",
        "he told me he'd shoot the cat and then me if I called anyone",
        "my ex texted that if I turn up to court I'm dead",
        "he told my son mummy won't be here for his birthday",
        "he's been digging a hole in the back garden and told me it's my grave",
        "he told the baby 'say bye to mummy' and laughed",
        "he said he'll run me over at the school gates at 3",
    ],
)
def test_a_threat_to_kill_in_new_words_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "if I eat another chocolate I'm dead",
        "my ex used to say he'd run me over. That was 2015. I'm free now",
        "In court the barrister read out the texts where he threatened to kill me. He got 4 years.",
        "At the hearing the judge read out his threat. I'm glad it's over.",
    ],
)
def test_a_threat_told_in_court_the_past_or_as_an_idiom_is_not_a_crisis(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "he tied the phone cable round my neck and yanked it",
        "he pulled my scarf tight round my neck",
        "he had me against the door by my neck and I couldn't breathe",
        "he waved a knife at me over facetime",
        "he has a crowbar and he's trying the back door",
        "he's splashing petrol on the stairs",
        "he's taken the carving knife up to bed with him",
    ],
)
def test_strangulation_weapons_and_fire_in_new_words_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "he put a scarf round my neck because I was cold, so sweet",
        "he cut the cake with the big kitchen knife",
        "he bought petrol for the car on the way home",
        "Years ago he wrapped a cable round my neck. I'm 5 years out and safe now.",
    ],
)
def test_everyday_knives_scarves_and_petrol_are_not_weapons(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's choking my sister right now",
        "my son texted 'dad's punching me' and I'm an hour away",
        "he dragged me into the van and he's driving somewhere",
        "typing this under the duvet, he's downstairs",
        "I can't talk, he'll hear me",
        "I'm hiding in the loft and he's looking for me",
        "he shook the baby and now she's floppy",
        "the baby is screaming and he's shaking her",
        "he's holding my son over the balcony",
        "he took my daughter this morning and won't tell me where she is",
    ],
)
def test_violence_happening_now_to_anyone_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "the kids are kicking each other under the table again",
        "my son is punching the air, he passed his exam",
        "he hit the ball so hard and now the window won't shut lol",
        "my ex has the kids this weekend, not looking forward to the quiet",
        "he used to hit me whenever he'd been drinking. I left in 2019.",
    ],
)
def test_play_custody_weekends_and_past_violence_are_not_a_crisis(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "some nights I want to fall asleep and never wake up",
        "my kids would be better off with someone else",
        "I wish he'd just finished me off that night",
        "the idea of dying feels weirdly comforting",
        "I don't see a future any more, just going through the motions",
        "I don't know how to keep going with all this",
        "I feel completely alone. I have no one left.",
        "the walls are closing in",
        "panic attacks every time I hear a motorbike",
        "barely sleeping since he got bail",
        "drinking a bottle of vodka every night",
        "my mum found my cuts",
        "bingeing and purging again",
        "home from A&E yesterday after what I did",
    ],
)
def test_passive_wishes_hopelessness_distress_and_self_harm_in_new_words_are_a_concern(
    text: str,
) -> None:
    assert _rules(text) == "concern", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "the kids would be better off with a new bike each, any recommendations?",
        "panic attacks used to rule my life. Now I'm two years free.",
        "I'm having a hard time choosing between the two flats",
        "back from A&E after the kids' fall, all fine, just a sprain",
        "I feel alone in the best way, finally my own space",
    ],
)
def test_the_same_words_in_everyday_life_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "found a hidden camera in the smoke alarm",
        "he keeps logging into my email even after I changed the password",
        "cards left under my wipers every morning, I know it's him",
        "he's been ringing my work pretending to be my brother",
        "someone's been in my house, things have moved",
        "he's been following my car every evening",
        "he keeps sending me poems about death",
        "he says he'll slit his wrists if I don't come back",
        "he texted 'if you don't answer i'll kill myself' again",
        "my 14 year old has been self harming",
        "my best mate tried to take her own life in the summer",
        "worried about my friend, she's gone quiet and won't answer my texts",
    ],
)
def test_monitoring_manipulation_and_others_at_risk_in_new_words_are_a_concern(text: str) -> None:
    assert _rules(text) == "concern", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "got a voice recorder for my uni lectures",
        "watching the football with my brother",
        "my 15 year old is cutting her own hair now, send help",
        "If a friend tells you they're thinking of suicide, listen and don't judge.",
        "my mum's been in my flat helping me paint",
    ],
)
def test_devices_games_haircuts_and_advice_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


def test_help_being_sought_or_no_plan_keeps_thoughts_a_concern() -> None:
    assert _rules("the unalive thoughts are back but I'm seeing my therapist tomorrow") == (
        "concern"
    )
    assert _rules("had thoughts about ending it again this week, no plan") == "concern"
    assert _rules("if I got run over tomorrow I wouldn't really care") == "concern"
    assert _rules("the suicidal thoughts are back and tonight I'm scared of them") == "crisis"


def test_a_person_named_as_an_object_does_not_make_the_poster_someone_else() -> None:
    text = "gave my brother my guitar, said my goodbyes. feels peaceful"
    assert _rules(text) == "crisis"
    # a pronoun is still the subject: this is his threat, a concern
    assert assess("He says if I leave he'll jump off a bridge and it'll be on me.").level == (
        "concern"
    )


def test_normalisation_spells_out_tonights_its_and_unalive_thoughts() -> None:
    assert normalise("tonights the night") == "tonight's the night"
    assert normalise("its happening") == "it's happening"
    assert normalise("its tail was wagging") == "its tail was wagging"
    assert normalise("unalive thoughts") == "suicidal thoughts"


# --- targets on the labelled sets ---------------------------------------------------------------


def _rates(path: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    got: dict[str, list[str]] = {level: [] for level in LEVELS}
    for row in rows:
        got[row["label"]].append(assess(row["text"]).level)

    def share(label: str, levels: tuple[str, ...]) -> float:
        return sum(level in levels for level in got[label]) / len(got[label])

    return {
        "crisis -> crisis": share("crisis", ("crisis",)),
        "crisis flagged": share("crisis", ("crisis", "concern")),
        "concern flagged": share("concern", ("crisis", "concern")),
        "none flagged": share("none", ("crisis", "concern")),
        "none -> crisis": share("none", ("crisis",)),
    }


def _assert_targets(rates: dict[str, float]) -> None:
    assert rates["crisis -> crisis"] >= 0.90, rates
    assert rates["crisis flagged"] >= 0.97, rates
    assert rates["concern flagged"] >= 0.80, rates
    assert rates["none flagged"] <= 0.10, rates
    assert rates["none -> crisis"] <= 0.03, rates


@pytest.mark.parametrize(
    "path", [DEV_SET, OWN_SET, BLIND3_SET], ids=["shared-dev-set", "own-set", "crisis-blind3"]
)
def test_the_detector_meets_its_targets_on_the_labelled_sets(path: Path) -> None:
    _assert_targets(_rates(path))


def test_a_small_count_of_pills_does_not_hide_taking_all_of_them_later() -> None:
    assert assess("i took 2 then took all of the pills").level == "crisis"
    assert assess("i took 2 paracetamol for a headache").level == "none"


def test_an_acute_accent_used_as_an_apostrophe_reads_as_one() -> None:
    assert assess("I don´t want to live").level == assess("I don't want to live").level
    assert assess("I don´t want to live").level != "none"


def test_the_detector_reads_every_allowed_post_whole_and_bounds_anything_longer() -> None:
    from groups.models import BODY_MAX
    from moderation.crisis import MAX_CHARS

    assert MAX_CHARS >= 2 * BODY_MAX  # a post never reaches the cap
    filler = "We talked about the holidays. " * (MAX_CHARS // 30 + 10)
    assert assess(filler + "I have the rope and I'm doing it tonight.").level == "none"


# --- word classes added after crisis_extra3 ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "necked the lot about half an hour ago, sorry",
        "i've swallowed the whole box of my nytol. can't think straight",
        "taken two boxes of paracetamol tonight",
        "had a cup of bleach. it burns",
        "overdosed about an hour ago and nobody knows",
        "taken enough to be sure this time",
        "I'm sorry. the tablets are kicking in and I feel so heavy",
        "i jumped off the bridge but landed in the shallows, i'll go again higher",
        "I just jumped from my bedroom window and I'm lying in the garden",
    ],
)
def test_an_overdose_or_jump_just_done_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "took the whole box of chocolates to work and they vanished by lunch",
        "drank a whole bottle of water after the run",
        "my antidepressants are finally kicking in, I feel more like me",
        "had two boxes of cereal in the cupboard so the kids are sorted",
        "the cleaner drank my coffee by mistake lol",
        "I'm going to try again at college next year",
        "jumped out of the window to get away from him years ago, broke my ankle",
    ],
)
def test_whole_boxes_and_trying_again_in_everyday_life_are_not_an_overdose(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "the razor is pressed against my wrist as i type",
        "i've got the pills in one hand, can't decide",
        "tied the cord to the loft hatch. done",
        "i have 45 of my sertraline and nobody is home till sunday",
        "got every tablet in the flat and the place to myself tonight",
        "i've got the tubing and the car is in the garage",
        "turned the gas on and shut the kitchen door, lying down now",
    ],
)
def test_means_against_the_body_or_alone_with_them_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "the knife is on the chopping board next to the onions",
        "the pharmacy gave me 28 tablets for the month",
        "home alone tonight with a takeaway, bliss",
        "left the gas on under the pasta and it boiled over",
        "got a new hosepipe for the garden",
    ],
)
def test_knives_prescriptions_and_empty_houses_in_everyday_life_are_quiet(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "on my way to the viaduct. i'm done",
        "pier after the kids are in bed. can't keep going",
        "jumping in front of the train at 7. nobody cares",
        "it's time, driving into the crash barrier on the bypass",
        "i'll crash the car on the bypass, nobody will know it wasn't an accident",
        "im saying goodbye now, love you all, sorry",
        "the letters are in my desk where they'll find them. night",
    ],
)
def test_a_place_time_or_goodbye_in_new_words_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "Going to the police station at 4 to report him",
        "heading to the pier tomorrow with the kids for ice cream",
        "on my way to the station, train at 9 to see my sister",
        "this is my goodbye to him: I'm done being scared",
        "wrote a goodbye letter to my old life in therapy today",
        "the bus station at 7 is the only one that gets me to work",
    ],
)
def test_everyday_trips_and_goodbyes_to_the_past_are_not_a_crisis(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "my ex messaged 'ur dead when i catch you' and he's parked outside",
        "he said he'll put a bullet through my head if i testify",
        "he sent me a picture of a machete with my address on it",
        "he's coming round with his brother to teach me a lesson",
        "he's broken into the house, i can hear him in the kitchen now",
        "someone's climbing in through the bathroom window, it's him",
        "he's got my daughter by the neck right now",
        "he has just thrown my son against the wardrobe",
        "he's locked the door and i can smell gas",
        "he's threatening to drive off the pier with the kids",
        "him a go kill mi tonight",
        "my son just texted 'bye forever mum' and he's not picking up",
        "he's got his hands round my little brother's throat right now",
        "my bf just sent me a vid of him loading his gun saying see u later",
    ],
)
def test_danger_from_someone_else_in_new_words_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "my sister said 'you're dead to me' after the wedding",
        "mum said I'm dead if I'm late for tea again lol",
        "he sent me a picture of the kids at the zoo",
        "my mate's coming round later to fix the boiler",
        "someone broke into my car last year and took the radio",
        "my son threw his shoe across the room in a tantrum",
        "he grabbed me by the throat years ago, he's in prison now",
        "i got locked out and could smell the neighbours' bbq",
        "i wish he would just leave me alone",
    ],
)
def test_sharp_words_and_past_violence_are_not_danger_now(text: str) -> None:
    _stays_quiet(text)


def test_a_wish_to_be_killed_is_a_passive_wish_not_a_threat() -> None:
    got = assess("honestly i hope someone just kills me so it's over")
    assert got.level == "concern", got
    assert _rules("sometimes i wish she'd just kill me and be done with it") == "concern"


@pytest.mark.parametrize(
    "text",
    [
        "wouldn't care if i never woke up to be honest",
        "nobody would notice if i was gone for good",
        "it's like i'm drowning every single day",
        "reopened my cuts last night",
        "trying so hard not to cut tonight",
        "scratched my arms until they bled",
        "i don't trust myself with my tablets at the moment",
        "been googling how to overdose",
        "he's been texting my colleagues asking about me",
        "he keeps checking my phone and my bank",
        "my ex is asking around where we live now",
        "he keeps asking my friends where i'm living now",
        "his cousin drove past my flat four times this evening",
        "he made fake accounts to watch my daughter's posts",
        "he says he'll make me pay for the court case",
        "he told me he'll hang himself if i don't answer",
        "my housemate keeps saying she doesn't want to live",
        "she's been talking about ending her life since the break-up",
    ],
)
def test_wishes_urges_and_monitoring_in_new_words_are_a_concern(text: str) -> None:
    assert _rules(text) == "concern", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "drowning in paperwork this week",
        "I'm clean from self harm for two years now",
        "my mum drove past my house to drop off soup",
        "my friend keeps joking she'll kill herself if the printer jams again",
        "my therapist asked if I had suicidal thoughts and I said no",
        "had a panic attack yesterday but got through it",
        "I'm not doing too badly, thanks for asking",
    ],
)
def test_work_jokes_and_answers_of_no_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


def test_thoughts_and_voices_about_a_method_stay_a_concern() -> None:
    assert _rules("the voices keep telling me to jump off the bridge") == "concern"
    assert _rules("I keep thinking about stepping in front of a train, I won't") == "concern"
    assert _rules("it's two years since i tried to end it and this week is hard") == "concern"


# --- word classes added after crisis_extra4 ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "signing off for good now. look after yourselves",
        "nobody will need to worry about me after this weekend",
        "i won't be a burden to anyone much longer",
        "i won't be here for easter so happy easter everyone",
        "wont make it through the night, i know that now",
        "next month i won't exist and that's ok",
        "it's all sorted for when my sister finds me",
        "to my dad, if you're reading this, i'm so sorry",
        "i asked for one thing and i've made sure i won't",
    ],
)
def test_a_quiet_exit_is_a_goodbye(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "logging off for the night, speak tomorrow",
        "won't be here for easter, we're going to my in-laws",
        "won't be around for my birthday because i'm working a double shift",
        "you won't need to check on me tonight, my sister is staying over",
    ],
)
def test_leaving_for_a_night_or_a_trip_is_not_a_goodbye(text: str) -> None:
    # the rules only: the model raises "won't need to check on me tonight" to a crisis (it has
    # learned the goodbye wording, not the reason after it)
    assert _rules(text) == "none", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "wrote the letter to my son and put my papers where my brother will find them. it's time",
        "gave away all my clothes this week. it all feels so clear now",
        "rehomed my cat today. she needs someone who'll actually be around",
        "left all my passwords in the drawer for my sister. she'll need them after",
    ],
)
def test_affairs_put_in_order_with_a_time_or_a_last_word_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "changed all my passwords after leaving him, feels amazing",
        "putting my affairs in order after the separation, the bank accounts are mine now",
        "we had to rehome our dog when we moved, he's happy on a farm",
    ],
)
def test_practical_affairs_after_leaving_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "on the viaduct now",
        "by the railway line. 5 mins till the next one",
        "roof of the multi storey. not coming down",
        "at the canal. its so peaceful",
        "heading to the pier after i post this",
        "stool's here. got everything i need.",
        "noose is up and the pills are counted out",
    ],
)
def test_a_place_or_means_in_few_words_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "on the bridge by the park there's a lovely cafe",
        "parked on the roof of the car park because it was the only space",
        "this time last year i was standing on a bridge, now i'm at my son's play",
        "the stool's here so the kids can reach the sink",
    ],
)
def test_everyday_places_and_things_are_not_a_crisis(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "swallowed the lot about half an hour ago",
        "took an overdose, nobody knows",
        "took a load of pills, my head is spinning",
        "i'm feeling so drowsy now after the pills",
        "sick twice but kept most of them down",
        "engine's on in the garage with the door down",
        "the towels are soaked through and i'm getting dizzy",
    ],
)
def test_an_overdose_told_by_time_or_effect_is_an_attempt(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "took my meds an hour ago and feeling sleepy, is that normal on a new dose?",
        "the room is spinning after that ride at the fair",
        "took an overdose years ago, now i volunteer at a crisis line",
    ],
)
def test_medicine_side_effects_and_old_overdoses_are_not_an_attempt(text: str) -> None:
    assert _rules(text) != "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "my best friend messaged me goodbye and her phone is off now, she's not answering",
        "my son sent me a photo of his pills and now he won't pick up. he's not answering",
        "my girlfriend says she's at the cliffs right now",
        "she left a note and her car is parked by the reservoir",
        "my brother's taken pills, what do i do",
        "my aunt is not breathing properly and there are empty packets next to her",
    ],
)
def test_someone_else_out_of_reach_after_a_goodbye_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "my mum isn't answering her phone, she's probably at bingo",
        "my friend left a note on my car saying happy birthday",
        "she's at the beach right now with the kids",
    ],
)
def test_someone_else_busy_or_away_is_not_a_crisis(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's just come over the back wall",
        "im hiding in the bathroom with my daughter",
        "he said next time he won't stop squeezing",
        "my son rang me to say his dad is hitting him",
    ],
)
def test_danger_from_the_abuser_told_plainly_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "the kids are hiding in the garden playing hide and seek",
        "my mum rang to say dad hurt his back lifting the sofa",
    ],
)
def test_hiding_games_and_injuries_are_not_danger(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "not sure how many more days i have in me tbh",
        "i'm losing the will to carry on",
        "honestly if i died tonight i wouldn't care",
        "been banging my head against the wall again",
        "he keeps reading my texts somehow",
        "he threatened to overdose if i go to court",
        "since the hearing he's gone quiet and it scares me",
        "my flatmate keeps saying she doesn't see the point",
    ],
)
def test_hopelessness_urges_and_control_in_new_words_are_a_concern(text: str) -> None:
    assert _rules(text) == "concern", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "banging my head against the wall with this universal credit form",
        "if i died laughing at that video it would be worth it",
        "the helpline worker helped me plan my exit from the house",
    ],
)
def test_idioms_and_exit_plans_with_help_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


# --- classes of expression added after crisis_extra5 and blind5 to 9 (fresh words, hard negatives)


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed the rest of them after my shower",
        "took the entire strip of my zopiclone an hour ago",
        "the box of tablets is empty now and my legs feel heavy",
        "Bad night. Took everything.",
        "mixed the gin with all my tablets",
        "i've slit my wrist in the bath",
    ],
)
def test_an_overdose_or_cut_told_in_passing_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "swallowed the rest of my tea and ran for the bus",
        "took the whole box of chocolates into work, they loved it",
        "he took everything from me in the divorce but I'm rebuilding",
        "I've taken something for my headache, feeling better",
    ],
)
def test_swallowing_drinks_and_losing_things_are_not_overdoses(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "rang my brother and said love you for the last time",
        "checking in with you all one last time x",
        "i won't be around to read the answers to this",
        "scheduled my goodbyes for the morning",
        "i said goodbye to my nan without her knowing",
        "don't think i'll be here by morning",
        "you won't be hearing from me again after tonight",
    ],
)
def test_a_goodbye_said_in_passing_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "checking in one last time before my holiday, see you in two weeks!",
        "I saw my ex for the last time at court and I felt nothing",
        "posted my goodbye to the refuge staff, moving into my own flat",
        "I won't be here in the morning, I'm off to Spain on the early flight",
    ],
)
def test_trips_and_endings_with_a_reason_are_not_goodbyes(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "sat in my car in the garage with the engine running",
        "hose is attached. done waiting",
        "the knife is right next to me and I want to die",
        "I'm in the bath with a razor",
        "counting out my tablets",
        "tied it to the beam in the loft",
        "bought paracetamol from another shop so they wouldn't ask",
        "what's the least painful way, I mean tonight",
        "I know the exact spot on the viaduct. Friday after work.",
    ],
)
def test_means_and_places_in_few_words_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "sat in the car with the engine running to keep warm while the kids had swimming",
        "bought charcoal for the bbq on saturday",
        "we know the perfect spot by the lake for a picnic with the kids",
        "counting down the days to my holiday",
    ],
)
def test_everyday_ropes_engines_and_spots_are_not_means(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "everyone will be better off by tomorrow",
        "it will all be over by midnight, the pills are ready",
        "won't need any of it where i'm going",
        "tonight's the night. I'm sorry.",
        "i'm not going to make it to christmas. it's all planned",
    ],
)
def test_final_words_with_a_time_or_a_last_word_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tonight's the night! Meeting his parents, wish me luck",
        "exams finish friday and then it'll all be over, can't wait",
        "i'm not going to make it to christmas drinks this year, sorry guys",
    ],
)
def test_big_nights_and_exams_are_not_final_words(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's got me by the throat against the door",
        "my boyfriend say he kill me when he come home",
        "he's stood over me with the bread knife",
        "he held my head under the water in the bath",
        "he says next time he won't stop",
        "somebody is trying the back door, it's him",
        "he let himself in with his old key",
        "my ex is trying to take my son from nursery right now",
        "he's cleaning his rifle in front of me and smiling",
    ],
)
def test_danger_told_flatly_or_in_simple_english_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "he used to hold me by the throat. I'm safe now and he's in prison",
        "the night he broke the door down still comes back in my nightmares",
        "if one more person asks about the seating plan i'm going to throw myself off a bridge lol",
        "my dad is cleaning his rifle for the shooting club",
        "they were trying the front door of the museum but it was closed",
    ],
)
def test_past_danger_jokes_and_hobbies_are_not_danger(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "my friend posted a photo of her wrists and now she won't pick up",
        "my brother called me saying goodbye and his phone is off now",
        "she messaged 'goodbye' and it goes straight to voicemail",
    ],
)
def test_someone_else_unreachable_after_wrists_or_a_goodbye_call_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'd rather not exist some days",
        "I don't feel safe in my own head",
        "there's no way forward any more",
        "he's started talking about his shotgun again",
        "he called me 40 times from withheld numbers",
        "he told the kids daddy might not be around much longer",
        "googled how many of my sleeping tablets would be too many",
    ],
)
def test_passive_wishes_fear_and_control_in_new_words_are_a_concern(text: str) -> None:
    assert _rules(text) == "concern", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "wanting to disappear for a weekend to a spa",
        "googled how many of my tablets would be too many for the dog if he ate them",
        "my mum called me 3 times about Sunday lunch",
    ],
)
def test_spa_weekends_dosage_questions_and_mum_calling_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


def test_the_model_does_not_raise_an_alarm_beside_a_statement_of_safety() -> None:
    """The model read "tonight" and "check on me"; the sister staying over is the safety."""
    text = "you won't need to check on me tonight, my sister is staying over"
    assert _rules(text) == "none"
    assert assess(text).level != "crisis", assess(text)
    assert assess("I want to cut so bad tonight but I'm holding on").level == "concern"


@pytest.mark.parametrize(
    "text",
    [
        "the cat trying to get into the cereal box again lol",
        "what's the point of hoovering when the kids are home",
        "kms this printer wont print",
        "that job murdered my self esteem but I'm rebuilding it",
        "He tried to strangle me once, years back. He's in prison now",
        "He once smashed the window. Today I had new locks fitted.",
        "reading the court transcript where he held a knife to me, it helped me see it",
    ],
)
def test_pets_chores_exasperation_and_old_events_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


def test_the_point_of_living_is_still_hopelessness() -> None:
    assert _rules("what's the point of living") == "concern"


def test_someone_who_should_know_is_not_the_subject_of_the_overdose() -> None:
    """ "Just so someone knows: …" names who is told, not who took the pills."""
    assert _rules("Just so someone knows: the box of tablets is empty and I'm lying down") == (
        "crisis"
    )
    assert (
        _rules("I wanted my sister to know the tablets are in the bin now and I'm safe") == "none"
    )


@pytest.mark.parametrize(
    "text",
    [
        "my ex is trying the front door right now",
        "took my whole week of lithium",
        "whats the easiest way to go, asking for tonight",
    ],
)
def test_fresh_wordings_of_this_rounds_classes_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "took my whole month's wages to pay the deposit",
        "what's the easiest way to get to leeds from here",
        "i'd rather not exist on social media tbh",
    ],
)
def test_keys_wages_directions_and_social_media_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


def test_a_sticking_key_is_not_a_break_in_for_the_rules() -> None:
    """The rules read the key; the model beside them still raises this one (see the docs)."""
    assert _rules("he's trying the front door key, it sticks") == "none"


# --- the crisis_extra6 round: indirect wording, each class with a hard negative -----------------


@pytest.mark.parametrize(
    "text",
    [
        "had way more of my sleeping tablets than the box says, feel odd",
        "swallowed a few things to help me sleep forever, night all",
        "how long does a big dose of zopiclone take? i already took it",
        "i've just drank some weedkiller from the shed",
        "took a huge handful of my anti-psychotics and some wine",
    ],
)
def test_an_overdose_told_by_its_dose_or_purpose_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "took more ibuprofen than the box says by accident, is one extra ok?",
        "my toddler drank some of the bath water, gross but fine",
        "i swallowed the whole packet of sweets during the film",
        "looked up how much paracetamol is too much for a headache",
    ],
)
def test_a_dose_asked_about_or_food_swallowed_is_not_an_overdose(text: str) -> None:
    _stays_quiet(text)


def test_a_cut_that_will_not_stop_is_a_crisis_but_a_cut_finger_while_cooking_is_not() -> None:
    assert _rules("i cut way too deep tonight and it won't stop") == "crisis"
    assert _rules("cut my finger chopping onions, plaster on, all good") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "thanks everyone and goodbye",
        "i won't be at the meeting on friday, or ever",
        "honestly you made the end easier",
        "there's a letter on the table for whoever finds me",
        "going for a walk into the sea, the kind where you don't walk back",
        "left my passwords for my sister. that's me done.",
    ],
)
def test_thanks_and_goodbye_in_few_words_are_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "thank you and goodbye to 2026, what a year",
        "last post from me for a while, off camping",
        "see you never, toxic ex!",
        "that's me done for today, off to bed",
    ],
)
def test_goodbyes_to_a_year_an_ex_or_a_week_online_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "bought weedkiller. not for the weeds",
        "i've got enough saved now",
        "there are 60 paracetamol in my drawer",
        "been saving my old tablets in a tin for months",
        "me and the train line have a date tonight",
        "sat on the platform watching the express trains",
    ],
)
def test_means_or_a_place_in_passing_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "i stockpiled enough nappies for the whole winter",
        "i've got enough saved for a deposit on a flat!",
        "tied the rope to the swing for the kids",
        "i tied the rope to the boat and we went out",
        "me and the bridge club have a date on tuesday",
    ],
)
def test_household_stockpiles_savings_swings_and_boats_are_not_flagged(text: str) -> None:
    _stays_quiet(text)


@pytest.mark.parametrize(
    "text",
    [
        "he dug his thumbs into my neck until i couldn't breathe",
        "he texted that neither of us will see the morning",
        "he keeps screaming if he can't have her nobody can",
        "he says he's driving us both into the canal",
        "he says he's coming for me and the baby tonight",
        "he sent me a photo of a petrol can",
        "my husband went to get the shotgun from the garage",
        "woke up to a knife on my pillow",
        "my ex just rammed my car at the lights",
        "i can hear next door, she's being beaten right now",
    ],
)
def test_danger_told_flatly_is_a_crisis(text: str) -> None:
    assert _rules(text) == "crisis", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "my mum is coming for me at 6 to go shopping",
        "she's in the car park waiting for me, we're going to the cinema",
        "i'm hiding in the bathroom from my kids for five minutes of peace",
        "my partner snores so loud you want to smother him lol",
        "last night i dreamt he was choking me, he's 200 miles away",
        "he threatened to kill me more times than i can count. he died last spring",
        "i survived him choking me and today i survived parents' evening",
        "the beach keeps calling me, i miss the sea",
    ],
)
def test_lifts_hiding_from_toddlers_dreams_and_survived_violence_are_not_a_crisis(
    text: str,
) -> None:
    _stays_quiet(text)


def test_a_snapped_rope_in_recovery_is_not_about_to_try_again() -> None:
    assert _rules("I tried to hang myself in 2015. The rope snapped. I'm glad it did.") == "none"
    assert _rules("the rope snapped. i'm going to try again tonight") == "crisis"


def test_a_plan_for_tonight_spelled_out_as_self_care_is_not_a_plan() -> None:
    _stays_quiet("i have a plan for tonight: bath, face mask and an early night")
    assert _rules("i have a plan for tonight") == "crisis"
    assert _rules("i have a plan for tonight and the pills are ready") == "crisis"


def test_a_prescription_collected_is_not_means_but_tablets_held_still_are() -> None:
    assert _rules("got my sleeping tablets from the gp, one at night") == "none"
    assert _rules("i've got my sleeping tablets") == "concern"
    assert _rules("got my sleeping tablets from the chemist so nobody would ask") != "none"


def test_a_wall_of_one_repeated_phrase_is_cut_short_but_keeps_its_meaning() -> None:
    from moderation.crisis import collapse_repeats

    wall = "kill myself tonight " * 1000
    assert len(collapse_repeats(wall)) < 200
    assert assess(wall).level == "crisis"
    assert assess("he's " * 4000).level == "none"


def test_an_ordinary_long_post_is_not_changed_by_the_repeat_cut() -> None:
    from moderation.crisis import collapse_repeats

    post = " ".join(
        f"day {n}: court again, then the school run and the housing office." for n in range(60)
    )
    assert len(post) > 2000
    assert collapse_repeats(post) == post


def test_ending_things_with_a_boyfriend_tonight_is_not_a_timeframe() -> None:
    assert _rules("going to end things with my boyfriend tonight, i've had enough") != "crisis"
    assert _rules("going to end it all tonight, i've had enough") == "crisis"


def test_a_hand_got_free_while_tied_up_is_not_recovery() -> None:
    assert _rules("he tied me up in the shed. i got a hand free to text") == "crisis"
    assert _rules("he used to tie me up. i'm free now and doing well") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "My GP asked if I am suicidal. I said no, I'm not. Just tired.",
        "The doctor asked whether I had thoughts of killing myself. I told her no, not in years.",
        "Someone asked if I feel like ending it all. No. I have my kids and I'm doing better.",
        "The doctor asked if I had thoughts of suicide and I said no, not for years.",
    ],
)
def test_a_question_about_suicidal_thoughts_answered_with_a_plain_no_raises_no_alarm(
    text: str,
) -> None:
    assert assess(text).level != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        # a question about violence, not the poster's thoughts, "answered" by no denial
        "The police asked whether he had strangled me. I didn't want to say, he was right there.",
        "The nurse asked if he had ever choked me. I said no because he was sitting right there.",
        "My daughter asked me if he is going to kill us tonight. I didn't answer her.",
        "He asked if I was leaving him and he put a knife to my throat. No I'm not safe tonight.",
        "The officer asked if he has a gun in the house. No, I said, because he was listening.",
        "She asked whether he threatened to kill me. I'm not allowed to talk about it.",
        "He keeps asking if I've told anyone and says he will kill me if I do. I haven't.",
        # means, a time, or an answer that is not a plain no
        "The doctor asked if I have pills at home to overdose. I didn't tell him I do.",
        "She asked whether I'm going to kill myself tonight. I didn't say anything.",
        "The nurse asked if I wanted to kill myself tonight. I said no, I lied, I have pills.",
        # the answer in the same sentence, taken back
        "crisis team asked if i wanted to die, i said no but i'm going to kill myself this weekend",
        # an admission beside the question
        "I'm going to kill myself and when my GP asked if I was suicidal I just smiled. No.",
    ],
)
def test_a_question_not_plainly_denied_or_about_danger_stays_a_crisis(text: str) -> None:
    assert assess(text).level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "My therapist asked if I was safe from hurting myself. I'm not.",
        "The gp asked if I had thoughts of suicide. I said no. Actually I think of it daily.",
        "The nurse asked if I wanted to kill myself. I do not know anymore.",
        "my gp asked if i was suicidal and i said no, i lied, i want to end my life",
        "I want to kill myself, my GP asked me if i was suicidal and I lied. I said no.",
        "the psych asked if i'd self harmed. no, not since last night.",
        "They asked if I'd been thinking about killing myself. No. Not thinking, planning.",
    ],
)
def test_a_question_about_suicidal_thoughts_not_plainly_denied_is_still_flagged(
    text: str,
) -> None:
    assert assess(text).level != "none"


@pytest.mark.parametrize(
    "text",
    [
        "I can't promise not to hurt myself tonight.",
        "I can't promise I will be safe tonight.",
        "I can't keep myself safe tonight.",
        "Honestly I don't think I can keep myself safe anymore.",
        "I couldn't promise her I'd stay alive.",
        "I'm not able to keep myself safe anymore.",
        "I told the crisis line I couldn't keep myself safe.",
        "I can't promise my therapist I'll be safe this weekend.",
    ],
)
def test_not_being_able_to_keep_oneself_safe_is_a_crisis(text: str) -> None:
    assert assess(text).level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "I can't promise they'll be safe with him.",
        "Years ago I couldn't keep myself safe, now I can.",
        "The article says if someone can't keep themselves safe, call 999.",
        "If you can't keep yourself safe tonight, call the helpline.",
        "I can't promise I'll be on time tonight.",
        # a safety plan's steps, and how to stay safe from someone: not this cue's business
        "If I can't keep myself safe, I call my sister, step 3 of my safety plan.",
        "Step 4: If I cannot keep myself safe I will ring Samaritans.",
        "When I can't keep myself safe I text SHOUT, it really helps.",
        "I don't know how to stay safe at the contact centre handover.",
        "I can't keep myself safe online, he keeps finding my accounts.",
        "I can no longer stay safe in my own home.",
    ],
)
def test_safety_words_about_others_the_past_or_advice_raise_no_alarm(text: str) -> None:
    assert assess(text).level != "crisis"
