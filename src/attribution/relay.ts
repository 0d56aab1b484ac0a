import type { Relay } from "../model/claims.js";
import { OUTLETS, PLATFORMS } from "../lang/en/speakers.js";
import type { TokenView } from "./tokens.js";

/**
 * Relay chains: who passed a statement on. Read from the sentence around the attribution:
 * - "according to CNN, he wrote …" (an outlet the sentence is attributed to) → via CNN;
 * - "X told Current Time", "in an interview with Meduza" (an outlet as addressee) → via Current Time;
 * - "shared/obtained/seen/published/cited by The Washington Post" → via The Washington Post;
 * - "wrote on Telegram", "in a post on Twitter", "tweeted" → via Telegram / Twitter (platform).
 * Outer links come first: "According to CNN, he wrote on Telegram" → [CNN, Telegram].
 */
const BY_VERBS = new Set(["shared", "obtained", "seen", "published", "cited", "reported", "released", "quoted", "posted", "aired", "broadcast"]);

export function findRelays(tv: TokenView, first: number, end: number, cueHead: number | null, sourceRange: { first: number; last: number } | null): Relay[] {
  const outlets: Array<{ at: number; relay: Relay }> = [];
  const platforms: Array<{ at: number; relay: Relay }> = [];
  const push = (list: typeof outlets, at: number, relay: Relay) => {
    if (!list.some((r) => r.relay.name.toLowerCase() === relay.name.toLowerCase())) list.push({ at, relay });
  };
  for (let i = first; i < end; i++) {
    if (tv.quote[i]! >= 0) continue;
    const w = tv.word(i);
    // Outlets: "according to X", "told X", "with X", "by X".
    if ((w === "to" && tv.word(i - 1) === "according") || w === "told" || w === "tells" || w === "with" || (w === "by" && BY_VERBS.has(tv.word(i - 1))) || (w === "told" && i === cueHead)) {
      const name = nameAfter(tv, i + 1, end, OUTLETS);
      if (name && !(sourceRange && i + 1 >= sourceRange.first && i + 1 <= sourceRange.last)) push(outlets, i, { name, type: "outlet" });
      continue;
    }
    // Platforms: "on Telegram", "on his Telegram channel", "in a post on X".
    if (w === "on") {
      let k = i + 1;
      if (/^(his|her|its|their|the)$/.test(tv.word(k))) k++;
      const name = nameAfter(tv, k, end, PLATFORMS);
      if (name && (name.toLowerCase() !== "x" || tv.isCap(k))) push(platforms, i, { name: canonicalPlatform(name), type: "platform" });
    }
  }
  if (cueHead !== null && /^tweet/.test(tv.word(cueHead))) push(platforms, cueHead, { name: "Twitter", type: "platform" });
  return [...outlets, ...platforms].sort((a, b) => a.at - b.at).map((r) => r.relay);
}

/** The longest capitalised run starting at k that a gazetteer knows (with or without "the"). */
function nameAfter(tv: TokenView, k: number, end: number, known: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let s = k;
  if (tv.word(s) === "the" || tv.word(s) === "a" || tv.word(s) === "an") s++; // "according to a Reuters report"
  if (tv.word(k) !== "the") k = s;
  if (!tv.isCap(s)) return null;
  for (let e = s; e < end && e - s < 5 && (tv.isCap(e) || tv.word(e) === "&" || tv.word(e) === "of"); e++) {
    const name = tv.text.slice(tv.starts[s]!, tv.ends[e]!).replace(/[’']s$/, "");
    const withThe = tv.text.slice(tv.starts[k]!, tv.ends[e]!).replace(/[’']s$/, "");
    if (known.has(withThe.toLowerCase())) best = withThe.replace(/^the /, "The ");
    else if (known.has(name.toLowerCase())) best = name;
  }
  return best;
}

function canonicalPlatform(name: string): string {
  return name.length <= 2 ? name.toUpperCase() : name[0]!.toUpperCase() + name.slice(1);
}
