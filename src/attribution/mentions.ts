import {
  ANONYMOUS_DETERMINERS,
  ANONYMOUS_HEADS,
  COUNTRIES,
  DOCUMENT_NOUNS,
  FEMALE_NAMES,
  FEMALE_TITLES,
  MALE_NAMES,
  MALE_TITLES,
  ORGANIZATION_NOUNS,
  ORGANIZATION_WORDS,
  OUTLET_NOUNS,
  OUTLETS,
  PLACES,
  PLATFORMS,
  PRONOUNS,
  ROLE_NOUNS,
  TITLES,
  type Gender,
} from "../lang/en/speakers.js";

/**
 * What a speaker mention is, from its words alone: a named person (with title and role), a named organisation,
 * a country, an outlet, a pronoun, a nominal ("the ministry"), or an anonymous/collective speaker ("one source",
 * "Western officials"). Resolution against the document's entities happens in resolve.ts.
 */
export type MentionClass =
  | { kind: "pronoun"; gender: Gender }
  | { kind: "relative" }
  | { kind: "nominal"; head: string; target: "organization" | "outlet" | "document" | "person" | "group" }
  | { kind: "anonymous"; type: "anonymous" | "group"; name: string }
  | { kind: "named"; type: "person" | "organization" | "country" | "outlet" | "platform" | "place"; name: string; role: string | null; gender: Gender };

const LEADING = /^(?:the|a|an)\s+/i;

