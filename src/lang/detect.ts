/**
 * A coarse language guess from the script: enough to route English, Russian and Ukrainian text until
 * per-language stages exist. Ukrainian is told from Russian by letters only Ukrainian uses (і, ї, є, ґ).
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000);
  let latin = 0;
  let cyrillic = 0;
  let ukrainian = 0;
  let russianOnly = 0;
  for (const ch of sample) {
    if (/[a-zA-Z]/.test(ch)) latin++;
    else if (/[\u0400-\u04ff]/.test(ch)) {
      cyrillic++;
      if (/[іїєґІЇЄҐ]/.test(ch)) ukrainian++;
      else if (/[ыэъёЫЭЪЁ]/.test(ch)) russianOnly++;
    }
  }
  if (cyrillic > latin) return ukrainian > russianOnly ? "uk" : "ru";
  return "en";
}
