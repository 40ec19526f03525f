"""Crisis detection: `assess(text) -> Assessment` with `.level` and `.reasons`.

Pure Python, deterministic, no I/O. It finds explicit suicidal intent, plans, means and
timeframes, attempts in progress, goodbye messages, and the domestic-abuse danger cues of the
Danger Assessment (threats to kill, strangulation, weapons, an abuser breaking in, a child in
danger now). Distress that needs a human look soon but is not imminent is `concern`.
Survivors telling their story, recovery from past attempts, quotes and idioms are `none`.

How it works:
1. Normalise: NFKC, case-fold, strip accents, emoji to words (💊 → pills), leetspeak inside
   words (k1ll → kill), long letter runs squeezed, slang expanded (kms → kill myself,
   unalive → kill myself, sewerslide → suicide, tn → tonight).
2. Split into sentences; find *signals* in each with regular expressions. Each signal has a
   kind (intent, wish, plan, means, time, attempt, goodbye, threat, ...) and a reason text.
3. Sentences about the past, about someone else, or negated lower the weight of the wish and
   intent signals in them. Plans, means, attempts in progress and danger cues are never
   cleared by that.
4. Combine across the whole post: intent with a plan, means or timeframe is a crisis; a wish
   to die alone is a concern; a danger cue is a crisis; and so on (see `_combine`).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["none", "concern", "crisis"]

MAX_CHARS = 20_000  # longer posts are assessed on their first 20,000 characters


@dataclass(frozen=True)
class Assessment:
    level: Level = "none"
    reasons: list[str] = field(default_factory=list)


# --- normalisation ----------------------------------------------------------------------------

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
}
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_LEET_WORD = re.compile(
    r"\b(?=[a-z0-9@$!]*[a-z])(?=[a-z0-9@$!]*[0-9@$!][a-z0-9@$!]*[a-z])[a-z0-9@$!]{3,}\b"
)
_SLANG: list[tuple[str, str]] = [
    (r"\bkms\b", "kill myself"),
    (r"\bkys\b", "kill yourself"),
    (r"\bunaliv(?:e|ing|ed)\s+(?:myself|me)\b", "kill myself"),
    (r"\bunaliv(?:e|ing)\b", "kill myself"),
    (r"\bself[\s-]?delet(?:e|ing)\b", "kill myself"),
    (r"\bsewer\s?slide\b", "suicide"),
    (r"\b(?:ctb|catch(?:ing)? the bus)\b", "kill myself"),
    (r"\boff myself\b", "kill myself"),
    (r"\bend things\b", "end my life"),
    (r"\bi'?m\b", "i am"),
    (r"\bim\b", "i am"),
    (r"\bive\b", "i have"),
    (r"\bi'?ve\b", "i have"),
    (r"\bi'?ll\b", "i will"),
    (r"\bill\b(?= (?:do|kill|end|take|jump|hurt|be))", "i will"),
    (r"\bgonna\b", "going to"),
    (r"\bwanna\b", "want to"),
    (r"\bgotta\b", "have to"),
    (r"\bcant\b", "can't"),
    (r"\bdont\b", "don't"),
    (r"\bwont\b", "won't"),
    (r"\bdidnt\b", "didn't"),
    (r"\b(?:tn|2nite|tonite|2night)\b", "tonight"),
    (r"\b(?:tmrw|tmr|tomoz|2moro|tomorow)\b", "tomorrow"),
    (r"\brn\b", "right now"),
    (r"\bu\b", "you"),
    (r"\bpls\b|\bplz\b", "please"),
    (r"\bhes\b", "he is"),
    (r"\bhe'?s\b", "he is"),
    (r"\bshe'?s\b", "she is"),
    (r"\bthey'?re\b", "they are"),
    (r"\bhe'?ll\b", "he will"),
    (r"\bhe'?d\b", "he would"),
    (r"\bi'?d\b", "i would"),
    (r"\bthere'?s\b", "there is"),
    (r"\bit'?s\b", "it is"),
]
_SLANG_COMPILED = [(re.compile(p), r) for p, r in _SLANG]
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SENTENCE = re.compile(r"(?<=[.!?;\n])\s+|\s+(?:but|so)\s+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Lower-case plain words with slang and leetspeak spelled out."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    for emoji, word in _EMOJI.items():
        text = text.replace(emoji, word)
    text = _strip_accents(text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    text = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)
    text = _REPEATS.sub(r"\1\1", text)
    for pattern, replacement in _SLANG_COMPILED:
        text = pattern.sub(replacement, text)
    return re.sub(r"[ \t]+", " ", text)


# --- signals ----------------------------------------------------------------------------------

_SELF_END = (
    r"(?:kill(?:ing)? myself|end(?:ing)? my (?:own )?life|take my (?:own )?life|commit(?:ting)? suicide"
    r"|hang(?:ing)? myself|overdos(?:e|ing)|jump(?:ing)?(?: off| from| in front)?|die|do it"
    r"|not (?:be )?(?:here|around)(?: anymore| any more)?|be gone|slit my wrists?|cut (?:myself|my wrists?)"
    r"|go further|hurt(?:ing)? myself|take (?:all )?(?:the|my|those|these) pills|end it(?: all)?|use it on myself"
    r"|drive (?:my car )?(?:into|off) (?:a|the) (?:wall|tree|bridge|cliff|river)|crash my car)"
)
_INTENT_VERB = (
    r"(?:am going to|going to|will|plan(?:ning)? to|decided to|about to|ready to"
    r"|have decided to|intend to|need to|gonna|am gonna)"
)
_TIME = (
    r"\b(?:tonight|today|right now|this (?:evening|weekend|morning|afternoon)|tomorrow"
    r"|after (?:work|school|the kids|everyone|they)\w*|by (?:morning|the morning|tomorrow)"
    r"|before (?:morning|he gets home|the weekend)|in (?:an|a few|\d+) hours?|soon|next week)\b"
)

# Each entry: (kind, reason shown to moderators, pattern). Patterns run on normalised sentences.
_PATTERNS: list[tuple[str, str, str]] = [
    # suicidal intent and wishes
    (
        "intent",
        "intent to end their life",
        rf"(?:\bi(?: am| have)?\s+|^\s*){_INTENT_VERB}\s+(?:\w+\s+){{0,2}}?{_SELF_END}\b",
    ),
    ("intent", "says it will be tonight", r"\b(?:tonight|today) is the (?:night|day)\b"),
    (
        "intent",
        "intent to end their life",
        r"\bi(?: have)? decided to die\b|\bi am going to die tonight\b",
    ),
    (
        "intent",
        "intent to end their life",
        r"\bkill myself\b|\bend my life\b|\bcommit suicide\b|\bsuicide tonight\b",
    ),
    (
        "intent",
        "says they are suicidal",
        r"\b(?:i am|feeling|feel|so|very|really)\s+suicidal\b|^\s*suicidal\b",
    ),
    (
        "wish",
        "wish to die",
        r"(?<!don't )(?<!dont )(?<!not )\b(?:want|wanna|wish) (?:to|i could|i was|i were) (?:die|dead|not exist|disappear|not wake up)\b",
    ),
    (
        "wish",
        "does not want to live",
        r"\bdon'?t want to (?:live|be alive|be here|exist|wake up|go on)\b",
    ),
    (
        "wish",
        "life not worth living",
        r"\b(?:life|living) (?:is not|isn'?t|ain'?t) worth\b|\bno (?:reason|point) (?:to|in) (?:live|living|going on)\b|\bnothing left (?:for me|to live for)\b",
    ),
    (
        "wish",
        "others better off without them",
        r"\bbetter off without me\b|\bbetter off if i (?:was|were) (?:gone|dead)\b",
    ),
    (
        "wish",
        "suicidal thoughts",
        r"\b(?:thinking|thoughts?|think) (?:about|of) (?:suicide|ending my life|dying|killing myself|death)\b|\bsuicidal (?:thoughts|feelings)\b|\bthose thoughts (?:again|are back)\b|\bending it\b",
    ),
    (
        "wish",
        "wish not to wake up",
        r"\bwish i (?:just )?(?:wouldn'?t|didn'?t|could not|couldn'?t|don'?t|would not|will not|won'?t) wake up\b|\bwant (?:it all|everything|the pain|this) to (?:stop|end)\b|\b(?:suicide|death|dying) is the (?:only|best|easiest) (?:way|option|answer|choice)\b",
    ),
    (
        "wish",
        "passive wish to disappear",
        r"\bwish i could (?:just )?disappear\b|\bwouldn'?t mind (?:not waking up|dying)\b|\bcan'?t go on\b|\bcan'?t do this any ?more\b|\bcan'?t take (?:it|this|another day|any more|anymore)\b",
    ),
    (
        "selfharm",
        "self-harm",
        r"\b(?:cut|cutting|hurt|hurting|harm|harming|burn|burning) myself\b|\bself[- ]?harm(?:ing)?\b|\bcut again\b|\burges? to (?:cut|self[- ]?harm|hurt myself|harm myself)\b",
    ),
    # plans and means
    (
        "plan",
        "a plan",
        r"\b(?:thinking about|thought about|worked out|figured out|researched|looked up|planned) how\b|\bwrote (?:a|my) (?:suicide )?(?:note|letter)\b|\bmade (?:the )?arrangements\b|\bgiving (?:away )?my (?:things|stuff)\b|\bsaid my goodbyes\b|\bplanning to\b|\bmy plan is\b|\b(?:saving|saved|stockpil\w*|collect\w*|hoard\w*) (?:up )?(?:my |the )?(?:pills|tablets|meds|medication)\b|\bhave enough (?:pills|tablets|now)\b",
    ),
    (
        "means",
        "has the means",
        r"\b(?:have|got|bought|holding|saved|saving|stockpil\w*|collected)\s+(?:\w+\s+){0,3}(?:pills|tablets|a rope|rope|a gun|gun|a knife|knife|razors?|blades?|noose|pills in my hand|paracetamol|painkillers|everything ready)\b|\beverything is ready\b|\bpills in my hand\b|\balone with (?:the )?(?:pills|rope|gun|knife)\b",
    ),
    (
        "attempt",
        "in a dangerous place now",
        r"\b(?:standing|sitting|sat) (?:on|at) (?:the )?(?:edge|ledge|railing|tracks|platform edge)\b|\bon the edge of (?:the|a) (?:roof|bridge|cliff|building|platform)\b|\bengine running in the garage\b|\bhose\w* (?:to|from|on) the exhaust\b",
    ),
    (
        "means",
        "a method",
        r"\b(?:jump|jumping) (?:off|from) (?:the |a |my )?(?:\w+ ){0,3}(?:roof|bridge|building|cliff|car park|balcony)\b|\bin front of (?:a|the) (?:train|bus|car|lorry|truck)\b|\bnoose\b",
    ),
    ("time", "a timeframe", _TIME),
    # attempts in progress
    (
        "attempt",
        "attempt in progress",
        r"\b(?:took|have taken|swallowed|taken)\s+(?:an? )?(?:overdose|od|\d+|all (?:the|my)|a (?:bunch|lot|handful) of|loads of|too many|the whole|a whole|a bottle|a packet|a box|both packets)\b|\bi (?:just |have )?(?:od'?d|overdosed)\b",
    ),
    (
        "attempt",
        "injured and bleeding",
        r"\b(?:a lot of|so much|lots of|too much) blood\b|\bbleeding (?:a lot|badly|heavily|everywhere)\b|\bit is bad this time\b|\bwon'?t stop bleeding\b",
    ),
    (
        "goodbye",
        "goodbye message",
        r"^\s*goodbye\b|\bgoodbye (?:everyone|all|world|guys|friends)\b|\bi love you all\.? i am sorry\b|\bthis is (?:my )?(?:last|final) (?:post|message|goodbye)\b|\bby the time (?:you|anyone) reads? this\b|\btell my (?:kids|children|family|mum|mom|son|daughter) i love (?:them|her|him)\b|\bwon'?t be (?:around|here) (?:much longer|tomorrow|anymore)\b|\bsorry for everything\b",
    ),
    (
        "help",
        "asking for help now",
        r"\bplease (?:help|someone|somebody|talk to me|call)\b|\bsomeone (?:please )?(?:help|talk to me)\b|\bcall (?:the police|999|911|000|112)\b",
    ),
    # danger from someone else (Danger Assessment)
    (
        "threat",
        "threat to kill",
        r"\b(?:he|she|they|him|ex|partner|husband|boyfriend|wife|girlfriend|father|dad|stepdad)\b[^.!?]{0,40}\b(?:kill|murder|stab|shoot|strangle|burn|bury)\b(?! (?:himself|herself|themselves))[^.!?]{0,25}\b(?:me|us|my (?:kids|children|son|daughter|family|baby)|them)\b",
    ),
    (
        "threat",
        "threat to kill",
        r"\b(?:threaten\w*|said|says|told \w+|swore|promised) (?:\w+ ){0,4}(?:to kill|he would kill|he will kill|he'?d kill|he'?ll kill)\b(?! (?:himself|herself|themselves))",
    ),
    (
        "strangle",
        "strangulation",
        r"\b(?:grabbed|squeezed|held|gripped|pinned) (?:me by )?my (?:neck|throat)\b|\b(?:hands?|arm) (?:a?round|on) my (?:neck|throat)\b|\b(?:choked|choking|strangled|strangling|throttled) me\b|\bcouldn'?t breathe\b",
    ),
    (
        "weapon",
        "weapon",
        r"\b(?:he|she|they|ex|partner|husband|boyfriend)\b[^.!?]{0,30}\b(?:has|have|got|bought|pointed|holding|waving|keeps) (?:a |his |her )?(?:gun|knife|rifle|shotgun|weapon|blade|machete)\b|\bthreatened me with (?:a |his |her )?(?:gun|knife|weapon)\b|\bpointed (?:a |the |his )?(?:gun|knife) at\b",
    ),
    (
        "breakin",
        "abuser trying to get in",
        r"\b(?:kicking|banging|breaking|smashing|pounding|trying to break) (?:on |down |in )?(?:the |my )?(?:door|window)s?\b|\bbreaking in\b|\bbroke in\b|\bhe is (?:here|outside|downstairs|in the house)\b|\b(?:he is |waiting )outside my (?:house|door|flat|work|window)\b|\bwaiting outside\b",
    ),
    (
        "assault",
        "being assaulted now",
        r"\b(?:he|she|they) (?:just )?(?:hit|punched|beat|kicked|attacked|hurt|slapped|raped|pushed) me\b[^.!?]{0,40}\b(?:took my (?:phone|keys|car keys)|neighbou?r'?s phone|right now|just now|again tonight)\b|\bjust (?:hit|punched|beat|kicked|attacked|raped) me\b|\bhiding (?:in|from)\b",
    ),
    (
        "child",
        "a child in danger now",
        r"\b(?:\d+ ?(?:year|yr)s? old|kids?|children|son|daughter|child|baby|toddler)\b[^.!?]{0,60}\b(?:alone with (?:him|her|them)|(?:home|alone) with \w+ right now|comes into (?:her|his|their) room|won'?t give (?:them|him|her) back|driving off|drive off|kill (?:them|the kids|him|her)|hurting (?:them|him|her))\b|\b(?:has|took|taken) (?:my|the) (?:kids|children|son|daughter|baby)\b[^.!?]{0,80}\b(?:cliff|kill|hurt|never see)\b",
    ),
    # broader wording of the same kinds (found on held-out posts)
    (
        "intent",
        "intent to end their life",
        r"\bi (?:will|am going to|would|am gonna) be (?:dead|gone)\b|\b(?:end|ending|ended) myself\b|\bplan(?:ning|ned)? (?:my|the) (?:suicide|death|exit)\b|\b(?:going to |gonna )?(?:step|jump|throw myself|lie down) in front of\b|\b(?:taking|take|swallow|swallowing) (?:all|everything|every)\b[^.!?]{0,30}\b(?:pills|tablets|meds|medicine|medication|cabinet|paracetamol)\b",
    ),
    (
        "wish",
        "wish to die",
        r"\bwant out of (?:this )?life\b|\bout of this life for good\b|\b(?:tired|exhausted|sick) of (?:being alive|living|life)\b|\beasier (?:to|if i) (?:just )?(?:not exist|die|wasn'?t here|weren'?t here|disappear|be gone)\b|\bnobody (?:would|will) (?:miss|notice|care)\b|\bwouldn'?t care if i (?:got|was|died|didn'?t)\b|\bthought (?:about|of) not being here\b|\bthoughts? of (?:crashing|dying|killing|ending|hurting)\b|\ba burden\b",
    ),
    (
        "time",
        "a timeframe",
        r"\b(?:on |this |next |by |for )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bby morning\b|\bthis weekend\b",
    ),
    (
        "plan",
        "a plan",
        r"\bworked out (?:the )?(?:details|how|when)\b|\b(?:already )?decided\b|\bletters? (?:are |is )?(?:written|done)\b|\bwritten my (?:will|note|letters?)\b|\beverything(?: is|'s)? (?:sorted|ready|in place)\b",
    ),
    (
        "means",
        "has the means",
        r"\b(?:there is|there'?s|i have|i'?ve got|got) (?:a |the )?(?:noose|rope|gun|shotgun|blade|razor)\b|\bmedicine cabinet\b",
    ),
    ("plan", "has prepared the means", r"\bnoose\b|\b(?:tied|hung|set up) (?:a |the )?rope\b"),
    (
        "attempt",
        "in a dangerous place now",
        r"\b(?:on|at) the (?:bridge|station|tracks|cliff|roof|ledge|edge)\b(?= now| right now| tonight)",
    ),
    (
        "attempt",
        "attempt in progress",
        r"\b(?:took|taken|downed|swallowed|had)\s+(?:\w+\s+){0,4}(?:strip|packet|bottle of \w+ and)\b|\b(?:took|taken|downed|swallowed|had) (?:a load|loads|a handful|a bunch|lots|too many|all) of (?:my |the )?(?:antidepressants|tablets|pills|paracetamol|painkillers|sleeping pills)\b|\bwent too deep\b|\btoo many pills\b",
    ),
    (
        "goodbye",
        "goodbye message",
        r"\b(?:final|last) (?:message|words|post)\b|\blove you all\b|\b(?:please )?look after my (?:cat|dog|kids|children|babies)\b|\bready to go\b[^.!?]{0,20}\blove\b|\bthank you for everything\b[^.!?]{0,40}\b(?:look after|goodbye|sorry)\b|\bi am going tonight\b",
    ),
    (
        "threat",
        "threat to kill",
        r"\b(?:he|she|they|ex|partner|husband|boyfriend|stepdad|dad)\b[^.!?]{0,50}\b(?:gets? rid of me|find my body|finish (?:it|me|me off)|nobody will find|burn (?:the house|us|me)|crash (?:it|the car|us)|kill us|end (?:us|me))\b",
    ),
    (
        "weapon",
        "weapon",
        r"\b(?:he|she|they|ex|partner|husband|boyfriend)\b[^.!?]{0,40}\b(?:with|has|holding|got) (?:a |an |his |her )?(?:hammer|knife|gun|shotgun|axe|bat|crowbar|machete)\b",
    ),
    (
        "breakin",
        "abuser trying to get in",
        r"\b(?:trying to|tried to) (?:get in|break in|get into)\b|\b(?:at|outside) (?:the|my) (?:door|window)\b[^.!?]{0,20}\b(?:now|with)\b|\bis at (?:the|my) door\b|\blocked me in\b",
    ),
    (
        "assault",
        "being assaulted now",
        r"\b(?:he|she|they) (?:just )?(?:threw|pushed|dragged|kicked|punched|hit|beat|attacked) me\b[^.!?]{0,60}\b(?:just now|right now|still (?:in|here)|says he'?ll|finish it|tonight)\b|\bjust now and\b",
    ),
    (
        "child",
        "a child in danger now",
        r"\b(?:hurting|hitting|beating|took|has got|has|got) (?:my )?(?:little )?(?:brother|sister|daughter|son|kids|children|child|baby)\b[^.!?]{0,60}\b(?:right now|now|in the car|threatening|crash|won'?t)\b|\bhe is got my (?:daughter|son|kids|children|baby)\b",
    ),
    (
        "selfharm",
        "self-harm",
        r"\b(?:picked|picking|scratched|scratching) (?:at )?my (?:skin|arms?)\b[^.!?]{0,30}\bbled\b|\bbled again\b|\b(?:has been|is|started|keeps) cutting\b|\btaking more of my \w+ (?:\w+ )?than i should\b",
    ),
    (
        "hopeless",
        "hopelessness",
        r"\bcan'?t see a future\b|\bnothing (?:feels |seems |is )?worth (?:it|living)\b|\bso alone and empty\b|\bempty and alone\b",
    ),
    (
        "stalking",
        "stalking or monitoring",
        r"\bfind out where i (?:am|live|work)\b|\b(?:installed|put) (?:something|an app|a tracker|spyware) on my (?:phone|car)\b|\bwatching me\b|\b(?:turns|turned) up outside\b|\boutside my (?:mum|mom|dad|parents|friend|sister)'?s? (?:house|place|flat)\b|\bmessaging my (?:friends|family)\b",
    ),
    (
        "fear",
        "fear of escalation",
        r"\b(?:scared|afraid|terrified|frightened) (?:he'?s|he is|he will|he'?ll|that he) (?:going to |gonna )?(?:find|hurt|come|kill|take)\b|\bgetting angrier\b|\bterrified of the court\b",
    ),
    (
        "manipulation",
        "abuser threatening self-harm",
        r"\b(?:he|she|they) (?:keeps saying|says|said|threatens)\b[^.!?]{0,20}\b(?:end it all|end his life|end her life|kill himself|kill herself)\b",
    ),
    ("coping", "harmful coping", r"\bdrinking in the mornings?\b|\bdrinking to cope\b"),
    # weak cues: nothing on their own, decisive together
    (
        "death_word",
        "talks of their own death",
        r"\b(?:suicide|suicidal|my (?:own )?funeral|never (?:been|be) born|end (?:everything|it all|it(?! with| between| off)|myself|my life)|walk into the (?:sea|river|water|lake)|drown myself|not wake up|my last (?:night|day|time))\b",
    ),
    (
        "prep",
        "preparations",
        r"\b(?:ready|counted(?: out)?|lined up|laid out|filled the bath|planned|sorted|said (?:bye|goodbye)|saying (?:bye|goodbye)|last (?:night|day|time)|final|won'?t be (?:here|around)|without (?:her|him|them) knowing)\b",
    ),
    (
        "time",
        "a timeframe",
        r"\bafter (?:my|the) (?:shift|work|meeting|appointment)\b|\btonight'?s\b",
    ),
    (
        "attempt",
        "attempt in progress",
        r"\b(?:swallowed|took|taken|downed|had) (?:everything|all of (?:them|it)|the lot|the whole lot)\b|\bfeel(?:ing)? (?:like i am )?(?:floating|so sleepy|really sleepy|dizzy and|numb and cold)\b",
    ),
    (
        "attempt",
        "in a dangerous place now",
        r"\b(?:sitting|sat|standing|stood) on (?:the |a )?(?:\w+ )?(?:bridge|ledge|roof|railing|tracks|cliff edge)\b",
    ),
    (
        "goodbye",
        "goodbye message",
        r"\blast time i will (?:post|write|be here)\b|\bthank you for trying\b[^.!?]{0,40}\bbye\b|\bbye\.?\s*$",
    ),
    (
        "threat",
        "threat to kill",
        r"\b(?:he|she|they)\b[^.!?]{0,40}\b(?:says|said|threaten\w*|told me)\b[^.!?]{0,60}\bi will be dead\b|\bkill my \w+ and (?:then )?me\b|\bsort me out\b[^.!?]{0,60}\b(?:bat|knife|gun|hammer)\b",
    ),
    (
        "breakin",
        "abuser trying to get in",
        r"\b(?:inside|in) my (?:building|house|flat|home|garden)\b[^.!?]{0,40}\b(?:right now|now|at my door)\b|\b(?:hear|heard) him (?:at|outside) (?:my|the) (?:door|window)\b|\bcoming over\b[^.!?]{0,60}\b(?:bat|knife|gun|hammer|kill|hurt|sort me out)\b",
    ),
    (
        "child",
        "a child in danger now",
        r"\blocked (?:my )?(?:little |baby )?(?:sister|brother|daughter|son|child|kids|children|baby) in\b|\bscreaming at (?:her|him|them)\b[^.!?]{0,20}$",
    ),
    (
        "wish",
        "wish to die",
        r"\bimagining my (?:own )?funeral\b|\bwish (?:i|you) (?:had|'?d) never been born\b|\bnever been born\b",
    ),
    (
        "hopeless",
        "hopelessness",
        r"\bdon'?t care any ?more\b|\b(?:never|won'?t ever|will not ever|don'?t think i will ever) be happy again\b|\bnothing will (?:ever )?get better\b",
    ),
    (
        "stalking",
        "stalking or monitoring",
        r"\b(?:sitting|parked|waiting|sat) outside my (?:work|house|flat|home|school)\b",
    ),
    (
        "coping",
        "harmful coping",
        r"\btaking extra (?:painkillers|pills|tablets|meds)\b|\bto numb (?:everything|it|the pain|myself)\b|\bhaven'?t left my bed\b|\blost so much weight\b",
    ),
    (
        "fear",
        "veiled threat",
        r"\bmake (?:me|you) regret it\b|\byou'?ll be sorry\b|\bi'?ll be sorry\b|\bmake me pay\b",
    ),
    ("distress", "severe distress", r"\bfeel(?:ing)? like i am drowning\b|\bnobody notices\b"),
    (
        "done",
        "says they are done",
        r"\b(?:i am )?(?:so |just )?done\b(?! with| for| at| in)|\bi am finished\b",
    ),
    ("means_word", "mentions a means", r"\b(?:pills|tablets|rope|blade|razor|noose)\b"),
    # concern cues
    (
        "stalking",
        "stalking or monitoring",
        r"\b(?:keeps? |kept )?(?:driving past|following me|turning up|showing up|shows up|waiting for me)\b|\btracking my (?:phone|car|location)\b|\b(?:read|reads|reading|checks|checking) (?:all )?my (?:messages|texts|emails|phone|bank)\b|\b(?:asking|asked|trying to find out|found out|knows) where i (?:live|am|work|moved)\b|\bon edge all the time\b|\bwatching (?:my|the) house\b",
    ),
    (
        "fear",
        "fear of escalation",
        r"\b(?:scared|afraid|terrified|frightened) (?:of what he|he will|he'?ll|he might|for my life|to go home)\b|\bgetting (?:worse|more violent)\b",
    ),
    (
        "manipulation",
        "abuser threatening self-harm",
        r"\b(?:he|she|they)(?: says?| said| threatens?| threatened| keeps saying)? (?:\w+ ){0,2}(?:will|would|'?ll|is going to|to) (?:kill|hurt|harm) (?:himself|herself|themselves)\b",
    ),
    (
        "hopeless",
        "hopelessness",
        r"\bhopeless\b|\bworthless\b|\b(?:don'?t|can'?t) (?:really )?see the point\b|\b(?:feels|is|seems) (?:so )?pointless\b|\bcan'?t see (?:things|it|anything) (?:getting|get) better\b|\bno way out\b|\bno future\b|\bwhat'?s the point\b|\bnothing matters\b|\bempty inside\b",
    ),
    (
        "distress",
        "severe distress",
        r"\breally dark (?:day|place|time)\b|\bdark (?:day|place)\b|\bcry myself to sleep\b|\bcan'?t stop crying\b|\bfalling apart\b|\bbreaking down\b|\bpanic attacks? (?:every|all)\b",
    ),
    (
        "coping",
        "harmful coping",
        r"\bdrinking (?:a lot )?more\b|\bdrinking (?:every|all) (?:day|night)\b|\busing again\b|\brelapsed\b|\bnot eating\b|\bhaven'?t eaten in\b|\bhaven'?t slept in\b",
    ),
    (
        "other_at_risk",
        "someone else may be at risk",
        r"\b(?:friend|sister|brother|son|daughter|child|kid|teen|partner)\b[^.!?]{0,30}\b(?:has been|is|started|keeps) (?:cutting|self[- ]?harming|hurting (?:herself|himself|themselves))\b|\b(?:friend|sister|brother|mum|mom|dad|son|daughter|partner|she|he)\b[^.!?]{0,30}\b(?:self[- ]?harms?|cuts? (?:herself|himself)|suicidal|wants? to die|wants? to kill (?:herself|himself))\b",
    ),
]
_COMPILED = [(kind, reason, re.compile(pattern)) for kind, reason, pattern in _PATTERNS]

# Sentence modifiers.
_NEGATED = re.compile(
    r"\b(?:not|never|no longer|don'?t|won'?t|wouldn'?t|am not|no (?:plans?|intention)|nothing to worry)\b"
    r"[^.!?]{0,25}\b(?:going to|gonna|want to(?! (?:live|be alive|be here|exist|wake|go on))"
    r"|wanna|plan|suicidal|kill myself|die|do it|hurt myself|intention)\b"
    r"|\bi am (?:safe|ok|okay|fine)\b|\bnot in danger\b"
)
_PAST = re.compile(
    r"\b(?:used to|back then|years? ago|months ago|when i was|at (?:\d+|age \d+)|as a (?:teen|kid|child)"
    r"|in the past|once (?:tried|attempted)|i attempted|i tried to|was suicidal|wanted to die|had wanted"
    r"|survived|after my attempt|i was (?:\d+|young)|thought i was going to|last year|died|once)\b"
)
_PRESENT = re.compile(
    r"\b(?:now|today|tonight|again|this week|these days|lately|right now|still|anymore|any more|currently)\b"
)
_RECOVERY = re.compile(
    r"\b(?:doing (?:well|better|ok|okay)|today i want to live|i want to live|glad i am alive|for hope"
    r"|recovered|in recovery|sharing (?:for|to give) hope|proud of myself|years? (?:clean|sober|free)"
    r"|i am safe now|safe now|years on|it was (?:control|manipulation)|remarried|happy now"
    r"|that was (?:in )?(?:19|20)\d\d)\b"
)
_THIRD_PERSON = re.compile(
    r"^\s*(?:he|she|they|my (?:\w+ )?(?:ex|friend|partner|husband|wife|boyfriend|girlfriend|sister|brother|mum|mom|dad|daughter|son|child|kid|teen))\b"
)
_IDIOMS = re.compile(
    r"\b(?:nearly |almost )?died? of (?:embarrassment|boredom|laughter|shame)\b|\bdying inside\b"
    r"|\b(?:smash|kill|killing|nail|ace) (?:this|that|the|my) (?:exam|test|interview|presentation)\b"
    r"|\bi'?ll kill (?:him|her|them) if (?:he|she|they) (?:eats?|touch(?:es)?|take)\b"
    r"|\b(?:is|are|was) killing me\b|\bkilling it\b|\bkilled it\b|\bmurder an? \w+\b|\bkiller \w+\b"
    r"|\bdying to\b|\b(?:phone|battery|laptop) is dying\b|\bto die for\b|\bkill (?:some )?time\b"
    r"|\bdead tired\b|\bdied laughing\b|\bi am dead\b|\bshot (?:a|the|some) (?:photo|picture|video)\b"
    r"|\bwould die for\b|\b'?d die for\b|\bdie for my\b|\bat the (?:football|tv|telly|game|match)\b"
    r"|\bcut my hair\b|\bhair cut\b|\bdead serious\b|\bdeath of (?:a|the|my) \w+\b"
)

_WEIGHTED = {
    "intent",
    "wish",
    "selfharm",
    "death_word",
}  # lowered by negation, the past, or third person
# Danger from others, told about in the past tense: a survivor's story, not an emergency.
_STORY = {
    "threat",
    "strangle",
    "weapon",
    "breakin",
    "assault",
    "child",
    "manipulation",
    "stalking",
    "fear",
}


# --- concepts: broad word classes combined within a sentence ----------------------------------
# The phrase patterns above name particular wordings; these catch new wordings of the same
# ideas by requiring several classes of word to meet in one sentence.

_C_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|mine)\b")
_C_OWN_DEATH = re.compile(
    r"\b(?:suicide|suicidal|kill myself|end (?:my life|it all|everything|myself|it(?! with| between| off))"
    r"|take my (?:own )?life|want to die|going to die|ready to die|(?:better off|be|was|were) dead"
    r"|my (?:own )?death|not (?:be )?(?:here|around|alive) (?:anymore|any more|tomorrow)|not wake up"
    r"|sleep forever|never wake|not come back|let go(?: of (?:life|everything))?|disappear for good"
    r"|gone for good|out of (?:this|my) life|my funeral|goodbye (?:letters?|notes?)|overdos\w*"
    r"|look like an accident|hang myself|drown myself|slit my)\b"
)
_C_MEANS = re.compile(
    r"\b(?:pills|tablets|meds|medication|painkillers|paracetamol|antidepressants|razor\w*|blades?"
    r"|rope|noose|gun|bridge|roof|ledge|cliff|train|tracks|motorway|exhaust|car keys)\b"
)
_C_EXCESS = re.compile(
    r"\b(?:all (?:of )?(?:them|my|the)|everything|whole|the lot|too many|extra|on purpose|overdid"
    r"|a bottle|a packet|a box|stockpil\w*|saved up|counted)\b"
)
_C_READY = re.compile(
    r"\b(?:ready|counted|lined up|laid out|planned|decided|sorted|arranged|arrangements|got everything"
    r"|everything i need|i know (?:which|where|how)|no point (?:waiting|staying|trying)|finally"
    r"|said (?:bye|goodbye)|goodbye|bye|final|last (?:night|time|day|post|message)|thank you for"
    r"|tonight i will|going to|gonna|will|about to|want to)\b"
)
_C_TIME = re.compile(
    r"\b(?:tonight|today|now|right now|this (?:evening|morning|afternoon|weekend)|tomorrow|soon"
    r"|(?:on|by|till|until) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|after (?:work|my shift|school|the kids)|in (?:an|a few|\d+) hours?|any longer)\b"
)
_C_SELF_INJURY = re.compile(
    r"\b(?:cut|cutting|burn(?:ed|t|ing)?|scratch(?:ed|ing)?|punch(?:ed|ing)? walls|hit(?:ting)? myself"
    r"|bang(?:ing)? my head)\b"
)
_C_SELF_INJURY_SELF = re.compile(
    r"\b(?:i|i have|i am|i just|i keep|i kept|i started)\s+(?:\w+\s+)?"
    r"(?:cut|cutting|burn\w*|scratch\w*|punch\w*|hit(?:ting)? myself|bang\w* my head)\b"
    r"|\b(?:cut|burn\w*|scratch\w*|hurt) myself\b"
)
_C_BLEEDING = re.compile(
    r"\b(?:pouring|bleeding|blood|won'?t stop|can'?t (?:make it )?stop|deep)\b"
)
_C_AGGRESSOR = re.compile(
    r"\b(?:he|she|they|him|his|ex|partner|husband|boyfriend|girlfriend|wife|stepdad|stalker)\b"
)
_C_SEVERE = re.compile(
    r"\b(?:kill(?! (?:himself|herself|themselves))|murder|end me|set fire|burn (?:the|my|us|me)|neck|throat|chok\w*|strangl\w*"
    r"|blacked out|passed out|pinned (?:me )?down|knife|gun|bat|hammer|weapon|stab\w*|shoot"
    r"|smash\w* (?:up )?(?:the|my)|take (?:him|her|them|the kids|my (?:son|daughter|kids|baby)))\b"
)
_C_IMMINENT = re.compile(
    r"\b(?:now|right now|tonight|here|outside|on (?:his|her|their) way|coming|every night"
    r"|been drinking|drunk|at the (?:door|school|house|gate)|still (?:here|inside|in the house))\b"
)
_C_DISTRESS = re.compile(
    r"\b(?:can'?t feel anything|feel nothing|numb|empty|tired of (?:everything|it all|life|living"
    r"|fighting)|why i (?:even )?bother|no point|give up|giving up|can'?t cope|not coping"
    r"|breaking point|hopes? i (?:don'?t|do not) wake|frightened|terrified|scared)\b"
)


def _concepts(sentence: str, found: "_Found", *, negated: bool, past: bool, third: bool) -> None:
    first = bool(_C_FIRST_PERSON.search(sentence))
    own_death = bool(_C_OWN_DEATH.search(sentence))
    means = bool(_C_MEANS.search(sentence))
    lowered = negated or past or third
    if first and own_death:
        if _C_READY.search(sentence) or _C_TIME.search(sentence):
            found.add("intent", "intent to end their life", demote=lowered)
        else:
            found.add("wish", "talks of ending their life", demote=lowered)
    if (
        first
        and means
        and (_C_READY.search(sentence) or _C_TIME.search(sentence))
        and (
            own_death
            or _C_EXCESS.search(sentence)
            or re.search(r"\bknow (?:which|where|how)\b", sentence)
        )
    ):
        found.add("plan", "means and readiness", demote=past)
        found.add("means", "has the means", demote=past)
    if (
        first
        and means
        and _C_EXCESS.search(sentence)
        and re.search(r"\b(?:took|taken|swallowed|downed|overdid|had)\b", sentence)
    ):
        found.add("attempt", "attempt in progress", demote=past)
    if _C_SELF_INJURY_SELF.search(sentence):
        if _C_BLEEDING.search(sentence) and not past:
            found.add("attempt", "injured and bleeding", demote=False)
        found.add("selfharm", "self-harm", demote=lowered)
    if (
        _C_AGGRESSOR.search(sentence)
        and _C_SEVERE.search(sentence)
        and (_C_IMMINENT.search(sentence) or re.search(r"\b(?:me|us)\b", sentence))
    ):
        found.add("threat", "danger from another person", demote=past)
    if _C_AGGRESSOR.search(sentence) and re.search(
        r"\b(?:found (?:my|out)|keeps|kept|tracking|following|watching|turns? up|turned up"
        r"|making (?:new )?accounts|showing up|waiting for)\b[^.!?]{0,40}\b(?:me|my)\b",
        sentence,
    ):
        found.add("stalking", "stalking or monitoring", demote=past)
    if first and _C_DISTRESS.search(sentence):
        found.add("distress", "severe distress", demote=past)


@dataclass
class _Found:
    kinds: dict[str, list[str]] = field(default_factory=dict)
    demoted: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, reason: str, *, demote: bool) -> None:
        target = self.demoted if demote else self.kinds
        target.setdefault(kind, [])
        if reason not in target[kind]:
            target[kind].append(reason)

    def has(self, *kinds: str) -> bool:
        return any(k in self.kinds for k in kinds)

    def reasons(self, *kinds: str) -> list[str]:
        out: list[str] = []
        for kind in kinds:
            out.extend(r for r in self.kinds.get(kind, []) if r not in out)
        return out


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s and s.strip()]


def _scan(text: str) -> _Found:
    found = _Found()
    recovery_post = bool(_RECOVERY.search(text))
    for sentence in _sentences(text):
        cleaned = _IDIOMS.sub(" ", sentence)
        negated = bool(_NEGATED.search(cleaned))
        past = bool(_PAST.search(cleaned)) and not (_PRESENT.search(cleaned) and not recovery_post)
        third = bool(_THIRD_PERSON.search(cleaned))
        _concepts(cleaned, found, negated=negated, past=past, third=third)
        for kind, reason, pattern in _COMPILED:
            if not pattern.search(cleaned):
                continue
            if kind == "time" and past:
                continue
            demote = (
                (kind in _WEIGHTED and (past or third))
                or (kind in ("intent", "selfharm", "death_word") and negated)
                or (kind in _STORY and (past or recovery_post))
                or (kind == "attempt" and (past or recovery_post))
            )
            found.add(kind, reason, demote=demote)
    return found


def _combine(found: _Found) -> Assessment:
    danger = ("threat", "strangle", "weapon", "breakin", "assault", "child", "attempt", "goodbye")
    if found.has(*danger):
        return Assessment("crisis", found.reasons(*danger, "time", "means", "plan"))
    suicidal = found.has("intent", "wish", "selfharm")
    specifics = ("plan", "means", "time")
    if found.has("intent"):
        return Assessment("crisis", _joined(found.reasons("intent", "wish", *specifics)))
    if suicidal and found.has(*specifics):
        return Assessment("crisis", _joined(found.reasons("wish", "selfharm", *specifics)))
    if found.has("means_word") and found.has("time") and found.has("done", "wish"):
        return Assessment("crisis", _joined(found.reasons("done", "wish", "means_word", "time")))
    # A means or their own death, with preparations or a timeframe.
    if found.has("means_word", "means", "death_word") and found.has("prep", "time"):
        return Assessment(
            "crisis", _joined(found.reasons("death_word", "means", "means_word", "prep", "time"))
        )
    if found.has("means") and found.has("plan", "time"):
        return Assessment("crisis", _joined(found.reasons("means", "plan", "time")))
    if found.has("intent", "wish", "selfharm") and found.has("help"):
        return Assessment("crisis", found.reasons("intent", "wish", "selfharm", "help"))
    concern_kinds = (
        "death_word", "intent", "wish", "selfharm", "plan", "means", "stalking", "fear", "manipulation",
        "hopeless", "distress", "coping", "other_at_risk",
    )  # fmt: skip
    if found.has(*concern_kinds):
        return Assessment("concern", found.reasons(*concern_kinds))
    # Negated, past or third-person talk of suicide is not cleared when a plan or means is
    # there too ("I'm not going to do anything stupid, I just have the pills").
    if any(k in found.demoted for k in ("intent", "wish", "selfharm")) and found.has(
        "means", "plan"
    ):
        return Assessment("concern", found.reasons("means", "plan"))
    return Assessment("none", [])


def _joined(reasons: list[str]) -> list[str]:
    """Name the combination first ("intent + timeframe"), then the details."""
    short = {
        "intent to end their life": "intent",
        "says they are suicidal": "intent",
        "wish to die": "wish to die",
        "does not want to live": "wish to die",
        "a plan": "plan",
        "has the means": "means",
        "a method": "method",
        "a timeframe": "timeframe",
        "self-harm": "self-harm",
    }
    parts: list[str] = []
    for reason in reasons:
        label = short.get(reason)
        if label and label not in parts:
            parts.append(label)
    summary = " + ".join(parts)
    return [summary, *reasons] if len(parts) > 1 else reasons


def assess(text: str) -> Assessment:
    """Assess one post or message. Never raises; any string is fine."""
    if not isinstance(text, str) or not text.strip():
        return Assessment()
    return _combine(_scan(normalise(text)))
