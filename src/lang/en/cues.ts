/**
 * English attribution cues: the verbs and phrases that introduce reported speech or thought. Language data for
 * src/attribution/cues.ts; the algorithm never names a word itself.
 *
 * Each verb is listed by lemma with its class; the inflected forms are generated below. Classes:
 * - `speech`: "say", "claim", "warn" — subject + verb + content ("that …", a clause, or a quote);
 * - `tell`: takes the addressee as object before the content ("told reporters that …", "told CNN …");
 * - `write`: written statements, which also take platforms ("wrote on Telegram");
 * - `intent`: plans, wishes and decisions ("plans to", "agreed to", "refused to"), whose content is the infinitive;
 * - `cognition`: beliefs and perceptions ("think", "believe"), which PolNeAR annotates as attributions too;
 * - `noun`: nominal cues are not listed here; see MULTIWORD_CUES.
 */
export type CueClass = "speech" | "tell" | "write" | "cognition" | "evidence" | "intent";

interface VerbEntry {
  lemma: string;
  cls: CueClass;
  /** Irregular forms: [3sg, past, participle, gerund]; omitted parts are generated from the lemma. */
  forms?: [string?, string?, string?, string?];
  /** Forms other than the past tense are too often nouns or other verbs to be cues without a clear subject. */
  pastOnly?: boolean;
}

const VERBS: VerbEntry[] = [
  { lemma: "say", cls: "speech", forms: ["says", "said", "said", "saying"] },
  { lemma: "tell", cls: "tell", forms: ["tells", "told", "told", "telling"] },
  { lemma: "add", cls: "speech" },
  { lemma: "write", cls: "write", forms: ["writes", "wrote", "written", "writing"] },
  { lemma: "tweet", cls: "write", pastOnly: true },
  { lemma: "post", cls: "write", pastOnly: true },
  { lemma: "ask", cls: "tell" },
  { lemma: "note", cls: "speech" },
  { lemma: "report", cls: "speech", pastOnly: true },
  { lemma: "announce", cls: "speech" },
  { lemma: "suggest", cls: "speech" },
  { lemma: "argue", cls: "speech" },
  { lemma: "claim", cls: "speech" },
  { lemma: "warn", cls: "speech" },
  { lemma: "deny", cls: "speech", forms: ["denies", "denied", "denied", "denying"] },
  { lemma: "admit", cls: "speech", forms: ["admits", "admitted", "admitted", "admitting"] },
  { lemma: "state", cls: "speech", pastOnly: true },
  { lemma: "declare", cls: "speech" },
  { lemma: "reveal", cls: "speech" },
  { lemma: "explain", cls: "speech" },
  { lemma: "acknowledge", cls: "speech" },
  { lemma: "insist", cls: "speech" },
  { lemma: "contend", cls: "speech" },
  { lemma: "maintain", cls: "speech", pastOnly: true },
  { lemma: "assert", cls: "speech" },
  { lemma: "allege", cls: "speech" },
  { lemma: "confirm", cls: "speech" },
  { lemma: "predict", cls: "speech" },
  { lemma: "promise", cls: "speech" },
  { lemma: "pledge", cls: "speech" },
  { lemma: "vow", cls: "speech" },
  { lemma: "recall", cls: "speech" },
  { lemma: "reply", cls: "speech", forms: ["replies", "replied", "replied", "replying"] },
  { lemma: "respond", cls: "speech" },
  { lemma: "remark", cls: "speech", pastOnly: true },
  { lemma: "observe", cls: "speech" },
  { lemma: "complain", cls: "speech" },
  { lemma: "boast", cls: "speech" },
  { lemma: "joke", cls: "speech" },
  { lemma: "estimate", cls: "speech", pastOnly: true },
  { lemma: "testify", cls: "speech", forms: ["testifies", "testified", "testified", "testifying"] },
  { lemma: "concede", cls: "speech" },
  { lemma: "stress", cls: "speech", pastOnly: true },
  { lemma: "emphasize", cls: "speech" },
  { lemma: "emphasise", cls: "speech" },
  { lemma: "conclude", cls: "speech" },
  { lemma: "indicate", cls: "speech" },
  { lemma: "hint", cls: "speech", pastOnly: true },
  { lemma: "charge", cls: "speech", pastOnly: true },
  { lemma: "continue", cls: "speech", pastOnly: true },
  { lemma: "point", cls: "speech", pastOnly: true },
  { lemma: "inform", cls: "tell" },
  { lemma: "assure", cls: "tell" },
  { lemma: "remind", cls: "tell" },
  { lemma: "think", cls: "cognition", forms: ["thinks", "thought", "thought", "thinking"] },
  { lemma: "believe", cls: "cognition" },
  { lemma: "fear", cls: "cognition", pastOnly: true },
  { lemma: "worry", cls: "cognition", forms: ["worries", "worried", "worried", "worrying"], pastOnly: true },
  { lemma: "plan", cls: "intent", forms: ["plans", "planned", "planned", "planning"] },
  { lemma: "intend", cls: "intent" },
  { lemma: "decide", cls: "intent" },
  { lemma: "refuse", cls: "intent" },
  { lemma: "seek", cls: "intent", forms: ["seeks", "sought", "sought", "seeking"] },
  { lemma: "threaten", cls: "intent" },
  { lemma: "want", cls: "intent" },
  { lemma: "hope", cls: "cognition" },
  { lemma: "expect", cls: "cognition" },
  { lemma: "show", cls: "evidence", forms: ["shows", "showed", "shown", "showing"] },
  { lemma: "find", cls: "evidence", forms: ["finds", "found", "found", "finding"], pastOnly: true },
];

