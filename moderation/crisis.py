"""Crisis detection: `assess(text) -> Assessment` with `.level` and `.reasons`.

Pure Python standard library, deterministic, no I/O; importable without Django. It owns the
rules that decide whether a post shows imminent risk to life (`crisis`), distress that needs a
human look soon (`concern`), or neither (`none`), and the short reasons moderators see.

How it works:
1. `normalise` the text: NFKC, case-fold, accents stripped, emoji to words (💊 → pills),
   leetspeak inside words (k1ll → kill, su1c1de → suicide; numbers such as "10 pills" are kept),
   long letter runs squeezed (sooo → so, killlll → kill), slang and contractions spelled out
   (kms → kill myself, unalive → kill myself, sewerslide → suicide, ctb, tn → tonight).
2. Find *cues* with regular expressions precompiled at import, each with a kind (intent, wish,
   means, timeframe, attempt, goodbye, threat to kill, strangulation, ...). Each cue is judged
   in its own clause: negated ("I'm not going to…"), told about the distant past ("back then",
   "years ago", "at 19"), inside quotation marks, or in a sentence that cites an article or
   book, it counts for less or not at all. A post that speaks of recovery ("doing better",
   "safe now") lowers cues about the past.
3. Combine the live cues over the whole post (`_decide`): a danger cue, an attempt in progress,
   a goodbye message or explicit intent is a crisis; a wish to die, self-harm, hopelessness or
   a final-sounding remark *with* means, a plan or a timeframe is a crisis; any of those alone,
   stalking, fear of escalation, an abuser threatening self-harm, or someone else at risk is a
   concern. Means with a timeframe, and stockpiled pills, are never cleared by negation.

Third person: the self-harm cues are written in the first person ("kill myself", "I want to
die"); the same words about someone else are a separate, concern-level cue.
"""

import re
import unicodedata
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, cast

from moderation import crisis_model, literals

Level = Literal["none", "concern", "crisis"]


@dataclass(frozen=True)
class Assessment:
    level: Level = "none"
    reasons: list[str] = field(default_factory=list)


# --- normalisation ------------------------------------------------------------------------------

_EMOJI = {
    "💊": " pills ",
    "🔪": " knife ",
    "🗡": " knife ",
    "🪦": " grave ",
    "⚰": " coffin ",
    "🔫": " gun ",
    "🩸": " blood ",
    "🪢": " rope ",
    "☠": " death ",
    "💀": " death ",
    "⛓": " chain ",
}
# Other pictographs (hearts, faces) carry no words; they become spaces so that "bye 💜" ends
# a sentence like "bye".
_PICTOGRAPH = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\ufe00-\ufe0f]")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
# A token of letters and look-alike characters; `_unleet` keeps those without both.
_LEET_TOKEN = re.compile(r"[a-z0-9@$!]+")
_LEET_CHARS = frozenset("0134579@$!")
# Numbers with units stay numbers: 10k, 3am, 20mg, 2nd, 40mins.
_NUMBER_WITH_UNIT = re.compile(
    r"\d+(?:st|nd|rd|th|am|pm|k|km|mg|ml|g|kg|x|s|yo|y|yrs?|h|hrs?|mins?|m|mo|wks?|d|lbs?|ish)?"
)
_WORD = re.compile(r"[a-z]+")
_RUN = re.compile(r"([a-z])\1{2,}")
_DOUBLE_WORDS = frozenset(
    [
        "kill",
        "killed",
        "killing",
        "kills",
        "all",
        "off",
        "sleep",
        "sleeping",
        "feel",
        "feeling",
        "need",
        "see",
        "too",
        "goodbye",
        "bleeding",
        "blood",
        "will",
        "still",
        "tell",
        "well",
        "sorry",
        "keep",
        "door",
        "soon",
        "good",
        "hell",
        "free",
        "tree",
        "cliff",
        "pills",
        "full",
        "week",
        "pass",
        "passed",
        "bottle",
        "shall",
    ]
)
_SLANG: list[tuple[str, str]] = [
    (r"\b(?:tonite|2nite|2night|tn)\b", "tonight"),
    (r"\b(?:tmrw|tmr|tmrow|tomoz|2moro|2morrow|tommorow|tomorow|tommorrow)\b", "tomorrow"),
    (r"\brn\b", "right now"),
    (r"\bgonna\b", "going to"),
    (r"\bwanna\b", "want to"),
    (r"\bgotta\b", "got to"),
    (r"\btryna\b", "trying to"),
    (r"\bkinda\b", "kind of"),
    (r"\bsorta\b", "sort of"),
    (r"\b(?:pls|plz|plss|pleas)\b", "please"),
    (
        r"\b(?:thx|thnx|thanx|ty|tysm)\b|\b(?:ta|cheers)(?= (?:for|so much|everyone|all)\b)",
        "thanks",
    ),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\bidk\b", "i don't know"),
    (r"\b(?:bc|cuz|coz|cos)\b", "because"),
    (r"\bw/", "with "),
    (r"\bbf\b", "boyfriend"),
    (r"\bgf\b", "girlfriend"),
    (r"\b(?:dh|dp)\b", "partner"),
    (r"\b(?:xh|exh|stbx|stbxh)\b", "ex"),
    (r"\bmins?\b", "minutes"),
    (r"\bhrs?\b", "hours"),
    (r"\byrs?\b", "years"),
    (r"\b(?:im|i m)\b", "i'm"),
    (r"\b(?:ive|i ve)\b", "i've"),
    (
        r"\bill\b(?= (?:just |really |finally |probably )?(?:do|kill|end|take|jump|hurt|be|go|die"
        r"|never|use|drive|walk|hang|cut|swallow|try|make|say|leave))",
        "i'll",
    ),
    (r"\btonights\b", "tonight's"),
    (r"\btodays\b", "today's"),
    # "its happening", "its just me": the contraction, never the possessive (a noun follows that)
    (
        r"\bits\b(?= (?:happening|time|over|done|going|not|ok|okay|all|just|really|so|too|been"
        r"|like|a|the|only|fine|bad|getting|never|always|quiet|late|hard|easy|tonight|today|now"
        r"|finished|ending|what|how|where|when)\b)",
        "it's",
    ),
    (r"\bcant\b", "can't"),
    (r"\bdont\b", "don't"),
    (r"\bwont\b", "won't"),
    (r"\bdidnt\b", "didn't"),
    (r"\bisnt\b", "isn't"),
    (r"\bwasnt\b", "wasn't"),
    (r"\bdoesnt\b", "doesn't"),
    (r"\bwouldnt\b", "wouldn't"),
    (r"\bcouldnt\b", "couldn't"),
    (r"\bhavent\b", "haven't"),
    (r"\bhasnt\b", "hasn't"),
    (r"\bhes\b", "he's"),
    (r"\bshes\b", "she's"),
    (r"\btheyre\b", "they're"),
    (r"\bthats\b", "that's"),
    (r"\bwhats\b", "what's"),
    (r"\bi'?d\b", "i'd"),
    # self-harm slang and euphemisms
    (r"\bkms\b", "kill myself"),
    (
        r"(?:\b(?:i'm |i am |i |i'll |just )?(?:going to|want to|will|should|might|could|about to"
        r"|gotta|need to|ready to|finally|just) )kys\b",
        " kill myself",
    ),
    (r"\bkys\b", "kill yourself"),
    (r"\bun-?alive (?=thoughts|feelings|urges|ideation)", "suicidal "),
    (r"\bun-?aliv(?:e|ed|ing)? (?:myself|me)\b", "kill myself"),
    (r"\bun-?aliving\b", "killing myself"),
    (r"\bun-?alived\b", "killed myself"),
    (r"\bun-?alive\b", "kill myself"),
    (r"\bself[- ]?delet(?:e|ing|ion)\b", "kill myself"),
    (
        r"\bsewer ?slide\b|\bsuicid(?:e|al)? ?slide\b|\bsu(?:i|ic|i?ci)ide\b|\bsuic(?:i|e)de\b",
        "suicide",
    ),
    (r"\bsuicid(?:le|ial|ile)\b|\bsu(?:c|s)id(?:i)?al\b", "suicidal"),
    (r"\bsucide\b|\bsuicde\b|\bsuiside\b|\bsuicid\b", "suicide"),
    (r"\bctb\b", "kill myself"),
    (
        r"\b(?:going to|want to|ready to|will|i'll|about to|time to|finally) catch(?:ing)? "
        r"the bus\b(?! (?:to|home|at|from|into|in|back))",
        "kill myself",
    ),
    (r"\boff(?:ing)? myself\b", "kill myself"),
    (r"\b(?:going to|want to|will|i'll|ready to) rope(?: myself)?\b", "hang myself"),
    (r"\bkil+ (?=myself|mysel|my self)", "kill "),
    (r"\b(?:myslef|mysef|mysel|my self)\b", "myself"),
    (r"\bo\.?d'?(?:ed|'d|d)\b", "overdosed"),
    (r"\bo\.?d'?ing\b", "overdosing"),
    (r"\b(?:dissapear|disapear|dissappear)\b", "disappear"),
    (r"\b(?:paracetemol|paracetomol|paracetamols)\b", "paracetamol"),
    (r"\btabs\b", "tablets"),
    (r"\bsh\b", "self harm"),
    # chat shorthand and spellings heard in the community (crisis_extra3)
    (r"\bomw\b", "on my way"),
    (r"\brite now\b", "right now"),
    (r"\bhav\b", "have"),
    # Jamaican patois: "him a go kill mi" is "he's going to kill me"
    (
        r"\b(him|she|dem) (?:a|ah|a go|gwan|gwine) (?:go )?(?=kill|murder|shoot|stab|dead)",
        r"\1 is going to ",
    ),
    (r"\b(kill|shoot|stab|murder) mi\b", r"\1 me"),
]
_SLANG_COMPILED = [(re.compile(p), r) for p, r in _SLANG]
_SPACES = re.compile(r"[ \t\f\v]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _unleet(match: re.Match[str]) -> str:
    token = match.group(0)
    if token.isalpha() or not any(ch in _LEET_CHARS for ch in token.rstrip("!")):
        return token
    letters = sum(ch.isalpha() for ch in token)
    if not letters or _NUMBER_WITH_UNIT.fullmatch(token) or (letters < 2 and len(token) < 4):
        return token
    trailing = len(token) - len(token.rstrip("!"))  # "tonight!!" keeps its exclamation marks
    return token[: len(token) - trailing].translate(_LEET) + token[len(token) - trailing :]


def _squeeze(match: re.Match[str]) -> str:
    """Squeeze runs of three or more letters: to two if that makes a known word, else one."""
    word = match.group(0)
    if len(word) < 3 or not _RUN.search(word):
        return word
    two = _RUN.sub(r"\1\1", word)
    if two in _DOUBLE_WORDS:
        return two
    return _RUN.sub(r"\1", word)


_QUOTES = str.maketrans(
    {
        **dict.fromkeys(("\u2019", "\u2018", "\u02bc", "`", "\u00b4"), "'"),
        **dict.fromkeys(("\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"), '"'),
    }
)


def _prepare(text: str) -> str:
    # Quotes first: NFKC would turn an acute accent used as an apostrophe into a space.
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES))
    for emoji, word in _EMOJI.items():
        if emoji in text:
            text = text.replace(emoji, word)
    text = _PICTOGRAPH.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _strip_accents(text).casefold()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    return _LEET_TOKEN.sub(_unleet, text)


def _finish(text: str) -> str:
    for pattern, replacement in _SLANG_COMPILED:
        text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", text).strip()


def normalise(text: str, *, squeeze: bool = True) -> str:
    """Lower-case plain words with emoji, leetspeak, long letter runs and slang spelled out.
    With `squeeze=False` letter runs are kept as written (watched words match them)."""
    text = _prepare(text)
    return _finish(_WORD.sub(_squeeze, text) if squeeze else text)


def normalise_both(text: str) -> tuple[str, str]:
    """`normalise(text)` and `normalise(text, squeeze=False)`, sharing the work they have in
    common."""
    text = _prepare(text)
    return _finish(_WORD.sub(_squeeze, text)), _finish(text)


# --- vocabulary ---------------------------------------------------------------------------------


def _gap(n: int) -> str:
    """Any words between two parts of a cue, within one sentence."""
    return rf"[^.!?\n]{{0,{n}}}?"


