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
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, cast

from moderation import crisis_model

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


def normalise(text: str) -> str:
    """Lower-case plain words with emoji, leetspeak, long letter runs and slang spelled out."""
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
    text = _LEET_TOKEN.sub(_unleet, text)
    text = _WORD.sub(_squeeze, text)
    for pattern, replacement in _SLANG_COMPILED:
        text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", text).strip()


# --- vocabulary ---------------------------------------------------------------------------------

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
_MEANS = (
    r"(?:pills|tablets|meds|medication|medicine|paracetamol|ibuprofen|aspirin|insulin"
    r"|painkillers|antidepressants|sleeping (?:pills|tablets)|opioids|oxy\w*|rope|noose"
    r"|gun|pistol|shotgun|rifle|knife|knives|blades?|razors?(?: blades?)?|bleach|charcoal)"
)
_MEANS_NOT = r"(?! (?:block|set|sharpener|skills|crime|control|licen[cs]e|shop|club))"
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
    r"|(?:on|this|next|by|it's|it is) (?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)|(?:tonight|today)(?:'s| is) the (?:night|day)|it(?:'s| is) time|this is it|the date"
    r"|next one comes)"
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
    r"|station|(?:top|roof) (?:floor |level )?of (?:the |a |my |this )?(?:\w+ )?(?:car park"
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
    r"(?=\s*(?:[.!?,;'\"\n]|$| if | unless | when ))|\byour days are numbered\b|\benjoy your last"
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
        rf"|\b{_I} (?:be )?(?:dead|gone) (?:by|before|after|tonight|tomorrow|soon)\b"
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
        r"\bplan(?:ning|ned)? (?:my|the) (?:suicide|death|exit|way out)\b"
        r"|\bsuicide (?:tonight|today|is (?:the only|my only)|it is)\b",
        "self",
    ),
    (
        "intent",
        "intent to harm themselves",
        rf"{_MODAL_FIRM} (?:\w+ ){{0,2}}?(?:hurt|harm|cut|burn) myself\b",
        "self",
    ),
    ("active", "talks of ending their life", rf"\b(?:{_ACTIVE}|suicide)\b", "self"),
    (
        "do_it",
        "says they will do it",
        rf"{_MODAL} (?:\w+ ){{0,2}}?(?:do it|do this|go through with it)\b",
        "self",
    ),
    # wishes, thoughts and feelings
    (
        "wish",
        "wish to die",
        rf"(?:^|\bi (?:\w+ )?(?:of )?|\band )"
        rf"(?:want|wish|wishing|wanted|long|hope|hoping) (?:to|i could|i was|i were|i'd|i would"
        rf"|i) (?:just )?(?:{_PASSIVE}|be with (?:my )?\w+ in heaven"
        rf"|go to sleep and not wake up)\b",
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
        r"|\bif i (?:got|get) hit by\b|\bif (?:a|the) (?:bus|car"
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
        r" (?:i die|it (?:stops|ends|is over|'s over))\b",
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
        r"|\b(?:until|till|til) it bled\b|\b(?:taking|took|take) (?:more|extra|double) (?:of )?"
        r"(?:my )?(?:\w+ )?(?:pills|tablets|meds) than\b",
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
        r"|these|having|doing|using|it\b(?! all)))|\b(?:don't|can't) (?:really |even )?see the"
        r" point\b|\b(?:feels?|is|seems) (?:so )?pointless\b|\bno way out\b|\bcan't (?:go on|cope"
        r"|keep going)|\bcan't do (?:this|it) any ?more\b|\bcan't take (?:it|this|any more|anymore"
        r"|much more)|\bnothing (?:ever )?(?:gets|will get|is going to get) better\b"
        r"|\bempty inside\b|\bcan't see (?:things|it|anything|a way) (?:getting|get|being) better\b"
        r"|\bgive up\b|\bgiving up\b|\bi feel (?:so )?empty\b|\bi'm (?:so )?empty\b"
        r"|\bfeel nothing\b|\bnumb\b|\bcan't feel anything\b|\bfalling apart\b|\bpoint of me\b"
        r"|\bfeel like a ghost\b|\bnot coping\b|\bi'm a failure\b|\bhate myself\b",
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
        r"|\bdrinking[^.!?\n]{0,30} to (?:cope|numb|forget|get through)\b",
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
        r"|$)",
        "self",
    ),
    (
        "safe",
        "says they are safe",
        r"\b(?:i'm|i am) (?:safe|okay|ok|not in danger)(?! now)\b|\bnot in danger\b"
        r"|\bholding on\b|\bi won't act on\b|\bi'm not going to do anything\b"
        r"|\b(?:put|threw|thrown|given|gave|got rid of|flushed|handed|binned) (?:\w+ ){0,2}"
        r"(?:blades|pills|tablets|rope|razors?|knife|knives|meds)\b(?: \w+){0,2}? (?:away|in the"
        r" bin|to (?:my|a|the) \w+)\b",
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
        rf"|\b{_MEANS} (?:saved|stockpiled)\b",
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
        r"|\bknow (?:which (?:bridge|one|pills)|where i'll|exactly how(?! (?:you|it|that|this|they|he"
        r"|she|hard|much|many|bad|scary|it's))|how i'll|how i will)\b"
        r"|\bworked out (?:how|when|the)\b|\bplanned (?:it|this|everything) (?:all )?(?:out )?"
        r"(?:properly|carefully|down to)\b|\bi know (?:exactly )?(?:when|where|how)(?: (?:and"
        r"|&) (?:when|where|how))?\s*(?:[.!,\n]|$)|\bput my affairs in order\b|\bupdated my will\b"
        r"|\bgoodbye (?:letters?|notes?|messages?|videos?)\b(?! to (?:him|her|my ex|them))"
        r"|\blooked up how\b|\bresearched how\b|\bthinking about how\b|\bbeen thinking (?:about )?"
        r"how\b|\bhave the means\b|\bthe means\b|\beverything i need\b|\bbooked a (?:hotel|room)\b",
        "self",
    ),
    (
        "means_ready",
        "means at hand",
        rf"\b{_MEANS}{_MEANS_NOT} (?:\w+ ){{0,2}}?(?:in my (?:hand|hands|lap|pocket)|next to me"
        rf"|beside me|lined up|counted out|laid out|(?:is |are )?(?:already )?(?:up|tied))\b"
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
        rf" (?:[\w']+ ){{0,3}}?{_MEANS}\b{_MEANS_NOT}|\bthere(?:'s| is) (?:a |the )?(?:rope|gun"
        rf"|knife|pills) (?:in|under|next to) my\b"
        rf"|\b{_MEANS}{_MEANS_NOT} (?:\w+ ){{0,2}}?(?:in my bag"
        rf"|on the (?:table|bed|bedside|counter)|ready)\b|\bkeep looking (?:at the (?:tracks|edge"
        rf"|drop|water)|down|over the edge)\b|\b(?:everything|all|what|the lot) (?:that )?(?:i've|i have|i'd|i had)"
        rf" (?:been )?(?:stockpil|hoard|stash|squirrel)\w*",
        "means",
    ),
    ("means_word", "mentions means", rf"\b(?:{_MEANS}|noose|grave|coffin){_MEANS_NOT}\b", "means"),
    (
        "sorry",
        "apologises",
        r"\b(?:i'm|i am) (?:so )?sorry\s*(?:[.!\n]|$)|(?:^|(?<=[.!?\n]))\s*sorry\s*(?:[.!\n]|$)",
        "self",
    ),
    (
        "method",
        "a method",
        r"\b(?:jump|jumping|step|stepping|throw myself) (?:off|from|in front of) (?:\w+ ){0,4}?"
        r"(?:roof|bridge|building|cliff|car park|balcony|multi[- ]?stor(?:e)?y|train|tracks|bus"
        r"|lorry|truck|window|ledge|tower)\b|\bin front of (?:a|the|the next) (?:\w+ )?(?:train|bus"
        r"|car|lorry|truck)\b|\bwalk(?:ing)? into the (?:sea|river|lake|water|traffic)\b"
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
        r"|\bon the edge of (?:the|a) (?:roof|bridge|cliff|building|platform)\b",
        "means",
    ),
    (
        "location",
        "at a high or dangerous place",
        rf"\b(?:i'm|i am|sitting|sat|standing|stood|writing this|i'm sat|i'm stood|i'm sitting"
        rf"|i'm standing|i'm here|i'm parked|parked|i'm up|up here|currently|right now) (?:[\w']+ )"
        rf"{{0,2}}?(?:on|at"
        rf"|from|by|near|in|onto|on to|over) (?:the |a |my |this )?(?:\w+ ){{0,2}}?"
        rf"{_DANGER_PLACE}\b(?! (?:club|game|tournament|night|party|cafe|restaurant|shop|pub|bar"
        rf"|of (?:the|a|my) (?:ship|boat|nose)))(?![^.!?\n]{{0,30}}\b(?:waiting for (?:my|the|a)"
        rf" (?:train|bus|lift|taxi)|to (?:meet|pick up|collect)|for (?:work|my shift)|with (?:a |my"
        rf" |the )?(?:coffee|tea|book|picnic|friends?|kids|dog|mum|sister|family|partner))\b)|\b(?:climb(?:ed|ing)?|got|getting) (?:up )?(?:onto|on to|over|up) (?:the |a )?"
        rf"(?:\w+ )?(?:railings?|ledge|parapet|barrier|edge|roof|wall of the bridge|fence)\b"
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
        r"\s*(?:[.!,]+\s*|$)(?:$|\n|i love|i'm sorry|i am sorry|sorry|thank)|\bgoodbye (?:everyone"
        r"|all|world|guys|friends|all of you|cruel world)\b|\bthis is goodbye\b|\bthis is (?:my"
        r"|the)"
        r" (?:last|final) (?:post|message|goodbye|time)\b|\bthis will be my (?:last|final)\b"
        r"|\b(?:last|final) (?:time|post) (?:i'll|i will) (?:ever )?(?:post|write)\b"
        r"|\bby the time (?:you|anyone|someone|somebody) (?:reads?|sees?|finds?) this\b"
        r"|\btell my (?:kids|children|family|mum|mom|dad|son|daughter|husband|wife|partner|sister"
        r"|brother|parents|friends|boys|girls|baby) (?:that )?(?:i love|i'm sorry|i am sorry"
        r"|sorry|i loved)|\b(?:won't|will not|wont) be (?:around|here|alive)"
        r"(?: (?:much longer|tomorrow|after tonight|by (?:morning|tomorrow)|anymore|any more"
        r"|for long|next week|after today))\b|\bi love you all\.? (?:i'm|i am) sorry\b"
        r"|\b(?:final|last) (?:message|post|words)\s*(?:[.!:\n]|$)|\bplease don't be sad\b"
        r"|\bi'm going now\b|\bsaying goodbye to (?:everyone|you all|all of"
        r" you)\b|\bthis is the end\b|\bi'm sorry for everything\b",
        "self",
    ),
    (
        "goodbye_weak",
        "sounds like a goodbye",
        r"\bthank you (?:all |everyone )?for (?:everything|being|trying|all the|listening|the"
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
        r" without (?:saying|telling)\b|\bi love you all\b",
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
        r"|\b(?:when|after|once) i'm gone\b(?! (?:to|for|out|away|on|back|from|shopping))",
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
        r"|\b(?:took|taken|swallowed|downed|had|just took|ate|drank) (?:like |about |around |over "
        r"|nearly |maybe |at least )?(?:an overdose|an od\b|0*(?:[89]|[1-9]\d+)|all|every|everything|the"
        r" whole|a whole|half|a handful|handfuls|a bunch|loads|lots|too many|the lot|a (?:full )?"
        r"(?:bottle|packet|box|strip|pack|load)|both (?:boxes|packets)|two (?:boxes|packets)|a lot)"
        r"\b[^.!?\n]{0,40}?\b(?:pills|tablets|meds|medication|paracetamol|insulin|painkillers"
        r"|antidepressants|sleeping|cabinet|ibuprofen|aspirin|them|overdose|bleach)\b"
        r"|\b(?:i|i've|i have|just) (?:just |already )?overdosed\b|\bswallowed (?:everything"
        r"|all of it|the lot|a whole|the whole)\b|\b(?:overdid it|took|taken)[^.!?\n]{0,40}"
        r"\bon purpose\b|\bon purpose\b[^.!?\n]{0,30}\b(?:pills|tablets|meds)\b|\b(?:i've"
        r"|i have) (?:already )?"
        r"taken (?:the|my|them)\b|\btook (?:an )?overdose\b",
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
    # danger from someone else (the Danger Assessment items)
    (
        "threat",
        "threat to kill",
        rf"\b{_AGG}\b{_gap(70)}\b(?:kill|murder|stab|shoot|strangle|smother|drown|bury|slit)(?:s|ed"
        rf"|ing)?\b(?! (?:himself|herself|themselves|it\b|time))(?: \w+){{0,2}}? (?:me|us|you"
        rf"|my|the kids|the baby|them|her|him)\b|\b{_AGG}\b{_gap(60)}\b(?:break|snap) my neck\b"
        rf"|\b{_AGG}\b{_gap(60)}\b(?:get rid of me|end me|finish me|finish it|put me in the ground"
        rf"|gets? rid of (?:me|us)|(?:i'll|i will|you'll|you will) be dead|make me disappear"
        rf"|burn (?:the (?:house|flat) )?(?:down )?with (?:me|us)|set fire"
        rf"|won't miss|never find my body|find my body|use it on me|end it for (?:both|all) of"
        rf" (?:us|them)|end (?:it|things) for (?:us|them|the kids|everyone|all of us)|take (?:us|them"
        rf"|me|the kids|the baby) with (?:him|her)|take (?:us|them|the kids) all out)\b"
        rf"|{_DOOM}|\byou(?:'re| are) dead\b"
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
        r"|\b(?:got|had) my neck\b",
        "danger",
    ),
    (
        "weapon",
        "weapon",
        rf"\b{_AGG}\b{_gap(40)}\b(?:has|have|had|got|keeps?|kept|bought|holding|held|pointed"
        rf"|pointing|waving|sharpening|grabbed|pulled|carrying|carries|owns|with|loaded|took out)"
        rf" (?:\w+ )?(?:a |an |his |her |the |my )?(?:\w+ )?(?:gun|guns|knife|knives|rifle|shotgun"
        rf"|pistol|weapon|blade|machete|axe|hammer|bat|crossbow|petrol|firearm|belt(?= out))\b"
        rf"{_MEANS_NOT}"
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
        rf"|kicked|smashed|broke|broken) (?:on |down |in |at |through )?(?:the |my |our )?(?:\w+ )?"
        rf"(?:door|window)s?\b|\b(?:broke|broken|breaking|forced (?:his|her|their) way) in\b"
        rf"|\btrying (?:the|to open the) (?:door|handle|windows?)\b|\b(?:he|she|they|ex|my ex)(?:'s"
        rf"|"
        rf" is| are|'re)? (?:\w+ )?(?:outside|at the door|at my door|downstairs|in the house|on"
        rf" (?:his|her|their|the) way|at the (?:gate|window|house)|here|at my (?:mum's|house|flat"
        rf"|work|window))\b(?! (?:again|every|most|all the time|a lot))|\bwaiting outside\b"
        rf"|\bfound me at\b|\btrying to (?:get|break|force (?:his|her|their) way) in(?:to)?\b"
        rf"|\b(?:him|her|them|someone) (?:at|outside) (?:my|the) (?:front |back |bedroom )?"
        rf"(?:door|window)|\b(?:he|she|they|stalker|ex)(?:'s| is| are)? (?:\w+ ){{0,3}}?(?:inside"
        rf"|in) (?:my|the|our) (?:building|house|flat|garden|hallway|home)\b{_gap(20)}\b(?:now"
        rf"|right now)\b|\b(?:he|she|ex)(?:'s| is) at (?:the|my|our) (?:\w+ )?(?:gates?|door"
        rf"|school|house|flat)\b{_gap(20)}\b(?:now|right now)\b"
        rf"|\b(?:location|tracker|app|map|find my|life360|coming|driving|heading|on (?:his|her"
        rf"|their) way)\b{_gap(40)}\b(?:he's|she's|he is|she is|they're|they are) {_AWAY}"
        rf"|\b(?:he's|she's|he is|she is) {_AWAY}{_gap(30)}\b(?:now|right now|coming|heading"
        rf"|driving|on (?:his|her) way|according to|tracker|location)\b",
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
        rf"|bedroom|toilet|closet|car|shed|loft)\b|\blocked (?:me|us|myself|in)\b{_gap(40)}"
        rf"\b(?:took|phones?|won't let|in the|bathroom|bedroom|with my)\b|\bwon't let (?:me|us)"
        rf" (?:leave|out|go)\b|\btook (?:my|our) (?:phones?|keys|car keys)\b|\btyping this from"
        rf"|\b(?:is|he's|she's) (?:hitting|beating|hurting|attacking) (?:me|us|my|the|her|him)\b"
        rf"(?! at (?:chess|cards|games?|\w+ (?:games?|races?)|monopoly|scrabble|uno|tennis|pool"
        rf"|darts|football|everything))"
        rf"{_gap(30)}\b(?:right now|now)\b|\bon (?:my|a) neighbou?r'?s phone\b",
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
        rf"|{_DRUNK}|"
        rf" answering|won't give)\b|\bvideo of him hitting\b|\blocked (?:my|the"
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
        rf"|his) (?:\w+ )?{_KID}\b",
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
        r"|\b(?:watching|watches|sitting outside|parked outside|sat outside|waiting for me)\b"
        r"|\b(?:found|knows|found out|figured out|got) (?:my (?:new )?(?:address|number|flat"
        r"|house|work|school)|where i (?:live|work|am|moved|go))\b|\bnew accounts?\b"
        r"|\b(?:keeps|won't stop|kept|keep) (?:calling|texting|messaging|emailing|turning up"
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
        r"|door|window)\b",
        "watch",
    ),
    (
        "fear",
        "fear of escalation",
        rf"\b(?:scared|afraid|terrified|frightened|fear|worried|petrified)\b{_gap(25)}\b(?:what"
        rf" (?:he|she|they)(?:'ll| will| might| would| could)?|(?:he|she|they)(?:'ll| will| might"
        rf"| would| could| is going to)|to go home|for my life|of him|of her|he finds|he'll find"
        rf"|(?:he|she|they)(?:'s| is) going to|for my kids|for the kids)\b|\b{_AGG}\b{_gap(50)}"
        rf"\b(?:make me regret|(?:you'll|i'll) regret|make my life hell|ruin (?:me|my life)"
        rf"|you'll pay|watch your back|or else)\b|\b(?:will|is going to|going to|gonna) get"
        rf" (?:worse|more violent|violent|physical)\b|\bgetting (?:worse|angrier|more (?:violent"
        rf"|aggressive"
        rf"|angry|dangerous))\b|\b(?:punching|smashing|breaking|kicking) (?:walls|things|doors"
        rf"|holes)\b|\b(?:got|gets|getting|let|released) out (?:of|from) (?:prison|jail)\b"
        rf"|\bescalat\w+\b|\bout of (?:prison|jail)\b",
        "watch",
    ),
    (
        "manipulation",
        "abuser threatening self-harm",
        rf"\b{_AGG}\b{_gap(50)}\b(?:kill|hurt|harm|cut|end|top) (?:himself|herself|themselves)\b"
        rf"|\b{_AGG}\b{_gap(50)}\b(?:take|end) (?:his|her|their) (?:own )?life\b"
        rf"|\b{_AGG}\b{_gap(40)}\b(?:threaten\w*|says?|said) (?:to )?(?:\w+ )?(?:suicide|overdose"
        rf"|jump off)|\b(?:he'll|he will|she'll|she will|he'd|he would) (?:\w+ )?(?:overdose"
        rf"|jump off)\b{_gap(40)}\b(?:my fault|on me|if i|unless i)",
        "watch",
    ),
    (
        "other_risk",
        "someone else may be at risk",
        r"\b(?:friend|sister|brother|son|daughter|child|kid|teen\w*|mum|mom|dad|cousin|niece"
        r"|nephew|she|he|they)\b[^.!?\n]{0,50}\b(?:self[- ]?harm\w*|cuts? (?:herself|himself)"
        r"|cutting (?:herself|himself)|(?:has been|is|started|keeps|been) cutting|suicidal"
        r"|thoughts of suicide|wants? to die|kill (?:herself"
        r"|himself|themselves)|done with everything|end (?:her|his|their) life|overdosed)\b",
        "watch",
    ),
]
_COMPILED = [(kind, reason, re.compile(pattern), scope) for kind, reason, pattern, scope in _CUES]

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
    r"(?! (?:come|coming|wake|be here|be around|be alive|exist))"
)
_DISTANT_PAST = re.compile(
    r"\b(?:(?<!where we )(?<!where i )(?<!that we )used to|use to|(?<!as i did )(?<!as i was )"
    r"(?<!than i did )back then|back in|years? ago|months ago|years later|in (?:19|20)\d\d"
    r"|when i was (?:\d+|young|little|a (?:kid|child|teen\w*)|with him|with her|married)"
    r"|at (?:\d+|age \d+)\b|as a (?:teen\w*|kid|child)|in the past|once (?:said|tried|attempted"
    r"|held|pointed|choked|threatened|told|put)|(?:he|she|they) would always|always used"
    r"|he'd always|she'd always|for years|before i left|during (?:our|my|the) (?:marriage"
    r"|relationship)|when (?:we|i) (?:were|was) (?:together|married|with)|old (?:me|days)"
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
    r"|news|paper|podcast|quote|quoted|page|piece|film|show|series|leaflet|training|course"
    r"|study|research|statistics?|the bit|the part|the module|says that|explains?|explained"
    r"|lists?|listed|reading|read that|novel|lyrics|song|poem|episode|true crime|awareness)\b"
)
_LEGAL = re.compile(
    r"\b(?:sentenced|convicted|charged|jailed|arrested|in prison|got (?:an? )?(?:\w+ )?(?:order"
    r"|injunction)|pleaded guilty|found guilty)\b"
)
_RECOVERY = re.compile(
    r"\b(?:doing (?:well|better|ok|okay|great|good)|i want to live|glad (?:i'm|i am|to be) alive"
    r"|grateful|proud|for hope|sharing (?:for|to give|this for) hope|recovered|in recovery"
    r"|recovery|(?:years?|months?) (?:clean|sober|free|on|out)|safe now|free now|alive and"
    r"|happy now|i'm happy|healing|healed|it gets better|got better|i'm still here"
    r"|i am still here|still standing|therapy (?:is )?help\w*|feels? like i can breathe"
    r"|i can (?:finally )?breathe|thriving|(?<!outside )(?<!found )(?<!knows )(?<!of )(?<!at )"
    r"(?<!to )my new (?:flat|home|job|life|house)|new job"
    r"|i help (?:people|others)|scars have faded|no longer|not anymore|in prison"
    r"|it was (?:control|manipulation|abuse)|i (?:see|know|realise|realize|understand) (?:that"
    r" |it )?now|(?:i'm|i am) (?:\d+|thirty|forty) now|i'm now|i am now|free|a survivor)\b"
)
_SUBJECT = re.compile(
    r"\b(?:i|i'm|i've|i'll|i'd|we|we're|he|she|they|he's|she's|they're|he'll|she'll|they'll"
    r"|he'd|she'd|you|you're|friend|sister|brother|mum|mom|dad|son|daughter|husband|wife"
    r"|partner|boyfriend|girlfriend|ex|neighbour|woman|man|someone|people|character|nan|nana"
    r"|gran|granny|grandma|grandad|grandpa|uncle|aunt|auntie|cousin|colleague)\b"
)
_FIRST = frozenset({"i", "i'm", "i've", "i'll", "i'd", "we", "we're"})
_FIRST_START = re.compile(r"\s*(?:i|i'm|i am|i've|i'll|i'd)\b")
_FEAR_FRAME = re.compile(
    r"\b(?:feel|felt|feels|like|scared|afraid|terrified|worried|panic|panicking)\b[^,]{0,14}$"
)
_NEGATION_TIGHT = re.compile(
    r"\b(?:not|never|no longer|isn't|am not|don't feel|no more|stopped)\s+(?:\w+\s+)?$"
)
_QUOTED = re.compile(r'"[^"\n]{2,300}"|(?:(?<=\s)|^)\'[^\'\n]{2,300}\'(?=[\s.,!?;:]|$)')
_IDIOMS = re.compile(
    r"\b(?:(?:is|are|was|were|'s|'re) (?:\w+ )?killing me|killing it|killed it|kill(?:ed)? it (?:at"
    r"|in|on)|kill(?:ing)? (?:some )?time|murder (?:a|an|some) \w+|killer \w+|dying to\b|dying for"
    r" (?:a|an|some)|to die for|dead (?:tired|serious|excited|good|funny|easy|on|beat)|so dead"
    r"|(?:i'm|i am) dead(?: lol|\W*$| haha)|died (?:of )?laughing|(?:nearly|almost|could have|could"
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
    r"|kill for (?:a|an|some)|nearly killed me (?:lol|haha)|die (?:of|from) (?:embarrassment"
    r"|boredom|laughter|shame|cringe)|dying of (?:embarrassment|laughter|boredom|shame))"
)