/**
 * More cue words, as surface forms: verbs that PolNeAR's annotators mark as attribution cues in at least about
 * half of their uses in its training split (counted once, by form), grouped by class. The form says its tense:
 * "-ing" is a gerund, "-ed" and the listed irregular pasts are past tense, the rest present.
 */
const SURFACE: Record<CueClass, string> = {
  speech: `called calling calls described describes describing describe criticized criticizing criticize declined
    accused accusing accuses responded responds declared declaring declare refused refuses refusing acknowledged
    acknowledging acknowledge referring referred referenced cited citing cites offered agreed expressed express
    proposed proposing urged urging concluded concludes claimed claiming promised promising promises defended
    defending revealed reveals vowed vowing vows praised praising praises talked recalled recalling arguing argues
    insisted insisting insists insist mentioned mention mentioning mentions indicated indicates questioned
    questioning rejected rejecting denounced denouncing replied charged blasted blasting blasts dismissed
    dismissing predicted predicting confirmed pointing admitted admits tweeting blamed blaming complained
    echoed echoing reiterated stressed decried railed warning mocked mocks mocking titled unveiled explaining
    emailed answered highlighted stating announcing asserted asserting endorses endorsed joked voiced
    conceded concedes concede invoked accusing touted touting slammed slamming slams boasted bragging
    recounted pleaded sparred eviscerated outlined remarked remarking lamented signaled shouted chanted
    articulated retweeted quoted cautioned assailed assails implied likened lambasted rebuked derided
    speculated yelled interjected commented labeled bemoaned recited rebuts disclosed sought endorsing
    attacked supported opposed urges condemned denied denies denying explains explained adds
    notes noting suggests suggesting suggest argue replied ordered announces added adding writes wrote
    portrayed portray portrays forecast warn warns warned alleging alleged alleges
    talking voted agree agrees issued named seem discuss oppose pushed backed learned challenged nominated pushing
    discussed doubt identified repeated praise seeks listed pressed presented deemed refuse sounded ruled requested
    liked discussing thanked encouraged threatened embraced highlighting remembered repeating highlight applauded
    welcomed recommended championed thanking apologized sued attributed threatening brushed sided promoted coined
    detailing weighed distanced balked referencing demanding outline implying shrugged lashed persuaded jabbed
    congratulated portraying dubbed imagined refers cite debated outlining hailed documented reacted advocated
    teases recognizing rebut alluding proclaimed singled prefers rebuffed remembers expressing credited mused
    dismisses revised blames tackles suspected`,
  tell: `asked asking asks assured assures reminded reminding reminds informed telling tells urged`,
  write: `tweeted posted writes writing wrote`,
  cognition: `expected seemed seems appeared appears hopes hoping hoped hope wonder wondered wondering worried
    envision expecting sees convinced prefer preferred doubts realized considers regarded believes believed
    thinks wants wanted want fears feared knows knew`,
  intent: ``,
  evidence: `shows showed shown finds found reads indicates estimates projected`,
};