_I = r"(?:i|i'm|i am|i've|i have|i'll|i will|i'd|i would)"
# Ending one's own life, actively. ("end it" about a relationship is not.)
_ACTIVE = (
    r"(?:kill(?:ing)? myself|end(?:ing)? (?:my (?:own )?life|myself|it all|everything"
    r"|(?:it|things)(?! (?:with|between|off|for (?:him|her|them|us))\b))"
    r"|tak(?:e|ing) my (?:own )?life|commit(?:ting)? suicide|hang(?:ing)? myself"
    r"|shoot(?:ing)? myself|drown(?:ing)? myself|slit(?:ting)? my (?:wrists?|throat)"
    r"|overdos(?:e|ing)|od|jump(?:ing)? (?:off|from|in front)|step(?:ping)? (?:off|in front)"
    r"|throw(?:ing)? myself|walk(?:ing)? into (?:the )?(?:sea|river|lake|water|traffic|ocean)"
    r"|driv(?:e|ing) (?:my car )?(?:into|off) (?:a |the )?(?:wall|tree|bridge|cliff|river|sea"
    r"|lake|motorway|oncoming|traffic|lorry|truck|road|edge)|crash(?:ing)? (?:my|the) car"
    r"|(?:driv(?:e|ing)|tak(?:e|ing)|steer(?:ing)?|put(?:ting)?|send(?:ing)?) (?:my |the )?car"
    r" (?:into|off) (?:a |the )?(?:\w+ )?(?:wall|tree|bridge|cliff|river|sea|quarry|edge|pier)"
    r"|finish(?:ing)? (?:myself off|it all|(?:the job|it|things|myself) (?:off )?with (?:[\w']+ ){0,3}?"
    r"(?:pills|tablets|meds|rope|knife|blade|insulin|painkillers|paracetamol))"
    r"|(?:take|taking|swallow(?:ing)?) (?:all|every|everything|the whole|the lot|a whole)"
    r"(?: \w+){0,3}? (?:pills?|tablets|meds|medication|paracetamol|insulin|painkillers"
    r"|antidepressants|bottle|packet|box|of them|in the (?:house|cabinet))"
    r"|use (?:it|them|this|that) on myself|cut(?:ting)? my (?:wrists?|throat)"
    r"|gas(?:sing)? myself|poison(?:ing)? myself|put an end to (?:it|my life|myself|everything)"
    r"|be done with (?:life|it all|everything)|make it look like an accident)"
)
# Dying or not being here, passively.
_PASSIVE = (
    r"(?:die(?! (?:of|from|if|for|laughing|inside))|be dead|dead"
    r"|(?:be )?gone(?! (?:for|on|till|until|to|from|away|all|out|shopping|home|back))"
    r"|not (?:be )?(?:here|around|alive)|not exist|disappear|vanish|fade away|not wake up"
    r"|sleep forever"
    r"|never wake up|stop existing|cease to exist|let go|not come back|never come back)"
)
# A first-person (or subject-less) intention: "I'm going to", "gonna", "I'll", "ready to".
_MODAL = (
    r"(?:(?:^|(?<=[.!?,;:\n])|\b(?:i|i'm|i am|i've|i have|and|but|so|then|honestly|tonight"
    r"|today|now|just|really|finally))\s?(?:just |really |finally |honestly |seriously"
    r" |actually |definitely |probably )?(?:going to|about to|planning to|planning on|ready to"
    r"|decided to|have decided to|intend to|need to|want to|will|shall|have to|must)"
    r"|\bi'll|\bi will)"
)
# A firm first-person intention, without "want to" or "need to" (an urge, not a decision).
_MODAL_FIRM = (
    r"(?:(?:^|(?<=[.!?,;:\n])|\b(?:i|i'm|i am|i've|i have|and|but|so|then|honestly|tonight"
    r"|today|now|just|really|finally))\s?(?:just |really |finally |honestly |seriously"
    r" |actually |definitely |probably )?(?:going to|about to|planning to|planning on|ready to"
    r"|decided to|have decided to|intend to|will|shall)|\bi'll|\bi will)"
)
_DOING = (
    r"\b(?:i'm|i am) (?:(?:finally|really|just|actually|seriously|definitely|literally) )?"
    r"(?:killing myself|ending (?:my life|it all|everything|it(?! (?:with|between|off)))"
    r"|jumping (?:off|from|in front)|hanging myself|overdosing|doing it(?! (?:with|for|again))"
    r"|taking (?:all|every|the whole)|walking into (?:the )?(?:sea|river|lake|water|traffic))\b"
    r"|(?:^|(?<=[.!?,;:\n] ))doing it (?=tonight|today|after|on|this|when|tomorrow|before|at)"
)
# Medicines named by name: an overdose or a hoard is often told with the drug's name only
# ("took 20 of my zopiclone", "saving my sertraline").
_DRUGS = (
    r"(?:sertraline|citalopram|escitalopram|fluoxetine|prozac|paroxetine|mirtazapine"
    r"|amitriptyline|nortriptyline|venlafaxine|duloxetine|lithium|zopiclone|zolpidem|diazepam"
    r"|valium|lorazepam|clonazepam|temazepam|xanax|benzos|quetiapine|olanzapine|tramadol|codeine"
    r"|co-?codamol|dihydrocodeine|morphine|oxycodone|fentanyl|methadone|propranolol|pregabalin"
    r"|gabapentin|promethazine|nytol|sleepers|pain ?meds|heart (?:pills|tablets)|blood pressure"
    r" (?:pills|tablets)|anti-?depressants|anti-?psychotics|blood thinners|warfarin)"
)
_MEANS = (
    r"(?:pills|tablets|meds|medication|medicine|paracetamol|ibuprofen|aspirin|insulin"
    r"|painkillers|antidepressants|sleeping (?:pills|tablets)|opioids|oxy\w*|rope|noose|cord"
    r"|ligature|gun|pistol|shotgun|rifle|knife|knives|blades?|razors?(?: blades?)?|bleach"
    rf"|charcoal|{_DRUGS})"
)
_MEANS_NOT = (
    r"(?! (?:block|set|sharpener|skills|crime|control|licen[cs]e|shop|club"
    r"|for (?:the |a |our )?(?:bbq|barbecue|grill)))"
)
# A point in time something is to happen.
_WHEN = (
    r"(?:tonight|tomorrow(?! (?:morning|night) i (?:will|'ll) (?:call|ring|see|go))"
    r"|this (?:evening|weekend|afternoon)|before (?:morning|dawn|the (?:morning|weekend|kids"
    r" wake)|he gets home|anyone wakes)|by (?:the )?(?:morning|tomorrow|tonight|the weekend)"
    r"|soon|later tonight|(?:till|until|for) (?:my |the )?(?:\w+ )?(?:goes to bed|is asleep"
    r"|falls asleep|leaves|goes out|goes to sleep)|when (?:everyone|the kids|he|they|she"
    r"|the house)(?:'s| is| are)?"
    r" (?:is |are )?(?:asleep|in bed|gone|out|empty|away|at work)|after (?:work|my shift"
    r"|the kids (?:are|go|sleep)\w*(?: \w+)?|everyone (?:is |goes )?\w+|school|dark)"
    r"|in (?:an|a few|\d+|ten|twenty|thirty|five) (?:minutes|hours)"
    r"|(?:on|this|next|by|it's|it is|decided|decided on) (?:monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r" (?:morning|night|evening|afternoon)|(?:tonight|today)(?:'s| is) the (?:night|day)"
    r"|it(?:'s| is) time|this is it|the date|next one comes|before (?:anyone|everyone|the kids"
    r"|the house|they)(?:'s| is| are)? (?:up|awake|wakes? up|gets? up|home)|first thing"
    r" (?:tomorrow|in the morning)|(?:at|by|before|after) midnight|this time tomorrow)"
)
_NOW = r"(?:right now|today|now|this week|at the moment)"
_AGG = (
    r"(?:he|she|they|he's|she's|they're|him|his|my ex|ex|partner|husband|boyfriend|wife"
    r"|girlfriend|stepdad|step dad|stepfather|stepmum|stepmother|father|dad|her dad|his dad"
    r"|abuser|fiance|his (?:brother|mate|friend|mum|dad|family)|stalker)"
)
_KID = (
    r"(?:kids?|children|child|son|daughter|baby|toddler|little (?:sister|brother|one)s?"
    r"|\d+ ?(?:year|yr)s? old|\d+ ?yo|boy|girl|twins|stepson|stepdaughter|newborn"
    r"|(?:youngest|eldest|oldest)(?= (?:is|'s|was)\b))"
)
# High or dangerous places, singular or plural: bridge, the cliffs, the top of the car park.
_DANGER_PLACE = (
    r"(?:(?:roof|rooftop|bridge|ledge|railing|cliff|multi[- ]?stor(?:e)?y|overpass|viaduct"
    r"|quarr(?:y|ie)|tower block)s?|tracks|(?:train|railway) (?:tracks|line)|railway|level"
    r" crossing|platform|edge|car park roof|balcony|top floor|motorway bridge|pier|river|sea"
    r"|station|reservoir|canal|weir|lake|loch|dam|docks?|harbour|quay|estuary|lock gates?"
    r"|(?:top|roof) (?:floor |level )?of (?:the |a |my |this )?(?:\w+ )?(?:car park"
    r"|building|multi[- ]?stor(?:e)?y|flats|block|tower|hotel|hospital|stairwell|cliffs?))"
)

# An aggressor as the subject of a present-tense verb ("he's", "my stepdad is").
_AGG_IS = (
    r"(?:\b(?:he|she|they)(?:'s|'re| is| are)|\b(?:my )?(?:ex|partner|husband|boyfriend|stepdad"
    r"|step dad|stepfather|stepmum|dad|father|abuser|mum's boyfriend)(?:'s| is))"
)
# "about 10 minutes away" (not "away from school": that is a distance, not a person coming)
_AWAY = (
    r"(?:only |about |just |maybe |like |around )?(?:\d+ ?(?:minutes|mins?|miles)|(?:ten|five"
    r"|fifteen|twenty|thirty|a few|two) (?:minutes|miles)) away\b(?! from\b)"
)
# an agreed meeting, not an abuser lying in wait ("at the door for the handover")
_HANDOVER = (
    r"[^.!?\n]{0,50}\b(?:handover|hand over|to (?:collect|pick up|drop off)|as agreed|for contact"
    r"|contact visit|school run|for the kids)\b"
)
_DRUNK = (
    r"(?:drinking|drunk|pissed|high|off (?:his|her) (?:face|head)|over the limit|wasted|raging"
    r"|off it|hammered|steaming|paralytic|out of it|on something)"
)
# What an abuser says to the poster that promises death ("you won't see christmas").
_DOOM = (
    r"(?:(?:you|you and (?:the |your |my )?\w+|the (?:kids|children|baby)|your (?:kids|children"
    r"|son|daughter|baby|mum|mother))(?: (?:all|both))? (?:won't|will not|will never"
    r"|aren't going to|are not going to|ain't going to|are never going to) (?:live to see|see|make"
    r" it to|survive|last (?:till|until|to))\b (?:christmas|easter|new year|(?:your |the |their"
    r" |his |her )?(?:next"
    r" )?birthday|the (?:new year|weekend|morning|summer|end of the (?:week|month|year))|next"
    r" (?:week|month|year)|another (?:day|week|year|christmas|birthday)|tomorrow)(?: alive)?"
    r"(?=\s*(?:[.!?,;'\"\n]|$| if | unless | when ))"
    r"|\b(?:mummy|mommy|mummy's|mum|mom|mama|your (?:mum|mummy|mother|mam)|you) (?:won't|will not"
    r"|isn't going to|is not going to|ain't going to|aren't going to) be (?:around|here|alive)"
    r" (?:by|for|at|to see|past|after) (?:christmas|easter|new year|(?:your |her |his |their |the"
    r" |my )?(?:next )?"
    r"birthday|the (?:weekend|morning|summer|end of the (?:week|month|year))|next (?:week|month"
    r"|year)|tomorrow)\b"
    r"|\byour days are numbered\b|\benjoy your last"
    r" (?:christmas|birthday|days?|week|night)\b|\bthis (?:is|will be) your last (?:christmas"
    r"|birthday|day|night|week)\b)"
)

# --- cues ---------------------------------------------------------------------------------------
# (kind, reason, pattern, scope). The scope says what lowers a cue (see `_lowered`):
# "self" — negation, the distant past, a past verb, quotes, citations, someone else as subject;
# "means" — the distant past, citations, someone else as subject (never negation);
# "attempt" — as "self", but a recent past is still counted;
# "danger" — the distant past, citations, court outcomes, negation, a recovery post;
# "watch" — the distant past, citations, negation, a recovery post with nothing present;
# "time" — the distant past or a past verb;
# "affairs" — as "self", but someone else may be the subject ("my sister is having the dog");
# "recall" — a past event remembered now (an anniversary): negation, citations, someone else
#   as subject, a recovery post; never the past itself.

_UNSAFE = "cannot keep themselves safe"

_CUES: list[tuple[str, str, str, str]] = [
    # explicit intent to end one's life
    (
        "intent",
        "intent to end their life",
        rf"{_MODAL} (?:\w+ ){{0,3}}?{_ACTIVE}\b|{_DOING}",
        "self",
    ),
    (
        "intent",
        "intent to end their life",
        rf"(?:^|(?<=[.!?,;:\n] )|\bi'm |\bi am |\bi |\bi've |\bi have )(?:going to|about to"
        rf"|decided to"
        rf"|have decided to|ready to|planning to|intend to) (?:\w+ ){{0,2}}?{_PASSIVE}\b"
        rf"|\b{_I} (?:be )?(?:dead|gone) (?:by|before|after|tonight|tomorrow|soon)\b(?![^.!?\n]{{0,30}}"
        rf"\b(?:for (?:my|a|the|work)|shift|work|holiday|trip|school|flight)\b)"
        rf"|\b(?:made|making|make) (?:\w+ )?sure (?:that )?i (?:won't|will not|don't|do not|never"
        rf"|can't|cannot)(?: \w+)? (?:wake up|survive|come back|be found|be saved|be here)\b"
        rf"|\b(?:i'll|i will) (?:\w+ ){{0,2}}?(?:let go|disappear|not wake up|die(?! (?:of|from|if"
        rf"|for|laughing|inside|without)))\b|\b(?:going to|will|i'll"
        rf"|gonna)[^.!?\n]{{0,40}}?\b(?:not"
        rf"|never) (?:come|coming) (?:back|home)\b(?! (?:until|till|for|before|tonight|today))",
        "self",
    ),
    (
        "intent",
        "says they are suicidal",
        r"\b(?:i'm|i am) (?:so |really |very |actively |extremely |seriously )?suicidal\b"
        r"(?! (?:thoughts|feelings|ideation))|(?:^|(?<=[.!?\n]))\s*suicidal\b(?! (?:thoughts"
        r"|feelings|ideation))",
        "self",
    ),
    (
        "intent",
        "a plan to end their life",
        r"(?<!helped me )(?<!help me )\bplan(?:ning|ned)? (?:my|the) (?:suicide|death|exit|way out)\b"
        r"|\bsuicide (?:tonight|today|is (?:the only|my only)|it is)\b",
        "self",
    ),
    (
        "intent",
        "intent to harm themselves",
        rf"{_MODAL_FIRM} (?:\w+ ){{0,2}}?(?:hurt|harm|cut|burn) myself\b",
        "self",
    ),
    (
        # not able to promise to stay safe is, in safe-messaging practice, a crisis in itself
        "intent",
        _UNSAFE,
        # not "if/when i can't keep myself safe, i call …" (a safety plan), not "how to stay
        # safe" (a question), and not safe *from* someone or somewhere (the danger cues' part)
        r"(?<!\bif )(?<!\bwhen )(?<!\bif i )(?<!\bwhen i )(?<!\bwhenever i )(?<!\bin case i )"
        r"\b(?:can't|cannot|can not|couldn't|won't be able to|not able to|unable to) (?:promise"
        r"|guarantee|swear)(?: (?:you|them|her|him|anyone|anybody|my \w+|the \w+))?(?: that)?"
        r" (?:i'll|i will|i'd|i would|i can|i'm going to|i won't|i will not|to|not to) (?:not )?"
        r"(?:\w+ )?(?:(?:be|stay|keep myself) safe|(?:be|stay) alive|(?:hurt|harm|kill|cut) myself)"
        r"\b(?! (?:from|while|if|when|once|online|at|in|around|with|by|and stay)\b)"
        r"|(?<!\bif )(?<!\bwhen )(?<!\bwhenever )(?<!\bin case )(?<!\bif i )(?<!\bwhen i )"
        r"(?<!\bwhenever i )(?<!\bin case i )\b(?:i )?(?:can't|cannot|can not"
        r"|couldn't|can no longer|am not able to|i'm not able to|am unable to|i'm unable to"
        r"|don't think i can|don't know if i can) (?:keep|stay) (?:myself |me )?safe\b"
        r"(?! (?:from|while|if|when|once|online|at|in|around|with|by|and stay)\b)",
        "self",
    ),
    ("active", "talks of ending their life", rf"\b(?:{_ACTIVE}|suicide)\b", "self"),
    (
        "do_it",
        "says they will do it",
        rf"{_MODAL} (?:\w+ ){{0,2}}?(?:do it|do this|go through with it|do something (?:stupid"
        rf"|silly|drastic|final|i can't (?:undo|take back))(?!,? (?:and|like)\b)(?![^.!?\n]{{0,25}}"
        rf"\b(?:dye|hair|tattoo|piercing|shopping|haircut|cake|order)\b))\b",
        "self",
    ),
    (
        "use_it",
        "says they will use it",
        rf"{_MODAL} (?:\w+ ){{0,2}}?use (?:it|them) (?:properly|this time|tonight|on myself)\b",
        "self",
    ),
    (
        "happening",
        "says it is happening",
        r"\bit(?:'s| is) (?:all )?happening (?=tonight|today|tomorrow|this|on|soon|at|next|before)"
        r"|(?:^|(?<=[.!?\n] )|\bi'm |\bi am )checking out (?=tonight|today|tomorrow|soon|for good"
        r"|now)",
        "self",
    ),
    # wishes, thoughts and feelings
    (
        "wish",
        "wish to die",
        rf"(?:^|\bi (?:\w+ )?(?:of )?|\band )"
        rf"(?:want|wish|wishing|wanted|long|hope|hoping) (?:to|i could|i was|i were|i'd|i would"
        rf"|i) (?:just )?(?:{_PASSIVE}|be with (?:my )?\w+ in heaven"
        rf"|(?:go to sleep|fall asleep|sleep) and (?:not|never) wake up)\b",
        "self",
    ),
    (
        "wish",
        "does not want to live",
        r"\b(?:don't|do not|didn't) (?:\w+ )?want to (?:live|be alive|be here|exist|wake up|go on"
        r"|keep going|carry on)\b|\b(?:hopes?|wish|wishes|pray|wishing|hoping) (?:i )?(?:just )?"
        r"(?:don't|do not|won't|never|wouldn't|would not|didn't) wake up\b"
        r"|\b(?:wish|wished|wishing|wishes) (?:i|you)'?d? (?:never been born"
        r"|was never born|wasn't born)\b",
        "self",
    ),
    (
        "wish",
        "passive death wish",
        r"\b(?:wouldn't|would not|won't|don't) (?:mind|care) (?:if i )?(?:not waking up|dying|died"
        r"|didn't wake up|if (?:a|the) (?:bus|car|truck|lorry|train) hit|if i (?:got|get) hit)"
        r"|\bif i (?:got|get) (?:hit by|run over|knocked down|mown down)\b|\bif (?:a|the) (?:bus"
        r"|car"
        r"|truck|lorry|train) (?:would )?(?:just )?hit me\b|\bwish (?:a|the) (?:bus|car|truck|lorry"
        r"|train) would\b|\b(?:don't|do not) care (?:if|whether) i (?:live|die|wake)"
        r"|\bbetter off (?:without me|if i (?:was|were|wasn't|weren't)|dead)\b"
        r"|\bbetter off without (?:[\w']+ ){1,3}?of me\b"
        r"|\b(?:happier|better|easier|lighter) (?:without me|if i (?:was|were|wasn't|weren't)"
        r" (?:gone|dead|here|around|alive))\b"
        r"|\b(?:life|living) (?:is not|isn't|ain't|is no longer|not) worth\b"
        r"|\bno (?:reason|point) (?:to|in) (?:live|living|going on|being alive|being here)\b"
        r"|\bnothing (?:left )?to live for\b|\b(?:tired|exhausted|sick|weary) (?:of|from)"
        r" (?:being alive|living|life|existing)\b|\bwant out of (?:this )?life\b"
        r"|\bout of this life for good\b"
        r"|\beasier (?:to|if i) (?:just )?(?:not exist|die|wasn't here|weren't here|disappear"
        r"|wasn't around|be gone)\b|\bwant (?:it all|everything|the pain|this|it) to (?:stop|end"
        r"|be over)\b|\bjust want it (?:all )?(?:to )?(?:be )?over\b|\bwant to disappear\b"
        r"|\bswerving into\b|\bdon't want to be alive\b"
        # others better off, or easier, if the poster were gone
        rf"|\b(?:better off|happier|easier|lighter|freer|simpler)\b{_gap(60)}\bif i (?:just |simply"
        r" )?(?:disappeared|vanished|died|(?:was|were)(?:n't| not)? (?:gone|dead|here|around"
        r"|alive)|didn't exist|stopped existing|never existed|was never born|wasn't born)\b"
        r"|\b(?:they'd|they would|everyone would|everyone'd|everybody would|you'd|you would"
        r"|the kids would|my kids would|my family would|the world would|they will|everyone will"
        r"|the kids will)(?: all| honestly| probably| really| just| genuinely| definitely){0,2}"
        r" be (?:so much |much |a lot )?(?:better off|happier)(?: without me)?\s*(?:[.!,\n]|$)"
        # being killed by chance would be welcome
        r"|\b(?:fine|ok|okay|alright|happy|relieved|glad|at peace) if i (?:just )?(?:didn't|never"
        r"|don't|did not) wake up\b"
        r"|\b(?:fine|ok|okay|alright|happy|relieved|glad) if (?:a|the|some) (?:\w+ )?(?:bus|car"
        r"|truck|lorry|train|van|illness|disease|cancer|accident) (?:just )?(?:took|takes|take|hit"
        r"|hits|ran|killed|kills|got) me\b|\bif (?:a|the) (?:bus|car|truck|lorry|train|van)"
        r" (?:would )?(?:just )?(?:took|take|ran|run|knocked|mowed|wiped) me\b"
        # indifference to one's own survival
        r"|\b(?:don't|do not|no longer|really don't) (?:really |even )?care (?:what happens to me"
        r"|(?:if|whether) i (?:live|die|wake up|make it|survive|get hurt))\b"
        # waiting to die
        r"|\b(?:(?:i'm|i am|they're|we're|you're) )?(?:just )?(?:waiting|counting down) (?:to die"
        r"|for (?:death|my time|(?:it all|it|life|everything) to (?:end|stop|be over))|for the end"
        r"(?=\s*(?:[.!?,\n]|$)))\b|\bcounting down (?:the days )?(?:until|till|til|to) (?:it's over"
        r"|it is over|i die|the end|it ends)\b"
        r"|\bget(?:ting)? through (?:it |this |life |each day |the days )?(?:until|till|til)"
        r" (?:i die|it (?:stops|ends|is over|'s over))\b"
        # others better off with someone else; wishing the abuser had finished it
        r"|\b(?:kids|children|family|son|daughter|everyone|they)(?: would|'d| will)(?: all| honestly"
        r"| probably| really| just)? be (?:so much |much |a lot )?better off with (?:someone"
        r"|somebody|anyone) else\b|\b(?:kids|children|son|daughter|they) (?:deserve|need)"
        r" (?:a )?(?:better (?:mum|mother|parent|mam)|someone better|better than me)\b"
        r"|\b(?:better|easier) if (?:he'd|he had|she'd|she had|he|they'd) (?:just )?(?:finished me"
        r"(?: off)?|killed me)\b|\bwish (?:he'd|he had|she'd|she had|they'd) (?:just )?(?:finished"
        r" me(?: off)?|killed me)\b",
        "self",
    ),
    (
        "thoughts",
        "suicidal thoughts",
        rf"\b(?:think|thinking|thought|thoughts|dream|dreaming|fantasi[sz]\w*) (?:a lot )?"
        rf"(?:about|of) (?:{_ACTIVE}|dying|death|suicide|not being (?:here|alive|around)"
        rf"|crashing|not waking up|(?:jumping|stepping off|letting go|going over)(?=\s*(?:[.!?,\n]|$)))\b"
        rf"|\b(?:imagin\w+|picturing|planning) my (?:own )?"
        rf"(?:funeral|death)\b|\bsuicidal (?:thoughts|feelings|ideation)\b"
        rf"|\bfeel(?:ing)? (?:\w+ )?suicidal\b|\b(?:those|the|these"
        rf"|my) (?:dark )?thoughts (?:are )?"
        rf"(?:back|again|getting (?:louder|worse|stronger|darker))\b|\bthoughts about dying\b"
        rf"|\bhow easy it (?:would|could|'d) be to (?:just )?(?:\w+ ){{0,2}}?(?:not (?:turn|brake"
        rf"|stop|wake|come back)|swerve|step|jump|let go|drive (?:into|off)|crash|end it|die"
        rf"|disappear|fall|walk into|turn the wheel|take (?:them|it|all|the lot)|go over)\b"
        rf"|\b(?:idea|thought|thoughts) of (?:not existing|not being (?:here|alive|around)|dying"
        rf"|death|not waking up|disappearing|ending it|being dead) (?:is|feels|seems|sounds|are)"
        rf" (?:\w+ ){{0,3}}?(?:comforting|appealing|nice|tempting|peaceful|a relief|soothing)\b"
        rf"|\b(?:deciding|decide|wondering|debating|working out) (?:whether|if) (?:to|i should"
        rf"|i'll|i will|i'm going to) (?:\w+ ){{0,2}}?(?:go over|jump|step off|do it|end it|end"
        rf" things|go through with it|take (?:them|the pills|it all))\b",
        "self",
    ),
    (
        "selfharm",
        "self-harm",
        r"\b(?:cut|cutting|hurt|hurting|harm|harming|burn|burned|burnt|burning|scratch\w*"
        r"|punch\w*|hit(?:ting)?|starv\w*) myself\b|\bself[- ]?harm\w*|\bcutting again\b"
        r"|\bstarted cutting\b|\burges? to (?:cut|self[- ]?harm|hurt myself|harm myself|burn)"
        r"|\burge to cut\b|\b(?:want|wanting|need|needing|itching|tempted|desperate|dying) to"
        r" (?:cut|burn|hurt|harm|scratch)\b(?! (?:ties|contact|him|her|them|off|back|down|out|the"
        r"|my hair|his|costs|my losses|it|this|that|a|an|some|everyone|people|you))|\b(?:i|i keep|i've been|i've started|i started) (?:\w+ )?(?:cutting"
        r"|burning myself|punching walls|pulling (?:my )?hair|banging my head|scratching)"
        r"|(?:^|(?<=[.!?\n] ))(?:been |started |keep )?cutting (?:again|all|tonight|for|since|my)\b"
        r"|\brelapsed\b|\bgo further\b|\bpick(?:ed|ing)? (?:at )?my skin\b"
        r"|\b(?:until|till|til) (?:it|they) (?:bled|bleed)\b|\b(?:taking|took|take|injected"
        r"|injecting) (?:way |a lot |far |much )?(?:more|extra|double) (?:of )?(?:my )?(?:\w+ )?"
        r"(?:pills|tablets|meds|insulin) than\b"
        r"|\bmy (?:fresh |new )?cuts\b|\bmy (?:fresh|new) scars\b|\b(?:bingeing|binging) and purging\b|\bpurging"
        r" again\b|\bmaking myself (?:sick|throw up)\b",
        "self",
    ),
    (
        "hopeless",
        "hopelessness",
        r"\bhopeless\b|\bworthless\b|\b(?:i'm|i am|feel like|i feel) (?:such )?a burden\b"
        r"|\bno future\b|\bcan't (?:see|picture|imagine) (?:a|any|my) (?:future|way forward"
        r"|way out)\b(?! (?:with|without) (?:him|her|them|my ex))"
        r"|\bwhy i (?:even )?bother\b|\bdon't care (?:about anything )?any ?more\b"
        r"|\b(?:never|won't ever|don't think i'll ever) (?:be|feel) (?:happy|okay|ok|better"
        r"|normal) again\b|\b(?:nobody|no one) (?:notices|cares|listens)\b"
        r"|\bfeel like i'm drowning\b|\b(?:so )?tired of (?:everything|it all|fighting|trying)\b"
        r"|\bnothing (?:feels|is|seems) worth\b|\b(?:feel|feeling|felt) like a burden\b"
        r"|\b(?:i'm|i am) (?:so |just |really )(?:tired|exhausted)\s*(?:[.!\n]|$)"
        r"|\bwhat(?:'s| is) (?:even |really |actually )?the point\b(?! of (?:the|a|an|this|that"
        r"|these|having|doing|using|it\b(?! all)|(?!(?:living|trying|carrying|going|being|waking"
        r"|getting|fighting|existing|breathing|staying|continuing|bothering)\b)\w+ing)\b)|\b(?:don't|can't) (?:really |even )?see the"
        r" point\b|\b(?:feels?|is|seems) (?:so )?pointless\b|\bno way out\b|\bcan't (?:go on|cope"
        r"|keep going)|\bcan't do (?:this|it) any ?more\b|\bcan't take (?:it|this|any more|anymore"
        r"|much more)|\bnothing (?:ever )?(?:gets|will get|is going to get) better\b"
        r"|\bempty inside\b|\bcan't see (?:things|it|anything|a way) (?:getting|get|being) better\b"
        r"|\bgive up\b|\bgiving up\b|\bi feel (?:so )?empty\b|\bi'm (?:so )?empty\b"
        r"|\bfeel nothing\b|\bnumb\b|\bcan't feel anything\b|\bfalling apart\b|\bpoint of me\b"
        r"|\bfeel like a ghost\b|\bnot coping\b|\bi'm a failure\b|\bhate myself\b"
        r"|\b(?:don't|do not) (?:really |even )?(?:see|have) (?:a|any) future\b(?! (?:with|without)"
        r" (?:him|her|them|my ex))|\bgoing through the motions\b|\b(?:don't|do not) know how"
        r" (?:to|i can|i'm going to) (?:keep going|go on|carry on|cope|keep doing this|get through"
        r" this)\b|\b(?:feel like|i'm|i am) (?:such )?a failure\b|\bstop being a burden\b"
        r"|\bnothing(?:'s| is| will) (?:ever )?(?:going to )?change\b(?! (?:if|unless|until))"
        r"|\b(?:have|got) (?:no one|nobody|noone) (?:left|any ?more)\b",
        "self",
    ),
    (
        "distress",
        "severe distress",
        r"\breally dark (?:day|place|time)\b|\b(?:dark|darker|darkest|black) (?:days?|places?"
        r"|holes?|spirals?|headspace)\b|\b(?:head|mind|thoughts|brain)(?:'s| is| are| keeps?"
        r"| kept)? (?:\w+ )?(?:going|goes|went|drifting|drifts|slipping) (?:back )?(?:to|into)"
        r" (?:some )?(?:dark|bad|scary|horrible|awful) (?:places?|stuff|things)\b|\bfeel(?:ing)?"
        r" (?:as |so |really |very )?dark\b|\bthe darkness is\b|\bcry(?:ing)? myself to sleep\b"
        r"|\bcan't stop (?:crying|shaking)\b|\bbreaking down\b|\bpanic attacks? (?:every|all)\b"
        r"|\bhaven't (?:slept|eaten) (?:in|for)\b|\bnot (?:eating|sleeping) (?:at all|properly)\b"
        r"|\bdrinking (?:a lot |way |much )?more\b|\bdrinking (?:every|all) (?:day|night)"
        r"|\bdrinking to (?:cope|numb|forget)|\bto numb (?:it|the pain|myself)|\busing again\b"
        r"|\bbreaking point\b|\bhaven't (?:left|got out of) (?:my )?bed\b"
        r"|\bcan't get out of bed\b|\bhaven't (?:showered|left (?:the|my) (?:house|flat|room"
        r"|home|bed|bedroom)) (?:in|for)\b"
        r"|\bdrinking[^.!?\n]{0,30} to (?:cope|numb|forget|get through)\b"
        r"|\bwalls (?:are )?closing in\b|\b(?:i'm|i am) having (?:a |such a )?(?:really |very )?"
        r"(?:hard|rough|tough|awful|horrible) time\s*(?:[.!,\n]|$)"
        r"|\bpanic(?<!nearly had a panic)(?<!almost had a panic) attacks?\b(?! (?:lol|haha))"
        r"|\b(?:hardly|barely) (?:sleeping|eating|slept|sleep|eat|ate)\b"
        r"|\bdrinking (?:\w+ ){0,4}?(?:every|each) (?:night|day|evening)\b|\bjust so i can sleep\b"
        r"|\b(?:i feel|i'm|i am|feeling) (?:so |completely |totally |utterly |really )?alone\b"
        r"(?! (?:with|in the|at|for|together))"
        r"|\bit(?:'s| is) (?:really |so |very )?bad (?:again|tonight|today|right now)\s*(?:[.!\n]|$)"
        r"|\bgets bad\b[^\n]{0,20}\bit(?:'s| is) (?:really |so )?bad\b",
        "self",
    ),
    (
        "finality",
        "sounds final",
        r"\b(?:i'm|i am) (?:so |just |really )?done\b(?=\s*(?:[.!?,\n]|$|with (?:everything|it all"
        r"|life|living|this life|all of it)))|\b(?:i've|i have) had enough\b(?=\s*(?:[.!?,\n]|$| of (?:everything"
        r"|it all|life|living|being alive|existing|this life|all of it)))|(?:^"
        r"|(?<=[.!?\n]))\s*(?:no more|done)"
        r"\s*(?:[.!,\n]|$)|\bi'm ready\s*(?:[.!,\n]|$)|\bcan't keep (?:fighting|going|doing this)\b"
        r"|\bdone (?:with|w) (?:everything|it all|life)\b|\bthere(?:'s| is) nothing left\b"
        r"|\b(?:nobody|no one) (?:would|will|'d) (?:even |really |ever |actually )?(?:care|miss me"
        r"|notice)\b|\b(?:nobody|no one) needs"
        r" me\b|\bit (?:ends|stops) (?:tonight|today|now|here)\b|\bdon't try to (?:stop|talk) me\b"
        r"|\bi mean it this time\b|\b(?:(?:don't|do not) think i(?:'m| am|'ll| will) (?:be )?"
        r"|(?:i'm|i am|i'll|i will) (?:not|never) (?:be )?|won't be )(?:going|coming|getting|climbing)"
        r" (?:back )?down\b|\bserious this time\b|\bmade (?:my|the) decision\b"
        r"|\bmy mind is made up\b|\bno point (?:waiting|trying|going on|carrying on|staying)\b"
        r"|(?:^|(?<=[.!?\n]))\s*ready to go\s*(?:[.!,\n]|$)|\bi(?:'ve| have) decided\s*(?:[.!,\n]"
        r"|$)|\b(?:i'm|i am|i'll|i will|i won't|won't) (?:not )?(?:be )?stop(?:ping)? myself\b"
        r"|\bi(?:'ve| have) (?:decided|chosen) (?:on )?(?:tonight|tomorrow|this weekend|(?:this |next )?"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s*(?:[.!,\n]|$)"
        r"|\b(?:it(?:'ll| will)|i(?:'ll| will)) (?:all )?be (?:over|done|finished|gone) (?:before|by)"
        r" (?:the )?(?:morning|dawn|sunrise)\b(?![^.!?\n]{0,30}\b(?:for (?:my|a|the|work)|shift"
        r"|work|holiday|trip|school|flight)\b)"
        r"|\b(?:nobody|no one)(?:'s| is) (?:going to )?stop(?:ping)? me\b"
        r"|\b(?:don't|do not) think (?:anyone|anybody) would (?:even |really )?(?:care|notice"
        r"|miss me|come to (?:my|the) funeral)\b|\b(?:nobody|no one) would (?:even )?come to (?:my"
        r"|the) funeral\b",
        "self",
    ),
    (
        "calm",
        "sounds calm about it",
        # a settled calm beside a plan, means or place: "I'm not scared anymore", "made my peace"
        r"\b(?:i'm|i am|i feel|feel|feeling) not (?:scared|afraid|frightened) (?:any ?more|now)\b"
        r"|\bnot (?:scared|afraid|frightened) any ?more\b|\bmade my peace\b|\bat peace with (?:it"
        r"|this|my decision|the decision|what i'm)\b|\b(?:it )?feels? (?:so |really |weirdly |oddly )?"
        r"peaceful\b|\b(?:it's|it is|its) not (?:even )?scary\b|\b(?:feel|feeling) (?:so |really"
        r" |weirdly |strangely |oddly )?calm (?:now|about it|finally)\b",
        "self",
    ),
    (
        "safe",
        "says they are safe",
        r"\b(?:i'm|i am) (?:safe|okay|ok|not in danger)(?! now)\b|\bnot in danger\b"
        r"|(?:^|(?<=[.!?,;\n] ))no (?:plan|plans|intent|intention)\b(?! (?:yet|for now))"
        r"|\bholding on\b|\bi won't act on\b|\bi'm not going to do anything\b"
        r"|\b(?:seeing|see|booked|calling|ringing|speaking to|talking to|appointment with) (?:in )?"
        r"(?:my |the )?(?:gp|doctor|therapist|counsellor|counselor|crisis team|psychiatrist|cpn"
        r"|care coordinator)\b(?! (?:said|says|told|thinks))"
        r"|\b(?:put|threw|thrown|given|gave|got rid of|flushed|handed|binned) (?:\w+ ){0,2}"
        r"(?:blades|pills|tablets|rope|razors?|knife|knives|meds)\b(?: \w+){0,2}? (?:away|in the"
        r" bin|to (?:my|a|the) \w+)\b"
        # company for the night: "my sister is staying over", "won't be on my own"
        r"|\b(?:sister|brother|mum|mom|dad|friend|mate|partner|nan|gran|cousin|neighbour|flatmate"
        r"|housemate|someone|auntie|aunt|bestie)(?:'s| is| are|'re)? (?:staying|sleeping|stopping)"
        r" (?:over|with me|here|at mine|at my place)\b|\bwon't be (?:on my own|alone)\b",
        "fixed",
    ),
    # plans, means, timeframes
    (
        "stockpile",
        "stockpiled pills",
        r"\b(?:saving|saved|stockpil\w*|hoard\w*|collect\w*|stash\w*) (?:up )?(?:\w+ ){0,2}"
        r"(?:pills|tablets|meds|medication|painkillers|paracetamol|insulin)\b"
        r"|\b(?:have|got|there are|there's) enough (?:pills|tablets|meds|now|of them)\b"
        r"|\b(?:saving|saved|stockpil\w*|hoard\w*|collect\w*) (?:them|it) (?:up)?\b(?="
        r"[^\n]{0,80}\b(?:enough|pills|tablets|meds)\b)"
        rf"|\b{_MEANS} (?:saved|stockpiled)\b"
        rf"|\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*|squirrel\w*) (?:up )?(?:\w+ ){{0,2}}"
        rf"{_DRUGS}\b"
        # hidden away over time, or bought a little at a time so nobody notices
        rf"|\b(?:hid|hidden|hiding|kept|put aside|set aside|squirrelled) (?:away )?(?:\w+ ){{0,2}}?"
        rf"{_MEANS}\b{_gap(50)}\b(?:for (?:days|weeks|months|ages|a while|a long time)|without"
        rf" (?:anyone|him|them|her) (?:knowing|noticing)|enough)\b"
        rf"|\b(?:different|several|multiple|two|three|four|five|\d+) (?:different )?(?:chemists"
        rf"|pharmacies|shops|supermarkets)\b{_gap(60)}\b(?:so (?:nobody|no one|they)|enough|pills"
        rf"|tablets|paracetamol)\b",
        "means",
    ),
    (
        "plan",
        "a plan",
        r"\b(?:wrote|written|writing|write) (?:a |my |the )?(?:suicide )?(?:note|letters? (?:to"
        r"|for)"
        r" (?:everyone|my|the))\b|\bwritten (?:my )?(?:letters|will)\b|\bletters? to everyone\b"
        r"|\bmade (?:the |my )?arrangements\b|\bgiv(?:ing|en|e) away my (?:things|stuff|pets?|cat)"
        r"|\bsaid (?:my )?goodbyes\b|\bsaid bye to\b|\b(?:got|have) (?:it|everything) (?:all )?"
        r"(?:planned|sorted|ready|worked out)\b|\beverything(?:'s| is)? (?:sorted|ready|in place"
        r"|planned)\b|\b(?:been )?planning (?:it|this|how|my death|for weeks)\b|\bpicked (?:the|a)"
        r" (?:date|day|place|spot|bridge)\b|\b(?:i have|i've got|got|have) a plan\b"
        # an evening's plan that is spelled out as self-care: "a plan for tonight: bath, face mask"
        r"(?! for (?:tonight|today|the (?:weekend|day|evening)|this (?:weekend|evening))\s*[:,-]?\s*"
        r"(?:a |an |the |my )?(?:bath|bubble bath|face ?mask|early night|netflix|takeaway|films?"
        r"|movies?|pizza|self[- ]care|pamper|book|wine|chocolate|sofa|crafts?|baking|walk|date))"
        r"|\bknow (?:which (?:bridge|one|pills)|where i'll|exactly how(?! (?:you|it|that|this|they|he"
        r"|she|hard|much|many|bad|scary|it's))|how i'll|how i will)\b"
        r"|\bworked out (?:how|when|the)\b|\bplanned (?:it|this|everything) (?:all )?(?:out )?"
        r"(?:properly|carefully|down to)\b|\bi know (?:exactly )?(?:when|where|how)(?: (?:and"
        r"|&) (?:when|where|how))?\s*(?:[.!,\n]|$)|\bput my affairs in order\b|\bupdated my will\b"
        r"|\bgoodbye (?:letters?|notes?|messages?|videos?)\b(?! to (?:him|her|my ex|them))"
        r"|\b(?:looked up|researched) how\b(?![^.!?\n]{0,60}\bfor (?:a |my |the |her |his )?(?:headache|migraine|cold|flu|fever|period(?: pain)?|cramps|toothache|back ?ache|back pain|hangover|sore throat|temperature|teething)\b)|\bthinking about how\b|\bbeen thinking (?:about )?"
        r"how\b|\bhave the means\b|\bthe means\b|\beverything i need\b|\bbooked a (?:hotel|room)\b"
        # where, when and the last messages settled: "I know where I'm going to do it", "wrote my
        # will", "written to everyone", "it's scheduled to send at midnight", "set a date"
        r"|\bknow (?:exactly )?(?:where|when|how) (?:i'm|i am) (?:going to|gonna) (?:do it|do this|go"
        r"|end it)\b|\b(?:wrote|written|writing|done|made|did) (?:out )?(?:my|a) suicide note\b"
        r"|\b(?:wrote|written|writing) (?:letters? |notes? )?to (?:everyone|everybody|all of (?:you"
        r"|them)|all (?:of )?my (?:friends|family|kids|children))\b"
        r"|\b(?:scheduled|timed|set) (?:\w+ ){0,2}?(?:to (?:send|go out|post)|(?:messages?|emails?"
        r"|posts?|texts?) (?:to|for))\b|\b(?:i've |i have )?(?:set|picked|chosen|got) (?:a|the) date\b"
        r"(?! for\b)|\bletter(?<!cover letter)(?<!covering letter)(?<!sick letter)(?<!fit letter)"
        r"(?<!permission letter)s? (?:are |is )?(?:all )?(?:done"
        r"|written|finished|sorted)\b(?=\s*(?:[.!,;\n]|$))",
        "self",
    ),
    (
        "means_ready",
        "means at hand",
        rf"\b{_MEANS}{_MEANS_NOT} (?:\w+ ){{0,2}}?(?:in my (?:hand|hands|lap|pocket)|next to me"
        rf"|beside me|in front of me|lined up|counted out|laid out)\b"
        rf"|\b{_MEANS} (?:all )?counted\b(?=\s*(?:[.!,:;\n]|$| \d| and))"
        rf"|\b(?:rope|noose|cord|ligature|belt)\b(?: \w+){{0,2}}? (?:is |are )?(?:already )?(?:up"
        rf"|tied)\b"
        # a ligature tied to a fixture: "the cord tied round the bannister"
        rf"|\b(?:rope|noose|cord|belt|cable|flex|ligature|scarf|sheet|lead)s?\b(?: \w+){{0,2}}?"
        rf" (?:is |are )?(?:already )?(?:tied|knotted|looped|fixed|attached|hung|hanging)"
        rf" (?:\w+ ){{0,2}}?(?:to|round|around|over|on|from) (?:the |my |a )?(?:\w+ )?"
        rf"(?:bannisters?|banisters?|door|hook|beam|rail|railings?|loft hatch|hatch|tree|branch"
        rf"|curtain pole|shower|wardrobe|stairs|pipe|balcony|light fitting)\b"
        rf"|\b(?:tied|knotted|looped|hung) (?:the |a |my )?(?:\w+ )?(?:rope|noose|cord|belt|cable"
        rf"|flex|ligature|scarf|sheet) (?:to|round|around|over|on|from) (?:the |my |a )?(?:\w+ )?"
        rf"(?:bannisters?|banisters?|door|hook|beam|rail|railings?|loft hatch|hatch|tree|branch"
        rf"|curtain pole|shower|wardrobe|stairs|pipe|balcony|light fitting)\b"
        # the blade is out, the pills are out on the side
        rf"|\b(?:blades?|razors?|knife|rope|pills|tablets)(?: is| are|'s) (?:already )?out\b"
        rf"(?! (?:of|for|there|in the shops|now in))"
        rf"|\bgot the (?:blades|razor|razors|rope|pills|tablets|knife) out\b"
        rf"|\b(?:counted|lined|laid|set) (?:out |up )?(?:\d+ |all |every )?(?:of )?(?:my "
        rf"|the )?"
        rf"(?:\w+ )?{_MEANS}\b"
        rf"|\b(?:engine|car) running\b{_gap(40)}\bgarage\b|\bgarage\b{_gap(40)}\bengine running\b"
        rf"|\b(?:there(?:'s| is)|i have|i've got|got|made|tied|bought) (?:a |the )?noose\b"
        rf"|\bnoose in my\b|\bhose\w* (?:to|from|on) the exhaust\b|\b(?:knife|blade|razor"
        rf"|gun) (?:is )?in my hand\b",
        "means",
    ),
    (
        "means",
        "has the means",
        rf"\b(?:have|has|got|bought|buying|holding|hold|saved|counted|ready|with|alone with"
        rf"|sat with|sitting with|looking at|staring at|keep looking at)"
        rf" (?:[\w']+ ){{0,3}}?{_MEANS}\b{_MEANS_NOT}"
        # a prescription collected ("got my sleeping tablets from the doctor"), unless for a plan
        rf"(?! from (?:the |my )?(?:doctor|gp|pharmacy|chemist|surgery|hospital)\b(?![^.!?\n]{{0,40}}"
        rf"\b(?:so (?:they|nobody|no one)|enough|all of)\b))|\bkeep(?:s|ing)? (?:a |the |my )?(?:\w+ )?"
        rf"(?:razors?|blades?|knife|rope|pills|tablets) (?:hidden )?(?:in|under|inside) my (?:purse"
        rf"|bag|pocket|room|drawer|bedside|pillow|car|locker|wallet|sock)\b(?![^.!?\n]{{0,20}}\bfor"
        rf" (?:opening|work|cooking|cutting|protection|safety|emergencies|camping|fishing)\b)"
        rf"|\bthere(?:'s| is) (?:a |the )?(?:rope|gun"
        rf"|knife|pills) (?:in|under|next to) my\b"
        rf"|\b(?:rope|noose|cord|ligature|charcoal|hose(?:pipe)?|gun)(?: is| are|'s) (?:already )?"
        rf"(?:in|under) (?:the|my) (?:boot|car|bag|drawer|garage|shed|wardrobe|room)\b"
        rf"|\b{_MEANS}{_MEANS_NOT} (?:\w+ ){{0,2}}?(?:in my bag"
        rf"|on the (?:table|bed|bedside|counter)|ready)\b|\bkeep looking (?:at the (?:tracks|edge"
        rf"|drop|water)|down|over the edge)\b|\b(?:everything|all|what|the lot) (?:that )?(?:i've|i have|i'd|i had)"
        rf" (?:been )?(?:stockpil|hoard|stash|squirrel)\w*"
        # a weapon or means hidden for oneself: "already hid the knife in my room"
        rf"|\b(?:hid|hidden|stashed) (?:a |the |my )?(?:\w+ )?{_MEANS}{_MEANS_NOT}\b"
        # someone else's medicine, taken or kept: "with my nan's tablets"
        rf"|\b(?:took|taken|taking|take|using|use|saving|saved|hid|hidden|stole|stolen|nicked"
        rf"|pinched|kept|keeping|with|swallow\w*) (?:\w+ ){{0,3}}?(?:my|his|her|our) (?:\w+ )?"
        rf"(?:nan|nana|nanna|gran|granny|grandma|grandad|grandpa|mum|mom|mam|dad|partner|husband"
        rf"|wife|sister|brother|flatmate|housemate|son|daughter|dog|cat)'s (?:\w+ ){{0,2}}?"
        rf"(?:pills|tablets|meds|medication|insulin|painkillers|prescription|{_DRUGS})\b"
        rf"(?! (?:to|back|round|for (?:her|him|them)|in (?:for|to)))",
        "means",
    ),
    ("means_word", "mentions means", rf"\b(?:{_MEANS}|noose|grave|coffin){_MEANS_NOT}\b", "means"),
    (
        "sorry",
        "apologises",
        r"\b(?:i'm|i am) (?:so )?sorry\s*(?:[.!\n]|$)|(?:^|(?<=[.!?\n]))\s*sorry\s*(?:[.!\n]|$)"
        r"|\b(?:i'm|i am) (?:so |really )?sorry (?:i (?:couldn't|wasn't|let|failed|am|'m)|for (?:being"
        r"|the trouble|everything|what i'm|what i am|what i've|this)|to everyone)\b"
        r"|\bsorry for the trouble\b|(?:^|(?<=[.!?\n]))\s*sorry for (?:everything|being)\b",
        "self",
    ),
    (
        "method",
        "a method",
        r"\b(?:jump|jumping|step|stepping|throw myself) (?:off|from|in front of) (?:\w+ ){0,4}?"
        r"(?:roof|bridge|building|cliff|car park|balcony|multi[- ]?stor(?:e)?y|train|tracks|bus"
        r"|lorry|truck|window|ledge|tower)\b|\bin front of (?:a|the|the next) (?:\w+ )?(?:train|bus"
        r"|car|lorry|truck)\b|\bin front of the (?:next )?\d{1,2}[.:]\d\d\b"
        r"|\bwalk(?:ing)? into the (?:sea|river|lake|water|traffic|reservoir|canal|loch|waves)\b"
        # at the water and going in: "I'm at the reservoir and I'm going in"
        r"|\b(?:reservoir|river|sea|lake|canal|weir|quarry|loch|dock|docks|harbour|estuary|water"
        r"|pier)\b[^.!?\n]{0,40}\b(?:i'm|i am|i'll|i will|going to) (?:just )?(?:going|walk|walking"
        r"|wade|wading|get|getting|jump|jumping|go) in\b(?! (?:to|for|at|the|a|an|my)\b)"
        # a spot chosen at a dangerous place: "I know the spot by the weir"
        rf"|\b(?:know|found|picked|chosen|chose) (?:exactly )?(?:the|a|which) (?:spot|place|bit|part"
        rf"|point) (?:by|at|on|near|under|over|off|of) (?:the )?(?:\w+ )?{_DANGER_PLACE}\b"
        # exhaust fumes: a hosepipe with the car in a quiet place
        r"|\bhose(?:pipe)?\b[^.!?\n]{0,50}\b(?:exhaust|window|tape|taped)\b"
        r"|\b(?:exhaust|woods|forest|lay-?by|somewhere quiet)\b[^.!?\n]{0,40}\bhose(?:pipe)?\b"
        r"|\bhose(?:pipe)?\b[^.!?\n]{0,40}\b(?:woods|forest|lay-?by|somewhere quiet)\b"
        r"|\b(?:every|all the|all my) pills\b|\beverything in the (?:medicine )?cabinet\b"
        r"|\b(?:go|going|went|step|stepping|jump|jumping|climb|climbing|throw myself) over (?:the )?"
        r"(?:edge|railings?|barrier|parapet|side|wall)\b(?! (?:of (?:reason|sanity)|with))"
        r"|\b(?:whole|entire|full) (?:packet|box|bottle|strip|blister|pack|tub)\b[^.!?\n]{0,40}?"
        r"\b(?:wine|vodka|whisky|whiskey|gin|rum|alcohol|booze|beer|cider)\b",
        "means",
    ),
    (
        "edge",
        "at a dangerous place",
        r"\b(?:sitting|sat|standing|stood) (?:on|at) (?:the |a )?(?:\w+ )?(?:bridge|roof|railing"
        r"|ledge|edge|parapet|cliff|tracks)\b|"
        r"\b(?:i'm|i am|sitting|sat|standing|stood|i'm sat|i'm stood|i'm sitting|i'm standing)"
        r" (?:\w+ )?(?:on|at) (?:the |a )(?:edge|ledge|railing|parapet|tracks|wrong side)\b"
        r"|\b(?:sitting|sat|standing|stood) on (?:the |a )?(?:\w+ )?(?:railing|ledge|edge|parapet)"
        r"|\bon the edge of (?:the|a) (?:roof|bridge|cliff|building|platform)\b"
        # over the railing, on the wrong side of it: "I've climbed over the rail"
        r"|\b(?:climbed|i've climbed|i have climbed|got|gotten|stepped|i'm|i am|now) (?:back )?"
        r"(?:over|onto|on to|past) (?:the |a )?(?:\w+ )?(?:rail|railings?|barrier|parapet)\b"
        r"|\b(?:i'm|i am|sitting|standing|now) (?:\w+ )?on the (?:other|wrong|far) side of the"
        r" (?:\w+ )?(?:rail|railings?|barrier|parapet|fence)\b"
        # a wall or rail at a high place: "sitting on the wall at the top of the multi storey"
        rf"|\b(?:sitting|sat|standing|stood|perched|i'm|i am) (?:up )?on (?:the |a |this )?(?:\w+ )?"
        rf"(?:wall|railing|rail|ledge|edge|parapet|barrier) (?:at|of|on|by|over|above) (?:the |a"
        rf" |this )?(?:\w+ )?{_DANGER_PLACE}\b(?![^.!?\n]{{0,30}}\b(?:with (?:a |my |the )?"
        rf"(?:coffee|tea|chips|book|picnic|friends?|kids|dog|mum|sister|family|partner)|watching"
        rf" the)\b)",
        "means",
    ),
    (
        "up_here",
        "alone at a height",
        # "it's just me and the wind up here", "it's really quiet up here"
        r"\b(?:(?:it's |it is )?(?:just|only) me(?: and (?:the |my )?\w+)?|(?:so|really|very)"
        r" (?:quiet|peaceful|calm|still|cold|windy)) up here\b",
        "self",
    ),
    (
        "location",
        "at a high or dangerous place",
        rf"\b(?:i'm|i am|sitting|sat|standing|stood|writing this|i'm sat|i'm stood|i'm sitting"
        rf"|i'm standing|i'm here|i'm parked|parked|i'm up|up here|currently|right now) (?:[\w']+ )"
        rf"{{0,2}}?(?:on|at|from|by|near|in|onto|on to|over) (?:the |a |my |this )?(?:\w+ ){{0,2}}?"
        rf"{_DANGER_PLACE}\b(?! (?:club|game|tournament|night|party|cafe|restaurant|shop|pub|bar"
        rf"|of (?:the|a|my) (?:ship|boat|nose)))(?![^.!?\n]{{0,30}}\b(?:waiting for (?:my|the|a)"
        rf" (?:train|bus|lift|taxi)|to (?:meet|pick up|collect)|for (?:work|my shift)|with (?:a |an"
        rf" |my |the |some )?(?:coffee|tea|book|picnic|friends?|kids|dog|mum|sister|family|partner"
        rf"|ice cream|chips|lunch|sandwich|flask|drink|\w+ club|\w+ group)|eating|fish and chips"
        rf"|on (?:our|a|my|the) (?:\w+ )?(?:trip|holiday|tour|visit|day out)|the view|sightseeing"
        rf"|\d+k)\b)"
        # climbing a fence to get into a festival is not being on an edge
        rf"|\b(?:climb(?:ed|ing)?|got|getting) (?:up )?(?:onto|on to|over|up) (?:the |a )?"
        rf"(?:\w+ )?(?:railings?|ledge|parapet|barrier|edge|roof|wall of the bridge|fence)\b"
        rf"(?![^.!?\n]{{0,30}}\b(?:to get (?:in|into|out|away|back|the)|into the|lol|haha)\b)"
        rf"|\b(?:driv(?:e|ing)|walk(?:ing)?|head(?:ing)?|go(?:ing)?) (?:to|towards|up to) the"
        rf" (?:\w+ )?{_DANGER_PLACE}\b(?! (?:club|game|tournament|night|party|cafe|restaurant))",
        "means",
    ),
    # "wake up tomorrow" is not a timeframe for a plan
    ("time", "a timeframe", rf"(?<!wake )(?<!wake up )\b{_WHEN}\b", "time"),
    ("now", "now", rf"\b{_NOW}\b", "time"),
    # messages that read as a last goodbye
    (
        "goodbye",
        "goodbye message",
        r"(?:^|(?<=[.!?\n]))\s*(?:goodbye|bye)(?: (?:everyone|all|world|guys|friends|all of you))?"
        r"\s*(?:[.!,]+\s*|$)(?:$|\n|i love|i'm sorry|i am sorry|sorry|thank)"
        r"|\bgoodbye (?:everyone"
        r"|all|world|guys|friends|all of you|cruel world)\b|\bthis is goodbye\b|\bthis is (?:my"
        r"|the)"
        r" (?:last|final) (?:post|message|goodbye|time)\b|\bthis will be my (?:last|final)\b"
        r"|\b(?:last|final) (?:time|post) (?:i'll|i will) (?:ever )?(?:post|write)\b"
        r"|\bby the time (?:you|anyone|someone|somebody) (?:reads?|sees?|finds?) this\b"
        r"|\btell my (?:kids|children|family|mum|mom|dad|son|daughter|husband|wife|partner|sister"
        r"|brother|parents|friends|boys|girls|baby) (?:that )?(?:i love|i'm sorry|i am sorry"
        r"|sorry|i loved)|\b(?:won't|will not|wont|(?:i'm |i am )?not going to|am not going to)"
        r" be (?:around|here|alive)"
        r"(?: (?:much longer|tomorrow|after tonight|by (?:morning|tomorrow|the weekend)|anymore"
        r"|any more|for long|next week|after today|this time tomorrow|after (?:this|the) (?:week"
        r"|weekend)|past (?:tonight|today|this week|the weekend)))\b"
        r"|\bi love you all\.? (?:i'm|i am) sorry\b"
        r"|\b(?:final|last) (?:message|post|words)\s*(?:[.!:\n]|$)|\bplease don't be sad\b"
        r"|\bi'm going now\b|\bsaying goodbye to (?:everyone|you all|all of"
        r" you)\b|\bthis is the end\b|\bi'm sorry for everything\b",
        "self",
    ),
    (
        "goodbye_weak",
        "sounds like a goodbye",
        r"(?:^|(?<=[.!?\n]))\s*(?:goodbye|bye)(?: (?:everyone|all|world|guys|friends|all of you))?"
        r"\s*x+\s*$|\bthank you (?:all |everyone )?for (?:everything|being|trying|all the|listening|the"
        r" support)\b|\btake care of (?:each other|yourselves|my)\b|\bsorry (?:everyone|for"
        r" everything)\b|\bi (?:just )?wanted (?:someone|somebody|one person|you all|people) to"
        r" know\b|\bthank you for being kind\b|\byou were (?:kind|good) to me\b"
        r"|\b(?:i )?love you all\b|\bwanted to say it somewhere\b"
        r"|\bplease (?:look after|take care of|feed) my\b"
        r"|\bthanks (?:so much )?(?:all |everyone |guys |you lot |you all |all of you )?for"
        r" (?:listening|the (?:support|chats|talks))\b|\bthank you (?:\w+ )?for the (?:chats"
        r"|talks)\b",
        "self",
    ),
    (
        "farewell",
        "sounds like a farewell",
        # gratitude in the past tense, reassurance that it is no one's fault, a last word
        r"\b(?:thank you|thanks) (?:so much )?(?:all |everyone |guys |you lot |you all |all of you )?"
        r"for (?:everything|all (?:your|you've|you have|the (?:kindness|support)))\b"
        r"|\b(?:thank you|thanks) (?:\w+ ){0,2}?for (?:everything |all )?(?:you|you've|you lot"
        r"|you all|you guys) (?:have |'ve )?(?:done|did|gave)\b"
        r"|\b(?:you were|you've been|you have been|you lot were|you lot have been|everyone here"
        r" (?:has|was)|everyone (?:has|was)|people here (?:have|were)|you guys were|you guys have"
        r" been) (?:all )?(?:been )?(?:so |really |always |more than )?(?:kind|good|decent"
        r"|lovely|nice|sweet|patient) (?:to|with) me\b|\bnone of this (?:is|was) (?:your"
        r"|anyone's|anybody's) fault\b|\b(?:it's|it is|this is)(?:n't| not) (?:anyone's"
        r"|anybody's) fault\b|\bdon't blame yourselves\b"
        r"|\b(?:one|a) last (?:person|people|chat|conversation|message)\b"
        r"|\b(?:look after|take care of) (?:each other|yourselves)\b|\bplease (?:look after"
        r"|take care of|feed) my\b|\b(?:didn't|don't|did not) want to (?:go|leave|disappear)"
        r" without (?:saying|telling)\b|\bi love you all\b"
        # "look after Biscuit for me", "you've all been ace", "I won't be coming back"
        r"|\b(?:look after|take care of|feed|walk|love) (?:\w+ ){1,2}?for me\b(?=\s*(?:[.!,x\n]|$))"
        r"|\b(?:you've|you have|you guys have|you lot have|everyone here has|you) (?:all )?been"
        r" (?:so |really |absolutely )?(?:ace|amazing|brilliant|wonderful|great|the best|lovely"
        r"|kind|so good)\b(?=\s*(?:[.!,x\n]|$))|\bwon't be coming back\b(?! (?:to|here|for|until"
        r"|till|before|tonight|today|on|after|this (?:week|weekend)|from (?:work|holiday|the))\b)"
        r"|\b(?:just )?wanted to say (?:bye|goodbye)\b",
        "self",
    ),
    (
        "arrange",
        "arranging their affairs",
        # pets, children and things handed over
        r"\b(?:giv(?:e|ing|en)|gave|leav(?:e|ing)|left|hand(?:ing|ed)? over|rehom(?:e|ing|ed)"
        r"|sen(?:d|ding|t)) (?:away )?(?:my|the) (?:\w+ )?(?:cats?|dogs?|pets?|rabbits?|pupp(?:y|ies)"
        r"|kittens?|birds?|hamsters?|guinea pigs?|fish|horse|jewellery|jewelry|ring|guitar"
        r"|games|records|books|plants|savings)\b(?: \w+){0,2}? (?:to|with)\b"
        r"|\b(?:found|finding|find|sorted) (?:a )?(?:new )?homes? for (?:my|the) (?:\w+ )?(?:cats?"
        r"|dogs?|pets?|rabbits?|pupp(?:y|ies)|kittens?)\b"
        r"|\b(?:my|the) (?:\w+ )?(?:cats?|dogs?|pets?|rabbits?|pupp(?:y|ies)|kittens?)(?:'s| is"
        r"| are|'re)? (?:going|gone) to (?:my|the|a|our|live with) (?:\w+ )?(?:neighbou?r|sister"
        r"|brother|mum|mom|mam|dad|friend|nan|gran|aunt\w*|uncle|cousin|daughter|son|mate"
        r"|parents|family|new home)\b"
        r"|\b(?:is|'s|are|'re|will be) (?:having|taking|keeping) (?:my|the) (?:cats?|dogs?|pets?"
        r"|rabbits?|pupp(?:y|ies)|kittens?|kids|children) (?:for good|permanently|forever|from"
        r" (?:now|tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday"
        r"|sunday))\b"
        r"|\b(?:asked|told|arranged for) (?:my )?\w+ to (?:have|take|look after|keep) (?:my|the)"
        r" (?:kids|children|cats?|dogs?|pets?) (?:for good|forever|permanently|from now on"
        r"|if anything)\b"
        # affairs put in order
        r"|\bso (?:nobody|no one|the kids|my family|my mum|they) (?:gets?|has|have|is|are|will be)"
        r" (?:to )?(?:lumbered|stuck|left|saddled|deal) with\b|\b(?:sorted|sorting|wrote down"
        r"|written down|left) (?:out )?(?:all )?my (?:funeral|passwords|pin numbers|affairs)\b"
        r"|\b(?:when|after|once) i'm gone\b(?! (?:to|for|out|away|on|back|from|shopping))"
        r"|\b(?:left|wrote|written|writing|sorted|planned|planning|arranged|made|chosen|picked)"
        r" (?:\w+ ){0,3}?(?:for|about|of) my (?:own )?funeral\b"
        r"|\b(?:wrote|written|writing|done|made|did|sorted) (?:out )?(?:my|a) will\b|\bmy will"
        r" (?:is |'s )?(?:written|done|sorted|signed)\b|\bmy (?:own )?funeral (?:plans"
        r"|instructions|wishes|arrangements|playlist|songs|music)\b"
        r"|\b(?:sorted|sorting|decided|worked out|written down|wrote down) (?:out )?who (?:gets"
        r"|has|takes|is having) (?:my|the) (?:stuff|things|belongings|cat|dog|pets?|money)\b"
        r"|\b(?:sorted|sorting|checked|updated|paid up) (?:out )?(?:the |my )?life insurance\b"
        r"|\b(?:leave|leaving|left|put|transferred) (?:some |the |all my )?(?:money|savings) (?:in"
        r"|into|for|to) (?:the |my )?(?:kids'?|children's|son's|daughter's|mum's|family's)\b"
        r"|\b(?:gave|giving|given|give) (?:my|the) (?:\w+ )?(?:sister|brother|mum|mom|mam|friend"
        r"|neighbou?r|niece|nephew|daughter|son|cousin|nan|mate) my (?:[\w']+ )?(?:jewellery|jewelry"
        r"|ring|rings|necklace|watch|savings|guitar|books|records|things|stuff|clothes)\b"
        r"|\b(?:gave|giving|given) (?:my|the) (?:\w+ ){0,4}?(?:cats?|dogs?|pets?|guitar|jewellery"
        r"|jewelry|things|stuff) away\b",
        "affairs",
    ),
    (
        "reunion",
        "speaks of joining someone who has died",
        r"\b(?:going to|i'll|i will|soon|finally|to) (?:finally |soon |be able to )?(?:(?:be with"
        r"|be reunited with|join) (?:my )?(?:\w+ )?(?:nan|nana|nanna|gran|granny|grandma|grandad"
        r"|grandpa|grandmother|grandfather|mum|mom|mam|mother|dad|father|brother|sister|son"
        r"|daughter|baby|husband|wife|best friend|angel)\b(?: again)?|(?:see|hold) (?:my )?(?:\w+ )?"
        r"(?:nan|nana|nanna|gran|granny|grandma|grandad|grandpa|mum|mom|mam|mother|dad|father"
        r"|brother|sister|son|daughter|baby|husband|wife|best friend|angel) again)"
        r" (?:soon|very soon|tonight|in heaven|up there|on the other side|where (?:he|she|they)"
        r" (?:is|are))\b",
        "self",
    ),
    (
        "anniversary",
        "anniversary of a suicide attempt",
        r"\banniversary of (?:my|the|when i) (?:\w+ )?(?:attempt|overdose|tried|od)\b"
        r"|\b(?:tried to (?:end it|end my life|kill myself|take my life|die)|attempted|suicide"
        r" attempt|overdosed|my (?:first |last )?(?:attempt|overdose))\b[^.!?\n]{0,100}?"
        r"\banniversary\b|\banniversary\b[^.!?\n]{0,60}?\b(?:attempt|overdose|tried to"
        r" (?:end|kill|take))\b",
        "recall",
    ),
    # attempts in progress
    (
        "attempt",
        "attempt in progress",
        r"\b(?:took|taken|swallowed|downed|just took) (?:the|a|an) (?:whole|full|entire) (?:box"
        r"|packet|bottle|strip|pack|blister)\b"
        # "the whole box of chocolates" is not a medicine
        rf"(?! of (?!(?:my |the |his |her |\w+'s )?(?:\w+ ){{0,2}}?{_MEANS}\b)\w)"
        r"|\b(?:took|taken|swallowed|downed|had|just took|ate|drank) (?:like |about |around |over "
        r"|nearly |maybe |at least )?(?:an overdose|an od\b|0*(?:[89]|[1-9]\d+)|all|every|everything|the"
        r" whole|a whole|half|a handful|handfuls|a bunch|loads|lots|too many|the lot|a (?:full )?"
        r"(?:bottle|packet|box|strip|pack|load)|both (?:boxes|packets)|two (?:boxes|packets)|a lot)"
        r"\b[^.!?\n]{0,40}?\b(?:pills|tablets|meds|medication|paracetamol|insulin|painkillers"
        rf"|antidepressants|sleeping|cabinet|medicine|ibuprofen|aspirin|them|overdose|bleach"
        rf"|{_DRUGS})\b(?! (?:to|back to|into|in to|in for|for disposal)\b)"
        r"|\b(?:i|i've|i have|just) (?:just |already )?overdosed\b|\bswallowed (?:everything"
        r"|all of it|the lot|a whole|the whole)\b"
        # "swallowed the whole packet of sweets": food, not pills
        r"(?! (?:\w+ )?(?:packet|bag|box|tub|bar|jar|tin|plate|bowl|tube|slab) of (?!(?:my |the |his |her )?(?:\w+ ){0,2}?(?:pills|tablets|meds|medication|medicine|paracetamol|ibuprofen|painkillers)\b))|\b(?:overdid it|took|taken)[^.!?\n]{0,40}"
        r"\bon purpose\b|\bon purpose\b[^.!?\n]{0,30}\b(?:pills|tablets|meds)\b|\b(?:i've"
        r"|i have) (?:already )?"
        r"taken (?:the|my|them)\b|\btook (?:an )?overdose\b"
        # told indirectly: "after what I just swallowed", "swallowing them one at a time",
        # "mixed all my tablets with vodka", "more insulin than I should have. On purpose."
        r"|\b(?:after|from|with) what i(?:'ve| have)? (?:just |already )?(?:swallowed|took|taken"
        r"|drank|injected|ate|downed)\b"
        r"|\b(?:i'm|i am) (?:\w+ )?(?:swallowing|downing|necking) (?:them|it all|all|the lot"
        r"|(?:all )?(?:my |the )?(?:\w+ )?(?:pills|tablets|meds|painkillers|paracetamol))\b"
        rf"|\b(?:swallowing (?:them|\w+)|(?:taking|having) (?:them|(?:the |my )?{_MEANS})) one"
        r" (?:at a time|by one|after (?:another|the other))\b"
        rf"|\b(?:mixed|mixing) (?:\w+ ){{0,3}}?{_MEANS} (?:with|and) (?:\w+ )?(?:vodka|wine|whisky"
        r"|whiskey|gin|rum|alcohol|booze|beer|cider|drink|spirits)\b"
        rf"|\b(?:took|taken|injected|swallowed|ate|drank|downed)\b[^\n]{{0,50}}?\b(?:{_MEANS}|more"
        r"|too (?:many|much)|extra|a lot|overdose)\b[^\n]{0,40}?\bon purpose\b",
        "attempt",
    ),
    (
        "bleeding",
        "injured and bleeding",
        r"\b(?:a lot of|so much|lots of|too much|loads of) blood\b|\bblood everywhere\b"
        r"|\bbleeding (?:a lot|badly|heavily|everywhere|loads|so much|really bad)\b"
        r"|\bwon't stop bleeding\b|\bcan't (?:make it |get it to )?stop (?:bleeding|the bleeding)"
        r"|\b(?:blood|bleeding) (?:is |it's |keeps )?(?:soaking|soaked|pouring|gushing|dripping)"
        r"|\bsoaked (?:through )?(?:the|a|my) (?:towel|bandage|sheets|clothes)\b"
        r"|\b(?:it|the bleeding) won't stop\b|\bit's (?:pouring|gushing)\b|\bcut (?:too |really "
        r"|so )"
        r"deep\b|\bdeep this time\b|\bbad this time\b|\bslit my wrists\b",
        "attempt",
    ),
    (
        "help",
        "asking for help now",
        r"\bplease (?:help|someone|somebody|talk to me|call)\b|\bsomeone (?:please )?(?:help|talk"
        r" to me)\b|\bhelp me please\b|\bi need help (?:now|right now|tonight)\b"
        r"|\bwhat do i do (?:right )?now\b|\bcall (?:the police|999|911|000|112)\b",
        "means",
    ),
    (
        "past",
        "recent attempt or suicidal thoughts",
        # just back from hospital after harming oneself: "just home from A&E after last weekend"
        r"\b(?:home|back|out|discharged|released|got out) (?:from|of) (?:a ?& ?e|a and e|hospital"
        r"|the hospital|the ward|(?:the )?psych (?:ward|unit)|the mental health unit) (?:(?:yesterday"
        r"|today|this morning|last night|on \w+day) )?(?:after|since|following) (?:what i did|my (?:attempt|overdose)|an? (?:attempt|overdose)|i (?:tried|took"
        r"|cut|did)|trying|last (?:night|weekend|week))\b(?![^.!?\n]{0,40}\b(?:op|operation"
        r"|surgery|fall|sprain|broken|birth|baby|scan|knee|hip|accident|infection)\b)"
        r"|\bsent me (?:home|off) with a leaflet\b",
        "self",
    ),
    (
        "symptom",
        "physical signs of harm",
        # what an overdose or blood loss feels like from the inside
        r"\bcan't feel my (?:fingers|hands?|arms?|legs?|feet|face|lips)\b|\b(?:feel|feeling|i'm)"
        r" (?:really |so |very )?(?:faint|floaty|woozy|like i'm going to pass out|like i might pass"
        r" out)\b|\bears (?:are )?ringing\b|\bvision (?:is )?(?:going|blurry|fading|dark)\b"
        r"|\bcan't keep my eyes open\b|\blips (?:are )?(?:going )?(?:blue|numb)\b"
        r"|\beverything(?:'s| is) (?:going )?(?:slow|heavy|blurry|fuzzy|spinning)\b"
        r"|\b(?:going|gone|turning) (?:grey|white|cold) and\b|\bit's pooling\b",
        "self",
    ),
    (
        "other_now",
        "someone else in danger now",
        r"(?#needs:taken|took|swallowed|overdosed|goodbye|bye|answer|picking|jump|farewell|suicide)"
        # someone else's overdose, place or goodbye, with a sign that it is happening now
        r"\b(?:friend|mate|sister|brother|cousin|son|daughter|mum|mom|dad|partner|girlfriend"
        r"|boyfriend|niece|nephew|flatmate|housemate|she|he|they)\b[^.!?\n]{0,60}?\b(?:has |'s"
        rf" |have |just )?(?:(?:taken|took|swallowed)\b[^.!?\n]{{0,40}}?\b(?:tablets|pills|overdose"
        rf"|meds|medication|paracetamol|painkillers|{_DRUGS}|the lot|everything in)|overdosed)\b"
        r"(?=[^\n]{0,200}?\b(?:not"
        r" answering|isn't answering|won't answer|not picking up|can't reach|can't get (?:hold of"
        r"|through to)|said (?:bye|goodbye)|goodbye|right now|ambulance|not responding)\b)"
        rf"|\b(?:friend|mate|sister|brother|cousin|son|daughter|mum|mom|dad|partner|girlfriend"
        rf"|boyfriend|niece|nephew|flatmate|housemate|she|he)(?:'s| is) (?:\w+ )?(?:on|at|in) (?:the"
        rf" |a )?(?:\w+ ){{0,2}}?{_DANGER_PLACE}\b(?=[^\n]{{0,120}}?\b(?:goodbye|bye|not answering"
        rf"|won't answer|not picking up|going to jump|threatening to jump)\b)"
        r"|\b(?:friend|mate|sister|brother|cousin|son|daughter|she|he)\b[^.!?\n]{0,60}?\b(?:just )?"
        r"(?:sent|left|texted|messaged) (?:me |us )?(?:a |her |his )?(?:goodbye|farewell|suicide)"
        r" (?:voice note|voice message|message|text|note|letter|video)\b",
        "watch",
    ),
    # danger from someone else (the Danger Assessment items)
    (
        "threat",
        "threat to kill",
        r"(?#needs:kill|murder|stab|shoot|strangl|smother|drown|bury|burn|slit|neck|rid|end|finish|ground|dead|disappear|fire|miss|body|use|take|run|ran|mow|driv|dug|dig|hole|grave|pit|see|survive|last|make|around|here|alive|numbered|bye)"
        # One pass for every "aggressor ... <threat>" form: the aggressor and the gap are the
        # costly part, so the threats share them.
        rf"\b{_AGG}\b{_gap(70)}\b(?:(?:kill|murder|stab|shoot|strangle|smother|drown|bury|slit)"
        rf"(?:s|ed|ing)?\b(?! (?:himself|herself|themselves|it\b|time))(?: \w+){{0,2}}? (?:me|us"
        rf"|you|my|the kids|the baby|them|her|him)\b|(?:break|snap) my neck\b"
        rf"|(?:get rid of me|end me|finish me|finish it|put me in the ground"
        rf"|gets? rid of (?:me|us)|(?:i'll|i will|you'll|you will) be dead|make me disappear"
        rf"|burn (?:the (?:house|flat) )?(?:down )?with (?:me|us)|set fire"
        rf"|won't miss|never find my body|find my body|use it on me|end it for (?:both|all) of"
        rf" (?:us|them)|end (?:it|things) for (?:us|them|the kids|everyone|all of us)|take (?:us|them"
        rf"|me|the kids|the baby) with (?:him|her)|take (?:us|them|the kids) all out)\b"
        # new ways to say it: "run me over", "shoot the dog and then me", "if I stop him I'm
        # dead", a grave dug for the poster
        rf"|(?:run|running|ran|mow|drive|driving) (?:me|us|you) (?:over|down|off the road)\b"
        rf"|(?:kill|murder|stab|shoot|strangle|drown|burn)(?:s|ed|ing)? (?:the |my |our )?\w+"
        rf"(?: \w+)? (?:and |then |and then |before )(?:me|us|you|the kids)\b"
        rf"|if (?:i|you) (?:\w+ ){{0,6}}?(?:i'm|i am|i'll be|i will be|you're|you are|you'll be"
        rf"|you will be) (?:\w+ )?dead\b"
        rf"|(?:dug|digging|dig|dug out) (?:a|my|your|the) (?:\w+ )?(?:hole|grave|pit)\b)"
        rf"|\b(?:hole|grave|pit) (?:that )?(?:he|she|they)(?:'s|'d| has| had)? dug\b"
        rf"|{_DOOM}|\byou(?:'re| are) dead\b"
        # "say goodbye to mummy", told to a child as a quote
        rf"|['\"]\s*say (?:good)?bye to (?:mummy|mommy|mum|mom|mama|your (?:mum|mummy|mother|mam"
        rf"|mom))\b"
        rf"|\bnever see (?:her|him|them|the kids|my \w+|me) alive again\b|\bkill (?:me|us|you)"
        rf" (?:and|then) (?:the kids|himself|herself)\b",
        "danger",
    ),
    (
        "strangle",
        "strangulation",
        r"\b(?:hands?|arms?|fingers|knee|belt|rope|forearm) (?:a?round|on|over|against) my (?:neck"
        r"|throat)\b|\b(?:choked|choking|chokes|choke|strangled|strangling|strangles|strangle"
        r"|throttled|smothered|smothering) me\b|\b(?:grabbed|squeezed|squeezing|gripped|held|pinned"
        r"|had) (?:me )?(?:down |up )?(?:by )?(?:my|the) (?:neck|throat)\b|\bmy (?:neck"
        r"|throat) against\b"
        r"|\bpillow over my face\b|\bsqueezed my (?:neck|throat)\b|\bpinned (?:me )?by the throat\b"
        r"|\b(?:got|had) my neck\b"
        r"|\b(?:he|she|they|him|ex)\b[^.!?\n]{0,40}?\b(?:(?:wrapped|tied|pulled|tightened|put"
        r"|looped|twisted|wound|yanked) (?:\w+ ){0,4}?(?:cable|cord|wire|lead|charger|belt|rope"
        r"|strap|chain|bag|string|flex)|(?:pulled|tightened|twisted|yanked) (?:\w+ ){0,4}?(?:tie"
        r"|scarf|lanyard|towel|sheet)) (?:\w+ )?(?:tight )?(?:a?round|on|over|against) my (?:neck"
        r"|throat|face|head)\b"
        r"|\b(?:neck|throat)\b[^.!?\n]{0,60}?\b(?:couldn't breathe|could not breathe|can't breathe"
        r"|couldn't get (?:any )?air|passed out|blacked out|went (?:black|dark)|everything went"
        r"|lost consciousness|vision went)\b",
        "danger",
    ),
    (
        "weapon",
        "weapon",
        r"(?#needs:gun|knife|knives|rifle|pistol|weapon|blade|machete|axe|hammer|bat|crossbow|firearm|screwdriver|petrol|scissors|crowbar|cleaver|lighter|jerry|taser|sword|iron bar|poker|bottle|belt|paraffin|accelerant|fuel|diesel|threaten|sharpening)"
        rf"\b{_AGG}\b{_gap(50)}\b(?:(?:has|have|had|got|keeps?|kept|bought|holding|held|pointed"
        rf"|pointing|waving|waved|brandish\w*|swinging|swung|sharpening|sharpened|grabbed|pulled"
        rf"|carrying|carries|owns|with|loaded|took out|sleeping with)"
        rf" (?:\w+ )?(?:a |an |his |her |the |my )?(?:\w+ ){{0,2}}?(?:gun|guns|knife|knives|rifle"
        rf"|shotgun|pistol|weapon|blade|machete|axe|hammer|bat|crossbow|firearm|screwdriver"
        rf"|petrol(?! (?:for|station|prices?|tank|money|card|car|pump))"
        rf"|scissors|crowbar|cleaver|lighter fluid|jerry can|taser|sword|iron bar|poker|broken"
        rf" bottle|belt(?= out))\b{_MEANS_NOT}"
        # a weapon taken to bed or upstairs; fuel to start a fire
        rf"|(?:took|taken|taking|hid|hidden|hiding) (?:a |an |his |her |the |my )?(?:\w+ ){{0,2}}?"
        rf"(?:gun|knife|knives|rifle|shotgun|pistol|weapon|blade|machete|axe|hammer|bat|crowbar"
        rf"|cleaver) (?:up|to bed|upstairs|into|in his|with (?:him|her)|under)\b"
        rf"|(?:lighter fluid|paraffin|accelerant|a jerry can|a can of petrol|petrol can)\b)"
        rf"|\b(?:pouring|poured|splashing|splashed|spreading|dousing|doused) (?:\w+ )?(?:petrol"
        rf"|lighter fluid|paraffin|fuel|accelerant|diesel)\b"
        rf"|\bthreaten(?:ed|s|ing) (?:me|us) with\b|\b(?:held|holding|put|pressed) (?:a |the |his"
        rf" |her )?(?:knife|gun|blade) (?:to|at|against) (?:me|my)\b|\bpointed (?:a |the |his |her"
        rf" )?(?:gun|knife|rifle|shotgun) at\b|\b(?:at the door|outside) with (?:a|his|the)"
        rf" (?:knife|gun|hammer|bat|weapon|axe)\b|\bpoured petrol\b|\bsharpening (?:a |the |his )?"
        rf"(?:knife|knives|something)\b",
        "danger",
    ),
    (
        "breakin",
        "abuser trying to get in",
        rf"\b(?:kicking|banging|breaking|smashing|pounding|hammering|trying to (?:break|kick|get)"
        rf"|kicked|smashed|broke|broken|punched|punching|hacking|chopping|booting) (?:on |down |in"
        rf" |at |through )?(?:the |my |our )?(?:\w+ )?"
        rf"(?:door|window)s?\b|\b(?:broke|broken|breaking|forced (?:his|her|their) way) in\b"
        rf"|\btrying (?:the|to open the) (?:door|handle|windows?)\b|\b(?:he|she|they|ex|my ex)(?:'s"
        rf"|"
        rf" is| are|'re)? (?:\w+ )?(?:outside|at the door|at my door|downstairs|in the house|on"
        rf" (?:his|her|their|the) way|at the (?:gate|window|house)|here|at my (?:mum's|house|flat"
        rf"|work|window))\b(?! (?:again|every|most|all the time|a lot))(?!{_HANDOVER})"
        rf"|\bwaiting outside\b(?!{_HANDOVER})"
        rf"|\bfound me at\b|\b(?<!cat )(?<!dog )(?<!kitten )(?<!puppy )(?<!fox )(?<!bird )"
        rf"trying to (?:get|break|force (?:his|her|their) way) in(?:to)?\b"
        rf"|\b(?:him|her|them|someone) (?:at|outside) (?:my|the) (?:front |back |bedroom )?"
        rf"(?:door|window)|\b(?:he|she|they|stalker|ex)(?:'s| is| are)? (?:\w+ ){{0,3}}?(?:inside"
        rf"|in) (?:my|the|our) (?:building|house|flat|garden|hallway|home)\b{_gap(20)}\b(?:now"
        rf"|right now)\b|\b(?:he|she|ex)(?:'s| is) at (?:the|my|our) (?:\w+ )?(?:gates?|door"
        rf"|school|house|flat)\b{_gap(20)}\b(?:now|right now)\b"
        rf"|\b(?:location|tracker|app|map|find my|life360|coming|driving|heading|on (?:his|her"
        rf"|their) way)\b{_gap(40)}\b(?:he's|she's|he is|she is|they're|they are) {_AWAY}"
        rf"|\b(?:he's|she's|he is|she is) {_AWAY}{_gap(30)}\b(?:now|right now|coming|heading"
        rf"|driving|on (?:his|her) way|according to|tracker|location)\b"
        # the abuser (or his people) here now: "he's sitting in the car park", "he's parked by the
        # gates", "he's at the front desk", "he's just pulled up outside", "his van is outside"
        rf"|(?:\b(?:he|she|ex|stalker)(?:'s| is) (?:now |still |currently |literally |just )?"
        rf"(?:(?:sitting|standing|waiting|parked|lurking|hanging around|pacing|circling)(?: \w+)?"
        rf" (?:outside|across|opposite|(?:by|at) the (?:gates?|door|window|entrance|end)|in (?:my|the"
        rf"|our) (?:street|road|car park|driveway|drive|close)|down the (?:road|street)|near (?:my"
        rf"|the) (?:house|flat|door|school|work))\b|at the (?:front |back"
        rf" |side )?(?:desk|door|gates?|window)\b|at reception\b|out(?:side)? the (?:front|back)\b"
        rf"|out front\b|across the road\b|in (?:my|the|our) (?:street|road|car park|driveway|drive"
        rf"|hallway|stairwell|lobby|reception|building|garden|close)\b|at the end of (?:my|the"
        rf"|your|our) (?:road|street|drive|lane|close)\b)|\b(?:he|she|ex|stalker)(?:'s|'ve"
        rf"| has| have) (?:just|now) (?:pulled up|turned up|showed up|rocked up|arrived|appeared)\b"
        rf"|\bnow (?:he|she|they)(?:'s|'ve| has| have) (?:pulled up|turned up|showed up|arrived)\b"
        rf"|\b(?:his|her|their|my ex's) (?:\w+'?s? )?(?:car|van|truck|ute|motorbike|bike)(?:'s| is)"
        rf" (?:parked |sitting |idling |waiting )?(?:outside|across the road|opposite|out the front"
        rf"|at the end of (?:my|the) (?:road|street)|in (?:my|the) (?:street|road|drive|car park))\b)"
        rf"(?![^.!?\n]{{0,40}}\b(?:every|most|all the time|again|a lot|whenever|sometimes|often"
        rf"|usually|always|for weeks|each|last (?:night|week|month)|yesterday|ago|waiting for (?:her"
        rf"|his|my|the|a) (?:\w+ )?(?:lesson|bus|train|lift|friend|appointment|mum|dad|turn|class"
        rf"|practice|training|shift)|we're going (?:to|for|out)|going (?:to|for) (?:the )?(?:cinema"
        rf"|pictures|movies|shops|pub|gym|dinner|lunch|brunch|coffee|drinks?))\b)(?!{_HANDOVER})"
        # his words, quoted, saying he is here: "'I'm at the end of your road'"
        rf"|['\"]\s*i'm (?:\w+ )?(?:outside|at|in|by|round|near|parked) (?:the end of |the front of"
        rf" )?(?:your|ur)\b"
        # tracked to where the poster is now, or found where she is hiding
        rf"|\b(?:airtag|tracker|gps|tracking)\b[^\n]{{0,200}}?\b(?:we're|i'm|we are|i am) still"
        rf" (?:at|in|here)\b"
        rf"|\b(?:outside|found|at|pic|photo|picture|knows)\b{_gap(40)}\bwhere (?:i'm|i am|we're"
        rf"|we are) hiding\b(?!{_gap(30)}\b(?:for|until|till|since|last|next)\b)"
        rf"|\b(?:he|she|they|ex|he's|she's)\b{_gap(30)}\b(?:sending|sent|texted|messaged|sends)"
        rf"(?: me)? (?:a |some |more"
        rf" )?(?:photos?|pictures?|pics?|videos?) of (?:my|our|the) (?:\w+ ){{0,2}}?(?:door|house"
        rf"|flat|car|window|building|street)\b{_gap(40)}\b(?:from outside|right now|just now"
        rf"|where i'm|where we're|i'm (?:home )?alone|i'm inside)\b",
        "danger",
    ),
    (
        "assault",
        "being assaulted now",
        rf"\b{_AGG} (?:just )?(?:hit|punched|beat|kicked|attacked|slapped|raped|stabbed|headbutted"
        rf"|threw|dragged|bit|burned) (?:me|my)\b{_gap(60)}\b(?:took my|neighbou?r|right now|just"
        rf" now|bleeding|hiding|hospital|pregnant|can't (?:move|see|walk|breathe)|with a|tonight"
        rf"|an hour ago|minutes ago)\b|\b{_AGG}(?:'s| has)? (?:just|has just) (?:hit|punched|beat"
        rf"|kicked"
        rf"|attacked|raped|stabbed) me\b|\bhiding in (?:the |my )?(?:bathroom|wardrobe|cupboard"
        rf"|bedroom|toilet|closet|car|shed|loft)\b(?![^.!?\n]{{0,30}}\b(?:from (?:the|my|our) (?:kids"
        rf"|children|toddlers?|twins)|hide and seek|peace and quiet|lol)\b)"
        rf"|\blocked (?:me|us|myself|in)\b{_gap(40)}"
        rf"\b(?:took|phones?|won't let|in the|bathroom|bedroom|with my)\b|\bwon't let (?:me|us)"
        rf" (?:leave|out|go)\b|\btook (?:my|our) (?:phones?|keys|car keys)\b|\btyping this from"
        rf"|\b(?:is|he's|she's) (?:hitting|beating|hurting|attacking) (?:me|us|my|the|her|him)\b"
        rf"(?! at (?:chess|cards|games?|\w+ (?:games?|races?)|monopoly|scrabble|uno|tennis|pool"
        rf"|darts|football|everything))"
        rf"{_gap(30)}\b(?:right now|now)\b|\bon (?:my|a) neighbou?r'?s phone\b"
        rf"|{_AGG_IS} (?:now |still |currently |literally )?(?:hitting|beating|punching|kicking"
        rf"|stabbing|choking|strangling|throttling|smothering|battering|attacking|dragging"
        rf"|slapping) (?:me|us|my \w+|her|him|them)\b(?!{_gap(40)}\b(?:again|more|a lot|every"
        rf"|whenever|when|all the time|lately|these days|at (?:chess|cards|games?|football|tennis"
        rf"|pool|darts)|in (?:games|arguments))\b)"
        rf"|\b(?:dragged|pushed|forced|bundled|threw|shoved) me (?:\w+ ){{0,4}}?into (?:the|his|her|a)"
        rf" (?:car|van|boot|truck)\b{_gap(60)}\b(?:he's|she's|right now|now|i'm|typing|driving"
        rf"|won't let)\b"
        rf"|\btyping (?:this )?(?:under (?:my|the) (?:coat|covers|duvet|blanket|table)|with one hand"
        rf"|quietly|in the dark)\b|\b(?:can't|cannot) talk\b{_gap(20)}\b(?:he|she)(?:'ll| will"
        rf"| might| would)? hear\b"
        rf"|\bhiding (?:in|under) (?:the |my )?(?:\w+ )?(?:garage|loo|attic|loft|basement|cellar"
        rf"|utility|pantry|bed|kids' room)\b{_gap(40)}\b(?:he's|she's|he is|she is|right now"
        rf"|now)\b|\bhiding\b{_gap(60)}\b(?:he's|she's) (?:looking|searching|hunting) for me\b"
        rf"|\b(?:hit|shook|shaken|punched|kicked|threw|thrown|slammed|strangled|choked|beat|beaten"
        rf"|dropped|pushed)\b{_gap(80)}\b(?:not waking up|won't wake(?: up)?|unconscious|not"
        rf" breathing|isn't breathing|floppy|unresponsive|not responding|limp|knocked out|fitting"
        rf"|having a fit)\b",
        "danger",
    ),
    (
        "child",
        "a child in danger now",
        rf"\b{_KID}\b{_gap(80)}\b(?:alone with (?:him|her|them|\w+) (?:right now|now|tonight)"
        rf"|home alone with|comes into (?:her|his|their) (?:room|bed)|crash (?:it|the car)"
        rf"|driv(?:e|ing) off|off a cliff|hitting (?:him|her|them)|ending it for|belt (?:is )?out"
        rf"|in the car with (?:him|her|them|my ex|his dad|their dad|her dad|my partner)\b{_gap(80)}"
        rf"\b(?:{_DRUNK}|drove off|driving off|speeding|threaten\w*))\b"
        rf"|\b(?:has|took|taken|got|have|kept) (?:my|the|our) {_KID}\b{_gap(100)}\b(?:never see"
        rf"|kill|hurt|crash|cliff|drive off|driving off|ending it|regret|isn't answering|not"
        rf" answering|{_DRUNK}|won't give|won't (?:say|tell me) where|won't bring (?:him|her|them)"
        rf" back|not bringing (?:him|her|them) back|(?:get|see) (?:him|her|them) (?:back )?when)\b"
        rf"|\bvideo of him hitting\b|\blocked (?:my|the"
        rf"|our) (?:\w+ )?{_KID}\b"
        rf"|\b{_KID}\b{_gap(60)}\bhe said he(?:'d| would| will|'ll) take (?:him|her|them)\b"
        rf"|\b{_DRUNK}\b{_gap(80)}\b(?:drove|driving|driven|drive|took|taken|taking|gone) (?:off"
        rf" |away )?with (?:my|the|our) (?:\w+ )?{_KID}\b"
        rf"|\b(?:drove|driving|driven|took|taken|taking|gone) (?:off |away )?with (?:my|the|our)"
        rf" (?:\w+ )?{_KID}\b{_gap(80)}\b{_DRUNK}\b"
        rf"|{_AGG_IS} (?:now |still |currently |just |really )?(?:hitting|beating|hurting|attacking"
        rf"|choking|strangling|shaking|kicking|punching|slapping|whipping|belting|laying into"
        rf"|going after|dragging|battering|smacking|throwing things at) (?:\w+ )?(?:my|the|our"
        rf"|his|her) (?:\w+ )?{_KID}\b"
        rf"|\bbelt (?:is )?out\b{_gap(80)}\b{_KID}\b"
        rf"|\btaking (?:the |his |her |a )?(?:belt|wooden spoon|slipper|cane) to (?:my|the|our|her"
        rf"|his) (?:\w+ )?{_KID}\b"
        # the child named first, then "he's shaking her"; a child held over a drop
        rf"|\b{_KID}\b{_gap(80)}{_AGG_IS} (?:now |still |currently |just |really )?(?:hitting"
        rf"|beating|attacking|choking|strangling|shaking|kicking|punching|slapping|smothering"
        rf"|throwing|dragging) (?:her|him|them)\b(?!{_gap(30)}\b(?:again|every|whenever|when|all"
        rf" the time|lately)\b)"
        rf"|{_AGG_IS} (?:now |still |just )?(?:holding|dangling|hanging) (?:the |my |our |his |her )?"
        rf"(?:\w+ )?{_KID} (?:out |over |off )(?:of )?(?:the |a )?(?:\w+ )?(?:balcony|railings?"
        rf"|edge|window|bridge|water|banisters?|bannisters?|side|stairs|stairwell)\b",
        "danger",
    ),
    (
        "followed",
        "being followed now",
        rf"\b(?:(?:is|are|'s|'re) (?:still )?(?:following|tailing|chasing) (?:me|us)\b(?! (?:on|around"
        rf" (?:the house|online)|online))|(?:i'm|i am|we're|we are|i think i'm) (?:being|getting)"
        rf" (?:followed|chased|tailed)\b|(?:there's|there is) (?:a |an |this |the same )?(?:\w+ )?"
        rf"(?:man|guy|bloke|car|van|someone|somebody) (?:right |still )?behind me\b"
        rf"|(?:has|have|'s) (?:just )?followed (?:me|us)\b|(?:car|van|man|guy|someone|somebody|he|she"
        rf"|they|it)(?:'s"
        rf"| is| are|'re) (?:right |still |just )?behind me\b){_gap(60)}\b(?:right now|now"
        rf"|as i (?:type|write)|at the moment|on foot|walking|behind me|for the last|turns?"
        rf"|streets?|this minute|still behind)\b|\b(?:right now|now)\b{_gap(40)}\b(?:(?:is|are|'s|'re)"
        rf" (?:still )?(?:following|tailing|chasing) (?:me|us)|being (?:followed|chased))\b",
        "danger",
    ),
    # concern-level danger
    (
        "stalking",
        "stalking or monitoring",
        r"\b(?:tracking|tracker|tracked|trackers|airtag|gps|find my|share my location|location"
        r" sharing|my location)\b|\b(?:follow|following|followed|follows) me\b|\b(?:turns?|turned"
        r"|turning|show|shows|showed|showing) up (?:at|outside|to)\b|\bdriv(?:es|ing|en|e) past\b"
        r"|\b(?:watching|watches|watched) (?:me|us|my (?:house|flat|place|home|every|kids|door)"
        r"|the (?:house|flat))\b|\b(?:being|been|i'm|feel) watched\b"
        rf"|\b(?:sitting outside|parked outside|sat outside|waiting for me)\b(?!{_HANDOVER}"
        r"|[^.!?\n]{0,30}\bto help\b|[^.!?\n]{0,30}\b(?:we're going (?:to|for|out)|to take (?:me|us)"
        r" (?:to|for|out)))"
        r"|\b(?:found|knows|found out|figured out|got) (?:my (?:new )?(?:address|number|flat"
        r"|house|work|school)|where i (?:live|work|am|moved|go))\b|\bnew accounts?\b"
        r"|\b(?<!beach )(?<!sea )(?<!ocean )(?<!mountains )(?<!mountain )(?<!hills )(?<!bed )(?<!sofa )(?<!fridge )(?<!wine )(?<!chocolate )(?<!garden )(?<!countryside )(?<!lake )(?<!city )(?<!coast )(?<!road )(?<!kettle )(?<!biscuit tin )(?:keeps|won't stop|kept|keep) (?:calling|texting|messaging|emailing|turning up"
        r"|showing up|contacting|ringing)\b|\bcalling my work\b|\bleaving (?:\w+ )?(?:flowers|notes"
        r"|gifts|things|letters) (?:on|at|outside|by)\b|\bchecking my (?:phone|location|messages"
        r"|emails|bank|accounts?)\b|\breads (?:all )?my\b|\bwent through my phone\b"
        r"|\bfound my new \w+|\b(?:he|she|they|ex|someone|somebody|his \w+|her \w+)(?:'s|'ve"
        r"| has| have)? (?:\w+ )?(?:knows|found out|figured out|worked out|tracked down"
        r"|discovered|found) (?:\w+ ){0,2}?(?:which|what) (?:street|road|area|town|estate|building"
        r"|block|flat|house|school|nursery|refuge|village|city|part of town|gym)\b"
        r"|\b(?:found|knows|found out|figured out|worked out|tracked down|got|has) (?:out )?where"
        r" (?:i|we|the kids)(?:'m|'re| am| are)? (?:live|living|work|working|stay|staying|moved"
        r"|hiding|sleeping)\b|\b(?:he|she|they|ex|someone|somebody|his \w+|her \w+)(?:'s| has"
        r"| have|'ve)? (?:just |now |also |then )?(?:posted|sent|shared|put up|uploaded|texted"
        r"|messaged)\b[^.!?\n]{0,20}?"
        r"\b(?:photo|picture|pic|video|screenshot|image)s? of (?:my|our)"
        r" (?:new )?(?:front |back )?(?:door|house|flat|street|car|building|window|workplace"
        r"|work|garden|road|place)\b|\bposted (?:my|our) (?:new )?(?:address|location|street"
        r"|postcode|door|house)\b|\bbeing followed\b|\bmaking (?:new |fake )?accounts\b|\boutside my new (?:house|flat|place|home|work)\b|\bfind out where i (?:am|live"
        r"|work)|\b(?:asking|asked|trying to find out|looking for|asks) (?:\w+ )?where i (?:live|am"
        r"|work"
        r"|moved)\b|\bknows my new\b|\bchanged (?:it|my number)\b|\boutside my (?:house|flat|work"
        r"|door|window)\b"
        # devices and accounts: "found a voice recorder in my son's bag", "he logs into my email"
        r"|\b(?:found|discovered|hidden|there's|there was|put) (?:a |an )?(?:voice recorder"
        r"|recording device|camera|hidden camera|bug|listening device|tracker|gps tracker|recorder)\b"
        r"|\b(?:spyware|stalkerware|spy app|hidden camera|listening device)\b"
        r"|\b(?:logs?|logging|logged|gets?|getting|got|hacked|hacking|hacks|gone|goes|going) in(?:to)?"
        r" (?:all )?my (?:bank|email|emails|accounts?|phone|icloud|facebook|instagram|messages"
        r"|laptop|online banking)\b|\breading my (?:emails|messages|texts|diary|phone|post|email)\b"
        r"|\b(?:put|installed|installing|hidden) (?:something|spyware|an app|a tracker|an? \w+) (?:on"
        r"|in) my (?:phone|laptop|car|computer)\b|\bknows things (?:that )?i (?:only )?(?:told|said"
        r"|wrote|texted)\b"
        # anonymous contact he is behind: "flowers on my doorstep", "withheld numbers", "I know
        # it's him"
        r"|\b(?:flowers|notes|gifts|letters|parcels|cards|presents) (?:left )?(?:on|at|outside|through"
        r"|under) my (?:doorstep|door|car|windscreen|letterbox|wipers)\b|\bi know it(?:'s| is| was)"
        r" (?:him|her|my ex|them)\b|\b(?:withheld|private|unknown|blocked|hidden) (?:numbers?"
        r"|callers?)\b"
        # talking about the poster, impersonating her, turning up "by accident", asking after her
        r"|\b(?:posting|posted|posts|writing|wrote) about me\b|\b(?:pretending|pretended|pretends)"
        r" to be (?:me|my)\b|\b(?:phoning|calling|ringing|contacting|emailing|messaging|texting)"
        r" (?:my|the kids'?|our|the) (?:\w+ )?(?:school|work|boss|gp|family|mum|friends|new"
        r" partner|workplace|nursery|colleagues)\b|\b(?:bumping|running|bumps|runs) into me\b"
        r"|\b(?:asking|asked|been asking|asks) (?:\w+ )?(?:about|after) me\b|\bdescribing my"
        r" (?:car|house|flat|kids)\b|\b(?:someone|somebody|he|she|they)(?:'s|'ve| has| have) been"
        r" in(?:side)? my (?:flat|house|home|car|room|place)\b|\bstill (?:has|got) a key\b"
        r"|\b(?:follow|following|followed|follows) (?:my car|my (?:daughter|son|kids)|us home)\b",
        "watch",
    ),
    (
        "fear",
        "fear of escalation",
        r"(?#needs:scared|afraid|terrified|frighten|fear|worried|petrified|regret|hell|ruin|pay|back|else|keep|sleep|worse|violent|physical|angr|aggressive|dangerous|punching|smashing|breaking|kicking|prison|jail|escalat|last time|again)"
        rf"\b(?:scared|afraid|terrified|frightened|fear|worried|petrified)\b{_gap(25)}\b(?:what"
        rf" (?:he|she|they)(?:'ll| will| might| would| could)?|(?:he|she|they)(?:'ll| will| might"
        rf"| would| could| is going to)|to go home|for my life|of him|of her|he finds|he'll find"
        rf"|(?:he|she|they)(?:'s| is) going to|for my kids|for the kids)\b|\b{_AGG}\b{_gap(50)}"
        rf"\b(?:make me regret|(?:you'll|i'll) regret|make my life hell|ruin (?:me|my life)"
        rf"|you'll pay|watch your back|or else"
        # a weapon kept close without a threat: "he's started keeping a hammer by the bed"
        rf"|(?:keeping|started keeping|sleeps with|sleeping with|keeps) (?:a |an |his |the )?(?:\w+ )?"
        rf"(?:hammer|knife|knives|gun|bat|axe|machete|crowbar|blade) (?:by|under|in|next to"
        rf"|beside))\b|\b(?:will|is going to|going to|gonna) get"
        rf" (?:worse|more violent|violent|physical)\b|\bgetting (?:worse|angrier|more (?:violent"
        rf"|aggressive"
        rf"|angry|dangerous))\b|\b(?:punching|smashing|breaking|kicking) (?:walls|things|doors"
        rf"|holes)\b|\b(?:got|gets|getting|let|released) out (?:of|from) (?:prison|jail)\b"
        rf"|\bescalat\w+\b|\bout of (?:prison|jail)\b"
        # the warning signs of last time: "last time he drank like this he broke my arm"
        rf"|\blast time (?:he|she|they)\b{_gap(60)}\b(?:broke|hit|hurt|put me in|strangled|choked"
        rf"|attacked|beat|hospital)\b|\b(?:he|she|my ex|partner|husband|boyfriend)(?:'s| has| is)?"
        rf" (?:started|starting) (?:drinking|using|gambling) again\b",
        "watch",
    ),
    (
        "manipulation",
        "abuser threatening self-harm",
        r"(?#needs:himself|herself|themselves|life|suicide|overdose|jump|said|says|saying|texted|texts|messaged|wrote|told|screamed|shouted|threaten|wrist|throat|be on|sending|sent|posting|posts)"
        rf"\b{_AGG}\b{_gap(50)}\b(?:(?:kill|hurt|harm|cut|end|top) (?:himself|herself|themselves)\b"
        rf"|(?:take|end) (?:his|her|their) (?:own )?life\b"
        rf"|(?:threaten\w*|says?|said) (?:to )?(?:\w+ )?(?:suicide|overdose|jump off)"
        # his own words quoted: he texted 'if you leave i'll jump off the bridge'
        rf"|(?:said|says|saying|texted|texts|messaged|wrote|told me|screamed|shouted|threatened"
        rf"|threatens)\b[:,]?\s*['\"](?:[^'\"\n]|(?<=[a-z])'(?=[a-z])){{0,80}}?\b(?:i'll|i will"
        rf"|i'm going to|i am going to"
        rf"|i'd) (?:just )?(?:{_ACTIVE}|jump|die|kill myself)\b"
        rf"|(?:slash|slit|cut|open) (?:his|her|their) (?:own )?(?:wrists?|throat)\b"
        rf"|it(?:'ll| will| would)(?: all)? be on (?:me|you|my head|your head)\b"
        rf"|(?:sending|sent|sends|posting|posts) (?:me )?(?:\w+ ){{0,2}}?(?:songs|poems|videos|posts"
        rf"|pictures|quotes|messages) about (?:dying|death|suicide|killing (?:himself|herself)"
        rf"|ending it|not being here)\b)"
        rf"|\b(?:he'll|he will|she'll|she will|he'd|he would) (?:\w+ )?(?:overdose"
        rf"|jump off)\b{_gap(40)}\b(?:my fault|on me|if i|unless i)",
        "watch",
    ),
    (
        "other_risk",
        "someone else may be at risk",
        r"\b(?:friend|mate|sister|brother|son|daughter|child|kid|teen\w*|mum|mom|dad|cousin|niece"
        r"|nephew|she|he|they)\b[^.!?\n]{0,50}\b(?:self[- ]?harm\w*|cuts? (?:herself|himself)"
        r"|cutting (?:herself|himself)|(?:has been|is|started|keeps|been) cutting(?! (?:her|his"
        r"|their|the|my|own|out|back|down|class|school|paper|up)\b)|suicidal"
        r"|thoughts of suicide|wants? to die|kill (?:herself"
        r"|himself|themselves)|done with everything|end (?:her|his|their) life|overdosed"
        r"|(?:take|taken|took) (?:her|his|their) (?:own )?life"
        r"|(?:doesn't|does not|don't|can't) see (?:the|any) point (?:in|of) (?:living|life|going on"
        r"|being here))\b"
        # a young person or a mate, named by age or as a mate
        rf"|\b(?:{_KID}|mate|best mate|bestie|girl|boy)\b[^.!?\n]{{0,40}}\b(?:has been|is|started"
        r"|keeps|been) (?:cutting|self[- ]?harming|starving (?:herself|himself)|making (?:herself"
        r"|himself) sick)\b(?! (?:her|his|their|the|my|own|out|back|down|class|school|paper|up)\b)"
        # worried about someone who has gone quiet or posts dark things
        r"|\b(?:worried|scared|concerned|frightened|worrying)\b (?:sick )?(?:about|for) (?:a |my"
        r" |her |his |our )?(?:\w+ ){0,2}?(?:friend|mate|girl|boy|sister|brother|son|daughter|her"
        r"|him|cousin|niece|nephew|member)\b(?=[^\n]{0,200}\b(?:gone quiet|went quiet|dark stuff"
        r"|dark posts|won't answer|not answering|last message|doesn't matter|giving (?:her|his)"
        r" (?:stuff|things) away|off vibes|said goodbye|not herself|not himself)\b)"
        r"|\b(?:gone quiet|went quiet|posting (?:really )?dark (?:stuff|things|posts)|won't answer"
        r" (?:any of )?my (?:texts|calls|messages))\b(?=[^\n]{0,200}\b(?:worried|scared"
        r"|concerned|frightened|worrying)\b)",
        "watch",
    ),
    # --- word classes added after crisis_extra3 ----------------------------------------------
    # an overdose just taken, told by its amount or its time ("took the lot about 20 minutes
    # ago", "chugged a whole bottle of my antidepressants", "taken 3 boxes of ibuprofen",
    # "drank the bleach", "taken enough to not wake up")
    (
        "attempt",
        "attempt in progress",
        r"\b(?:took|taken|swallowed|downed|chugged|necked|drank|had) (?:just )?(?:(?:the lot|all of"
        r" (?:it|them)|(?:my |the |a |an )?(?:entire|whole|full) (?:\w+ ){0,2}?(?:box|boxes|packet"
        r"|packets|pack|bottle|strip|blister pack|tub|lot)|(?:\d+|two|three|four|five|six) (?:whole"
        r" )?(?:boxes|packets|packs|strips|bottles))"
        # of a medicine, or told with nothing after it but the time ("about 20 minutes ago")
        r"(?: of (?:my |the |his |her |mum's |\w+'s )?(?:\w+ ){0,2}?"
        rf"{_MEANS}\b|(?=\s*(?:[.!,\n]|$)| (?:about|like|around|an?|\d+|ten|twenty|half|over)\b"
        r"[^.!?\n]{0,25}\bago\b| (?:on purpose|tonight|now)\b))"
        r"|enough (?:to (?:not wake|never wake|die|kill|end|be sure|make sure|do it)|that i"
        r" won't)\b)"
        r"|\b(?:drank|drunk|swallowed|downed|had|drinking|swallowing) (?:some |the |a (?:cup|glass"
        r"|bottle|mug) of )?(?:bleach|antifreeze|weedkiller|drain cleaner|white spirit)\b"
        r"|\boverdosed (?:about |like |around )?(?:\d+|an|a few|ten|twenty|thirty|half an) (?:minutes"
        r"|hours?) ago\b",
        "attempt",
    ),
    # a jump just survived ("I just jumped from the first floor")
    (
        "attempt",
        "attempt in progress",
        r"\bi (?:just |already )?jumped (?:off|from|out of) (?:the|a|my) (?:\w+ ){0,2}?(?:floor"
        r"|bridge|roof|balcony|window|building|car park|multi-storey|ledge)\b"
        r"(?![^.!?\n]{0,30}\b(?:to (?:escape|get away|get out)|fire)\b)",
        "attempt",
    ),
    # what an overdose feels like as it takes hold; with an apology or a feeling it is a crisis
    (
        "od_effect",
        "the pills are taking effect",
        r"\b(?:the|those|all the|all my|these) (?:pills|tablets|meds|painkillers|sleeping pills)"
        r" (?:are|have) (?:starting to |already |finally )?(?:kick(?:ing|ed)? in|work(?:ing)?)\b"
        r"|\b(?:after|from) (?:the|those|all the|all those) (?:pills|tablets|meds)\b"
        r"|\bi took a lot\b(?=\s*(?:[.!,\n]|$))",
        "attempt",
    ),
    # having tried and failed, about to try again ("the rope snapped. i'm going to try again")
    (
        "again",
        "will try again",
        r"\b(?:going to|about to|will|i'll|want to|planning to|ready to) (?:try|do (?:it|this)|go)"
        r" again\b(?! (?:next (?:week|year|month|term)|with|at (?:uni|college|school|work)|later"
        r" in the year))"
        r"|\b(?:rope|cord|belt) (?:snapped|broke)\b(?![^\n]{0,40}\b(?:glad|thank god|thankfully|lucky|grateful)\b)|\bit didn't work\b(?=[^\n]{0,80}\bagain\b)",
        "self",
    ),
    # the means touching the body now ("a knife to my wrist right now", "the blade's in my hand")
    (
        "means_ready",
        "means at hand",
        rf"\b{_MEANS}{_MEANS_NOT} (?:is |are )?(?:pressed )?(?:to|against|on) my (?:wrists?|throat"
        r"|neck|arms?|skin|head|temple|chest|stomach)\b"
        rf"|\b(?:the |my |his )?{_MEANS}(?:'s| is| are) (?:in my (?:hands?|lap|pocket)|ready"
        r"|set up|done)\b"
        rf"|\b(?:i've got|i have|i've|got|holding) (?:the |my |his )?{_MEANS} in (?:my|one) hand\b"
        r"|\btied (?:the|a|my) (?:rope|cord|belt|noose|ligature) (?:off|up|to|round|around|onto)\b"
        r"(?![^.!?\n]{0,30}\b(?:swing|boat|dinghy|kayak|canoe|tent|trailer|roof rack|van|fence"
        r"|dog|lead|anchor|mooring|jetty|bike|pram|hammock|tyre|sledge|luggage|washing line"
        r"|clothes ?line|goalpost|climbing frame)s?\b)"
        r"|\b(?:got|i've got|i have) (?:every|all the|all my) (?:pills?|tablets?|meds|medication)"
        r" in the (?:house|flat|cabinet|cupboard)\b"
        r"|\b(?:i've got|i have|got) (?:0*[2-9]\d|\d{3,}) (?:of my |of the )?(?:\w+ )?(?:pills"
        r"|tablets|meds|capsules)\b(?! (?:a|per|every|each|left) (?:month|week|day)\b)",
        "means",
    ),
    # the means in the car ("i've got the tubing", a hosepipe)
    (
        "means_ready",
        "means at hand",
        r"\b(?:i've got|got|bought|brought|have) (?:the |a )?(?:tubing|hose ?pipe|hose)\b"
        r"(?=[^\n]{0,120}\b(?:car|exhaust|engine|garage|ready|tonight)\b)",
        "means",
    ),
    # gas left on; a crash barrier as a way of dying
    (
        "method",
        "way of dying",
        r"\b(?:left|turned|put|leave|leaving|turning) (?:the )?gas on\b(?![^.!?\n]{0,30}\b(?:for"
        r" (?:the|a|dinner|tea)|under|to cook|by mistake|by accident|again lol)\b)"
        r"|\b(?:into|in to|at) the (?:central reservation|crash barrier|barrier|bridge support"
        r"|pillar|oncoming traffic|back of a lorry|lamp ?post)\b",
        "means",
    ),
    # disguised as an accident: a plan
    (
        "plan",
        "has a plan",
        r"\b(?:nobody|no one|they|anyone) (?:will|'ll|would|won't|wouldn't) (?:ever )?(?:know|think"
        r"|guess|tell) it (?:wasn't|was not|was) (?:an )?accident\b",
        "self",
    ),
    # alone with the means: "the house to myself til monday", "no one is home until monday"
    (
        "alone",
        "alone with no one home",
        r"\b(?:the (?:house|flat|place) to myself|home alone|no one(?:'s| is)? (?:home|here|back)"
        r" (?:until|till|til)|nobody(?:'s| is)? (?:home|here|back) (?:until|till|til)"
        r"|alone (?:tonight|all weekend|till|until|til))\b",
        "time",
    ),
    # on the way to a dangerous place, or the car taken there
    (
        "location",
        "on the way to a dangerous place",
        rf"\bon my way (?:to|up to|down to) the (?:\w+ )?{_DANGER_PLACE}\b"
        rf"|\b(?:taking|take|driving|drive) (?:the |my )?car (?:to|up to|out to) the (?:\w+ )?"
        rf"{_DANGER_PLACE}\b",
        "means",
    ),
    # a dangerous place named with a time and nothing else ("bridge after my shift.")
    (
        "place_plan",
        "a dangerous place and a time",
        rf"(?:^|(?<=[.!?\n] )|(?<=[.!?\n]))\s*(?:the )?{_DANGER_PLACE} (?=(?:after|tonight"
        r"|tomorrow|later|at \d|when|before|then|it is|it's)\b)",
        "means",
    ),
    # a time told by the clock or by the train ("when the fast train comes through at 6")
    (
        "time",
        "a timeframe",
        r"\bat (?:[1-9]|1[0-2])(?:[:.][0-5]\d)? ?(?:am|pm|o'?clock)?(?=\s*(?:[.!,\n]|$|tonight"
        r"|tomorrow|today))|\bwhen the (?:\w+ )?train (?:comes|passes|goes)\b|\bfor midnight\b",
        "time",
    ),
    # a goodbye in new words
    (
        "goodbye",
        "goodbye message",
        r"\bthis is my goodbye\b(?! (?:to (?:him|my ex|the|that|this|my old)))"
        r"|\b(?:i'm|i am|just) saying (?:my )?(?:goodbyes?|bye)(?: now| to (?:you all|everyone|all"
        r" of you|you guys))?\b(?=[^\n]{0,40}\b(?:love you|sorry|thank|plan|tonight))"
        r"|\b(?:notes?|letters?)\b[^.!?\n]{0,60}\bwhere (?:they|someone|he|she|you|the \w+)"
        r"(?:'ll| will) (?:find|see) (?:them|it)\b",
        "recall",
    ),
    (
        "plan",
        "has a plan",
        r"\bmy plan(?:'s| is) (?:set|ready|sorted|in place|made|happening|for)\b",
        "self",
    ),
    # self-harm bleeding that won't stop, or a deep wound
    (
        "bleeding",
        "injured and bleeding",
        r"\b(?:can't|cannot|won't|can not) stop the (?:blood|bleeding)\b"
        r"|\bblood (?:won't|will not|doesn't|isn't) stop(?:ping)?\b"
        r"|\bcan see (?:the )?(?:fat|bone|tendons?|muscle|white)\b",
        "attempt",
    ),
    (
        "edge",
        "at the edge",
        r"\b(?:climbed|climbing|got|getting) out (?:onto|on to|on) (?:the |a |my )?(?:\w+ )?"
        r"(?:ledge|window ?sill|roof|balcony rail\w*)\b",
        "means",
    ),
    # a death threat in new words ("your dead when i find you", "a bullet in my head",
    # "my face is next"), a weapon sent as a picture ("a photo of a shotgun")
    (
        "threat",
        "threat to kill",
        r"(?#needs:dead|bullet|next|photo|pic|vid|clip|snap|selfie)"
        r"\b(?:you're|your|you are|ur) (?:so |a )?dead(?: (?:woman|man|girl|meat))?\b"
        r"(?! (?:to (?:me|him|us)|inside|lol|haha|tired|serious))(?=[^.!?\n]{0,30}\b(?:when|if"
        r"|once|unless|i find|i see|i get)\b|\s*['\".!,]|$)"
        r"|\b(?:put|putting|stick|sticking) (?:a )?bullets? (?:in|through) (?:my|your|me|you|her"
        r"|our) ?(?:head|brain|skull|face)?\b"
        r"|\b(?:my|your|her) face (?:is|'s) next\b|\b(?:you're|you are|i'm|i am|she's) next\b"
        r"(?=\s*['\".!,]|$)"
        rf"|\b{_AGG}\b{_gap(40)}\b(?:sent|sends|sending|showed|texted|posted|snapchatted) (?:me )?"
        r"(?:a )?(?:photo|pic|picture|video|vid|clip|snap|selfie)s? (?:of|with) [^.!?\n]{0,30}?"
        r"\b(?:gun|shotgun|rifle|pistol|knife|machete|axe|bullets?|grave|noose|crossbow)\b",
        "danger",
    ),
    # coming with others or with intent, minutes away
    (
        "breakin",
        "abuser on the way to harm",
        r"(?#needs:coming|way|broke|broken|waiting|hiding|sitting|standing|climbing)"
        rf"\b{_AGG_IS}? ?(?:coming (?:over|round|here|back|for me|for us)|on (?:his|her|their)"
        r" way)\b[^.!?\n]{0,50}\b(?:to ['\"]?(?:deal with|sort (?:me|us) out|get me|get us|hurt"
        r"|finish|teach me|kill|do me in|shut me up))"
        r"|\b(?:has |'s )?(?:broken|broke) into (?:my|our|the) (?:flat|house|home|room|place)\b"
        r"(?=[^\n]{0,80}\b(?:waiting|inside|in (?:my|the) (?:bedroom|room|kitchen|hall|house|flat)"
        r"|upstairs|downstairs|still|now)\b)"
        r"|\b(?:waiting|hiding|sitting|standing) in (?:my|our|the) (?:bedroom|flat|house|kitchen"
        r"|hallway|hall|living room|wardrobe|garden)\b(?=[^\n]{0,60}\b(?:his|he|my ex)\b)"
        r"|\bclimbing (?:in|into|in through|through) (?:the |my |our )?(?:\w+ )?window\b",
        "danger",
    ),
    # strangulation and restraint now ("got my son by the throat", "a chokehold twice today",
    # "tied my hands")
    (
        "strangle",
        "strangulation",
        r"\b(?:got|has|grabbed|holding|held|had|pinned) (?:my |me |her |him |our |the )?(?:\w+ )?"
        r"by the (?:throat|neck)\b|\bhands? (?:round|around|on|over) (?:my |her |his |our |the )?"
        r"(?:[\w']+ ){0,2}?(?:throat|neck)\b|\bchoke ?holds?\b|\bhead ?lock\b(?=[^\n]{0,40}\b(?:breathe|neck"
        r"|today|now|again|just)\b)",
        "danger_now",
    ),
    (
        "assault",
        "being assaulted now",
        r"\b(?:tied|taped|zip ?tied|cable ?tied) (?:up )?(?:my|me|her) (?:up|hands|wrists|feet"
        r"|legs|mouth)\b|\btied me up\b"
        r"|\b(?:thrown|threw|throwing|flung|hurled|chucked|slammed) (?:her|him|me|the baby|my \w+"
        r"|our \w+) (?:across|against|into|down|onto|at)\b",
        "danger_now",
    ),
    # locked in with gas or fire
    (
        "trapped",
        "locked in",
        r"\b(?:padlock\w*|locked (?:me |us |the kids )?in|locked the door|barricaded|won't let me"
        r" (?:out|leave)|took my (?:phone|keys))\b",
        "danger",
    ),
    (
        "fire_gas",
        "gas or fire",
        r"\b(?:smell|smelling) (?:gas|smoke|petrol|burning)\b|\b(?:house|flat|room) is on fire\b",
        "danger",
    ),
    # a child with the aggressor, and words that promise harm
    (
        "child",
        "a child in danger now",
        rf"\b(?:has|'s got|has got|took|taken|kidnapped|snatched|grabbed) (?:my|our) (?:\w+ )?"
        rf"{_KID}\b(?=[^\n]{{0,120}}\b(?:sleep forever|never see (?:her|him|them)|won't see (?:her"
        r"|him|them) again|say goodbye to (?:her|him|them)|won't wake up)\b)"
        rf"|\b(?:locked|shut) (?:my |our |the )?(?:\w+ ){{0,2}}?{_KID}\b (?:in|inside)"
        rf"|\b(?:has|'s got|has got) (?:my |our |the )?(?:\w+ ){{0,3}}?{_KID}\b (?:\w+ )?locked in"
        r"|\bthreaten(?:ing|s) to (?:jump|drop|drown|smother|suffocate)\b[^.!?\n]{0,30}?"
        rf"\b(?:{_KID}|her|him|them|us)\b"
        rf"|\bthreaten(?:ing|s) to throw (?:the |our |my |his )?{_KID}\b"
        r"|\bthreaten(?:ing|s) to (?:drive|crash|go) (?:\w+ )?(?:off|into|over) (?:a |the )?(?:\w+ )?"
        r"(?:bridge|pier|cliff|river|sea|wall|tree|quarry|edge|lake|harbour)\b"
        rf"(?=[^.!?\n]{{0,40}}\b(?:{_KID}|them|us)\b)"
        rf"|\b(?:has|'s got|holding|dangling|hanging) (?:the |our |my )?{_KID} (?:out )?(?:on|over"
        r"|off) the (?:balcony|railing|edge|bridge|ledge)\b",
        "danger_now",
    ),
    # someone else's goodbye or overdose quoted now ("texted 'goodbye, i've taken everything'")
    (
        "other_now",
        "someone else in danger now",
        r"\b(?:texted|messaged|sent(?: me)?|said|wrote|posted|voice ?noted?)\b[:,]?\s*[\"']"
        r"[^\"'\n]{0,40}\b(?:goodbye|bye forever|taken (?:everything|all|them|the lot)|took"
        r" (?:everything|all of them|them all|the lot))\b",
        "danger",
    ),
    # --- concern classes after crisis_extra3 --------------------------------------------------
    (
        "wish",
        "wishes to die",
        r"\b(?:wouldn't|would not|don't|wont|won't) (?:mind|care) if i (?:just )?(?:didn't|did not"
        r"|never|don't) (?:wake|woke) up\b"
        r"|\bwish i could (?:just )?(?:go to )?sleep and (?:never|not) wake up\b"
        r"|\b(?:no one|nobody|noone|no-one) would (?:even )?(?:notice|care|miss me)\b"
        r"|\bfantasi[sz]\w* about (?:being in an accident|dying|not (?:being here|waking up)"
        r"|crashing|getting hit)\b",
        "self",
    ),
    (
        "distress",
        "severe distress",
        r"\b(?:i'm|i am|like i'm|like i am) drowning\b(?! in (?:work|paperwork|laundry|emails"
        r"|washing|admin|marking))|\bscared of (?:myself|what i (?:might|could|will|'ll) do)\b",
        "self",
    ),
    (
        "urge",
        "resisting self-harm",
        r"\b(?:struggle|struggling|fighting|trying(?: so hard)?) not to (?:self[- ]?harm|cut"
        r"|hurt myself|burn myself)\b",
        "watch",
    ),
    (
        "selfharm",
        "self-harm or urges",
        r"\b(?:opened|re-?opened|opening) (?:them|my (?:cuts|scars|wounds)|the (?:cuts|scars"
        r"|wounds)) (?:up )?again\b|\breopened (?:my |the )?(?:cuts|scars|wounds)\b"
        r"|\b(?:scratch\w*|pick\w*|bit\w*|hit\w*|punch\w*) (?:myself |my (?:arms|skin|legs|face"
        r"|head|hands) )?(?:til|until|till) (?:i|it) (?:bleed|bled|bleeds|bruise)\w*\b",
        "self",
    ),
    (
        "thoughts",
        "suicidal thoughts",
        r"\b(?:don't|do not|can't) trust myself (?:around|with|near) (?:my |the )?(?:meds|pills"
        r"|tablets|knives|blades|razors|medication)\b"
        r"|\b(?:googl\w*|searching|looking up|researching) (?:\w+ )?(?:ways|how) to (?:die|kill"
        r" myself|end it|overdose)\b"
        r"|\bthink(?:ing)? about (?:my |the )?(?:old )?method\b"
        rf"|\b(?:stand|standing|stood|wait\w*) (?:at|on|by) (?:the )?(?:\w+ )?{_DANGER_PLACE}\b"
        r"[^.!?\n]{0,40}\b(?:think(?:ing)? about (?:it|jumping|stepping)|step back|tempt\w*|how"
        r" easy)\b",
        "self",
    ),
    (
        "stalking",
        "stalking or monitoring",
        r"(?#needs:asking|texting|messaging|contacting|calling|emailing|check|sending|sent|sends|drove|driven|driving|drives|walked|walking|parked|account|profile|report|tells|tabs|spying|found|knows)"
        r"\basking (?:people |everyone |around |my \w+ )?where (?:i|we)(?:'m|'re| am| are)? (?:live"
        r"|living|work|working|staying|moved|am|are)\b"
        rf"|\b{_AGG}\b{_gap(30)}\b(?:texting|messaging|contacting|calling|emailing) my (?:new )?"
        r"(?:neighbours|colleagues|boss|workplace|landlord|friends|kids|children)\b"
        rf"|\b{_AGG}\b{_gap(50)}\bcheck(?:s|ing)? my (?:mileage|receipts|phone|bank|location"
        r"|messages|texts|emails|browser history|search history|call log)\b"
        rf"|\b{_AGG}\b{_gap(30)}\b(?:sending|sent|sends) (?:me )?(?:photos?|pictures?|pics?"
        r"|videos?) of (?:my|me|our) (?:new )?(?:house|flat|home|car|door|street|work|kids)\b"
        r"|\b(?:drove|driven|driving|drives|walked|walking) (?:past|by|round) my (?:house|flat"
        r"|work|place|home)\b[^.!?\n]{0,20}\b(?:\d+|five|several|a few|loads of|many|multiple"
        r"|three|four) times\b"
        r"|\b(?:keeps|been|started) (?:driving|walking) (?:past|by|round) my\b"
        r"|\bparked (?:up )?(?:across the road|outside|opposite|down the (?:road|street))\b"
        r"[^.!?\n]{0,30}\b(?:(?:a few|several|\d+|many|loads of) times|every (?:night|day)|at"
        r" night|most nights)\b"
        r"|\b(?:fake|new|burner|anonymous) (?:accounts?|profiles?) to (?:watch|view|follow|see"
        r"|message)\b|\b(?:created|made|set up) (?:fake|burner) (?:accounts?|profiles?)\b"
        r"|\breports? back to (?:him|her|them)\b|\btells (?:him|her) everything i do\b"
        r"|\bkeep(?:s|ing)? tabs on me\b|\bspying on me\b"
        r"|\b(?:knows|found out|found) where (?:my new|i|we)\b(?: \w+){0,2} (?:is|live|living|am"
        r"|moved|staying)\b|\bfound out (?:i|we) moved\b",
        "watch",
    ),
    (
        "fear",
        "fear of escalation",
        r"\bsort(?:ing)? (?:me|you|her) out\b|\bget (?:me|you) back for\b|\bget (?:back at|even"
        r" with) (?:me|you)\b|\bmake (?:me|you) pay\b|\bwe'll see about that\b|\bnothing to lose\b"
        r"|\bnot going to let me go\b|\bwithout a fight\b"
        r"|\b(?:take|taking|snatch) (?:the|my|our) (?:kids|children|son|daughter|baby) (?:and"
        r" (?:disappear|vanish|run)|abroad|away from me)\b"
        r"|\b(?:mummy|mum|mommy|mom|your mum|your mother) (?:is going to|will|is gonna|'s going to)"
        r" (?:go away|disappear|be gone|vanish) (?:forever|for good)\b",
        "watch",
    ),
    (
        "manipulation",
        "abuser threatening self-harm",
        r"(?#needs:hang|shoot|drown|stab|gas|starve|poison|text|message|voicemail|threat|note)"
        rf"\b{_AGG}\b{_gap(50)}\b(?:hang|shoot|drown|stab|gas|starve|poison) (?:himself|herself"
        r"|themselves)\b"
        r"|\b(?:text|message|voicemail|threat|note)\b[^.!?\n]{0,12}[\"'](?:i'll|i will|i'm going"
        r" to|going to) (?:kill myself|end it|jump|hang myself|overdose|take (?:my|all my))"
        r"|\"(?:if you [^\"\n]{0,30})?(?:i'll|i will|i'm going to|going to) (?:kill myself|end it|jump"
        r"|hang myself|overdose)[^\"\n]{0,40}\" (?:text|message|voicemail|note|threat)",
        "watch",
    ),
    (
        "other_risk",
        "someone else may be at risk",
        r"\b(?:she|he|they)(?:'s| is| has| have|'ve)? (?:been )?(?:thinking about|talking about"
        r"|talks about) (?:killing (?:herself|himself|themselves)|ending (?:her|his|their) life"
        r"|suicide|not (?:wanting to|being) (?:be here|here|live|alive))\b"
        r"|\b(?:flatmate|housemate|roommate|colleague|bestie|best friend)\b[^.!?\n]{0,60}\b(?:self"
        r"[- ]?harm\w*|suicidal|wants? to die|not wanting to be here|doesn't want to (?:be here"
        r"|live))\b",
        "watch",
    ),
    # --- word classes added after crisis_extra4 -------------------------------------------------
    # a quiet exit: leaving "for good", others no longer needing to check on them, not being
    # here for a named day, not existing by a time
    (
        "goodbye",
        "goodbye message",
        r"\b(?:logging|logged|signing|signed|checking|clocking) (?:off|out) (?:for good|permanently"
        r"|forever|for the (?:last|final) time)\b"
        r"|\b(?:you|anyone|nobody|no one|people|they|mum|my (?:mum|sister|family))(?: all)?"
        r" (?:won't|will not|wont|don't|do not|will|'ll) (?:need|have) to (?:check on|check up on|worry"
        r" about|deal with|look after|put up with) me (?:after|any ?more|much longer|again|from)\b"
        r"|\b(?:won't|will not|wont|not going to) be (?:a )?(?:problem|burden|bother|worry) (?:for"
        r"|to) (?:anyone|anybody|you|any of you|everyone) (?:much longer|after|any ?more|for long)\b"
        r"|\b(?:i )?(?:won't|will not|wont|am not going to|i'm not going to) (?:be )?(?:here|around"
        r"|alive) (?:for|to see|on|by) (?:christmas|easter|new year|the new year|my (?:\w+ )?"
        r"birthday|(?:his|her|their|the kids'?) (?:\w+ )?birthday|monday|tuesday|wednesday|thursday"
        r"|friday|saturday|sunday|the weekend|the morning)\b(?![^.!?\n]{0,40}\b(?:going|away|trip"
        r"|holiday|visit\w*|working|work|shift|staying|at my|in (?:wales|spain|scotland|france)"
        r"|because|as we|as i'm|flight|hospital)\b)"
        r"|\b(?:won't|will not|wont) be (?:seeing|making it to|making it through) (?:the new year"
        r"|christmas|my birthday|the (?:morning|night|weekend))\b(?![^.!?\n]{0,30}\b(?:with|at"
        r"|because|as|in)\b)"
        r"|\b(?:won't|will not|wont) make it (?:to|through|past) (?:the )?(?:morning|night"
        r"|weekend|tomorrow)\b(?![^.!?\n]{0,25}\b(?:meeting|party|class|session|group|because)\b)"
        r"|\b(?:i won't|i will not|i wont|i'll not) exist\b|\bi(?:'ll| will) (?:already )?be gone"
        r"\s*(?:[.!,\n]|$)|\b(?:for|before) (?:when )?(?:they|someone|somebody|anyone|my \w+)"
        r" finds? me\b|\bmy (?:plan|date) is set\b|(?:^|(?<=[.!?\n]))\s*(?:the )?plan(?:'s| is)"
        r" set\b|\bi(?:'ve| have) made sure i (?:won't|wont|will not)\s*(?:[.!,\n]|$)"
        r"|\bsay (?:goodbye|bye) (?:properly )?before i go\b",
        "self",
    ),
    (
        "goodbye",
        "goodbye message",
        r"\bif you(?:'re| are)? (?:find|finds|finding|reading) this\b[^.!?\n]{0,20}\bsorry\b",
        "danger",
    ),
    # a final decision put calmly ("tonight's the one", "it feels good to have an end",
    # "nobody will stop it this time", "I've made sure of that", "not coming down")
    (
        "finality",
        "sounds final",
        r"\b(?:tonight|today|this)(?:'s| is) the one\b|\b(?:good|right|relief) to (?:finally )?have"
        r" an end\b|\b(?:nobody|no one|nothing)(?:'s| is| will|'ll)? (?:going to )?stop (?:it|me)"
        r" this time\b|\bi(?:'ve| have) made sure of (?:it|that)"
        r"\s*(?:[.!,\n]|$)|\b(?:not|won't be|wont be|never) (?:coming|driving|walking|going)"
        r" (?:back )?(?:down|back)\s*(?:[.!,\n]|$)|\bit(?:'s| is|s) what i want(?:ed)?\b"
        r"|\b(?:it's|it is|its) (?:been )?(?:all )?(?:arranged|sorted|in order)\s*(?:[.!,\n]|$)"
        r"|\beverything(?:'s| is) (?:arranged|in order|sorted)\s*(?:[.!,\n]|$)"
        r"|\b(?:this is it|that's it) for me\b|\bno more fighting (?:it|this)\b"
        r"|(?:^|(?<=[.!?\n]))\s*(?:all )?done now\s*(?:[.!,\n]|$)",
        "self",
    ),
    # ending said without the word suicide
    (
        "intent",
        "intent to end their life",
        r"\b(?:going to|gonna|about to|ready to|will|i'll|time to|planning (?:on|to)) (?:finally )?"
        r"(?:stop existing|cease to exist|sleep forever|go to sleep forever|not wake up|not waking"
        r" up|make (?:it|everything|the pain|this) stop (?:for good|forever|permanently))\b"
        r"|\b(?:going to|gonna|about to|will|i'll) (?:go to )?sleep and (?:not|never) wake up\b"
        r"|\b(?:going to|gonna|about to|i'll|i will) jump\b(?=\s*(?:[.!,\n]|$| tonight| now| off"
        r" (?:the|a|this) (?:\w+ )?(?:bridge|roof|building|cliff|balcony|car park)))"
        r"|\b(?:not|won't|wont|never) (?:going to )?be alive (?:on|by|for|at|tomorrow|next|this)\b"
        r"|\bfinally (?:time|going) to (?:go|stop)\s*(?:[.!,\n]|$)"
        r"|\b(?:ctb|catch the bus|kill myself|end it|end things|end my life)\b[^.!?\n]{0,20}"
        r"\bafter (?:this|my|the) (?:post|shift)\b",
        "self",
    ),
    # affairs put in order in new words: passwords, notes, debts, a pet rehomed "with someone
    # who'll be around", accounts deleted, papers left "where they'll find them"
    (
        "arrange",
        "arranging their affairs",
        r"\b(?:left|leaving|wrote|written|writing|put) (?:down )?(?:all )?(?:my )?(?:passwords"
        r"|pin numbers|bank details|log ?ins)\b(?! (?:after|since|because|so (?:he|she)|when i"
        r" left))[^.!?\n]{0,50}\b(?:for|with) (?:my |the )?\w+"
        r"|\b(?:wrote|written|writing|left) (?:a |the )?(?:notes?|letters?) (?:for|to) (?:each|all|every"
        r"|my|the) (?:of )?(?:the )?(?:kids|children|family|daughter|son|mum|mom|dad|sister|brother"
        r"|husband|wife|partner|one)\b(?! (?:teacher|school|to say|about (?:school|the)))"
        r"|\b(?:the |my )?(?:notes?|letters?)(?:'s| is| are)? (?:in|under|on) (?:my|the) (?:\w+ )?"
        r"(?:drawer|pillow|bed|table|desk)\b"
        r"|\b(?:rehomed|gave away|dropped|took) (?:my|the) (?:\w+ )?(?:cat|dog|rabbit|pet|bird)s?"
        r"\b[^.!?\n]{0,60}\b(?:who(?:'ll| will) (?:actually )?be around|with a letter|shelter)\b"
        r"|\brehomed (?:my|the) (?:\w+ )?(?:cat|dog|rabbit|pet|bird)s?\b"
        r"|\bpaid off (?:all )?my debts\b|\bcancell?ed (?:my|the) (?:phone )?contract\b"
        r"|\b(?:deleting|deleted|delete) (?:all )?my accounts after\b"
        r"|\b(?:gave|giving|given) away (?:most of |all )?(?:my|all my) (?:stuff|things|belongings"
        r"|clothes)\b|\b(?:my )?affairs (?:are )?in order\b(?! after)"
        r"|\b(?:taken|took) care of everything\b|\bwhere (?:my )?\w+ (?:will|'ll) find them\b"
        r"|\b(?:covered|sorted|paid) after i'm gone\b",
        "affairs",
    ),
    # a place said in a few words at the start of a sentence ("on the bridge now", "by the
    # tracks.", "top floor of the multi storey."), or the way there with nothing else
    (
        "location",
        "at a high or dangerous place",
        rf"(?:^|(?<=[.!?\n]))\s*(?:on|at|by|up on|sat on|stood on|standing on|sitting on|at the"
        rf" end of) (?:the |a )?(?:\w+ )?{_DANGER_PLACE}\b(?=\s*(?:[.!,\n]|$| now| right now"
        rf"| again| tonight| \d))"
        rf"|(?:^|(?<=[.!?\n]))\s*(?:the )?(?:top floor|roof) of (?:the |a )?(?:\w+ )?"
        rf"{_DANGER_PLACE}(?=\s*(?:[.!,\n]|$))"
        rf"|(?:^|(?<=[.!?\n]))\s*(?:heading|driving|walking|going) (?:to|towards|up to) the"
        rf" (?:\w+ )?{_DANGER_PLACE} after (?:i post|posting|this)\b"
        rf"|\bon the wrong side of the (?:\w+ )?(?:railing|rail|barrier|fence)s?\b",
        "means",
    ),
    # quiet at a place ("its quiet.") and the train to come
    (
        "up_here",
        "alone at a height",
        r"(?:^|(?<=[.!?\n]))\s*(?:it(?:'s| is)|its) (?:so |really |very )?(?:quiet|peaceful|calm)"
        r"(?: here| down here| up here)?\s*(?:[.!,\n]|$)|\bcalm from up here\b"
        r"|\b(?:till|until|for) the next (?:one|train)\b"
        r"|\b(?:waiting for|next train through|next one through) (?:in \d+|the (?:next|fast)"
        r" (?:one|train))\b|\bthe fast (?:one|train)\b|\bengine(?:'s| is)? running\b",
        "self",
    ),
    # means ready in few words ("rope's tied. stool's here.", "pills are counted", "the hose
    # ready", "razor blades and the bath is running", "got everything i need.")
    (
        "means_ready",
        "means at hand",
        r"\b(?:rope|noose|cord|belt)(?:'s| is) (?:tied|up|ready)\b|\b(?:pills|tablets|meds)"
        r"(?: are)? (?:all )?counted(?: out)?\b|\b(?:hose|hosepipe|tubing)(?: is)? ready\b"
        r"|\b(?:blades?|razors?)\b[^.!?\n]{0,30}\bbath(?:'s| is) running\b",
        "means",
    ),
    (
        "prepared",
        "says they are prepared",
        r"\b(?:stool|chair)(?:'s| is) (?:here|ready|in place|under it)\b"
        r"|\b(?:i've |i have |i )?got (?:everything|all) (?:i need|ready)(?=\s*(?:[.!,\n]|$))"
        r"|\b(?:i've |i have |i )?got (?:more than that|enough now)\b"
        r"|\b(?:charcoal|bbq|barbecue)\b[^.!?\n]{0,20}\b(?:tape|in the (?:boot|car))\b",
        "means",
    ),
    # a gun ready in the house is a weapon whoever holds it
    (
        "weapon",
        "weapon",
        r"\b(?:gun|shotgun|rifle|pistol)(?:'s| is) loaded\b|\bthere(?:'s| is) a (?:loaded )?(?:gun"
        r"|shotgun|rifle|firearm) in the (?:house|flat|car)\b(?=[^.!?\n]{0,60}\b(?:he|drink\w*"
        r"|drunk|threat\w*|angry)\b)",
        "danger",
    ),
    # an overdose taken, in few words, with its time or effect
    (
        "attempt",
        "an attempt in progress",
        r"\b(?:took|taken|swallowed|downed|had) (?:them|it all|the lot|all of them|everything"
        r"|an od|an overdose)\b[^.!?\n]{0,30}?\b(?:(?:an|half an|\d+|a few|twenty|ten) (?:hours?"
        r"|mins?|minutes?) ago|at \d+)\b"
        r"|\b(?:took|taken|swallowed) (?:an? )?(?:od|overdose)\b(?! (?:years|months|once|in \d))"
        r"|\bdowned the lot\b|\btook everything in the (?:cupboard|drawer|house|cabinet|box)\b"
        r"|\bkept (?:most|some|them|half)(?: of (?:them|it))? down\b"
        r"|(?:^|(?<=[.!?\n]))\s*overdosed\s*(?:[.!,\n]|$)"
        r"|\b(?:car|engine)(?:'s| is) (?:running|on) in the garage\b",
        "attempt",
    ),
    # how it feels as the tablets work ("feeling sleepy now", "room is spinning", "vomiting")
    (
        "symptom",
        "physical signs of harm",
        r"\b(?:feeling|feel|i'm|getting|so) (?:really |so |very )?(?:sleepy|drowsy|dizzy|numb)"
        r" (?:now|already)\b|\b(?:room|head)(?:'s| is) spinning\b|\bvomiting and shaking\b"
        r"|\bhands are numb\b|\bheart(?:'s| is) racing\b|\b(?:so|really) (?:tired|sleepy|drowsy)"
        r" now\b|\bgetting dizzy\b|\bfeeling (?:really )?drowsy\b",
        "self",
    ),
    # last words in new forms: a practical note to the one left behind, no one to blame
    (
        "farewell",
        "sounds like a farewell",
        r"\bone less thing for (?:\w+ )?to"
        r" (?:sort|worry about|deal with)\b|\bthe note(?:'s| is) (?:under|on|in) my\b"
        r"|\b(?:it )?(?:wasn't|wasnt|was not|isn't|isnt|is not)"
        r" (?:anyone'?s|anybody'?s|nobody'?s) fault\b|\bwonders? what happened to me\b"
        r"|\byou (?:were|lot were|guys were) the only (?:ones?|people) who\b",
        "self",
    ),
    # said of someone who is left the pets or the passwords ("she'll need them after")
    (
        "farewell",
        "sounds like a farewell",
        r"\b(?:she|he|they|you)(?:'ll| will) need (?:them|it|these|this) after\s*(?:[.!,\n]|$)"
        r"|\bsomeone who(?:'ll| will) (?:actually )?be around\b",
        "affairs",
    ),
    ("goodbye_weak", "sounds like a goodbye", r"\blove you lot\b", "self"),
    (
        "calm",
        "sounds calm about it",
        r"\b(?:it )?(?:all )?feels? (?:very |so |really )?clear now\b",
        "self",
    ),
    (
        "plan",
        "has a plan",
        r"\b(?:know|decided|worked out|picked) (?:exactly )?where i(?:'m| am) going to (?:tie|hang"
        r"|do) it\b|\b(?:know|decided) where i(?:'ll| will) (?:tie|hang|do) it\b",
        "self",
    ),
    (
        "time",
        "a timeframe",
        r"\bafter (?:i post|posting|i've posted) this\b|\bafter this post\b|\bon (?:my|the) way home\b",
        "time",
    ),
    ("means_word", "means", r"\btowels? (?:is |are )?soaked(?: through)?\b", "means"),
    (
        "method",
        "a method",
        r"\b(?:stood|standing) on the (?:chair|stool)\b[^.!?\n]{0,30}\bsnapped\b",
        "means",
    ),
    (
        "od_effect",
        "the pills are taking effect",
        r"\btook a (?:lot|load) of (?:something|stuff|them|pills|tablets)\b",
        "attempt",
    ),
    (
        "active",
        "talks of ending their life",
        r"\b(?:go to sleep|and sleep) forever\b",
        "self",
    ),
    # someone else at a dangerous place now, or on the way to one
    (
        "other_place",
        "someone else at a dangerous place",
        rf"\b(?:he|she|they)(?:'s| is| are) (?:on|at|by) (?:the )?(?:\w+ )?{_DANGER_PLACE}\b"
        r"(?=[^.!?\n]{0,20}\b(?:right now|now)\b)"
        r"|\b(?:is|she's|he's) (?:walking|heading|driving) (?:to|towards) the"
        rf" (?:\w+ )?{_DANGER_PLACE}\b"
        rf"|\b\w+'s car(?:'s| is)? (?:parked )?(?:at|by) the (?:\w+ )?{_DANGER_PLACE}\b",
        "danger",
    ),
    ("urgent_q", "asks what to do", r"\bwhat (?:do|should|can) i do\b", "danger"),
    # the abuser over the fence, the poster hiding
    (
        "breakin",
        "abuser breaking in",
        r"\b(?:just|has) (?:climbed|jumped|got|come|came) over the (?:back |garden |front )?(?:fence"
        r"|wall|gate)\b"
        r"|\b(?:i'm|im|i am|we're|we are) hiding (?:upstairs|downstairs|in the (?:\w+ )?(?:bathroom"
        r"|bedroom|loft|wardrobe|cupboard|attic|garage|shed|car)|under the (?:bed|stairs))\b"
        r"(?![^.!?\n]{0,30}\b(?:playing|hide and seek|presents?|game|from (?:the|my|our) (?:kids|children|toddlers?|twins)|peace and quiet|lol)\b)",
        "danger",
    ),
    (
        "strangle",
        "strangulation",
        r"\b(?:won't|wont|will not|wouldn't|didn't|not going to) stop squeezing\b"
        r"|\bsqueez(?:e|ed|es|ing) (?:my|her|his) (?:neck|throat)\b",
        "danger",
    ),
    (
        "child",
        "a child in danger now",
        r"\b(?:just )?(?:texted|rang|called|messaged|phoned) (?:me )?(?:to say |that |saying )?(?:he"
        r"|dad|daddy|her dad|his dad|her stepdad|his stepdad)(?:'s| is)? (?:hit|hurt|hitting|slapped"
        r"|kicked|punched|grabbed|hurting) (?:her|him|them)\b",
        "danger",
    ),
    # concern: hopelessness and passive wishes in new words
    (
        "hopeless",
        "hopelessness",
        r"\bhow many more days i have in me\b|\brunning out of reasons to (?:keep going|live|stay"
        r"|go on)\b|\bdisappointed (?:that )?i woke up\b|\bdon't see myself making it to \d+"
        r"|\bdon't know (?:if|how) i can keep (?:doing this|going)\b|\blosing the will to (?:keep"
        r" going|live|go on|carry on)\b|\bcan't remember the last time i wanted to (?:be alive|live)\b"
        r"|\bfading (?:out|away)\b|\bwish (?:it|everything) would (?:all )?(?:just )?stop\b"
        r"|\bhead is (?:in )?a (?:really |very )?(?:bad|dark) place\b",
        "self",
    ),
    (
        "wish",
        "wishes to die",
        r"\bif i died (?:tomorrow|today|tonight)\b[^.!?\n]{0,10}\b(?:wouldn't|wouldnt|would not)"
        r" (?:mind|care)\b|\bwant to (?:go to )?sleep for a (?:very |really )?long time\b"
        r"|\bwish i could (?:go to )?sleep and skip\b",
        "self",
    ),
    (
        "urge",
        "self-harm urges",
        r"(?:^|(?<=[.!?\n]))\s*cut again\b|\b(?:hitting|banging) my head (?:against|on) the wall\b"
        r"(?! (?:with|over|about|trying|because of|at work)\b)"
        r"|\bbruised my own\b|\bpicked at (?:the |my )?(?:old )?scars\b",
        "self",
    ),
    (
        "stalking",
        "stalking or monitoring",
        r"\breading my (?:messages|texts|emails)\b|\b(?:letter|card|parcel|flowers) from him at my"
        r" new (?:address|place|flat|house)\b|\bfake account\b|\b(?:parked|waiting|sat|sitting)"
        r" (?:across the road from|outside|at|by) the (?:refuge|bus stop i use|school gates?)\b"
        r"|\bfeel like he's watching\b",
        "watch",
    ),
    (
        "manipulation",
        "abuser threatening self-harm",
        r"\b(?:picture|photo|pic) of (?:a )?(?:rope|noose|pills|tablets)\b[^.!?\n]{0,40}\b(?:tagging"
        r" me|saying|my fault)\b|\bthreatened to (?:jump|kill himself|hang himself|overdose|end it)"
        r" if i\b|\bit's on me\b|\bbe around much longer'? if i\b",
        "watch",
    ),
    (
        "fear",
        "fear of escalation",
        r"\bgone quiet\b[^.!?\n]{0,40}\bscares me\b|\bmake sure i lose the kids\b|\b(?:threw|smashed"
        r"|broke) (?:a|the) \w+ (?:near|at|past) my head\b",
        "watch",
    ),
    (
        "other_risk",
        "someone else may be at risk",
        r"\b(?:keeps?|kept) saying (?:she's|he's|they're|she is|he is) tired of life\b"
        r"|\b(?:keeps?|kept) saying (?:she|he|they) (?:doesn't|don't|does not) see the point\b",
        "watch",
    ),
    # somebody else out of reach after a goodbye, pills or a place
    (
        "unreachable",
        "someone else in danger now",
        r"\b(?:not|isn't|is not|won't|stopped|not even) (?:answering|picking up|replying"
        r"|responding)\b|\bwent offline\b|\bhung up(?: on me)?\b|\bwon't let me call\b"
        r"|\b(?:isn't|not|is not) breathing(?: properly)?\b|\bwon't wake up\b",
        "danger",
    ),
    (
        "other_goodbye",
        "someone else's goodbye",
        r"\b(?:friend|mate|sister|brother|cousin|son|daughter|mum|mom|dad|bf|gf|boyfriend"
        r"|girlfriend|partner|she|he|they|someone)\b[^.!?\n]{0,40}\b(?:texted|messaged|sent|posted"
        r"|left) (?:me )?(?:a )?(?:goodbye|note(?=\s*(?:[.!,\n]|$| and| on the (?:table|bed|side)))"
        r"|pic of (?:the |her |his )?(?:pills|tablets)|photo of (?:the |her |his )?(?:pills"
        r"|tablets))\b"
        r"|\b(?:her|his) (?:location|car)(?:'s| is)? (?:is )?(?:at |parked at |by )?(?:the )?"
        rf"(?:\w+ )?{_DANGER_PLACE}\b"
        r"|\b(?:she|he|they)(?:'s| is| are) (?:walking|heading|driving) (?:to|towards) the"
        rf" (?:\w+ )?{_DANGER_PLACE}\b"
        r"|\b(?:she|he|they|friend|mate|sister|brother|cousin|son|daughter|mum|mom|dad|partner"
        r"|flatmate|housemate)(?:'s| has|'ve| have) taken (?:tablets|pills|a load|loads|too many"
        r"|everything|an overdose)\b|\blocked (?:herself|himself|themselves) in\b[^.!?\n]{0,40}"
        r"\bwith (?:a|the) (?:blade|knife|razor|pills|rope)\b"
        r"|\bempty (?:blister packs?|pill bottles|packets) (?:next to|beside|by)\b",
        "danger",
    ),
    # --- word classes of the crisis_extra5 round ------------------------------------------------
    # an overdose told in passing: swallowed "them" or "what was left", the whole box, the bottle
    # empty, the rest added, "took everything." on its own
    (
        "attempt",
        "has taken an overdose",
        r"\bswallowed (?:them(?: all)?|all of them|the lot|everything|what (?:was|i had) left"
        r"|the rest(?: of (?:them|the \w+))?|(?:the|a) (?:whole |full )?(?:bottle|box|packet|strip))"
        r"(?! of (?:my |the |a |his |her )?(?:water|juice|gum|sweets|chocolates?|crisps|drink|tea"
        r"|coffee|sandwich|lunch|dinner|food|wine|beer))\b"
        r"|\b(?:took|taken|taking|swallowing) (?:the|a|my) (?:whole|full|entire) (?:box|bottle"
        r"|packet|pack|strip|blister)\b(?! of (?!(?:pills|tablets|meds|paracetamol|painkillers"
        rf"|{_DRUGS})\b))"
        r"|\b(?:the|my) (?:bottle|box|packet|pot|tub) of (?:pills|tablets|meds|paracetamol"
        r"|painkillers) is (?:now )?empty\b|\badding the rest of (?:the|my) (?:bottle|box|packet"
        r"|pills|tablets)\b|\btook the (?:pills|tablets|lot)\b(?=[^.!?\n]{0,25}\b(?:lying down"
        r"|going blurry|going dark|room is spinning|can't keep my eyes open))"
        r"|(?:^|(?<=[.!?,\n] )|(?<=[.!?,\n])|\bi (?:just )?)took everything\s*(?=[.!,\n]|$)"
        r"|\bstopped eating and drinking on purpose\b",
        "attempt",
    ),
    (
        "od_effect",
        "may have taken an overdose",
        r"\b(?:i've|i have) taken something\b(?! for (?:my|the|a) (?:head|pain|cold|back|period"
        r"|migraine|hay ?fever|sleep|tooth))",
        "attempt",
    ),
    (
        "symptom",
        "physical signs of harm",
        r"\b(?:feel|feeling) (?:really |so |very )?(?:sleepy|drowsy|weird|strange)\b[^.!?\n]{0,20}"
        r"\bmy heart\b|\b(?:room|everything|my vision)(?:'s| is) going (?:blurry|dark|fuzzy)\b",
        "attempt",
    ),
    # a goodbye said in passing: "for the last time", "won't be around to read the replies",
    # goodbyes posted, scheduled or said "without her knowing"
    (
        "goodbye",
        "goodbye message",
        r"\b(?:texted|told|messaged|called|rang) [^.!?\n]{0,30}?\b(?:ily|i love (?:you|her|him|them)"
        r"|love you)\s+for the last time\b"
        r"|\b(?:check(?:ing)? in|say(?:ing)? (?:bye|goodbye|thank you|thanks))(?: with| to)?"
        r" (?:everyone |you all |you guys |all of you |you )?one last time\b(?![^.!?\n]{0,40}"
        r"\b(?:before|holiday|trip|break|moving|move|new job|until|till|for a (?:bit|while)))"
        r"|\bwon't be (?:around|here|alive) to (?:read|see) (?:the |any |your )?(?:replies|answers"
        r"|responses|comments|this)\b"
        r"|\b(?:posted|wrote|written|sent|scheduled|recorded) (?:all )?my goodbyes?\b(?! (?:to|for)"
        r" (?:my (?:old|past|younger) self|him|my ex|the (?:group|refuge|job|team|house|flat"
        r"|staff)))"
        r"|\bsaid (?:bye|goodbye) to (?:\w+ ){1,3}?without (?:her|him|them) knowing\b"
        r"|\bthe last time you(?:'ll| will) (?:hear|see) (?:from|of) me\b",
        "self",
    ),
    (
        "farewell",
        "sounds like a farewell",
        r"\bdon't worry (?:about me )?(?:when|if) i (?:don't|do not) (?:show up|turn up|come"
        r"|reply|answer|log on|post)\b|\bone of the last things i (?:want|need|wanted) to do\b",
        "self",
    ),
    (
        "arrange",
        "arranging affairs",
        r"(?:^|(?<=[.!?\n] )|(?<=[.!?\n]))(?:i've|i have) sorted (?:it|everything)\s*(?=[.!\n]|$)"
        r"|\b(?:i've |i have )?left (?:the|my) (?:letters|notes) (?:by|on|under|in|next to) the"
        r" \w+\b(?! for the (?:postman|post))"
        r"|\bgave (?:all )?my (?:plants|things|stuff|clothes|books) away\b|\bdeleted my (?:socials"
        r"|accounts|social media)\b[^.!?\n]{0,60}\bjust this (?:account|one) left\b",
        "affairs",
    ),
    # "by then it'll be over", "everyone will be better off by morning", "not going to make it to
    # my birthday"
    (
        "finality",
        "sounds final",
        r"\b(?:it'll|it will|it'll all|it will all|everything will|everything'll) be over\b"
        r"(?! (?:soon,? (?:thank|then|and i)|before you know it))"
        r"(?![^.!?\n]{0,40}\b(?:exams?|court|case|hearing|move|divorce|shift|term|school|job"
        r"|can't wait|cannot wait|thank god|thank goodness|yay))"
        r"|\b(?:everyone|everybody|they)(?:'ll| will) (?:all )?be better off (?:by|from|after)"
        r" (?:morning|tomorrow|tonight|monday|the weekend)\b"
        r"|\bnot (?:going to|gonna) make it to (?:my (?:next )?birthday|christmas|new year"
        r"|the (?:weekend|morning)|tomorrow|next (?:week|month|year))\b(?! (?:party|drinks|dinner"
        r"|meal|do|lunch|celebration|because|in time|on time|either|at this rate))",
        "self",
    ),
    (
        "plan",
        "has a plan",
        r"\b(?:it's|its|it is|everything's|everything is) (?:all )?(?:been )?planned\b(?! (?:for|with"
        r"|out:))|\bthe plan is (?:sorted|set|ready|made|in place|done)\b(?! (?:for|with))"
        r"|\b(?:looking|looked|look) up (?:the )?(?:\w+ )?"
        rf"{_DANGER_PLACE}\b[^.!?\n]{{0,30}}\bon (?:google )?maps\b",
        "self",
    ),
    # a method or means in few words: "the one big dose", "take the lot", charcoal not for a
    # barbecue, the engine running in the garage, a rope in the woods, a place "calling me"
    (
        "method",
        "a method",
        r"\b(?:the )?one big dose\b|\b(?:take|taking|swallow|swallowing) (?:the lot|all of them"
        r"|them all|the whole lot)\b(?! (?:to|back|out|off|with|home|round|in|for|away)\b)"
        r"|\bcharcoal\b[^.!?\n]{0,40}\b(?:not|don't|dont) (?:need it )?(?:for )?(?:a |the )?(?:bbq"
        r"|barbecue)\b|\b(?:go|walk|wade|step) in(?:to the water)? (?:soon|now|tonight|in a (?:bit"
        r"|minute|while))\b",
        "means",
    ),
    (
        "means_ready",
        "means at hand",
        r"\b(?:sitting|sat|parked) in (?:the|my) (?:garage|car in the garage) with the engine (?:on"
        r"|running)\b"
        r"|\b(?:the )?hose(?:pipe)?(?:'s| is) (?:attached|connected|on the exhaust|through the window)\b"
        r"|\b(?:i'm|im|i am) (?:at|in) the (?:woods|forest|trees)\b[^.!?\n]{0,30}\bwith (?:a|the"
        r"|my) (?:rope|cord|belt)\b|\b(?:hoarded|stockpiled|saved up) enough\b(?! (?:\w+ )?(?:toilet|loo|food|tins|pasta|rice"
        r"|nappies|candles|snacks|firewood|wood|coffee|tea|money|cash|points|holiday|leave|to (?:leave"
        r"|move|buy|pay|get|go)|for (?:a|the|my) \w+))"
        r"|\bcounted them (?:twice|again|three times)\b[^.!?\n]{0,40}\benough\b",
        "means",
    ),
    (
        "location",
        "at a high or dangerous place",
        rf"\b{_DANGER_PLACE}\b[^.!?\n]{{0,40}}\b(?:has been|keeps|been|is) calling (?:to )?me\b"
        r"|\bin the car at the (?:reservoir|river|lake|cliffs?|quarry|canal|docks|harbour)\b"
        rf"|\bknow (?:the|a) (?:exact |right )?spot (?:on|at|by|near|off) the (?:\w+ )?{_DANGER_PLACE}",
        "self",
    ),
    (
        "intent",
        "intent to end their life",
        r"\b(?:going to|gonna|will|i'll) finish what i started\b(?! (?:with|at|on)\b)"
        r"(?! in (?:uni|college|school|work|the|my|this)\b)",
        "self",
    ),
    # danger told flatly: held by the neck, "he kill me", someone standing over or cornering the
    # poster with a weapon, a gun cleaned in front of them, pushed down the stairs and hurt
    (
        "strangle",
        "strangulation",
        r"\b(?:hold|held|holds|holding|grab|grabbed|grabs|grabbing) me (?:up )?by (?:the |my )?"
        r"(?:neck|throat)\b",
        "danger",
    ),
    (
        "threat",
        "threat to kill",
        r"\b(?:he|she) kill me\b|\bsays? (?:\w+ ){0,2}?(?:he|she) (?:will |going to )?kill me\b"
        r"|\bnone of us (?:are|will be|is) (?:alive|here|around|breathing)\b",
        "danger",
    ),
    (
        "weapon",
        "weapon",
        r"\b(?:standing|stood|stands) over me with (?:a|an|the|his|her) \w+"
        r"|\b(?:cornered|pinned) (?:me )?(?:in (?:the )?\w+ )?with (?:a|an|the|his|her) (?:\w+ )?"
        r"(?:bottle|knife|blade|bat|hammer|iron|glass|screwdriver)\b"
        r"|\b(?:bottle|glass) smashed in (?:his|her) hand\b|\b(?:smashed|broken) (?:bottle|glass)"
        r" in (?:his|her) hand\b|\bcleaning (?:his|her|the) (?:gun|rifle|shotgun)\b[^.!?\n]{0,30}"
        r"\bin front of me\b"
        r"|\b(?:he|she|my partner|my ex|my husband|my boyfriend)(?:'s| is) (?:upstairs |downstairs )?"
        r"with the (?:kids|children|baby) and (?:a|the|his|her) (?:knife|gun|blade|hammer)\b",
        "danger",
    ),
    (
        "assault",
        "assault now",
        r"\b(?:pushed|threw|kicked) me down the stairs\b[^.!?\n]{0,40}\b(?:can't|cannot|can not)"
        r" (?:move|get up|stand|feel)\b",
        "danger",
    ),
    # someone else: a photo of her wrists, goodbyes to everyone, "called me saying goodbye",
    # "she's taken all her pills"
    (
        "other_goodbye",
        "someone else's goodbye",
        r"\b(?:photo|pic|picture) of (?:her|his|their) (?:wrists?|arms?|cuts)\b"
        r"|\b(?:she|he|they)(?:'s| is| has| are|'ve| have) (?:been )?saying (?:goodbye|bye) to"
        r" (?:everyone|people|us|all)\b|\b(?:called|rang|phoned) me saying (?:goodbye|bye)\b"
        r"|\b(?:she|he|they)(?:'s| has| have|'ve) taken (?:all )?(?:her|his|their) (?:pills|tablets"
        r"|meds)\b",
        "danger",
    ),
    (
        "unreachable",
        "someone else in danger now",
        r"\bwon't pick up\b|\bwon't open the door\b|\b(?:her|his|their) phone(?:'s| is) (?:now )?off\b",
        "danger",
    ),
    # concern: passive wishes and hopelessness in new words
    (
        "wish",
        "wishes to die",
        r"\b(?:i'd|i would) (?:rather|prefer to) not (?:exist|be alive|be here)\b(?! (?:on|online|in"
        r"|at|for)\b)"
        r"|\b(?:i'd|i would) be better off gone\b|\bhow easy it would be to (?:just )?(?:stop|not be"
        r" here|end it|disappear|go)\b|\bcan't see myself (?:being )?(?:here|alive|around) in a"
        r" (?:year|month|few)\b|\bwant(?:ing)? to disappear\b(?! (?:for|to|on|into|under)\b)",
        "self",
    ),
    (
        "hopeless",
        "hopelessness",
        r"\bno way forward\b|\bevery door (?:has )?(?:closed|shut)\b|\bdon't feel safe in my own"
        r" head\b|\bstruggling to see why i should (?:keep going|carry on|go on|bother|stay)\b",
        "self",
    ),
    (
        "thoughts",
        "suicidal thoughts",
        r"\b(?:googled|searched|looked up) how (?:many|much) (?:of )?(?:my |the )?(?:\w+ )?(?:tablets"
        rf"|pills|meds|paracetamol|painkillers|insulin|{_DRUGS}) (?:would be|is) too (?:many|much)\b(?! for (?:a|my|the) (?:headache|toothache|period|cold"
        r"|back|dog|cat|child|kid))",
        "self",
    ),
    # concern: stalking, control and fear told as a pattern
    (
        "stalking",
        "stalking or monitoring",
        r"\b(?:rang|called|phoned|texted|messaged) (?:me )?\d{2,} times\b|\bfrom (?:different|withheld"
        r"|unknown|private) numbers\b|\b(?:found|knows|got) (?:the |my )?(?:refuge's|refuge|new)"
        r" address\b|\b(?:showing|turning|shows|turns) up (?:at|when|where)\b[^.!?\n]{0,60}"
        r"\b(?:filming|photographing|taking (?:photos|pictures))\b|\bcards? (?:that )?says? '?"
        r"(?:always )?watching\b|\b(?:sat|sitting|parked) (?:across the road from|opposite) my"
        r" (?:work|office|house|flat)\b[^.!?\n]{0,30}\b(?:times|every|again|this (?:month|week))\b",
        "watch",
    ),
    (
        "fear",
        "fear of escalation",
        r"\btalking about (?:his|her|the) (?:\w+ )?(?:old )?(?:gun|rifle|shotgun|knife|knives)\b"
        r"|\b(?:locking|locks|locked) (?:her|me) in\b[^.!?\n]{0,30}\b(?:taking|took|takes)"
        r" (?:her|my) (?:phone|keys|car keys)\b|\btook (?:her|my) phone and (?:car )?keys\b",
        "watch",
    ),
    (
        "manipulation",
        "abuser threatening self-harm",
        r"\b(?:daddy|dad|mummy|mum|he|she) (?:might|may|won't|will not) (?:not )?be (?:around|here)"
        r" (?:much|for much) longer\b|\b(?:he|she)(?:'ll| will) (?:end up )?'?(?:doing|do)"
        r" something'? if i\b",
        "watch",
    ),
    # --- from the misses of crisis_blind5 to 9 (now development material) ----------------------
    (
        "attempt",
        "has taken an overdose",
        r"\bswallowed (?:half |all |the rest of |the whole )(?:of )?(?:the|my) (?:\w+ )?(?:tablets|pills"
        r"|bottle|meds|packet|box)\b|\bswallowed (?:the|my) sleeping (?:tablets|pills)\b"
        r"|(?:^|(?<=[.!?,\n] )|(?<=[.!?,\n])|\bi (?:just )?)took them all\b"
        r"|\btook my whole (?:week|month)(?:'s)? (?:supply )?(?:of )?(?:pills|tablets|meds"
        rf"|medication|{_DRUGS})\b|\btook my whole (?:box|bottle|packet|supply)\b(?! of (?!(?:pills"
        rf"|tablets|meds|{_DRUGS})\b))"
        r"|\b(?:the )?(?:last of the )?(?:pills|tablets)(?: are| is)? in my mouth\b"
        r"|\bmixed (?:the )?(?:vodka|wine|whisky|gin|alcohol|drink) with (?:all )?(?:my|the) (?:pills"
        r"|tablets|meds)\b|\b(?:i've |i have |just )(?:slit|slashed) my (?:wrists?|throat)\b"
        r"|\b(?:i'm |i am |im )?(?:burning|cutting) myself (?:\w+ ){0,3}?right now\b",
        "attempt",
    ),
    (
        "method",
        "a method",
        r"\b(?:least painful|quickest|easiest|fastest) way to (?:go|die|do it|end it)\b"
        r"|\b(?:what's|whats|what is) the (?:least painful|quickest|easiest|fastest) way\b"
        r"(?! to (?!(?:go|die|do it|end it)\b))"
        r"|\bhow many (?:of )?(?:my |the )?(?:\w+ )?(?:would it take|does it take|it takes)\b"
        r"|\bresearched the dose\b|\b(?:pressing|pressed|press) the (?:belt|cord|rope) (?:into|round|around)"
        r" my (?:own )?neck\b"
        r"|\b(?:take|taking) myself out\b(?! (?:for|to|on|of)\b)",
        "means",
    ),
    (
        "means_ready",
        "means at hand",
        r"\b(?:gun|revolver|pistol|rifle|shotgun|knife|blade|razor|pills|tablets)(?:'s| is| are)?"
        r" (?:in|on) my (?:lap|hands?)\b|\b(?:blade|knife|razor|rope|pills|gun)(?:'s| is| are) right"
        r" (?:here|next to me|beside me|in front of me)\b|\bin the bath with (?:a|the|my) (?:blade"
        r"|razor|knife)\b|\b(?:i'm|i am|im) holding (?:the|a|my) (?:blade|razor)\b"
        r"|\bcounting (?:out )?(?:my |the )?(?:pills|tablets)\b"
        r"|\btied (?:it|the rope|the belt|the cord|the noose)(?: already)? (?:to|round|around|over)"
        r" (?:the )?(?:\w+ )?(?:hatch|beam|bannister|banister|railing|door|tree|hook|rail|pipe)\b"
        r"|\b(?:i've |i have )?tied the (?:rope|noose)(?: already)?\b(?! (?:to|for) the (?:swing|boat"
        r"|tent|dog|washing))"
        r"|\bset (?:everything|it all) up in the (?:garage|loft|shed|bathroom|car|woods)\b(?! for)"
        r"|\bfrom (?:a )?(?:different|another|several) (?:chemists?|pharmac(?:y|ies)|shops?)\b"
        r"[^.!?\n]{0,40}\b(?:wouldn't|wouldnt|won't|don't|dont|not) (?:ask|notice|question)",
        "means",
    ),
    (
        "plan",
        "has a plan",
        r"\bworked out (?:the timings?|exactly how|how and when|which (?:train|bridge|one))\b"
        r"|\b(?:a|the) plan and (?:a|the) date\b|\b(?:already )?(?:picked|chosen|found) the"
        r" (?:spot|place)\b(?! (?:for|to))",
        "self",
    ),
    (
        "time",
        "a timeframe",
        r"\bwhen this song (?:finishes|ends)\b|\b(?:waiting|wait) for (?:my |the )?\w+ to (?:go out"
        r"|leave|go to (?:bed|sleep|work))\b|\bonce (?:my |the )?\w+ (?:leaves|goes out|is asleep"
        r"|goes to bed)\b|\b(?:when it gets|once it's|once it is) dark\b",
        "time",
    ),
    (
        "goodbye",
        "goodbye message",
        r"\bwon't be (?:here|around|alive) (?:in|by) the morning\b(?![^.!?\n]{0,30}\b(?:flight"
        r"|trip|holiday|work|shift|early|train|because|off to))"
        r"|\b(?:don't|dont) think (?:i'll|ill|i will) be (?:here|around) (?:by|in the) morning\b"
        r"|\b(?:you )?won't be hearing from me (?:again|after)\b"
        r"|\b(?:this is|if this is) the last thing (?:i'll |i will |i )?(?:ever )?(?:write|post|say"
        r"|type)\b|\bsee (?:ya|you) never\b(?!,? (?:\w+ ){0,2}?(?:ex|him|her|them|loser)\b)|\b(?:won't|will not|wont) need (?:them|it|any of it"
        r"|these) where i'm going\b",
        "self",
    ),
    (
        "finality",
        "sounds final",
        r"\b(?:won't|will not|wont) need (?:them|it|any of it|these) (?:after"
        r" (?:tonight|the weekend|this week|today|friday|tomorrow))\b|\bwon't be needing (?:any of )?"
        r"(?:it|them)\b|(?:^|(?<=[.!?\n] )|(?<=[.!?\n]))(?:actually |so )?you won't need to\s*(?=[.!\n]|$)"
        r"|\b(?:tonight|today)(?:'s| is) the night\b(?! (?:for|of|we))(?![^.?\n]{0,40}(?:!|\b(?:first"
        r"|date|party|gig|concert|wedding|match|final|interview)\b))"
        r"|\b(?:doing it|kill myself|kms)\.? (?:like )?(?:actually|properly|for real) this time\b"
        r"|\b(?:like )?actually this time\s*(?=[.!\n]|$)|\bneed (?:it|this|everything) to (?:be over"
        r"|stop|end)\b|\b\d+ more days and (?:then )?it(?:'s| is| all)? (?:stops|over|done|ends)\b",
        "self",
    ),
    (
        "arrange",
        "arranging affairs",
        r"\b(?:tidying|sorting) (?:things |everything )?up before i go\b",
        "affairs",
    ),
    (
        "farewell",
        "sounds like a farewell",
        r"\bdon't worry about replying\b|\byou were all (?:so )?(?:lovely|kind|amazing|great"
        r"|brilliant|wonderful)\b",
        "self",
    ),
    (
        "hopeless",
        "hopelessness",
        r"\bcan't do (?:another|one more) day\b",
        "self",
    ),
    (
        "location",
        "at a high or dangerous place",
        rf"\b(?:i'm |im |i am )?(?:going|heading|walking|driving) (?:down |out )?to the (?:\w+ )?"
        rf"{_DANGER_PLACE}\b",
        "self",
    ),
    # danger in new words
    (
        "strangle",
        "strangulation",
        r"\b(?:pushed|held|holds|holding|pushing) my head under (?:the )?(?:bath )?water\b"
        r"|\b(?:presses|pressed|pressing|pushes|pushed) (?:on|down on|into) my (?:throat|neck)\b",
        "danger",
    ),
    (
        "threat",
        "threat to kill",
        r"\bnext time (?:he|she)(?:'ll| will)? (?:won't|will not|wont) (?:let go|stop)\b"
        r"|\bnext time (?:he|she)(?:'ll| will) (?:pull the trigger|finish (?:me|it|the job)|kill me)\b"
        r"|\bfinish what (?:he|she) started\b|\bidentifying (?:her|his|their|your|my) bod(?:y|ies)\b"
        r"|\b(?:pour|douse|throw) (?:\w+ )?(?:kerosene|petrol|gasoline|lighter fluid|acid) (?:on|over)"
        r" me\b|\bset me on fire\b|\btexting me '?say goodbye\b",
        "danger",
    ),
    (
        "weapon",
        "weapon",
        r"\b(?:put|putting|held|holding|pointed|pointing) a gun (?:to|at) my head\b",
        "danger",
    ),
    (
        "assault",
        "assault now",
        r"\b(?:poured|put) (?:bleach|poison|something) in(?:to)? my (?:tea|drink|food|coffee)\b",
        "danger",
    ),
    (
        "breakin",
        "abuser breaking in",
        r"\b(?:someone|somebody|he|she|they|ex|husband|partner|boyfriend)(?:'s| is| are)? (?:trying|rattling|trying to open)"
        r" (?:(?:the|my) (?:back|front|bedroom|bathroom|kitchen|flat) |my )(?:door|window)(?: handle)?\b"
        r"(?! key)"
        r"(?![^.!?\n]{0,30}\b(?:closed|shut|of the (?:shop|museum|cafe|church|school|library)|lol))"
        r"|\b(?:a man|someone|somebody|a stranger|a guy)\b[^.!?\n]{0,25}\bin (?:my|the|our) (?:back"
        r" |front )?(?:garden|yard|hallway|house|flat)\b[^.!?\n]{0,10}\b(?:right now|now)\b"
        r"|\b(?:he|she|my ex)(?:'s| is) inside (?:the|my) (?:house|flat|home)\b"
        r"|\blet (?:himself|herself|themselves) in\b",
        "danger",
    ),
    (
        "child",
        "a child in danger now",
        rf"\b(?:he|she)(?:'s| is) (?:holding|got|grabbed) (?:my|our|the) (?:\w+ )?{_KID}\b"
        r"[^.!?\n]{0,40}\b(?:won't give (?:her|him|them) back|threatening|says? he'll hurt|screaming"
        r" that)"
        rf"|\btrying to take (?:my|our|the) {_KID}\b|\b{_KID} is locked in (?:the |a )?\w+ with"
        r" (?:him|her dad|his dad)\b|\b(?:drunk|drinking) and threatening to (?:hurt|kill)"
        r" (?:him|her|them)\b|\bhitting (?:his|her|their) (?:little )?(?:girl|boy|son|daughter"
        r"|kids?)\b[^.!?\n]{0,40}\bright now\b",
        "danger",
    ),
    (
        "other_goodbye",
        "someone else's goodbye",
        r"\b(?:texted|messaged|sent me|put|posted|captioned)\b[^.!?\n]{0,15}'(?:goodbye|sorry for"
        r" everything|thank you for everything|see you on the other side)"
        r"|\bsee you on the other side\b|\blast time i'll hear from (?:her|him|them)\b"
        r"|\b(?:she|he|they)(?:'s| has| have|'ve) taken \d+ (?:\w+ )?(?:pills|tablets|paracetamol"
        rf"|{_DRUGS})\b",
        "danger",
    ),
    (
        "unreachable",
        "someone else in danger now",
        r"\bstraight to voicemail\b",
        "danger",
    ),
    # --- the crisis_extra6 round: indirect wording from crisis_extra6 and crisis_blind11 ---------
    # an overdose told by its dose or its purpose: "more of the pills than the label says", "took
    # a load of stuff to help me sleep forever", "a big dose ... I already took it", "drank the
    # bottle of bleach", "a big handful of my anti-psychotics"
    (
        "attempt",
        "has taken an overdose",
        r"\b(?:took|taken|had|swallowed)\b[^.!?\n]{0,40}?\bmore (?:\w+ ){0,4}?than (?:the (?:label"
        r"|box|packet|leaflet|doctor|dose|pharmacist)|it says|i'm (?:meant|supposed) to|you're"
        r" (?:meant|supposed) to|prescribed)\b(?![^.!?\n]{0,30}\b(?:by (?:accident|mistake)|oops))"
        r"|\b(?:took|taken|swallowed|had)\b[^.!?\n]{0,40}?\bto (?:help me )?(?:sleep forever|never"
        r" wake up|not wake up)\b"
        r"|\b(?:big|large|huge|massive|whole|full) dose\b[^\n]{0,80}?\b(?:i(?:'ve| have)? )?already"
        r" (?:took|taken|had|swallowed) (?:it|them|some)\b"
        r"|\b(?:i |i've |i have |just )(?:just )?(?:drank|drunk|swallowed|downed) (?:some |the |a )?"
        r"(?:bottle of |cup of |glass of )?(?:\w+ )?(?:bleach|antifreeze|weedkiller|rat poison"
        r"|drain cleaner|paraquat)\b"
        rf"|\b(?:took|swallowed|downed) a (?:big|huge|massive|whole) handful\b"
        rf"|\btook (?:double|triple|twice|three times|ten times) (?:the |my )(?:dose of )?(?:\w+ )?"
        rf"(?:pills|tablets|meds|{_DRUGS})\b(?![^.!?\n]{{0,30}}\bby (?:accident|mistake)\b)",
        "attempt",
    ),
    # a cut that will not stop: "cut deeper than I ever have and it's not stopping"
    (
        "bleeding",
        "injured and bleeding",
        r"\bcut (?:\w+ ){0,3}?(?:deeper|too deep|really deep|so deep|deep)\b[^.!?\n]{0,60}?"
        r"\b(?:not stopping|won't stop|can't stop (?:it|the bleeding)|still bleeding)\b",
        "attempt",
    ),
    # a goodbye in passing: "thank you and goodbye", "won't be at group on tuesday, or ever", "my
    # last day full stop", "you made the end easier", "last post from me", "a letter at mine for
    # whoever comes", "the kind where you don't swim back"
    (
        "goodbye",
        "goodbye message",
        r"\b(?:thank you|thanks)(?: all| everyone| so much| for everything)? and goodbye\b"
        r"(?! (?:to|2\d\d\d)\b)"
        r"|\b(?:won't|will not|wont|not) be (?:at|in|on|there|here|around)\b[^.!?\n]{0,40}?,? or"
        r" ever(?: again)?\b"
        r"|\bmy last day,? (?:full stop|period|on (?:this )?earth)\b"
        r"|\blast post (?:from me|ever)\b(?! (?:for|till|until|this|tonight|today|before)\b)"
        r"|\b(?:letter|note)s? (?:\w+ ){0,4}?for whoever (?:comes|finds|gets here|walks in)\b"
        r"|\bkind (?:where|that) you (?:don't|do not|never|won't) (?:swim|walk|come|climb) back\b",
        "self",
    ),
    # thanks to the reader for easing the end: told to "you", still the poster's goodbye
    (
        "goodbye",
        "goodbye message",
        r"\bmade the end (?:easier|bearable|less lonely|better)\b",
        "affairs",
    ),
    # "that's me done." on its own line, "all squared away now"
    (
        "finality",
        "sounds final",
        r"\bthat's me (?:done|finished)\s*(?:[.!\n]|$)|\ball squared away now\b",
        "self",
    ),
    # means or a place in passing: "rat poison ... not for rats", "got enough saved", "96
    # paracetamol in my bag", "collecting my nan's old tablets in a jar", "the tram tracks have a
    # date at midnight", "watching the fast ones go through", "thinking about the jump"
    (
        "means_ready",
        "means at hand",
        r"\b(?:poison|weedkiller|antifreeze|bleach|pills|tablets|rope|charcoal|hose|knife|gun)\b"
        r"[^.!?\n]{0,30}?[.,]? not for"
        r" (?:the )?(?:rats|mice|slugs|weeds|garden|bbq|barbecue|pests|the car|cooking)\b"
        r"|\b(?:got|have|i've got) enough (?:saved|stored|put by|stockpiled|hoarded)\b"
        r"(?! (?:for|to|up for)\b)"
        rf"|\b(?:[3-9]\d|[1-9]\d\d) (?:\w+ )?(?:pills|tablets|paracetamol|{_DRUGS}) (?:in|under|inside)"
        r" my (?:bag|room|drawer|pocket|car|locker|coat)\b"
        rf"|\b(?:collecting|collected|saving|hoarding|stashing) (?:my |\w+'s )?(?:old |spare |leftover )?"
        rf"(?:pills|tablets|meds|{_DRUGS}) in (?:a|my|the) (?:jar|box|tin|bag|drawer|sock)\b",
        "means",
    ),
    (
        "edge",
        "at a dangerous place",
        r"\b(?:tracks?|train line|railway|bridge|cliffs?|river|pier|motorway|rooftop|quarry)\b"
        r"(?! (?:club|night|game|party|team|group|class|players?)\b)[^.!?\n]{0,25}?\b(?:have|has|got) a date\b|\b(?:have|got) a date with (?:the )?(?:\w+ )?"
        r"(?:tracks?|trains?|railway|bridge|cliffs?|river|sea|pier|motorway|rope|pills)\b"
        r"|\b(?:watching|counting|timing) the (?:fast|express|freight|non-?stop(?:ping)?) (?:ones"
        r"|trains?)\b",
        "self",
    ),
    (
        "method",
        "a method",
        r"\bthinking about the (?:jump|drop|fall)\b",
        "self",
    ),
    # danger told flatly: "pressed his thumbs into my throat", "neither of them will be alive by
    # morning", "if I can't have him nobody can", "driving us both into the river", "putting you
    # in the ground", "coming for me and the kids tonight", "somewhere nobody finds her", "a photo
    # of a petrol can", "says I'm next", "went to get the gun", "a knife on my pillow"
    (
        "strangle",
        "strangulation",
        r"\b(?:presses|pressed|pressing|pushes|pushed|dug|digging|digs) (?:his |her |their )?"
        r"(?:thumbs?|hands?|fingers|knee|arm|forearm|elbow) (?:on|down on|into|against|round"
        r"|around) my (?:throat|neck|windpipe)\b",
        "danger",
    ),
    (
        "threat",
        "threat to kill",
        r"\b(?:neither|none|both) of (?:them|us)(?: will| 'll|'ll| is going to| are going to)?"
        r" (?:be alive|be here|survive|make it|see (?:the )?morning)\b"
        r"|\bif (?:i|he|she) can't have (?:him|her|them|you|me),? (?:nobody|no one|no-one) (?:can|will)\b"
        r"|\bdriv(?:e|es|ing) (?:us|us both|them|them both|me|the car|her|him)(?: both)? (?:into|off)"
        r" (?:the|a) (?:river|lake|sea|cliff|wall|bridge|quarry|canal|reservoir)\b"
        r"|\b(?:putting|put) you in the ground\b(?![^.!?\n]{0,20}\bgarden)"
        r"|\bcoming (?:for|after|to get) (?:me|us)(?: and (?:the|my) (?:kids|children|baby))?"
        r"\b(?=[^.!?\n]{0,20}\b(?:tonight|now|today|next|soon)\b)(?![^.!?\n]{0,20}\b(?:at \d|lift"
        r"|pick|collect|dinner|tea)\b)"
        r"|\bsomewhere (?:nobody|no one|no-one) (?:will )?finds? (?:her|him|them|you)\b"
        r"|\b(?:sent|texted|messaged|showed) me (?:a )?(?:photo|picture|pic|video) of (?:a |the |his"
        r" |her )?(?:petrol(?: can)?|gasoline|knife|gun|rifle|shotgun|lighter fluid|grave|noose)\b"
        r"|\b(?:says|said|told me|texted|telling me) (?:that )?(?:i'm|i am|you're|you are) next\b",
        "danger",
    ),
    (
        "weapon",
        "weapon",
        r"\b(?:went|gone|going|ran|run|goes) to (?:get|fetch|grab) (?:the|his|her|a) (?:gun|knife"
        r"|shotgun|rifle|axe|machete|pistol)\b"
        r"|\b(?:knife|blade|bullet|gun|noose|shell) (?:on|under) my pillow\b",
        "danger",
    ),
    (
        "assault",
        "assault now",
        r"\b(?:he|she|they|ex|partner|husband|boyfriend)(?:'s| has| just)? (?:just )?(?:rammed|ran"
        r" into|drove into|crashed into) (?:my|our) car\b"
        r"|\b(?:he|she|they|ex|partner|husband|boyfriend)(?:'s| has| just)? (?:just )?(?:tied|taped"
        r"|chained) me (?:up|to)\b",
        "danger",
    ),
    (
        "other_now",
        "someone else in danger now",
        r"\b(?:is|'s|are|'re) being (?:killed|murdered|strangled|stabbed|beaten)\b"
        r"|\b(?:is|'s) beating (?:her|him|them)(?: up)? (?:with|again|right now|now)\b",
        "danger_now",
    ),
]
# A pattern may begin with a regex comment "(?#needs:word|word...)": the words (or word
# beginnings) one of which must be in the post for the pattern to match at all. The costly
# "aggressor ... <verb>" forms are then skipped cheaply on posts that hold none of their verbs
# (a wall of "he's he's he's").
_NEEDS = re.compile(r"^\(\?#needs:([^)]*)\)")


def _prefilter(pattern: str) -> re.Pattern[str] | None:
    needs = _NEEDS.match(pattern)
    return re.compile(needs.group(1)) if needs else None


_COMPILED = [
    (kind, reason, re.compile(pattern), scope, _prefilter(pattern))
    for kind, reason, pattern, scope in _CUES
]
# Most cues need words that most posts lack ("noose", "overdos..."): the screen tells from one
# pass over a post which cues cannot match it, and those are not run (see moderation.literals).
_SCREEN = literals.Screen([pattern for _, _, pattern, _, _ in _COMPILED])

# --- modifiers ----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?\n]+|\s[-—]\s")
_CLAUSE_END = re.compile(
    r"[.!?\n;:]+|\s[-—]\s|,\s*(?=(?:and|but|so|then|though|although|because|today|now"
    r"|these days|this week|tonight)\b)|\s(?=but\b)"
)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|don't|do not|won't|will not|wouldn't|would not|isn't|am not"
    r"|no plans? to|no intention of|nothing to do with|can't imagine|no (?:urge|desire) to"
    r"|didn't|hasn't|haven't|doesn't)\b(?:\s+\w+){0,3}\s*$"
)
_NEGATION_INSIDE = re.compile(
    r"\b(?:not|never|no longer|won't|wouldn't|don't)\b"
    r"(?! (?:come|coming|wake|waking|be here|be around|be alive|exist))"
)
_DISTANT_PAST = re.compile(
    r"\b(?:(?<!where we )(?<!where i )(?<!that we )used to|use to|(?<!as i did )(?<!as i was )"
    r"(?<!than i did )back then|back in|years? ago|months ago|years later|in (?:19|20)\d\d"
    r"|when i was (?:\d+|young|little|a (?:kid|child|teen\w*)|with him|with her|married)"
    r"|at (?:1[0-9]|[2-9][0-9]|age \d+)\b(?![:.]\d| ?(?:am|pm|o'?clock))|as a (?:teen\w*|kid|child)|in the past|once (?:said|tried|attempted"
    r"|held|pointed|choked|threatened|told|put)|(?:he|she|they) would always|always used"
    r"|he'd always|she'd always|(?:he|she|they)'d (?:say|tell me|threaten|scream)|for years|before i left|during (?:our|my|the) (?:marriage"
    r"|relationship)|when (?:we|i) (?:were|was) (?:together|married|with)|old (?:me|days)"
    r"|this time last year|years back|once (?:broke|kicked|hit|pushed|strangled|smashed|grabbed"
    r"|threw|locked|stabbed|burned|tried to run)|in my nightmares|nightmares about|(?:it|that) was the (?:night|day"
    r"|time|moment) (?:he|she|they|my ex)"
    r"|(?:i )?(?:dreamt|dreamed|dreamnt)|had a (?:bad )?(?:dream|nightmare)|in my dreams?"
    r"|more times than i can (?:count|remember)|countless times|i survived|survived (?:him|her|my ex)"
    r"|a long time|previously|in my (?:teens|twenties)|(?:my|the) (?:first|last) (?:marriage"
    r"|relationship)|throughout|those years)\b"
)
_PAST_VERB = re.compile(
    r"\b(?:tried to|attempted|wanted to|was going to|had (?:planned|wanted|tried)|nearly"
    r"|almost|was suicidal|i was|used to|ended up in|was in hospital|survived|last (?:year"
    r"|month|summer|winter|spring|autumn))\b"
)
_PRESENT = re.compile(
    r"\b(?:now|right now|tonight|today|again|this (?:week|morning|evening)|lately|these days"
    r"|still|currently|anymore|any more|at the moment|just|an hour ago|minutes ago|last night"
    r"|am|is|are|i'm|he's|she's)\b"
)
_CITATION = re.compile(
    r"\b(?:article|chapter|library|book|section|guide|resources? page|resource|documentary"
    r"|news|paper|podcast|quote|quoted|page|piece|film|show|series|(?<!with a )leaflet|training"
    r"|course|transcript"
    r"|study|research|statistics?|the bit|the part|the module|says that|explains?|explained"
    r"|lists?|listed|reading(?! (?:my|this)\b)|read that|novel|lyrics|song|poem|episode|true crime"
    r"|awareness"
    r"|if (?:a|your) (?:friend|loved one|family member|colleague|partner|child|teen\w*|someone)"
    r" (?:tells|says|mentions|talks|admits|discloses) (?:you|to you)"
    # advice passed on, a joke, or a question answered "no"
    r"|safety plan|reminder|pinning this|pinned (?:post|message|this)|psa|the advice (?:is|was|says)|advice (?:is|says)"
    r"|if (?:anyone|someone|somebody|a person|people)(?: ever)? (?:tells|says|mentions|talks"
    r"|admits|discloses|has|have)|keeps joking|running joke|jokingly|as a joke|joking about"
    # a rating asked for and answered nought ("asked me to rate it and i said 0"); a question
    # answered "no" is read by _denied_questions, for the question's own words only
    r"|(?:rate|rated)\b[^.!?\n]{0,80}\b(?:i|and i) (?:said|answered|told (?:her|him|them))"
    r" (?:0|zero|none)\b)\b"
)
# A question about the poster's own suicidal thoughts ("the gp asked if i was suicidal") answered
# with a plain "no" as the whole next sentence ("i said no." / "no, not in years.") lowers the
# suicidal-thought cues of the question's sentence, as one answered at once does. Nothing else:
# never a danger, means, plan or attempt cue, never a question about safety or a promise, never
# an answer that is more than a denial ("i didn't answer", "no i'm not safe"), and not when the
# answer or the sentence after it takes it back ("i said no. actually …").
_ASKED = re.compile(
    r"\b(?:asked|asks|asking|wanted to know|wants to know)(?: me)? (?:if|whether) (?:i|i'm|i am"
    r"|i was|i'd|i had|i have|i've|i feel|i felt|i ever)\b[^.!?\n]{0,40}?\b(?:suicidal|suicide"
    r"|kill(?:ing)? myself|end(?:ing)? (?:my life|it all)|(?:want(?:ed)?|wanting) to die"
    r"|hurt(?:ing)? myself|self[- ]?harm\w*)"
)
_ASKED_OTHERWISE = re.compile(
    r"\b(?:safe|safety|promise|keep (?:myself|me)|ok|okay|alright|all right|cop(?:e|ing)|plan"
    r"|planned|pills|tablets|rope|knife|gun|means|tonight|today|now|right now)\b"
)
_DENIAL_CORE = (
    r"(?:(?:no|nope|never)(?:,? (?:i'm not|i am not|i don't|i do not|i haven't|i have not"
    r"|not (?:at all|anymore|for years|in years|for a long time|since (?:uni|university|school"
    r"|college|my teens|i was (?:a teenager|a teen|young|a kid|little)|childhood))))?"
    r"|not (?:at all|for years|in years|for a long time|since (?:uni|university|school|college"
    r"|my teens|i was (?:a teenager|a teen|young|a kid|little)|childhood)))"
)
# the whole next sentence: "no." / "i said no, not in years." / "i'm not."
_DENIAL = re.compile(
    rf"\s*(?:and )?(?:i (?:said|answered|told (?:her|him|them)|replied),? )?(?:{_DENIAL_CORE}"
    r"|i'm not|i am not)[.!]*\s*"
)
# or the rest of the question's own sentence: "…, and i said no, not in years."
_DENIAL_INLINE = re.compile(
    rf"(?: [a-z']+){{0,4}}\s*(?:[,;] ?|and |so )*(?:i (?:said|answered|told (?:her|him|them)"
    r"|replied),? )"
    rf"{_DENIAL_CORE}[.!]*\s*"
)
_TAKEN_BACK = re.compile(
    r"\b(?:but|lied|lie|lying|actually|truth is|not true|really am|really do|in fact|though"
    r"|smiled|pretended|didn't mean)\b|^\s*(?:not|but|yes)\b"
)
_LEGAL = re.compile(
    r"\b(?:sentenced|convicted|charged|jailed|arrested|in prison|got (?:an? )?(?:\w+ )?(?:order"
    r"|injunction)|pleaded guilty|found guilty|(?:at|during|in) (?:the|his|my) (?:trial|hearing"
    r"|sentencing)|barrister|prosecutor|prosecution|read out (?:in court|the)|in court|the jury"
    r"|testified|gave evidence|victim (?:personal )?statement)\b"
)
_RECOVERY = re.compile(
    r"\b(?:(?<!not )(?<!n't )doing (?:well|better|ok|okay|great|good)|i want to live|glad (?:i'm|i am|to be) alive"
    r"|grateful|proud|for hope|sharing (?:for|to give|this for) hope|recovered|in recovery"
    r"|recovery|(?:years?|months?) (?:clean|sober|free|on|out)|safe now|free now|alive and"
    r"|happy now|i'm happy|healing|healed|it gets better|got better|i'm still here"
    r"|i am still here|still standing|therapy (?:is )?help\w*|feels? like i can breathe"
    r"|i can (?:finally )?breathe|thriving|(?<!outside )(?<!found )(?<!knows )(?<!of )(?<!at )"
    r"(?<!to )my new (?:flat|home|job|life|house)|new job"
    r"|i help (?:people|others)|scars have faded|no longer|not anymore|in prison"
    r"|old life|took me (?:years|ages|a long time) to (?:see|realise|realize)|behind me now"
    r"|it was (?:control|manipulation|abuse)|i (?:see|know|realise|realize|understand) (?:that"
    r" |it )?now|(?:i'm|i am) (?:\d+|thirty|forty) now|i'm now|i am now"
    # free of him, not "got a hand free" while tied up
    r"|(?<!hand )(?<!hands )(?<!arm )(?<!arms )(?<!wrist )(?<!wrists )(?<!leg )free|a survivor)\b"
)
_SUBJECT = re.compile(
    r"\b(?:i|i'm|i've|i'll|i'd|we|we're|he|she|they|he's|she's|they're|he'll|she'll|they'll"
    r"|he'd|she'd|you|you're|friend|sister|brother|mum|mom|dad|son|daughter|husband|wife"
    r"|partner|boyfriend|girlfriend|ex|neighbour|woman|man|someone|people|character|nan|nana"
    r"|gran|granny|grandma|grandad|grandpa|uncle|aunt|auntie|cousin|colleague)\b"
)
_FIRST = frozenset({"i", "i'm", "i've", "i'll", "i'd", "we", "we're"})
_FIRST_START = re.compile(r"\s*(?:i|i'm|i am|i've|i'll|i'd|my (?:fresh |new )?(?:cuts|scars))\b")
_FEAR_FRAME = re.compile(
    r"\b(?:feel|felt|feels|like|scared|afraid|terrified|worried|panic|panicking)\b[^,]{0,14}$"
)
_NEGATION_TIGHT = re.compile(
    r"\b(?:not|never|no longer|isn't|am not|don't feel|no more|stopped)\s+(?!sure\s)(?:\w+\s+)?$"
)
# A single-quoted span may hold apostrophes inside words ('if you leave i'll jump').
_QUOTED = re.compile(
    r'"[^"\n]{2,300}"|(?:(?<=\s)|^)\'(?:[^\'\n]|(?<=[a-z])\'(?=[a-z])){2,300}\'(?=[\s.,!?;:]|$)'
)
_IDIOMS = re.compile(
    r"\b(?:(?:is|are|was|were|'s|'re) (?:\w+ )?killing me|killing it|killed it|kill(?:ed)? it (?:at"
    r"|in|on)|kill(?:ing)? (?:some )?time|murder (?:a|an|some) \w+|killer \w+|dying to\b|dying for"
    r" (?:a|an|some)|to die for|dead (?:tired|serious|excited|good|funny|easy|on|beat)|so dead"
    r"|(?:i'm|i am) dead(?: lol| haha)|(?:^|(?<=[.!?,\n] )|(?<=[.!?,\n])|(?<=lol )|(?<=omg )|(?<=haha )"
    r"|(?<=literally )|(?<=actually ))(?:i'm|i am) dead\W*$|died (?:of )?laughing|(?:nearly|almost|could have|could"
    r" of) died (?:laughing|of|from)?|death of me|over my dead body|could (?:have |of )?kill(?:ed)?"
    r" (?:him|her|them|you|it)|kill (?:this|that|the|my) (?:headache|migraine|pain|spider|plant"
    r"|vibe|mood|bug|wasp|fly)|killed (?:my|the|a) (?:first )?(?:plant|spider|wasp|fly|bug)"
    r"|drop dead|dying (?:our|my|her|his|their) hair|(?:phone|battery|laptop|car|plant)(?:'s| is)"
    r" dying|shot (?:a|the|some|this|that) (?:photo|picture|pic|video|film|scene)|shot me a"
    r" (?:look|text|message|smile)|legs are dead|dead on my feet|(?:feet|back|legs|head|knees)"
    r" (?:are|is) killing me|killed me (?:lol|haha)|you're killing me|bored to death"
    r"|scared to death|to death (?:of|with)|would die for|'d die for|die for my|gun to my head"
    r"|kill (?:two|2) birds|dressed to kill|hang out|hanging out|hung out|hang in there"
    r"|hang on|cut (?:my|his|her) (?:hair|losses|fringe|nails)|hair ?cut|killing the game"
    r"|(?:cut|cutting|chopp?\w*|slic\w*|peel\w*|spread\w*|carv\w*|butter\w*|open\w*) (?:the|a|an"
    r"|some|up the) (?:\w+ ){0,2}?with (?:a|the|his|her|my) (?:\w+ ){0,2}?(?:knife|knives|scissors"
    r"|blade)|kill for (?:a|an|some)|nearly killed me (?:lol|haha)|die (?:of|from) (?:embarrassment"
    r"|boredom|laughter|shame|cringe)|dying of (?:embarrassment|laughter|boredom|shame)"
    # a letter to one's old self, and days free of self-harm, are recovery, not a goodbye
    r"|dead to (?:me|him|her|us|them)\b|goodbye (?:letter|note|message) to (?:my (?:old|younger|past|former) self|(?:my |that )?(?:old"
    r"|past) (?:life|self)|him|my ex|the relationship)|(?:clean|free) (?:from|of) (?:self[- ]?harm\w*"
    r"|cutting|self[- ]?injury)|self[- ]?harm[- ]free"
    # exasperation with a laugh ("if one more person asks about the seating plan i'm going to
    # throw myself off a bridge lol"), and letters for a child to open when grown up
    r"|(?:makes? you|you) (?:just )?want to (?:smother|strangle|throttle|kill|murder) (?:them|him|her|it)\b"
    r"|(?:killed|murdered|destroyed) my (?:confidence|self[- ]?esteem|credit(?: score)?|career"
    r"|vibe|mood|social life)|kill myself (?:this|that|these) \w+ (?:won't|wont|will not|isn't"
    r"|keeps|refuses)\b"
    r"|if (?:one more|i (?:hear|get|see) one more|anyone else|another) [^.!?\n]{0,100}?"
    r"(?:lol|lmao|haha+|jk)\b|(?:wrote|written|writing|write) (?:\w+ ){0,2}letters? (?:to|for)"
    r" [^.!?\n]{0,40}?\bto (?:open|read) (?:on (?:their|his|her) \w+ birthdays?|when (?:they're"
    r"|they are|she's|he's|she is|he is) (?:older|grown|grown up|18|eighteen)))"
)