_SUICIDAL = ("intent", "active", "wish", "thoughts", "selfharm")
_FEELING = ("active", "wish", "thoughts", "selfharm", "hopeless", "finality")
_DANGER = ("threat", "strangle", "weapon", "breakin", "assault", "child", "followed")
_NEGATABLE_INSIDE = frozenset({"intent", "do_it"})
_FEELINGS_NEGATED_TIGHTLY = frozenset({"hopeless", "distress", "wish"})
_PAST_KINDS = frozenset({"intent", "active", "wish", "thoughts", "selfharm", "attempt"})
_OTHER_KINDS = frozenset({"intent", "active", "attempt", "method", "stockpile", "do_it"})


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
            self._cited[s_start] = bool(_CITATION.search(self.text[s_start:s_end]))
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


def _break_runaways(text: str) -> str:
    return _RUNAWAY.sub(lambda m: m.group(0)[:-1] + "\n", text)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _third_person(before: str) -> bool:
    subjects = _SUBJECT.findall(before)
    return bool(subjects) and subjects[-1] not in _FIRST


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
    for kind, reason, pattern, scope in _COMPILED:
        view = unquoted if scope in ("self", "attempt", "means") else idioms_out
        for seen, match in enumerate(pattern.finditer(view)):
            if seen >= _MAX_MATCHES:
                break
            start = match.start()
            if kind == "active" and _PAST_EVENT.search(view[max(0, start - 40) : start]):
                continue
            clause = post.clause(start)
            before = view[max(clause.start, start - _LOOK_BACK) : start].split(",")[-1]
            negation = _NEGATION_TIGHT if kind in _FEELINGS_NEGATED_TIGHTLY else _NEGATION
            negated = bool(negation.search(before)) or (
                kind in _NEGATABLE_INSIDE and bool(_NEGATION_INSIDE.search(match.group(0)))
            )
            # A cue that itself begins "I'm ..." is the poster's, whoever was named before it
            # ("can someone stay with me, i'm standing by the tracks").
            third = (
                scope in ("self", "means", "attempt", "recall")
                and not _FIRST_START.match(match.group(0))
                and _third_person(view[max(post.sentence_start(start), start - _LOOK_BACK) : start])
            )
            found = kind
            if kind == "intent" and _FEAR_FRAME.search(before):
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
    if cues.has("goodbye"):
        return cues.reasons("goodbye", "intent", "means", "time")
    # Handing over pets or affairs, or speaking of joining someone who has died, with a farewell
    # or a suicidal feeling. ("thanks for listening" is an everyday sign-off and not enough.)
    final = ("farewell", "sorry", "finality", *_SUICIDAL, "plan", "means", "stockpile")
    if cues.has("arrange") and cues.has(*final, "reunion"):
        return _combo(cues, ("arrange",), (*final, "reunion"))
    if cues.has("reunion") and cues.has(*final):
        return _combo(cues, ("reunion",), final)
    ready = ("stockpile", "means_ready", "edge")
    if cues.has(*ready):
        return _combo(cues, ready, (*_FEELING, "time", "now", "plan"))
    specifics = ("means", "method", "location", "plan", "time")
    if cues.has("intent"):
        return _combo(cues, ("intent",), specifics)
    means = ("means", "method", "location")
    feeling = (*_FEELING, "goodbye_weak", "farewell", "sorry", "help")
    if cues.has("do_it") and cues.has(*feeling, *means, "plan"):
        return _combo(cues, ("do_it",), (*feeling, *means, "plan"))
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
        cues.together(("active",), ("time", "now"))
        or cues.together(("wish", "thoughts", "selfharm"), ("time",))
    ):
        return _combo(cues, ("active", "selfharm", "wish", "thoughts"), ("time", "now"))
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


def assess(text: str) -> Assessment:
    """Assess one post or message. Never raises; any string is fine."""
    if not isinstance(text, str):
        return Assessment()
    # Posts are at most 10,000 characters; the cap bounds the cost of anything longer.
    normalised = normalise(text[:MAX_CHARS])
    if not normalised:
        return Assessment()
    ruled = _decide(_scan(normalised))
    # The statistical model beside the rules may only raise the rules' level, never lower it.
    level, reason = crisis_model.raise_level(normalised, ruled.level, ruled.reasons)
    if reason is None:
        return ruled
    return Assessment(cast(Level, level), [*ruled.reasons, reason])