export interface CueForm {
  lemma: string;
  cls: CueClass;
  /** Base form or third-person present ("say", "says"); these need a subject to be read as verbs. */
  present: boolean;
  /** Only the past tense is trusted (see VerbEntry.pastOnly). */
  pastOnly: boolean;
  gerund: boolean;
}

function regular(lemma: string): [string, string, string, string] {
  const e = lemma.endsWith("e");
  const s = /(s|sh|ch|x|z)$/.test(lemma) ? lemma + "es" : lemma + "s";
  const ed = e ? lemma + "d" : lemma + "ed";
  const ing = e && !lemma.endsWith("ee") ? lemma.slice(0, -1) + "ing" : lemma + "ing";
  return [s, ed, ed, ing];
}

/** Lower-case surface form → what it is. */
export const CUE_FORMS: ReadonlyMap<string, CueForm> = (() => {
  const map = new Map<string, CueForm>();
  for (const v of VERBS) {
    const [s, past, part, ing] = regular(v.lemma).map((f, i) => v.forms?.[i] ?? f) as [
      string,
      string,
      string,
      string,
    ];
    const pastOnly = v.pastOnly ?? false;
    map.set(v.lemma, { lemma: v.lemma, cls: v.cls, present: true, pastOnly, gerund: false });
    map.set(s, { lemma: v.lemma, cls: v.cls, present: true, pastOnly, gerund: false });
    map.set(past, { lemma: v.lemma, cls: v.cls, present: false, pastOnly, gerund: false });
    if (part !== past) map.set(part, { lemma: v.lemma, cls: v.cls, present: false, pastOnly, gerund: false });
    map.set(ing, { lemma: v.lemma, cls: v.cls, present: false, pastOnly, gerund: true });
  }
  const irregularPast = new Set(["wrote", "sought", "knew", "forecast", "shown", "found", "thought", "told", "said"]);
  for (const [cls, words] of Object.entries(SURFACE) as Array<[CueClass, string]>) {
    for (const w of words.split(/\s+/).filter(Boolean)) {
      if (map.has(w)) continue;
      const gerund = w.endsWith("ing");
      const past = !gerund && (w.endsWith("ed") || irregularPast.has(w));
      map.set(w, { lemma: w, cls, present: !gerund && !past, pastOnly: false, gerund });
    }
  }
  return map;
})();

/** Particles that belong to the cue ("pointed out", "went on", "called for"): lemma → particles. */
export const CUE_PARTICLES: ReadonlyMap<string, readonly string[]> = new Map([
  ["point", ["out", "to"]],
  ]);

/** Prepositions and "out" that join most cue verbs when an object follows ("called for", "talked about", "called out"). */
export const CUE_PREPOSITIONS = new Set(["for", "on", "about", "of", "against", "out"]);
/** Verbs that take "to" + an object as their cue ("referred to", "responded to"), not "to" + a verb. */
export const TO_PARTICLE_VERBS = new Set(["referred", "referring", "refers", "responded", "responding", "responds", "agreed", "pointed", "pointing", "alluded", "objected"]);

/** Forms of "be" that join a gerund or participle cue: "is suggesting", "was never mentioned", "is expected". */
export const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "being", "’s", "'s"]);

/**
 * Phrasal verbs built on a cue verb that report no speech: "called up 134,500 conscripts", "called off the talks",
 * "called in reservists". Surface form → the particles that turn it into such a verb ("called for", "called on" and
 * "called X Y" stay cues). A cue adjunct after the particle ("called in a statement for …") keeps it a cue.
 */