_SUICIDAL = ("intent", "active", "wish", "thoughts", "selfharm")
_FEELING = ("active", "wish", "thoughts", "selfharm", "hopeless", "finality")
_DANGER = ("threat", "strangle", "weapon", "breakin", "assault", "child", "followed", "other_now")
_NEGATABLE_INSIDE = frozenset({"intent", "do_it"})
_FEELINGS_NEGATED_TIGHTLY = frozenset({"hopeless", "distress", "wish"})
_PAST_KINDS = frozenset({"intent", "active", "wish", "thoughts", "selfharm", "attempt"})
_OTHER_KINDS = frozenset(
    {"intent", "active", "attempt", "method", "stockpile", "do_it", "thoughts"}
)


@dataclass
class _Cues:
    live: dict[str, list[str]] = field(default_factory=dict)
    count: dict[str, int] = field(default_factory=dict)
    sentences: dict[str, set[int]] = field(default_factory=dict)  # kind -> sentence numbers

    def add(self, kind: str, reason: str, sentence: int) -> None:
        reasons = self.live.setdefault(kind, [])
        if reason not in reasons:
            reasons.append(reason)
        self.count[kind] = self.count.get(kind, 0) + 1
        self.sentences.setdefault(kind, set()).add(sentence)

    def has(self, *kinds: str) -> bool:
        return any(kind in self.live for kind in kinds)

    def together(self, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
        """A cue of each group in one sentence."""
        a: set[int] = set()
        b: set[int] = set()
        for kind in first:
            a |= self.sentences.get(kind, set())
        for kind in second:
            b |= self.sentences.get(kind, set())
        return bool(a & b)

    def reasons(self, *kinds: str) -> list[str]:
        out: list[str] = []
        for kind in kinds:
            out.extend(r for r in self.live.get(kind, []) if r not in out)
        return out


@dataclass(frozen=True)
class _Clause:
    sentence: int
    start: int
    distant: bool
    present: bool
    past_verb: bool
    cited: bool
    legal: bool


class _Text:
    """The normalised post with its sentence and clause boundaries."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.clause_ends = [m.end() for m in _CLAUSE_END.finditer(text)]
        self.recovery = bool(_RECOVERY.search(text))
        self._clauses: dict[int, _Clause] = {}
        self._cited: dict[int, bool] = {}
        self._denied: dict[int, tuple[int, int] | None] = {}

    @staticmethod
    def _span(ends: list[int], position: int, length: int) -> tuple[int, int, int]:
        index = bisect_right(ends, position)
        start = ends[index - 1] if index else 0
        end = ends[index] if index < len(ends) else length
        return index, start, end

    def clause(self, position: int) -> _Clause:
        length = len(self.text)
        sentence, s_start, s_end = self._span(self.sentence_ends, position, length)
        _, c_start, c_end = self._span(self.clause_ends, position, length)
        if s_start not in self._cited:
            sentence_text = self.text[s_start:s_end]
            self._cited[s_start] = bool(_CITATION.search(sentence_text))
        if c_start not in self._clauses:
            clause = self.text[c_start:c_end]
            self._clauses[c_start] = _Clause(
                sentence=sentence,
                start=c_start,
                distant=bool(_DISTANT_PAST.search(clause)),
                present=bool(_PRESENT.search(clause)),
                past_verb=bool(_PAST_VERB.search(clause)),
                cited=self._cited[s_start],
                legal=bool(_LEGAL.search(clause)),
            )
        return self._clauses[c_start]

    def denied_at(self, position: int) -> bool:
        """Whether `position` lies in a question about the poster's suicidal thoughts that is
        answered with a plain "no" (see _ASKED)."""
        _, s_start, s_end = self._span(self.sentence_ends, position, len(self.text))
        if s_start not in self._denied:
            self._denied[s_start] = self._denied_question(s_start, s_end)
        span = self._denied[s_start]
        return span is not None and span[0] <= position < span[1]

    def _denied_question(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of the sentence's question about the poster's suicidal thoughts when the
        rest of the sentence, or else the whole next sentence, is a plain "no" that nothing in
        the sentence, the answer or the sentence after takes back."""
        sentence = self.text[start:end]
        question = _ASKED.search(sentence)
        if not question or _ASKED_OTHERWISE.search(sentence) or _TAKEN_BACK.search(sentence):
            return None
        rest = sentence[question.end() :].rstrip(".!?\n ")
        after_from = end
        if rest:
            if not _DENIAL_INLINE.fullmatch(rest):
                return None
        else:
            _, _, answer_end = self._span(self.sentence_ends, end, len(self.text))
            if not _DENIAL.fullmatch(self.text[end:answer_end].rstrip(".!?\n ")):
                return None
            after_from = answer_end
        _, _, after_end = self._span(self.sentence_ends, after_from, len(self.text))
        if _TAKEN_BACK.search(self.text[after_from:after_end]):
            return None
        return start + question.start(), start + question.end()

    def sentence_start(self, position: int) -> int:
        return self._span(self.sentence_ends, position, len(self.text))[1]


# A run of words with no sentence end is broken (at a space) every few hundred characters, so
# that no cue spans a wall of text and the work per cue stays bounded.
_RUNAWAY = re.compile(r"[^.!?\n]{300,400}? ")
_LOOK_BACK = 160  # characters of the clause before a cue that negation and subject are read from
_MAX_MATCHES = 200
# "since my suicide attempt", "the anniversary of my overdose": an event, not an act now
_PAST_EVENT = re.compile(
    r"\b(?:anniversary of|since|after|survived|survivor of|before|recovering from) (?:my|the"
    r"|her|his|a) (?:first |last |second |\w+ )?$"
)  # per pattern and post; a wall of repeated words needs no more


# "thoughts about ending it": the thought is the cue (suicidal thoughts), not the act
_THOUGHT_OF = re.compile(
    r"\b(?:thoughts?|thinking|think|dreams?|dreaming|fantasi[sz]\w*|idea) (?:a lot )?(?:about|of)"
    r" (?:\w+ )?$"
)
# voices or thoughts that say it: "the voices in my head saying i should just end it" are
# suicidal thoughts, not the act
_VOICES = re.compile(
    r"\b(?:voices?|thoughts?|my head|brain)\b[^.!?\n]{0,25}\b(?:saying|telling me|tells me"
    r"|say|says) (?:that )?(?:i )?(?:should |to |need to )?(?:just )?$"
)
# "since I tried to end it": a past attempt remembered, not an act now
_PAST_TRY = re.compile(
    r"\b(?:since|after|anniversary of|year since|years since) (?:when )?i (?:first |last )?(?:tried"
    r"|attempted) to $"
)
# "i don't trust myself with my tablets": an urge (a suicidal thought), not means at hand
_TRUST_MYSELF = re.compile(r"\btrust myself (?:(?:around|with|near) (?:my |the |all )?)?$")
# "i wish he would just kill me": a wish to die, not his threat
_WISH_KILLED = re.compile(
    r"\b(?:wish|hope|hoping|pray)\w* (?:that )?(?:he|she|they|someone|somebody|he'd|she'd)\b"
    r"[^.!?\n]{0,25}\bkill me\b"
)
# a time inside a hypothetical: "if I got hit by a bus tomorrow"
_HYPOTHETICAL = re.compile(
    r"\bif (?:i|a|the|some|something|anything|things|it|this|nothing|he|she)\b[^,]{0,40}$"
)
# a relationship ended tonight, not a life: "going to end things with my boyfriend tonight"
_BREAK_UP = re.compile(
    r"\b(?:end(?:ing)? (?:things|it) with|break(?:ing)? up with|split(?:ting)? up with|dump(?:ing)?)"
    r" (?:my |him\b|her\b|them\b)[^.!?\n]{0,40}$"
)


# A place visited for an everyday reason, or bleeding that has been dealt with, in the sentence.
_LEISURE = re.compile(
    r"\b(?:police|bus|coach|petrol|fire|radio|space|tube|ambulance) station|to give (?:my |a )?"
    r"statement|walking group|with (?:my|the|our) (?:\w+ )?(?:group|club|friends|family|kids|mates"
    r"|dog|partner|class|team)|for a (?:walk|picnic|swim|run|day out|paddle|wander)|picnic"
    r"|weather|holiday|day trip|sunset|views?\b|ice cream|fine now|ok now|okay now|all good"
    r"|(?:she|he|they|i|we)(?:'s|'re|'m| is| are| am) (?:fine|ok|okay|alright)\b|fell off"
    r"|nosebleed|grazed|(?<!used )to (?:see|visit|meet|catch|get to|pick up|drop off)\b|for work"
    r"|only space|parking space|to park\b"
)
_LEISURE_KINDS = frozenset({"location", "bleeding", "place_plan"})
# distress that has passed, in the same sentence ("a panic attack yesterday but I got through it")
_RESOLVED = re.compile(
    r"\b(?:got through (?:it|the day|the night)|it passed|calmed (?:myself )?down|(?:i'm|i am|i feel)"
    r" (?:ok|okay|fine|better) now)\b"
)


def _break_runaways(text: str) -> str:
    return _RUNAWAY.sub(lambda m: m.group(0)[:-1] + "\n", text)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


# A person named straight after a verb or preposition is its object, not the subject:
# "gave my sister my jewellery, said my goodbyes" is still the poster speaking.
_OBJECT_BEFORE = re.compile(
    r"\b(?:gave|give|giving|given|told|tell|telling|asked|ask|asking|texted|text|rang|ring|called"
    r"|messaged|hugged|saw|see|visited|visit|sent|send|leave|leaving|left|love|loved|miss|missed"
    r"|thank|thanked|kissed|with|to|for|from|about|by|than|like|wanted|want|needed|need|just so)"
    r" (?:my |your |his |her |our"
    r" |the )?$"
)


_PRONOUNS = frozenset(
    {"he", "she", "they", "he's", "she's", "they're", "he'll", "she'll", "they'll", "he'd", "she'd"}
    | {"you", "you're", "we", "we're"}
)


# "my grandad's watch" is a possession; "my grandad's going to" is the grandad speaking or acting
_POSSESSIVE_AFTER = re.compile(
    r"'s (?!(?:going|gone|been|got|not|just|always|never|said|saying|told|so|really|very|a|an"
    r"|the|on|in|at|here|there|still|also|now|back|ok|okay|fine|dead|done|sick|ill|scared|worried"
    r"|upset|angry|drunk|home|out|up|off|over|saying)\b)(?![a-z]+(?:ing|ed)\b)[a-z]"
)


def _third_person(before: str) -> bool:
    for match in reversed(list(_SUBJECT.finditer(before))):
        word = match.group(0)
        if word not in _FIRST and word not in _PRONOUNS:
            if _OBJECT_BEFORE.search(before[max(0, match.start() - 30) : match.start()]):
                continue
            if _POSSESSIVE_AFTER.match(before, match.end()):
                continue
        return word not in _FIRST
    return False


# Cues a plain "no" to a question about suicidal thoughts answers (never a plan, means or time).
_DENIABLE = frozenset({"thoughts", "active", "wish", "selfharm", "intent"})


def _lowered(
    kind: str, scope: str, clause: _Clause, *, negated: bool, third: bool, recovery: bool
) -> bool:
    """Whether a cue is told about the past, negated, cited or about someone else."""
    if scope == "self":
        return (
            negated
            or third
            or clause.cited
            or clause.distant
            or (clause.past_verb and not clause.present)
        )
    if scope == "means":
        return third or clause.cited or clause.distant
    if scope == "attempt":
        return (
            negated
            or third
            or clause.cited
            or clause.distant
            or (clause.past_verb and (recovery or not clause.present))
        )
    if scope == "danger":
        return (
            negated
            or clause.cited
            or clause.distant
            or clause.legal
            or (recovery and not clause.present)
        )
    if scope == "danger_now":
        # violence told without a time of its own is a story unless the clause is in the present
        return (
            negated
            or clause.cited
            or clause.distant
            or clause.legal
            or not clause.present
            or (recovery and not clause.present)
        )
    if scope == "watch":
        return negated or clause.cited or clause.distant or (recovery and not clause.present)
    if scope == "affairs":
        return (
            negated or clause.cited or clause.distant or (clause.past_verb and not clause.present)
        )
    if scope == "recall":
        return negated or third or clause.cited or recovery
    # time
    return clause.distant or clause.cited or (clause.past_verb and not clause.present)


def _scan(text: str) -> _Cues:
    cues = _Cues()
    text = _break_runaways(text)
    post = _Text(text)
    idioms_out = _mask(text, _IDIOMS)
    unquoted = _mask(idioms_out, _QUOTED)
    facts = _SCREEN.facts(idioms_out)
    facts_unquoted = facts if unquoted == idioms_out else _SCREEN.facts(unquoted)
    for index, (kind, reason, pattern, scope, needs) in enumerate(_COMPILED):
        if scope in ("self", "attempt", "means"):
            view, view_facts = unquoted, facts_unquoted
        else:
            view, view_facts = idioms_out, facts
        if not _SCREEN.may_match(index, view_facts):
            continue
        if needs is not None and not needs.search(view):
            continue
        for seen, match in enumerate(pattern.finditer(view)):
            if seen >= _MAX_MATCHES:
                break
            start = match.start()
            if kind in ("active", "method") and _PAST_TRY.search(view[max(0, start - 40) : start]):
                if not post.recovery:
                    cues.add(
                        "past", "recent attempt or suicidal thoughts", post.clause(start).sentence
                    )
                continue
            if kind == "active" and _PAST_EVENT.search(view[max(0, start - 40) : start]):
                continue
            if kind in ("active", "method") and _THOUGHT_OF.search(
                view[max(0, start - 40) : start]
            ):
                continue
            if kind in ("active", "method") and _VOICES.search(view[max(0, start - 48) : start]):
                cues.add("thoughts", "suicidal thoughts", post.clause(start).sentence)
                continue
            if kind == "means" and _TRUST_MYSELF.search(view[max(0, start - 40) : start]):
                continue
            if kind == "threat" and _WISH_KILLED.search(view[max(0, start - 24) : match.end()]):
                cues.add("wish", "wishes to die", post.clause(start).sentence)
                continue
            if kind in ("distress", "hopeless") and _RESOLVED.search(
                view[post.sentence_start(start) : start + 160].split("\n")[0]
            ):
                continue
            if kind in _LEISURE_KINDS and _LEISURE.search(
                view[post.sentence_start(start) : start + 160].split("\n")[0]
            ):
                continue
            if kind == "time" and (
                _HYPOTHETICAL.search(view[max(0, start - 48) : start])
                or _BREAK_UP.search(view[max(0, start - 64) : start])
            ):
                continue
            clause = post.clause(start)
            before = view[max(clause.start, start - _LOOK_BACK) : start].split(",")[-1]
            negation = _NEGATION_TIGHT if kind in _FEELINGS_NEGATED_TIGHTLY else _NEGATION
            negated = (
                bool(negation.search(before))
                or (
                    kind in _NEGATABLE_INSIDE
                    and reason != _UNSAFE  # its "can't" / "not to hurt myself" is the point
                    and bool(_NEGATION_INSIDE.search(match.group(0)))
                )
                or (kind in _DENIABLE and post.denied_at(start))
            )
            # A cue that itself begins "I'm ..." is the poster's, whoever was named before it
            # ("can someone stay with me, i'm standing by the tracks").
            third = (
                scope in ("self", "means", "attempt", "recall")
                and not _FIRST_START.match(match.group(0))
                and _third_person(view[max(post.sentence_start(start), start - _LOOK_BACK) : start])
            )
            found = kind
            if kind in ("intent", "selfharm") and _FEAR_FRAME.search(before):
                found = "distress"
            if not _lowered(
                found, scope, clause, negated=negated, third=third, recovery=post.recovery
            ):
                cues.add(found, reason, clause.sentence)
            elif (
                found in _PAST_KINDS
                and clause.past_verb
                and not (negated or third or clause.cited or clause.distant or post.recovery)
            ):
                cues.add("past", "recent attempt or suicidal thoughts", clause.sentence)
            elif found in _OTHER_KINDS and third and not (clause.cited or clause.distant):
                cues.add("other_risk", "someone else may be at risk", clause.sentence)
            elif found in ("location", "edge") and third and not (clause.cited or clause.distant):
                cues.add("other_place", "someone else at a dangerous place", clause.sentence)
    return cues


# --- decision -----------------------------------------------------------------------------------

_SHORT = {
    "intent": "intent",
    "active": "talks of ending their life",
    "wish": "wish to die",
    "thoughts": "suicidal thoughts",
    "selfharm": "self-harm",
    "hopeless": "hopelessness",
    "finality": "final tone",
    "means": "means",
    "means_ready": "means at hand",
    "means_word": "means",
    "stockpile": "stockpiled pills",
    "method": "method",
    "location": "dangerous place",
    "edge": "dangerous place",
    "plan": "plan",
    "time": "timeframe",
    "now": "now",
    "help": "asking for help",
    "goodbye_weak": "farewell",
    "sorry": "farewell",
    "do_it": "says they will do it",
    "farewell": "farewell",
    "arrange": "arranging affairs",
    "reunion": "joining someone who died",
    "calm": "calm about it",
    "happening": "says it is happening",
    "use_it": "says they will use it",
    "up_here": "alone at a height",
    "symptom": "physical signs of harm",
    "od_effect": "the pills are taking effect",
    "again": "will try again",
    "alone": "alone with no one home",
    "place_plan": "a dangerous place and a time",
    "trapped": "locked in",
    "fire_gas": "gas or fire",
}
_CONCERN = {
    "active": "talks of ending their life",
    "wish": "passive death wish",
    "thoughts": "suicidal thoughts",
    "selfharm": "self-harm or urges",
    "hopeless": "hopelessness",
    "finality": "hopelessness",
    "distress": "severe distress",
    "plan": "mentions a plan",
    "means": "mentions means",
    "method": "mentions a method",
    "location": "at a high or dangerous place",
    "stalking": "stalking or monitoring",
    "fear": "fear of escalation",
    "manipulation": "abuser threatening self-harm to control",
    "other_risk": "someone else may be at risk",
    "past": "recent attempt or suicidal thoughts",
    "do_it": "says they will do it",
    "anniversary": "anniversary of a suicide attempt",
    "od_effect": "may have taken an overdose",
    "place_plan": "a dangerous place and a time",
    "trapped": "locked in or cut off",
    "urge": "self-harm urges",
    "other_goodbye": "someone else may be at risk",
    "other_place": "someone else may be at risk",
}


def _combo(cues: _Cues, *groups: tuple[str, ...]) -> list[str]:
    """Reasons for a combination: "intent + timeframe" first, then the details."""
    names: list[str] = []
    for group in groups:
        for kind in group:
            if cues.has(kind) and _SHORT.get(kind, kind) not in names:
                names.append(_SHORT.get(kind, kind))
                break
    details = cues.reasons(*(kind for group in groups for kind in group))
    return [" + ".join(names), *details] if len(names) > 1 else details


def _crisis(cues: _Cues) -> list[str]:
    """The reasons a post is a crisis, or an empty list."""
    if cues.has(*_DANGER):
        return cues.reasons(*_DANGER)
    if cues.has("attempt", "bleeding"):
        return cues.reasons("attempt", "bleeding", "selfharm")
    # self-harm going on now with signs of real harm ("can't feel my fingers"), or signs of
    # harm beside pills or a blade
    if cues.has("selfharm", "means_word") and cues.has("symptom"):
        return _combo(cues, ("selfharm", "means_word"), ("symptom",))
    # locked in with gas or fire
    if cues.has("trapped") and cues.has("fire_gas"):
        return _combo(cues, ("trapped",), ("fire_gas",))
    # the pills taking effect beside an apology, a last word or a feeling
    after_effect = ("sorry", "farewell", "goodbye_weak", "finality", *_SUICIDAL, "symptom")
    if cues.has("od_effect") and cues.has(*after_effect):
        return _combo(cues, ("od_effect",), after_effect)
    # about to try again after an attempt ("the rope snapped, i'm going to try again")
    tried = ("past", "active", "means", "means_word", "method", "location", "edge", "selfharm")
    if cues.has("again") and cues.has(*tried):
        return _combo(cues, ("again",), tried)
    if cues.has("goodbye"):
        return cues.reasons("goodbye", "intent", "means", "time")
    # three last words together ("thank you for everything", "you were the only ones who got
    # it", "take care of each other")
    if cues.count.get("farewell", 0) > 2:
        return cues.reasons("farewell", "goodbye_weak")
    # someone else's goodbye, pills or place, and now they cannot be reached or it is now
    others = ("other_goodbye", "other_place", "other_risk", "manipulation")
    if cues.has(*others) and cues.has("unreachable"):
        return _combo(cues, others, ("unreachable",))
    if cues.has("other_goodbye") and (
        cues.has("other_place", "other_risk", "now", "time", "urgent_q")
        or cues.count["other_goodbye"] > 1
    ):
        return _combo(
            cues, ("other_goodbye",), ("other_place", "other_risk", "now", "time", "urgent_q")
        )
    if cues.together(("other_place",), ("now", "time")):
        return _combo(cues, ("other_place",), ("now", "time"))
    # Handing over pets or affairs, or speaking of joining someone who has died, with a farewell
    # or a suicidal feeling. ("thanks for listening" is an everyday sign-off and not enough.)
    final = (
        "farewell",
        "sorry",
        "finality",
        *_SUICIDAL,
        "plan",
        "means",
        "stockpile",
        "do_it",
        "happening",
    )
    if cues.has("arrange") and cues.has(*final, "reunion"):
        return _combo(cues, ("arrange",), (*final, "reunion"))
    if cues.has("reunion") and cues.has(*final):
        return _combo(cues, ("reunion",), final)
    # affairs put in order with a time or a calm ("it's time", "it all feels very clear now"),
    # or two of them today
    if cues.has("arrange") and (
        cues.has("time", "calm") or (cues.count["arrange"] > 1 and cues.has("now"))
    ):
        return _combo(cues, ("arrange",), ("time", "calm", "now"))

    ready = ("stockpile", "means_ready", "edge")
    if cues.has(*ready):
        return _combo(cues, ready, (*_FEELING, "time", "now", "plan"))
    # "got everything i need." or "stool's here." beside means, a plan, a time or a feeling
    beside = ("means", "means_word", "method", "location", "plan", "time", "calm", *_FEELING)
    if cues.has("prepared") and (cues.has(*beside) or cues.count["prepared"] > 1):
        return _combo(cues, ("prepared",), beside)
    # an apology beside a last word ("Sorry for everything. Look after Biscuit for me")
    if cues.has("sorry") and cues.has("farewell"):
        return _combo(cues, ("sorry",), ("farewell",))
    specifics = ("means", "method", "location", "plan", "time")
    if cues.has("intent"):
        return _combo(cues, ("intent",), specifics)
    means = ("means", "method", "location")
    # "calm" (not scared any more, made my peace) and "alone up here" count only beside a plan,
    # means or a place, never on their own
    feeling = (*_FEELING, "goodbye_weak", "farewell", "sorry", "help", "calm", "up_here")
    if cues.has("use_it") and cues.has("means_word", *means):
        return _combo(cues, ("use_it",), ("means_word", *means))
    if cues.has("do_it", "happening") and cues.has(*feeling, *means, "plan"):
        return _combo(cues, ("do_it", "happening"), (*feeling, *means, "plan"))
    # "bridge after my shift." beside a feeling
    if cues.has("place_plan") and cues.has(*feeling):
        return _combo(cues, ("place_plan",), feeling)
    if cues.has(*means, "means_word") and cues.has("alone"):
        return _combo(cues, (*means, "means_word"), ("alone",))
    if cues.has(*means) and (
        cues.has(*feeling, "plan", "time")
        or cues.together(("location", "method"), ("now",))
        or (cues.has("location") and cues.has("method"))
    ):
        return _combo(cues, means, (*feeling, "plan", "time", "now"))
    strong_plan = cues.has("plan") and (cues.has(*feeling, "means_word") or cues.count["plan"] > 1)
    if strong_plan or (cues.has("plan") and cues.together(("plan",), ("time",))):
        return _combo(cues, ("plan",), (*feeling, "means_word", "time"))
    safe = cues.has("safe")
    if not safe and (
        cues.together(("active",), ("time", "now", "means_word"))
        or cues.together(("wish", "thoughts", "selfharm"), ("time",))
    ):
        return _combo(
            cues, ("active", "selfharm", "wish", "thoughts"), ("time", "now", "means_word")
        )
    farewell = ("goodbye_weak", "farewell", "sorry")
    if cues.has("finality") and cues.has("time", *farewell, "means_word"):
        return _combo(cues, ("finality",), ("time", *farewell, "means_word"))
    if (
        not safe
        and cues.has("means_word")
        and cues.together(("means_word",), ("time",))
        and cues.has(*feeling)
    ):
        return _combo(cues, ("means_word",), ("time",), feeling)
    if not safe and cues.has("active", "wish", "thoughts") and cues.has(*farewell, "help"):
        return _combo(cues, ("active", "wish", "thoughts"), (*farewell, "help"))
    return []


def _decide(cues: _Cues) -> Assessment:
    reasons = _crisis(cues)
    if reasons:
        return Assessment("crisis", reasons)
    concern = [reason for kind, reason in _CONCERN.items() if cues.has(kind)]
    if cues.count.get("arrange", 0) > 1:
        concern.append("arranging their affairs")
    if concern:
        return Assessment("concern", list(dict.fromkeys(concern)))
    return Assessment()


MAX_CHARS = 20_000
# A wall of one short piece said again and again ("he's he's he's ...", 10,000 characters of
# the same three emoji) says nothing new after a few repeats, but scanning all of it took up to
# a second. Text that compresses to under a fifth of its size is searched for a piece of up to
# 40 characters repeated 8 or more times in a row, and each such run is cut to 8 repeats.
# Ordinary posts compress to about half and are left exactly as they are.
_REPEATED = re.compile(r"(.{1,40}?)\1{7,}", re.DOTALL)
_WALL_MIN_CHARS = 2_000
_WALL_RATIO = 0.2


def collapse_repeats(text: str) -> str:
    """The text with long runs of one repeated piece cut to 8 repeats (walls of text only)."""
    if len(text) < _WALL_MIN_CHARS:
        return text
    raw = text.encode("utf-8", "replace")
    if len(zlib.compress(raw, 1)) > _WALL_RATIO * len(raw):
        return text
    return _REPEATED.sub(lambda match: match.group(1) * 8, text)


def assess(text: str) -> Assessment:
    """Assess one post or message. Never raises; any string is fine."""
    if not isinstance(text, str):
        return Assessment()
    # Posts are at most 10,000 characters; the cap bounds the cost of anything longer.
    normalised = normalise(collapse_repeats(text[:MAX_CHARS]))
    if not normalised:
        return Assessment()
    cues = _scan(normalised)
    ruled = _decide(cues)
    # A survivor's story told wholly in the distant past stays with the rules: the model learns
    # wording, not tense, and would raise "he once said he'd put me in the ground".
    if (
        ruled.level == "none"
        and _DISTANT_PAST.search(normalised)
        and not _PRESENT.search(normalised)
    ):
        return ruled
    # The statistical model beside the rules may only raise the rules' level, never lower it.
    level, reason = crisis_model.raise_level(normalised, ruled.level, ruled.reasons)
    if reason is None:
        return ruled
    # Beside a statement of safety ("my sister is staying over", "I'm holding on", "put the
    # blades in the bin") the model may ask for a look but not raise an alarm: it reads "tonight"
    # and "check on me", not the safety.
    if level == "crisis" and cues.has("safe"):
        if ruled.level != "none":
            return ruled
        level, reason = "concern", crisis_model.REASON_CONCERN
    return Assessment(cast(Level, level), [*ruled.reasons, reason])
