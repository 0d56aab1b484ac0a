/** English abbreviations that end in a full stop. Language data for the sentence splitter. */

/** Never end a sentence: titles and ranks come before a name, months before a day, "No." before a number. */
export const NON_TERMINAL_ABBREVIATIONS = new Set(
  [
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt", "col", "maj", "capt",
    "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "rev", "hon", "pres", "supt", "insp", "det", "gens",
    "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs",
    "approx", "est", "dept",
  ],
);

/** Abbreviations that come before a number ("No. 5", "p. 12"); before anything else they are ordinary words. */
export const NUMBER_ABBREVIATIONS = new Set(["no", "nos", "p", "pp", "vol", "art", "fig", "para", "ch", "sec", "op"]);

/** May end a sentence ("…a firm in the U.S. The ministry…"): a sentence ends only before a typical first word. */
export const TERMINAL_ABBREVIATIONS = new Set(["inc", "ltd", "co", "corp", "llc", "plc", "etc", "jr", "sr", "bros", "ave", "blvd", "rd"]);

/** Capitalised words that usually begin a sentence, used after an abbreviation that may or may not end one. */
export const SENTENCE_STARTERS = new Set(
  [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "but",
    "and", "or", "so", "yet", "in", "on", "at", "for", "if", "when", "while", "after", "before", "since", "as", "his",
    "her", "its", "their", "our", "my", "some", "many", "most", "one", "two", "no", "not", "what", "who", "how", "why",
    "officials", "according", "meanwhile", "however", "earlier", "later", "last",
  ],
);