export const NON_SPEECH_PARTICLES: ReadonlyMap<string, readonly string[]> = new Map(
  ["call", "calls", "called", "calling"].map((w) => [w, ["up", "off", "in"]] as const),
);

/** Lemmas whose only cue use is with a particle ("pointed out"): without it they are no cue. */
export const NEEDS_PARTICLE = new Set(["point"]);

/** Negated auxiliaries written as one token ("don’t think", "hasn't said"), with either apostrophe. */
export const NEGATED_AUXILIARIES: ReadonlySet<string> = new Set(
  ["don't", "doesn't", "didn't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "isn't", "wasn't", "aren't", "weren't", "mustn't", "cannot"].flatMap(
    (w) => [w, w.replace("'", "’")],
  ),
);

/** Words ending in "-ly" that are not manner adverbs, so never part of a cue ("the rally said"). */
export const NOT_ADVERBS = new Set(["family", "rally", "ally", "only", "supply", "reply", "apply", "italy", "early", "july", "belly", "assembly", "monthly", "weekly", "daily", "likely", "unlikely", "elderly"]);

/** Auxiliaries and adverbs that PolNeAR (and a reader) counts as part of the cue: "has also said". */
export const CUE_PREMODIFIERS = new Set([
  ...NEGATED_AUXILIARIES,
  "not",
  "never",
  "yet",
  "since",
  "now",
  "just",
  "ever",
  "has",
  "have",
  "had",
  "will",
  "would",
  "could",
  "can",
  "may",
  "might",
  "should",
  "must",
  "did",
  "does",
  "do",
  "also",
  "later",
  "previously",
  "again",
  "repeatedly",
  "publicly",
  "recently",
  "often",
  "once",
  "then",
  "first",
  "frequently",
  "reportedly",
  "privately",
  "already",
  "even",
  "simply",
  "flatly",
  "openly",
  "still",
  "further",
  "explicitly",
  "quickly",
  "clearly",
  "falsely",
  "correctly",
  "wrongly",
  "baselessly",
  "separately",
]);

/** Words that make a following "show", "plan" or "report" a noun: "talk show", "amnesty plan", "news report". */
export const NOUN_COMPOUND_MODIFIERS = new Set([
  "talk", "tv", "radio", "reality", "award", "awards", "night", "game", "cooking", "comedy", "morning", "amnesty",
  "tax", "health", "budget", "peace", "disclosure", "phone",
]);

/** "seem" and "appear", which report nothing when a state or a place follows ("seemed like", "appeared before"). */
export const SEEM_VERBS = new Set(["seem", "seems", "seemed", "appear", "appears", "appeared"]);
export const SEEM_NON_CUE_NEXT = new Set(["like", "before", "on", "in", "at", "with", "more", "less", "eager", "unlikely", "likely", "poised", "set", "certain", "ready"]);

/** Verbs before "to" that PolNeAR counts in the cue they raise: "continued to call for", "seemed to confirm". */
export const RAISING_VERBS = new Set([
  "continue", "continues", "continued", "continuing", "seem", "seems", "seemed", "appear", "appears", "appeared",
  "try", "tries", "tried", "trying", "began", "begin", "begins",
]);
/** The same with "on": "went on to say", "goes on to explain". */
export const RAISING_VERBS_WITH_ON = new Set(["go", "goes", "went", "going", "gone"]);

/** Words after "on" that say where something was said ("declared on national television"), not what about. */
export const MEDIA_AFTER_ON = new Set(["national", "social", "television", "camera", "air", "radio"]);

/** Number words that "about" may bound ("about one-third", "about half"). */
export const NUMBER_WORDS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "twice", "dozen", "hundred", "thousand", "million"]);

