/**
 * Sentences that report another happening than their article's. An article on refusals may say in passing that
 * "the strike on the barracks in Makiivka killed 89 soldiers": that figure belongs with the Makiivka strike's
 * figures, not with the refusals'. Such a sentence has a scene: a specific place the article's headline and lead
 * do not name, and a kind of event word. Its figures and quotes are anchored to the nearest article (by
 * publication date, within SCENE_WINDOW_DAYS) whose headline and lead name that place and that kind of event, and
 * so join that article's event (figures its figure groups); a scene no article reports stays with its own
 * article. The event lists such sentences, by article, as its passing mentions (src/link/batch.ts
 * eventMentions): read from the anchors, not stored apart.
 *
 * The anchor is a function of the figure and the set of articles, so the store, which links a batch at a time,
 * reaches the result that linking all articles at once reaches (src/store/links.ts re-anchors the stored scenes
 * that a new article's places may concern).
 */
import { BROAD_PLACES } from "../lang/en/events.js";
import type { Document } from "../model/document.js";
import type { Span } from "../model/span.js";
import { isEventTerm } from "./events.js";
import { knownPlacesOf, placesIn, termsIn } from "./features.js";
import type { EventFeatures, Scene } from "./model.js";
import { cmp } from "./util.js";

/** What a scene is about, without where it stands in its text. */
export type SceneTopic = Pick<Scene, "places" | "terms">;

/** How far apart in publication date a passing mention and the article reporting the happening may be. */
export const SCENE_WINDOW_DAYS = 30;

/**
 * The scenes of the document's figures or attributions, by id: from the sentence holding each one (the paragraph
 * when the document has no sentence layer); an attribution's span is that of its content, so a quote running over
 * several sentences has none. A sentence that also names one of the article's own places is about the article's
 * happening and has no scene.
 */
export function sentenceScenes(
  doc: Document,
  figures: ReadonlyArray<Span & { id: string }>,
  own: EventFeatures,
  known: readonly string[] = knownPlacesOf(doc),
): Map<string, Scene> {
  const scenes = new Map<string, Scene>();
  if (figures.length === 0) return scenes;
  const passages = doc.layers.sentences ?? doc.layers.paragraphs ?? [];
  const memo = new Map<Span, Scene | null>();
  for (const f of figures) {
    const passage = passages.find((p) => p.start <= f.start && f.end <= p.end);
    if (!passage) continue;
    let scene = memo.get(passage);
    if (scene === undefined) {
      const topic = sceneOf(doc.text.slice(passage.start, passage.end), known, own);
      scene = topic && { ...topic, start: passage.start, end: passage.end };
      memo.set(passage, scene);
    }
    if (scene) scenes.set(f.id, scene);
  }
  return scenes;
}

function sceneOf(text: string, known: readonly string[], own: EventFeatures): SceneTopic | null {
  const places = [...placesIn(text, known).keys()];
  if (places.some((p) => p in own.places)) return null;
  const specific = places.filter((p) => !BROAD_PLACES.has(p)).sort(cmp);
  if (specific.length === 0) return null;
  const terms = [...termsIn(text)].filter(isEventTerm).sort(cmp);
  if (terms.length === 0) return null;
  return { places: specific, terms };
}

/** Whether an article's headline and lead report the scene's happening: one of its places and kinds of event. */
export function reportsScene(scene: SceneTopic, features: EventFeatures): boolean {
  return scene.places.some((p) => p in features.places) && scene.terms.some((t) => t in features.terms);
}

function days(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/**
 * The article a scene's figure is anchored to: among `candidates` (other articles), those within the window that
 * report the scene, the nearest in date, then the smallest id; null when none does (or the figure's article is
 * undated).
 */
export function sceneAnchor(
  scene: SceneTopic,
  own: { documentId: string; publishedAt: string | null },
  candidates: Iterable<{ documentId: string; publishedAt: string | null; features: EventFeatures }>,
): string | null {
  if (!own.publishedAt) return null;
  let best: string | null = null;
  let bestDays = Infinity;
  for (const c of candidates) {
    if (c.documentId === own.documentId || !c.publishedAt) continue;
    const d = days(own.publishedAt, c.publishedAt);
    if (d > SCENE_WINDOW_DAYS || !reportsScene(scene, c.features)) continue;
    if (d < bestDays || (d === bestDays && cmp(c.documentId, best!) < 0)) {
      best = c.documentId;
      bestDays = d;
    }
  }
  return best;
}
