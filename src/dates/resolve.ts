/**
 * Date expressions in news text, resolved against the publication date, keeping the anchor so a reader can see how a
 * date was derived ("on Wednesday" → the Wednesday on or before 2023-01-04, the publication date).
 *
 * Why our own rules rather than chrono-node alone: chrono resolves weekdays well but has no holidays ("New Year's
 * Eve"), no seasons ("last spring"), puts a bare "Feb. 24" in the future even with `forwardDate: false`, and reads
 * "from 20" in "from 20 to 40 percent" as 8 p.m. News needs exactly these cases, plus tense: "since Feb. 24" and
 * "said on Sept. 21" are in the past, "will be available on October 1" in the future. The expressions are few and
 * regular, so a small set of patterns over each sentence is faster and easier to trust than patching chrono's output.
 */
import type { Token } from "../model/document.js";
import type { Span } from "../model/span.js";

export type DateGrain = "day" | "week" | "month" | "season" | "year";

export interface DateAnchor {
  /** `absolute`: the text names the date in full; `publication`: derived from the publication date; `unresolved`. */
  kind: "absolute" | "publication";
  /** The date it was derived from (the publication date), or null for an absolute date. */
  base: string | null;
  /** How: "weekday on or before publication", "most recent past Feb 24", "season before publication" … */
  rule: string;
}

export interface DateMention extends Span {
  /** First day the expression names, as an ISO date (YYYY-MM-DD). */
  value: string;
  /** Last day, for anything longer than a day ("April 1 until July 15", "last spring", "in September"). */
  until: string | null;
  grain: DateGrain;
  anchor: DateAnchor;
}

const MONTH_NAMES: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7,
  jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const M = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const D = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const Y = String.raw`(\d{4})`;
const WD = String.raw`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;

interface Context {
  pub: Date | null;
  pubIso: string | null;
  tense: "past" | "future" | "neutral";
}

/** Day arithmetic in UTC on ISO dates. */
function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}
function iso(d: Date): string {
  // what toISOString().slice(0, 10) gives for years 0–9999, without building the full timestamp
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, "0") : y}-${m < 10 ? "0" : ""}${m}-${day < 10 ? "0" : ""}${day}`;
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}
function valid(y: number, m: number, d: number): boolean {
  const x = utc(y, m, d);
  return x.getUTCFullYear() === y && x.getUTCMonth() === m - 1 && x.getUTCDate() === d;
}
function lastDayOfMonth(y: number, m: number): Date {
  return utc(y, m + 1, 0);
}