/** Adjuncts that may follow a speech verb and belong to the cue: "said in a statement", "wrote in a post". */
export const CUE_ADJUNCTS: readonly (readonly string[])[] = [
  ["in", "a", "statement"],
  ["in", "a", "post"],
  ["in", "a", "tweet"],
  ["in", "a", "speech"],
  ["in", "a", "letter"],
  ["in", "an", "email"],
  ["in", "an", "interview"],
  ["in", "a", "phone", "interview"],
  ["in", "a", "telephone", "interview"],
  ["in", "a", "recent", "interview"],
  ["in", "the", "statement"],
  ["in", "a", "press", "release"],
  ["in", "a", "text", "message"],
];

/** Words that end a subject noun phrase when walking left from a cue (clause boundaries). */
export const SUBJECT_STOPS = new Set([
  ...NEGATED_AUXILIARIES,
  "that",
  "and",
  "but",
  "or",
  "nor",
  "because",
  "as",
  "when",
  "while",
  "if",
  "after",
  "before",
  "since",
  "although",
  "though",
  "where",
  "so",
  "yet",
  "whether",
  "than",
  "until",
  "unless",
  "once",
  "whereas",
  "then",
  "now",
  "also",
  "what",
  "how",
  "why",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "not",
  "never",
  "to",
  "by",
  "has",
  "have",
  "had",
  "will",
  "would",
  "could",
  "can",
  "should",
  "may",
  "might",
  "must",
  "did",
  "does",
  "do",
  "meanwhile",
  "however",
  "instead",
  "indeed",
  "still",
  "even",
  "just",
  "only",
  "here",
  "there",
  "thus",
  "hence",
  "too",
]);

/** Sentence adverbs that may stand between a subject and its cue and belong to neither: "Carter, however, said". */
export const SENTENCE_ADVERBS = new Set(["however", "meanwhile", "though", "instead", "too", "therefore", "nonetheless", "nevertheless", "moreover", "likewise", "in turn"]);

/** Words in "-ing" that are no participle opening a clause. */
export const NOT_GERUNDS = new Set(["nothing", "something", "anything", "everything", "during", "morning", "evening", "thing", "king", "including", "following", "according", "regarding", "spring", "string", "bring", "sing", "ring", "wing"]);

/**
 * Words that open an adjunct or a clause after a name and a comma, not an appositive describing the name:
 * "Trump, in Kentucky, said", "Clinton, for her part, has", "…, said the agency, which fell short". The source is
 * the name alone. ("of" is missing: "Jane Roe, of Springfield, said" keeps the place.)
 */
export const NON_APPOSITIVE_OPENERS = new Set(["in", "for", "by", "after", "before", "about", "on", "with", "without", "during", "at", "via", "while", "when", "like", "unlike", "despite", "as", "which", "whose", "where", "though", "although", "because", "if", "since", "until"]);

/** Irregular past tenses of common verbs that are no cues: where a sentence's subject ends ("Carson took the stage"). */
export const IRREGULAR_PASTS = new Set(["took", "went", "came", "made", "gave", "got", "held", "sent", "spent", "left", "ran", "won", "lost", "kept", "brought", "began", "became", "met", "led", "drew", "stood", "sat", "saw", "built", "paid", "sought", "fought", "struck", "hit", "cut", "set", "put", "let", "rose", "fell", "broke", "chose", "spoke", "wore", "threw", "flew", "grew", "knew", "bought", "caught", "taught", "felt", "heard", "meant"]);

/** Relative pronouns that stand for the source on their own: "a senator who said …". */
export const RELATIVE_SOURCES = new Set(["who", "which"]);

/** Temporal words that can sit between a source and its cue or follow a cue: "Trump on Monday said". */
export const TIME_WORDS = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "today",
  "yesterday",
  "tonight",
  "earlier",
  "later",
  "recently",
  "morning",
  "afternoon",
  "evening",
  "night",
  "week",
  "month",
  "year",
  "weekend",
]);

/** Auxiliaries that make the words after them a clause's predicate: "X, a lawyer, has argued", ", who was …". */
export const FINITE_AUXILIARIES: ReadonlySet<string> = new Set(["is", "are", "was", "were", "will", "would", "has", "have", "had"]);

/** Month names that are no other word ("May" is left out), for time phrases such as "in April". */
export const UNAMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(["january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"]);
