/**
 * English page furniture: the shapes of lines that scraped article text carries from the page around it.
 * Language data only; the algorithm that uses it is in pipeline/stages/clean.ts.
 */

/** A whole line that marks an advertisement slot. */
export const AD_MARKER =
  /^(?:-+\s*)?(?:advertisement|advertising|ad|sponsored(?: content| by .{1,40})?|paid (?:post|content)|story continues below(?: advertisement)?|article continues (?:below|after (?:this )?(?:ad|advertisement))|continue reading (?:the main story|below))(?:\s*-+)?[.:]?$/i;

/** A whole line left by a widget that did not load. */
export const PLACEHOLDER =
  /^(?:loading(?:\s*(?:\.\.\.|…))?|please wait(?:\.\.\.|…)?|(?:something went wrong|an error (?:has )?occurred|oops)[.!,]?.{0,80}|(?:please )?(?:try again|refresh (?:the|this) page)(?: later)?\.?|this (?:video|content|embed|media) (?:is (?:not available|unavailable)|cannot be (?:played|displayed)).{0,60}|(?:please )?enable javascript.{0,60}|javascript is (?:disabled|required).{0,60}|video (?:unavailable|player is loading)\.?)$/i;

/** Words that name a picture agency or say a line credits an image. */
const CREDIT_WORDS = String.raw`(?:photo(?:graph)?s?|image|picture|credit|pictured|illustration|video|footage|screenshot|file photo)`;

/** "(Photo by Jane Doe via Reuters)", "Photo: AFP", "Credit: …", "… / AFP", "Anadolu Agency via Getty Images". */
export const CREDIT_TAIL = new RegExp(
  String.raw`(?:\(\s*${CREDIT_WORDS}\b[^()]{0,80}\)|\b${CREDIT_WORDS}\s*(?:by|:|credit:?)\s*[^.]{1,80}|\bvia\s+(?:[A-Z][\w&'.-]*\s*){1,4}\)?|\s[/|]\s*(?:[A-Z][\w&'.-]*\s*){1,3}|©\s*.{1,60})\s*$`,
  "i",
);
/** A credit tail that ends in "via Someone" must name them with capitals, which the case-insensitive tail cannot check. */
export const VIA_CREDIT = /\bvia\s+(?:[A-Z][\w&'.-]*\s*){1,4}\)?\s*$/;
export const CREDIT_START = new RegExp(String.raw`^${CREDIT_WORDS}\s*(?:by|:|credit\b)`, "i");

/** Lines that introduce a time stamp. */
export const STAMP_START = /^(?:updated|published|posted|last updated|first published)\b/i;
/** "By Anna Kowalski": "By" and a name, not "By 10:30 a.m.," or "By Tuesday," which begin sentences. */
export const BY_NAME =
  /^(?:written )?by\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|the\b|then\b|now\b|early\b|late\b|mid\b)\p{Lu}/iu;
export const CLOCK_TIME =
  /\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?(?:\s*(?:[A-Z]{2,4}T|ET|PT|GMT|UTC|MSK|CET))?\b/i;
export const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;

/** Section labels and link lists: the label alone or followed by ":" / "|" / "»" and a headline. */
export const PROMO_LABEL =
  /^(?:read (?:more|next|also)|related(?: (?:stories|articles|coverage|content))?|see also|more (?:on|from|about) .{1,40}|watch(?: now| live)?|listen|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now| stories)?|what'?s hot|top stories|editor'?s picks?|don'?t miss|latest (?:news|stories)|share(?: this)?(?: article| story| on \w+)?|comments?(?: \(\d+\))?|show comments|close|skip to (?:main )?content|back to top|\(?\d+\)?\s+comments?)(?:\s*[:|»›>-].*)?[.!]?$/i;

/** Labels that head a list of links to other articles; the headline-shaped lines after them are links too. */
export const LIST_LABEL =
  /^(?:read (?:more|next|also)|related(?: (?:stories|articles|coverage|content))?|see also|more (?:on|from|about) .{1,40}|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now| stories)?|what'?s hot|top stories|editor'?s picks?|don'?t miss|latest (?:news|stories))[:]?$/i;

/** Calls to action, whatever follows them on the line. */
export const CALL_TO_ACTION =
  /^(?:sign up|subscribe|join (?:the conversation|us|our)|follow (?:us|@)|click here|tap here|download (?:the|our) app|get (?:the|our) (?:newsletter|app)|advertise with us|support (?:our|independent) journalism|already a subscriber)\b/i;

/** A copyright or rights line in a page footer. */
export const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b/i;