/** Past, future or neither, from the words of the sentence around a date. */
export function tenseOf(sentence: string): Context["tense"] {
  if (/\b(will|'ll|shall|upcoming|scheduled|due to|expected to|set to|plans? to|next)\b/i.test(sentence)) return "future";
  if (/\b(was|were|had|did|said|told|began|since|ago|last|earlier|\w{3,}ed)\b/i.test(sentence)) return "past";
  return "neutral";
}

/**
 * The year for a month and day written without one: the most recent occurrence in a past-tense sentence, the next
 * one in a future-tense sentence, else the nearest to the publication date.
 */
function pickYear(ctx: Context, m: number, d: number, lead = ""): { date: Date; rule: string } | null {
  if (!ctx.pub) return null;
  const y = ctx.pub.getUTCFullYear();
  const candidates = [y - 1, y, y + 1].filter((yy) => valid(yy, m, d)).map((yy) => utc(yy, m, d));
  if (!candidates.length) return null;
  const pub = ctx.pub.getTime();
  const tense = lead === "since" ? "past" : ctx.tense;
  if (tense === "past") {
    const past = candidates.filter((c) => c.getTime() <= pub).pop();
    if (past) return { date: past, rule: "most recent on or before publication (past tense)" };
  }
  if (tense === "future") {
    const future = candidates.find((c) => c.getTime() >= pub);
    if (future) return { date: future, rule: "next on or after publication (future tense)" };
  }
  const nearest = [...candidates].sort((a, b) => Math.abs(a.getTime() - pub) - Math.abs(b.getTime() - pub))[0]!;
  return { date: nearest, rule: "nearest to publication" };
}

function holidayDate(name: string, year: number): Date | null {
  const n = name.toLowerCase().replace(/[’']/g, "'");
  if (/new year's eve/.test(n)) return utc(year, 12, 31);
  if (/new year/.test(n)) return utc(year, 1, 1);
  if (/orthodox christmas/.test(n)) return utc(year, 1, 7);
  if (/christmas eve/.test(n)) return utc(year, 12, 24);
  if (/christmas/.test(n)) return utc(year, 12, 25);
  if (/boxing day/.test(n)) return utc(year, 12, 26);
  if (/halloween/.test(n)) return utc(year, 10, 31);
  if (/valentine/.test(n)) return utc(year, 2, 14);
  if (/independence day/.test(n)) return utc(year, 7, 4);
  if (/victory day/.test(n)) return utc(year, 5, 9);
  if (/thanksgiving/.test(n)) {
    const first = utc(year, 11, 1).getUTCDay();
    return utc(year, 11, 1 + ((4 - first + 7) % 7) + 21);
  }
  if (/easter/.test(n)) {
    // Anonymous Gregorian algorithm
    const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
    const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    return utc(year, month, ((h + l - 7 * m + 114) % 31) + 1);
  }
  return null;
}

const SEASONS: Record<string, [number, number, number, number]> = {
  spring: [3, 1, 5, 31],
  summer: [6, 1, 8, 31],
  autumn: [9, 1, 11, 30],
  fall: [9, 1, 11, 30],
  winter: [12, 1, 2, 28],
};

function seasonSpan(season: string, year: number): [Date, Date] {
  const [m1, d1, m2] = SEASONS[season]!;
  const start = utc(year, m1, d1);
  const end = season === "winter" ? lastDayOfMonth(year + 1, 2) : lastDayOfMonth(year, m2);
  return [start, end];
}

function day(date: Date, anchor: DateAnchor): Omit<DateMention, "start" | "end"> {
  return { value: iso(date), until: null, grain: "day", anchor };
}

function fromPub(ctx: Context, rule: string): DateAnchor {
  return { kind: "publication", base: ctx.pubIso, rule };
}

const ABSOLUTE: DateAnchor = { kind: "absolute", base: null, rule: "written in full" };

/** Patterns, tried in order; a later match that overlaps an earlier one is dropped. */
function patterns(): Array<[RegExp, (m: RegExpExecArray, ctx: Context) => Omit<DateMention, "start" | "end"> | null]> {
  return [
    // ISO dates: 2023-01-04
    [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => (valid(+m[1]!, +m[2]!, +m[3]!) ? day(utc(+m[1]!, +m[2]!, +m[3]!), ABSOLUTE) : null)],
    // Ranges: "April 1 until July 15", "from Jan. 3 to Jan. 5, 2023", "Oct. 18-22"
    [
      new RegExp(String.raw`\b(?:(from|between)\s+)?${M}\s+${D}(?:,?\s+${Y})?\s*(?:until|till|through|to|and|-|–)\s*(?:${M}\s+)?${D}(?:,?\s+${Y})?\b`, "g"),
      (m, ctx) => {
        const m1 = MONTH_NAMES[m[2]!.toLowerCase()]!;
        const d1 = +m[3]!;
        const m2 = m[5] ? MONTH_NAMES[m[5].toLowerCase()]! : m1;
        const d2 = +m[6]!;
        const y2 = m[7] ? +m[7] : m[4] ? +m[4] : null;
        const y1 = m[4] ? +m[4] : y2;
        let start: Date, end: Date, anchor: DateAnchor;
        if (y1 !== null && y2 !== null) {
          if (!valid(y1, m1, d1) || !valid(y2, m2, d2)) return null;
          start = utc(y1, m1, d1);
          end = utc(y2, m2, d2);
          anchor = ABSOLUTE;
        } else {
          const p = pickYear(ctx, m1, d1, m[1]?.toLowerCase());
          if (!p) return null;
          start = p.date;
          const yy = m2 < m1 ? start.getUTCFullYear() + 1 : start.getUTCFullYear();
          if (!valid(yy, m2, d2)) return null;
          end = utc(yy, m2, d2);
          anchor = fromPub(ctx, `range start ${p.rule}`);
        }
        if (end < start) return null;
        return { value: iso(start), until: iso(end), grain: "day", anchor };
      },
    ],
    // "Jan. 4, 2023", "Feb. 24", "September 8"
    [
      new RegExp(String.raw`\b(?:(since|from|until|by|on)\s+)?${M}\s+${D}(?:,?\s+${Y})?(?![\d:])`, "g"),
      (m, ctx) => {
        const mo = MONTH_NAMES[m[2]!.toLowerCase()]!;
        const d = +m[3]!;
        if (m[4]) return valid(+m[4], mo, d) ? day(utc(+m[4], mo, d), ABSOLUTE) : null;
        const p = pickYear(ctx, mo, d, m[1]?.toLowerCase());
        return p ? day(p.date, fromPub(ctx, p.rule)) : null;
      },
    ],
    // "24 February 2022", "1 September"
    [
      new RegExp(String.raw`\b(?:(since|from|until|by|on)\s+)?${D}\s+${M}(?:,?\s+${Y})?\b`, "g"),
      (m, ctx) => {
        const d = +m[2]!;
        const mo = MONTH_NAMES[m[3]!.toLowerCase()]!;
        if (m[4]) return valid(+m[4], mo, d) ? day(utc(+m[4], mo, d), ABSOLUTE) : null;
        const p = pickYear(ctx, mo, d, m[1]?.toLowerCase());
        return p ? day(p.date, fromPub(ctx, p.rule)) : null;
      },
    ],
    // "October 2022", "in late October", "since April", "last month"-style month names
    [
      new RegExp(String.raw`\b(?:(in|since|until|by|from|during|early|late|mid|last|this|next)[\s-]+)?(?:(early|late|mid)[\s-]+)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?:of\s+)?${Y})?\b(?!\s+\d)`, "g"),
      (m, ctx) => {
        const lead = m[1]?.toLowerCase();
        const mo = MONTH_NAMES[m[3]!.toLowerCase()]!;
        if (!m[4] && !lead && !m[2]) return null; // a bare "May" or "March" is too often a verb or a name
        let y: number;
        let anchor: DateAnchor;
        if (m[4]) {
          y = +m[4];
          anchor = ABSOLUTE;
        } else {
          const p = pickYear({ pub: ctx.pub, pubIso: ctx.pubIso, tense: lead === "next" ? "future" : lead === "last" || lead === "since" ? "past" : ctx.tense }, mo, 1, lead);
          if (!p) return null;
          y = p.date.getUTCFullYear();
          // a month in progress at publication counts as past
          if (ctx.pub && ctx.tense !== "future" && lead !== "next" && y === ctx.pub.getUTCFullYear() + 1) y -= 1;
          if (ctx.pub && lead === "last" && y === ctx.pub.getUTCFullYear() && mo >= ctx.pub.getUTCMonth() + 1) y -= 1;
          anchor = fromPub(ctx, `month ${p.rule}`);
        }
        return { value: iso(utc(y, mo, 1)), until: iso(lastDayOfMonth(y, mo)), grain: "month", anchor };
      },
    ],
    // Holidays: "New Year's Eve", "Christmas", "Orthodox Christmas", "Thanksgiving"
    [
      /\b(New Year[’']s Eve|New Year[’']s Day|New Year[’']s|Orthodox Christmas|Christmas Eve|Christmas Day|Christmas|Boxing Day|Halloween|Valentine[’']s Day|Independence Day|Victory Day|Thanksgiving|Easter)(?:\s+(\d{4}))?\b/g,
      (m, ctx) => {
        if (m[2]) {
          const d = holidayDate(m[1]!, +m[2]);
          return d ? day(d, ABSOLUTE) : null;
        }
        if (!ctx.pub) return null;
        const y = ctx.pub.getUTCFullYear();
        const cands = [y - 1, y, y + 1].map((yy) => holidayDate(m[1]!, yy)!).filter(Boolean);
        const pub = ctx.pub.getTime();
        let pick: Date | undefined;
        let rule: string;
        if (ctx.tense === "future") {
          pick = cands.find((c) => c.getTime() >= pub);
          rule = "next on or after publication (future tense)";
        } else {
          pick = cands.filter((c) => c.getTime() <= pub).pop();
          rule = "most recent on or before publication";
        }
        return pick ? day(pick, fromPub(ctx, `${m[1]} ${rule}`)) : null;
      },
    ],
    // Seasons: "last spring", "this summer", "in the autumn of 2022", "winter 2023"
    [
      /\b(?:(last|this|next|early|late|in the|the|during the|since|over the)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?\b/gi,
      (m, ctx) => {
        const lead = m[1]?.toLowerCase();
        const season = m[2]!.toLowerCase();
        if (season === "fall" && !lead && !m[3]) return null; // "fall" is usually a verb
        if (!lead && !m[3]) return null;
        if (m[3]) {
          const [s, e] = seasonSpan(season, +m[3]);
          return { value: iso(s), until: iso(e), grain: "season", anchor: ABSOLUTE };
        }
        if (!ctx.pub) return null;
        const y = ctx.pub.getUTCFullYear();
        const spans = [y - 2, y - 1, y, y + 1].map((yy) => seasonSpan(season, yy));
        const pub = ctx.pub.getTime();
        let pick: [Date, Date] | undefined;
        let rule: string;
        if (lead === "last" || (ctx.tense === "past" && lead !== "this" && lead !== "next")) {
          pick = spans.filter(([, e]) => e.getTime() < pub).pop();
          rule = `most recent ${season} ended before publication`;
        } else if (lead === "next" || ctx.tense === "future") {
          pick = spans.find(([s]) => s.getTime() > pub);
          rule = `first ${season} after publication`;
        } else {
          pick = spans.find(([s, e]) => s.getTime() <= pub && pub <= e.getTime()) ?? spans.find(([s]) => s.getUTCFullYear() === y);
          rule = `${season} of the publication year`;
        }
        return pick ? { value: iso(pick[0]), until: iso(pick[1]), grain: "season", anchor: fromPub(ctx, rule) } : null;
      },
    ],
    // Weekdays: "on Wednesday", "last Sunday", "next Friday", "Monday night"
    [
      new RegExp(String.raw`\b(?:(on|last|this|next|since|by|until|from|early|late)\s+)?${WD}\b`, "g"),
      (m, ctx) => {
        if (!ctx.pub) return null;
        const lead = m[1]?.toLowerCase();
        const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
        const pubDay = ctx.pub.getUTCDay();
        const back = (pubDay - target + 7) % 7;
        const fwd = (target - pubDay + 7) % 7;
        let d: Date;
        let rule: string;
        if (lead === "next" || (ctx.tense === "future" && lead !== "last" && lead !== "since")) {
          d = addDays(ctx.pub, lead === "next" && fwd === 0 ? 7 : fwd);
          rule = `${m[2]} on or after publication`;
        } else if (lead === "last") {
          d = addDays(ctx.pub, back === 0 ? -7 : -back);
          rule = `${m[2]} before publication`;
        } else {
          d = addDays(ctx.pub, -back);
          rule = `${m[2]} on or before publication`;
        }
        return day(d, fromPub(ctx, rule));
      },
    ],
    // Relative days, weeks, months, years
    [
      /\b(today|yesterday|tomorrow|tonight|overnight|this morning|this afternoon|this evening|last night|the day before|(last|this|next) (week|month|year)|earlier this (week|month|year)|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a) (days?|weeks?|months?|years?) ago)\b/gi,
      (m, ctx) => {
        if (!ctx.pub) return null;
        const t = m[1]!.toLowerCase();
        const pub = ctx.pub;
        const rel = (rule: string) => fromPub(ctx, rule);
        if (t === "today" || t === "tonight" || t === "overnight" || t.startsWith("this ") && /morning|afternoon|evening/.test(t)) return day(pub, rel(t));
        if (t === "yesterday" || t === "last night" || t === "the day before") return day(addDays(pub, -1), rel(t));
        if (t === "tomorrow") return day(addDays(pub, 1), rel(t));
        const unitMatch = /(week|month|year)/.exec(t);
        const ago = /^(\S+) (days?|weeks?|months?|years?) ago$/.exec(t);
        if (ago) {
          const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
          const n = words[ago[1]!] ?? +ago[1]!;
          const u = ago[2]!.replace(/s$/, "");
          if (u === "day") return day(addDays(pub, -n), rel(t));
          if (u === "week") return { value: iso(addDays(pub, -7 * n)), until: null, grain: "week", anchor: rel(t) };
          if (u === "month") {
            const d = utc(pub.getUTCFullYear(), pub.getUTCMonth() + 1 - n, 1);
            return { value: iso(d), until: iso(lastDayOfMonth(d.getUTCFullYear(), d.getUTCMonth() + 1)), grain: "month", anchor: rel(t) };
          }
          const yy = pub.getUTCFullYear() - n;
          return { value: `${yy}-01-01`, until: `${yy}-12-31`, grain: "year", anchor: rel(t) };
        }
        if (!unitMatch) return null;
        const u = unitMatch[1]!;
        const shift = t.startsWith("last") ? -1 : t.startsWith("next") ? 1 : 0;
        if (u === "week") {
          const monday = addDays(pub, -((pub.getUTCDay() + 6) % 7) + 7 * shift);
          return { value: iso(monday), until: iso(addDays(monday, 6)), grain: "week", anchor: rel(t) };
        }
        if (u === "month") {
          const d = utc(pub.getUTCFullYear(), pub.getUTCMonth() + 1 + shift, 1);
          return { value: iso(d), until: iso(lastDayOfMonth(d.getUTCFullYear(), d.getUTCMonth() + 1)), grain: "month", anchor: rel(t) };
        }
        const yy = pub.getUTCFullYear() + shift;
        return { value: `${yy}-01-01`, until: `${yy}-12-31`, grain: "year", anchor: rel(t) };
      },
    ],
    // Years after a preposition: "in 2016", "since 2014", "by 2030"
    [
      /\b(?:in|since|by|until|from|during|of|early|late|mid)[\s-]+((?:19|20)\d\d)\b(?![\d,.]*\s*(?:%|percent|per cent))/gi,
      (m) => ({ value: `${m[1]}-01-01`, until: `${m[1]}-12-31`, grain: "year", anchor: ABSOLUTE }),
    ],
  ];
}

/**
 * Families of date words, found in one scan of the text: a pattern runs over a sentence only when the sentence
 * holds a word of its family (most sentences hold none, and a single scan is much cheaper than one per pattern).
 */
const ISO = 1, YEAR = 2, MONTH = 4, WEEKDAY = 8, HOLIDAY = 16, SEASON = 32, RELATIVE = 64;
const TRIGGER =
  /(\d{4}-\d\d-\d\d)|\b((?:19|20)\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])|\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|(New Year|Christmas|Boxing Day|Halloween|Valentine|Independence Day|Victory Day|Thanksgiving|Easter)|\b([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b|\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Oo]vernight|(?:[Tt]his|[Ll]ast|[Nn]ext) (?:week|month|year|morning|afternoon|evening|night)|ago|day before)\b/g;
const FAMILY_OF_GROUP = [0, ISO, YEAR, MONTH, WEEKDAY, HOLIDAY, SEASON, RELATIVE];
/** The family each pattern needs, in the order of `patterns()`. */
const NEEDS = [ISO, MONTH, MONTH, MONTH, MONTH, HOLIDAY, SEASON, WEEKDAY, RELATIVE, YEAR];

type Maker = (m: RegExpExecArray, ctx: Context) => Omit<DateMention, "start" | "end"> | null;
/** Each pattern with the family it needs and a sticky copy for matching at a given offset. */
const PATTERNS = patterns().map(([re, make], i) => [re, make, NEEDS[i]!, new RegExp(re.source, re.flags.replace("g", "") + "y")] as const);

interface Trigger {
  at: number;
  family: number;
  /** The shared token the trigger word is (when found on tokens): a match can only start up to three tokens earlier. */
  token?: number;
}

function triggers(text: string, span: Span): Trigger[] {
  const out: Trigger[] = [];
  const slice = span.start === 0 && span.end === text.length ? text : text.slice(span.start, span.end);
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(slice); m; m = TRIGGER.exec(slice)) {
    let g = 1;
    while (m[g] === undefined) g++;
    out.push({ at: span.start + m.index, family: FAMILY_OF_GROUP[g]! });
  }
  return out;
}

/** Dates mentioned in `span` of `text` (one sentence), resolved against `publishedAt` (YYYY-MM-DD or null). */
export function findDates(text: string, span: Span, publishedAt: string | null): DateMention[] {
  let families = 0;
  for (const t of triggers(text, span)) families |= t.family;
  return findWith(text, span, parsePub(publishedAt), publishedAt, families);
}

/** Date words by first character and length, for a walk over the shared tokens that builds no strings. */
const WORD_FAMILIES: Array<Array<[string, number]> | undefined> = new Array<undefined>(128 * 32).fill(undefined); // dense, not a dictionary
/** Date words are ASCII and shorter than 32 characters; the key of any other word is out of the table. */
const wordKey = (first: number, length: number) => (first < 128 && length < 32 ? first * 32 + length : -1);
function addWord(w: string, family: number): void {
  (WORD_FAMILIES[wordKey(w.charCodeAt(0), w.length)] ??= []).push([w, family]);
}
for (const m of ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]) addWord(m, MONTH);
for (const d of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) addWord(d, WEEKDAY);
for (const h of ["Year", "Christmas", "Boxing", "Halloween", "Valentine", "Independence", "Victory", "Thanksgiving", "Easter"]) addWord(h, HOLIDAY);
for (const x of ["spring", "summer", "autumn", "fall", "winter"]) {
  addWord(x, SEASON);
  addWord(x[0]!.toUpperCase() + x.slice(1), SEASON);
}
for (const x of ["today", "yesterday", "tomorrow", "tonight", "overnight", "ago", "before"]) {
  addWord(x, RELATIVE);
  addWord(x[0]!.toUpperCase() + x.slice(1), RELATIVE);
}
/** "week", "month" … count only after "this", "last" or "next". */
const AFTER_DEICTIC = ["week", "month", "year", "morning", "afternoon", "evening", "night"];
const DEICTIC = ["this", "last", "next", "This", "Last", "Next"];
const AFTER_DEICTIC_KEYS = new Uint8Array(128 * 32);
for (const w of AFTER_DEICTIC) AFTER_DEICTIC_KEYS[wordKey(w.charCodeAt(0), w.length)] = 1;
/**
 * For each key (first letter, length), the last letters of the date words and of the words after "this"/"last"/"next"
 * that have it, as bits: one read rejects almost every other word ("and" has the key of "ago", not its last letter).
 */
const LAST_LETTERS = new Uint32Array(128 * 32);
for (const list of WORD_FAMILIES) for (const [w] of list ?? []) LAST_LETTERS[wordKey(w.charCodeAt(0), w.length)]! |= 1 << (w.charCodeAt(w.length - 1) & 31);
for (const w of AFTER_DEICTIC) LAST_LETTERS[wordKey(w.charCodeAt(0), w.length)]! |= 1 << (w.charCodeAt(w.length - 1) & 31);

/** First letters of "mid-", "early-", "late-" compounds. */
const HYPHENED_FIRST = new Uint8Array(128);
for (const c of "mMeElL") HYPHENED_FIRST[c.charCodeAt(0)] = 1;

/** Whether the word of `length` characters at `at` is one of `words`. */
function isOneOf(text: string, at: number, length: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (words[k]!.length === length && text.startsWith(words[k]!, at)) return true;
  return false;
}

const YEAR_LEADS = new Set(["in", "since", "by", "until", "from", "during", "of", "early", "late", "mid"]);
const SEASON_LEADS = new Set(["last", "this", "next", "early", "late", "the", "since"]);
const AGO_UNITS = new Set(["day", "days", "week", "weeks", "month", "months", "year", "years"]);

/** The lower-cased word before token `i` (over hyphens, if `overHyphens`), or null. */
function wordBefore(text: string, tokens: readonly Token[], i: number, overHyphens = false): string | null {
  let k = i - 1;
  while (overHyphens && k >= 0 && tokens[k]!.end - tokens[k]!.start === 1 && text.charCodeAt(tokens[k]!.start) === 45) k--;
  const t = tokens[k];
  return t && t.kind === "word" ? text.slice(t.start, t.end).toLowerCase() : null;
}

/**
 * Whether the common words among the triggers stand where their pattern can match, so that a sentence with "before",
 * "ago" or "fall" in another sense runs no pattern: "the day before", "three weeks ago", "last spring"/"spring 2022".
 */
function inDateContext(text: string, tokens: readonly Token[], i: number, family: number): boolean {
  if (family === SEASON) {
    const next = tokens[i + 1];
    if (next && (next.kind === "number" || text.slice(next.start, next.end).toLowerCase() === "of")) return true;
    return SEASON_LEADS.has(wordBefore(text, tokens, i) ?? "");
  }
  if (family !== RELATIVE) return true;
  const c = text.charCodeAt(tokens[i]!.start) | 32;
  if (c === 98) return wordBefore(text, tokens, i) === "day"; // "before"
  if (c === 97) return AGO_UNITS.has(wordBefore(text, tokens, i) ?? ""); // "ago"
  return true;
}

const MONTH_WORDS = new Set(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

/** "mid-January", "early-2016", "late-March": one token, a month or a year after its qualifier. */
function hyphenedDateFamily(word: string): number {
  const m = /^(?:mid|early|late)-(.+)$/i.exec(word);
  if (!m) return 0;
  if (MONTH_WORDS.has(m[1]!)) return MONTH;
  return /^(?:19|20)\d\d$/.test(m[1]!) ? YEAR : 0;
}

/** Whether the word of `len` characters at `start` has a hyphen after three, four or five letters ("mid-June"). */
function hyphenAfterLead(text: string, start: number, len: number): boolean {
  return (len > 5 && text.charCodeAt(start + 3) === 45) || (len > 6 && text.charCodeAt(start + 4) === 45) || (len > 7 && text.charCodeAt(start + 5) === 45);
}

/** Date words among the shared tokens: one array read rejects most words, without building strings. */
function tokenTriggers(text: string, tokens: readonly Token[]): Trigger[] {
  const out: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const start = t.start;
    const len = t.end - start;
    if (t.kind === "number") {
      if (len === 4) {
        const c = text.charCodeAt(start);
        const c2 = text.charCodeAt(start + 1);
        if ((c === 49 && c2 === 57) || (c === 50 && c2 === 48)) {
          // the year pattern needs its preposition ("in 2016", "mid-2016"): a bare year elsewhere runs nothing
          const family = (text.charCodeAt(t.end) === 45 ? ISO : 0) | (YEAR_LEADS.has(wordBefore(text, tokens, i, true) ?? "") ? YEAR : 0);
          if (family) out.push({ at: start, family, token: i });
        }
      }
      continue;
    }
    if (t.kind !== "word") continue;
    // most words have the first letter, length and last letter of no date word, as themselves or as a possessive
    // ("Monday’s"), nor a hyphen where "mid-", "early-" or "late-" would end
    const first = wordKey(text.charCodeAt(start), len);
    if (first < 0) continue;
    if (
      ((LAST_LETTERS[first]! >>> (text.charCodeAt(t.end - 1) & 31)) & 1) === 0 &&
      (len < 4 || ((LAST_LETTERS[first - 2]! >>> (text.charCodeAt(t.end - 3) & 31)) & 1) === 0) &&
      !(HYPHENED_FIRST[first >> 5] && hyphenAfterLead(text, start, len))
    )
      continue;
    let wordLength = len;
    // a possessive is its word: "Monday’s meeting", "next week's debate"
    if (len > 3 && text.charCodeAt(t.end - 1) === 115) {
      const apostrophe = text.charCodeAt(t.end - 2);
      if (apostrophe === 39 || apostrophe === 0x2019) wordLength = len - 2;
    }
    const key = wordKey(text.charCodeAt(start), wordLength);
    if (key < 0) continue;
    // "mid-June", "late-2016", "early-March": a hyphen after three, four or five letters
    if (hyphenAfterLead(text, start, len)) {
      const family = hyphenedDateFamily(text.slice(start, t.end));
      if (family) {
        out.push({ at: start, family, token: i });
        continue;
      }
    }
    const last = text.charCodeAt(start + wordLength - 1);
    if (((LAST_LETTERS[key]! >>> (last & 31)) & 1) === 0) continue;
    const list = WORD_FAMILIES[key];
    if (list !== undefined) {
      for (let k = 0; k < list.length; k++) {
        const [word, family] = list[k]!;
        if (word.charCodeAt(wordLength - 1) === last && text.startsWith(word, start) && inDateContext(text, tokens, i, family)) out.push({ at: start, family, token: i });
      }
      continue;
    }
    if (AFTER_DEICTIC_KEYS[key] && i > 0) {
      const prev = tokens[i - 1]!;
      if (isOneOf(text, prev.start, prev.end - prev.start, DEICTIC) && isOneOf(text, start, wordLength, AFTER_DEICTIC))
        out.push({ at: start, family: RELATIVE, token: i });
    }
  }
  return out;
}

/** Dates in every sentence of a document: one scan for date words, then the patterns a sentence needs. */
export function findDatesInSentences(text: string, sentences: readonly Span[], publishedAt: string | null, tokens?: readonly Token[]): DateMention[] {
  const all = tokens ? tokenTriggers(text, tokens) : triggers(text, { start: 0, end: text.length });
  const pub = parsePub(publishedAt);
  const out: DateMention[] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < all.length && all[t]!.at < s.start) t++;
    let families = 0;
    let u = t;
    for (; u < all.length && all[u]!.at < s.end; u++) families |= all[u]!.family;
    if (!families) continue;
    const starts = tokens ? matchStarts(tokens, all, t, u, s) : undefined;
    for (const d of findWith(text, s, pub, publishedAt, families, starts)) out.push(d);
  }
  return out;
}