export function classifyMention(mention: string): MentionClass {
  const text = mention.replace(/\s+/g, " ").replace(/^[\s,;:]+|[\s,;:]+$/g, "");
  const lower = text.toLowerCase();
  const g = PRONOUNS.get(lower);
  if (g) return { kind: "pronoun", gender: g };
  if (lower === "who" || lower === "which" || lower === "that") return { kind: "relative" };
  const group = coordinatedGroup(text);
  if (group) return group;
  // "A study by the Harlow Institute": the study speaks for its author.
  const by = lower.indexOf(" by ");
  if (by > 0 && DOCUMENT_NOUNS.has(lower.slice(0, by).split(" ").pop()!)) return classifyMention(text.slice(by + 4));

  // Split off an appositive: "Pavel Chikov, founder of the Agora legal-aid NGO" / "Carter’s press secretary, Peter Cook".
  const parts = text.split(/\s*,\s*/).filter(Boolean);
  let core = parts[0] ?? text;
  const extraRoles: string[] = [];
  if (parts.length > 1) {
    const first = parts[0]!;
    const second = parts[1]!;
    // If the first part is a description and the second a name, swap.
    if (!hasName(first) && hasName(second)) {
      core = second;
      extraRoles.push(stripArticle(first));
    } else {
      extraRoles.push(...parts.slice(1).filter((p) => !/^\d+$/.test(p)).map(stripArticle));
    }
  }
  const coreLower = core.toLowerCase().replace(LEADING, "");
  const bare = coreLower.replace(/[’']s$/, "");
  if (OUTLETS.has(coreLower) || OUTLETS.has(core.toLowerCase())) return named("outlet", stripArticle(core), extraRoles);
  if (PLATFORMS.has(coreLower)) return named("platform", core, extraRoles);
  if (COUNTRIES.has(bare)) return named("country", stripArticle(core), extraRoles);
  if (PLACES.has(bare)) return named("place", core, extraRoles);

  const words = core.split(" ");
  const lowerWords = words.map((w) => w.toLowerCase().replace(/\.$/, ""));
  const head = lowerWords[lowerWords.length - 1] ?? "";
  const det = lowerWords[0] ?? "";

  if (!hasName(core)) {
    // Anonymous and collective speakers are kept as such.
    if (ANONYMOUS_HEADS.has(head) && (ANONYMOUS_DETERMINERS.has(det) || words.length === 1 || !LEADING.test(core) && det !== "the" || det === "the" && head.endsWith("s") && words.length > 2)) {
      const plural = head.endsWith("s") && !ANONYMOUS_DETERMINERS.has(det) || ["some", "several", "many", "two", "three", "four", "five", "most", "few", "multiple", "numerous", "various"].includes(det);
      return { kind: "anonymous", type: plural ? "group" : "anonymous", name: stripArticle(core) };
    }
    if (OUTLET_NOUNS.has(head) && (lowerWords.includes("news") || head !== "agency")) return { kind: "nominal", head, target: "outlet" };
    if (ORGANIZATION_NOUNS.has(head)) return { kind: "nominal", head, target: "organization" };
    if (DOCUMENT_NOUNS.has(head)) return { kind: "nominal", head, target: "document" };
    if (ROLE_NOUNS.has(head)) return { kind: "nominal", head, target: "person" };
    return { kind: "anonymous", type: head.endsWith("s") ? "group" : "anonymous", name: stripArticle(core) };
  }

  // "Analysts said", "Lawmakers from the Samara region said": a plural collective noun capitalised only because it
  // opens the sentence (or names a place after it) is still a collective, not a person.
  if (ANONYMOUS_HEADS.has(lowerWords[0]!) && lowerWords[0]!.endsWith("s") && (words.length === 1 || !isCapitalised(words[1]!))) {
    return { kind: "anonymous", type: "group", name: core };
  }
  // "Ukraine’s military", "Russia's army": a country's own body is an organisation, named with its country (the
  // cross-article linker folds "military" and "armed forces" together).
  const owner = lowerWords[0]!.replace(/[’']s$/, "");
  if (words.length === 2 && owner !== lowerWords[0] && COUNTRIES.has(owner) && ORGANIZATION_NOUNS.has(head)) {
    return named("organization", stripArticle(core), extraRoles);
  }
  // "Okno, an independent Russian news site": an appositive naming an outlet types the name as one.
  if (extraRoles.some((r) => OUTLET_NOUNS.has(r.toLowerCase().split(" ").pop() ?? ""))) return named("outlet", stripArticle(core), extraRoles);

  // Named: split leading titles and role words off the name ("Lawyer Pavel Chikov", "Lt. Gen. Sergey Sevryukov").
  if (lowerWords.some((w) => ORGANIZATION_WORDS.has(w)) && !isTitledPerson(words)) {
    return named("organization", stripArticle(core), extraRoles);
  }
  let k = 0;
  const roleWords: string[] = [];
  let gender: Gender = "any";
  while (k < words.length - 1 && (TITLES.has(lowerWords[k]!) || !isCapitalised(words[k]!) || lowerWords[k]!.endsWith("’s") || lowerWords[k]!.endsWith("'s"))) {
    if (FEMALE_TITLES.has(lowerWords[k]!)) gender = "female";
    if (MALE_TITLES.has(lowerWords[k]!)) gender = "male";
    roleWords.push(words[k]!);
    k++;
  }
  const name = words.slice(k).join(" ");
  const firstName = name.split(" ")[0]!.toLowerCase();
  if (FEMALE_NAMES.has(firstName)) gender = "female";
  else if (MALE_NAMES.has(firstName)) gender = "male";
  const titleRole = roleWords.filter((w) => !/^(mr|mrs|ms|dr|miss)\.?$/i.test(w) && !LEADING.test(w + " ")).join(" ");
  const role = [titleRole.replace(LEADING, ""), ...extraRoles].filter(Boolean).map(normaliseRole).join(", ") || null;
  if (!isCapitalised(name)) return { kind: "anonymous", type: "anonymous", name: stripArticle(core) };
  return { kind: "named", type: "person", name, role, gender };
}

const PERSON_KINDS = new Set(["pronoun", "anonymous"]);

/** "Mr. Grassley and Mr. Leahy", "She and her aides": two people joined are one group (not "Health and Human Services"). */
function coordinatedGroup(text: string): MentionClass | null {
  if (text.includes(",")) return null;
  const at = text.indexOf(" and ");
  if (at <= 0) return null;
  const left = classifyMention(text.slice(0, at));
  const right = classifyMention(text.slice(at + 5));
  const person = (c: MentionClass) => (c.kind === "named" && c.type === "person") || PERSON_KINDS.has(c.kind) || (c.kind === "nominal" && c.target === "person");
  if (!person(left) || !person(right)) return null;
  return { kind: "anonymous", type: "group", name: stripArticle(text) };
}

function named(type: "person" | "organization" | "country" | "outlet" | "platform" | "place", name: string, roles: string[]): MentionClass {
  return { kind: "named", type, name, role: roles.length ? roles.join(", ") : null, gender: type === "person" ? "any" : "neuter" };
}

function isTitledPerson(words: string[]): boolean {
  // "Defence Minister Sergei Shoigu": a title followed by two capitalised words that are neither titles nor
  // organisation words ("Ministry of Defence" is no person).
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ""));
  const last2 = words.slice(-2);
  return (
    words.length >= 3 &&
    last2.every((w) => isCapitalised(w) && !ORGANIZATION_WORDS.has(w.toLowerCase()) && !TITLES.has(w.toLowerCase())) &&
    lower.some((w) => TITLES.has(w) || ROLE_NOUNS.has(w))
  );
}

function hasName(s: string): boolean {
  const words = s.split(/\s+/);
  return words.some((w, i) => isCapitalised(w) && !/^[\d.,%]+$/.test(w) && w !== "I" && !(i === 0 && /^(the|a|an|one|some|two|three|four|five|six|seven|eight|nine|ten|only|nearly|about|more|many|most|almost|roughly|at|early|all|everyone)$/i.test(w)) && !TITLES.has(w.toLowerCase().replace(/\.$/, "")) && !/^(western|eastern|russian|ukrainian|american|british|european)$/i.test(w));
}

function isCapitalised(w: string): boolean {
  return /^[\p{Lu}\d]/u.test(w);
}

function stripArticle(s: string): string {
  return s.replace(LEADING, "");
}

/** "Lawyer" → "lawyer" (a role word capitalised only because it opened the phrase); "Lt. Gen." stays. */
function normaliseRole(r: string): string {
  const first = r.split(" ")[0]!;
  return ROLE_NOUNS.has(first.toLowerCase()) && /^[A-Z][a-z]+$/.test(first) ? first.toLowerCase() + r.slice(first.length) : r;
}
