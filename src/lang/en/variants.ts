/**
 * Name and spelling variants for comparing names across documents (language data for src/link/names.ts).
 *
 * The algorithms that use these tables live in src/link; this file only says which spellings English news gives
 * the same name or word: British and American spellings, romanisations of Russian and Ukrainian names, and the
 * titles and honorifics that come before a person's name.
 */

/** British spellings, lower-case, mapped to one form (the American one) for building comparison keys. */
export const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ["defence", "defense"],
  ["offence", "offense"],
  ["licence", "license"],
  ["organisation", "organization"],
  ["organisations", "organizations"],
  ["organised", "organized"],
  ["centre", "center"],
  ["centres", "centers"],
  ["theatre", "theater"],
  ["programme", "program"],
  ["programmes", "programs"],
  ["labour", "labor"],
  ["honour", "honor"],
  ["armour", "armor"],
  ["armoured", "armored"],
  ["harbour", "harbor"],
  ["mobilisation", "mobilization"],
  ["mobilised", "mobilized"],
  ["militarised", "militarized"],
  ["authorised", "authorized"],
  ["criticised", "criticized"],
  ["recognised", "recognized"],
  ["motorised", "motorized"],
  ["catalogue", "catalog"],
  ["counsellor", "counselor"],
  ["councillor", "councilor"],
]);

/**
 * Ordered rewrites that give one key to the romanisations of a Russian or Ukrainian name, applied to one
 * lower-case, accent-free word: Zelensky/Zelenskyy/Zelenskiy, Sergei/Sergey/Sergej, Prigozhin/Prigozhyn,
 * Yevgeny/Evgeny/Evgeniy, Aleksei/Alexei/Alexey. Each rule only folds spellings of one sound, so two different
 * names keep different keys.
 */
export const TRANSLITERATION_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/['’ʼ`]/g, ""], // Ukrainian apostrophe: Mar'yana / Maryana
  [/x/g, "ks"], // Alexei / Aleksei
  [/kh/g, "h"], // Khodorkovsky / Hodorkovsky
  [/^ye/, "e"], // Yevgeny / Evgeny
  [/(?:yy|iy|ii|yi|ij)$/, "y"], // Zelenskyy / Zelenskiy / Zelenskii / Zelensky
  [/(?:ey|ej)$/, "ei"], // Sergey / Sergej / Sergei
  [/ay$/, "ai"], // Nikolay / Nikolai
  [/(?:iya|ija)$/, "ia"], // Mariya / Marija / Maria
  [/([^aeiouy])y(?=[^aeiouy])/g, "$1i"], // Prigozhyn / Prigozhin
  [/(.)\1+/g, "$1"], // Gennady / Genady
];

/**
 * First names that are one name in two languages (Ukrainian and Russian forms), by transliteration key.
 * Used only for first names: "Volodymyr Zelensky" and "Vladimir Zelensky" are one person.
 */
export const FIRST_NAME_EQUIVALENTS: ReadonlyMap<string, string> = new Map([
  ["volodimir", "vladimir"],
  ["oleksandr", "aleksandr"],
  ["oleksander", "aleksandr"],
  ["aleksander", "aleksandr"],
  ["mikola", "nikolai"],
  ["dmitro", "dmitry"],
  ["andry", "andrei"],
  ["serhy", "sergei"],
  ["oleksy", "aleksei"],
  ["yury", "yuri"],
]);

/** Titles, ranks and honorifics that may precede a name, lower-case and without their final dot. */
export const PERSON_TITLES = new Set([
  "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend", "father",
  "president", "vice", "prime", "minister", "secretary", "chancellor", "governor", "gov", "mayor", "senator", "sen",
  "rep", "representative", "congressman", "congresswoman", "judge", "justice", "ambassador", "commissioner",
  "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt", "sergeant", "sgt",
  "corporal", "cpl", "private", "pvt", "admiral", "adm", "commander", "cmdr", "marshal", "field", "brigadier",
  "brig", "deputy", "foreign", "defence", "defense", "chief", "spokesman", "spokeswoman", "spokesperson",
  "patriarch", "metropolitan", "archbishop", "bishop", "pope", "king", "queen", "prince", "princess", "sheikh",
]);

/** Name suffixes that are not part of the surname. */
export const NAME_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "phd", "md"]);

/** Patronymics ("Vladimirovich", "Ivanovna") end so; only a middle word is ever taken for one. */
export const PATRONYMIC = /(?:ovich|evich|ovna|evna|ichna)$/;

/** Words that refer to an entity without naming it; never kept as aliases. */
export const PRONOUNS = new Set([
  "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "we", "us", "our",
  "i", "me", "my", "you", "your", "who", "whom", "which", "that", "this", "these", "those", "himself", "herself",
  "itself", "themselves",
]);

/** Lower-case particles that may stand inside a person's name ("Charles de Gaulle", "Mohammed bin Salman"). */
export const NAME_PARTICLES = new Set(["de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "la", "le"]);

/** Words that never begin a person's name: a capitalised "And Kyiv" or "In Moscow" is a sentence start. */
export const NOT_NAME_STARTS = new Set([
  "and", "or", "but", "in", "on", "at", "of", "for", "from", "to", "by", "with", "the", "a", "an", "as", "if", "so",
  "when", "while", "after", "before", "since", "this", "that", "these", "those", "his", "her", "their", "our", "its",
]);

/**
 * The last word of a name that marks it as something other than a person, for names a per-document stage typed
 * "person": "Dnipro River" is a place, "Kyiv Daily Wire" an outlet, "Russian MoD" a body; "New Year" nothing.
 */
export const NAME_HEAD_TYPES: ReadonlyMap<string, "organization" | "outlet" | "place" | "none"> = new Map([
  ...[
    "ministry", "mod", "department", "administration", "directorate", "council", "agency", "institute", "service",
    "office", "committee", "commission", "army", "forces", "military", "police", "government", "court",
    "parliament", "party", "union", "company", "corporation", "bank", "university", "association", "foundation",
    "network", "regiment", "brigade", "battalion", "division", "group", "organization", "organisation", "fund",
    "authority", "guard", "navy", "command", "headquarters", "kremlin",
  ].map((w) => [w, "organization"] as const),
  ...[
    "review", "wire", "monitor", "post", "report", "news", "times", "daily", "gazette", "courier", "dispatch",
    "ledger", "tv", "radio", "press", "journal", "herald", "tribune", "telegraph", "weekly", "channel",
  ].map((w) => [w, "outlet"] as const),
  ...[
    "river", "sea", "region", "oblast", "district", "city", "town", "village", "lake", "mountains", "island", "bay",
    "valley", "province", "square", "street", "bridge", "station", "airport", "port",
  ].map((w) => [w, "place"] as const),
  ...["year", "day", "eve", "footage", "video", "war"].map((w) => [w, "none"] as const),
]);