/**
 * Where a pattern's match may start, for each family of the sentence's triggers: every pattern's match holds a word of
 * its family and starts at most three tokens before it ("in mid - June", "the day before", "New Year's"), so the
 * patterns are tried there only, as sticky matches, instead of scanning the whole sentence.
 */
function matchStarts(tokens: readonly Token[], all: readonly Trigger[], from: number, to: number, sentence: Span): Array<number[] | undefined> {
  const starts: Array<number[] | undefined> = [];
  for (let u = from; u < to; u++) {
    const trigger = all[u]!;
    for (let bit = 0; 1 << bit <= trigger.family; bit++) {
      if (!(trigger.family & (1 << bit))) continue;
      const list = (starts[bit] ??= []);
      // triggers are in text order, so each one's window only adds offsets after the last one kept: the list stays sorted
      for (let k = Math.max(0, trigger.token! - 3); k <= trigger.token!; k++) {
        const at = tokens[k]!.start;
        if (at >= sentence.start && (list.length === 0 || at > list[list.length - 1]!)) list.push(at);
      }
    }
  }
  return starts;
}

/** A sentence's context; its tense is read only when a pattern needs it. */
class SentenceContext implements Context {
  private known: Context["tense"] | null = null;
  constructor(
    readonly pub: Date | null,
    readonly pubIso: string | null,
    private readonly sentence: string,
  ) {}
  get tense(): Context["tense"] {
    return (this.known ??= tenseOf(this.sentence));
  }
}

function parsePub(publishedAt: string | null): Date | null {
  return publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? new Date(`${publishedAt}T00:00:00Z`) : null;
}

/** Adds the date `make` reads from match `m` to `found`, unless an earlier match overlaps it. */
function take(found: DateMention[], base: number, m: RegExpExecArray, make: Maker, ctx: Context): void {
  const start = base + m.index;
  const end = start + m[0].length;
  for (let k = 0; k < found.length; k++) if (found[k]!.start < end && start < found[k]!.end) return;
  const made = make(m, ctx);
  // a literal rather than a spread: the same fields, built several times faster on V8
  if (made) found.push({ start, end, value: made.value, until: made.until, grain: made.grain, anchor: made.anchor });
}

function findWith(
  text: string,
  span: Span,
  pub: Date | null,
  publishedAt: string | null,
  families: number,
  starts?: ReadonlyArray<readonly number[] | undefined>,
): DateMention[] {
  if (!families) return [];
  const sentence = text.slice(span.start, span.end);
  const ctx = new SentenceContext(pub, pub ? publishedAt : null, sentence);
  const found: DateMention[] = [];
  for (const [re, make, needs, sticky] of PATTERNS) {
    if (!(families & needs)) continue;
    const positions = starts?.[31 - Math.clz32(needs)];
    if (!positions) {
      re.lastIndex = 0;
      for (let m = re.exec(sentence); m; m = re.exec(sentence)) take(found, span.start, m, make, ctx);
      continue;
    }
    // the matches a scan from the sentence start would find, leftmost first, each search going on after the last match
    let next = 0;
    for (const p of positions) {
      const offset = p - span.start;
      if (offset < next) continue;
      sticky.lastIndex = offset;
      const m = sticky.exec(sentence);
      if (!m) continue;
      take(found, span.start, m, make, ctx);
      next = offset + m[0].length;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
