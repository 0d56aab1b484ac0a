import type { Document, LayerName } from "../model/document.js";
import type { Stage } from "./stage.js";
import { cleanStage } from "./stages/clean.js";
import { segmentStage } from "./stages/segment.js";
import { attributionStage } from "../attribution/stage.js";
import { datesStage } from "../dates/stage.js";
import { figuresStage } from "../figures/stage.js";

/** The per-document stages, in order. Later stages (entities, attributions, figures) join this list. */
export const defaultStages: readonly Stage[] = [cleanStage, segmentStage, attributionStage, datesStage, figuresStage];

/** Runs stages over a document and returns a new document carrying their layers. */
export function runPipeline(doc: Document, stages: readonly Stage[] = defaultStages): Document {
  checkOrder(stages);
  let current = doc;
  for (const stage of stages) {
    const { excluded, ...layers } = stage.run(current);
    current = {
      ...current,
      excluded: excluded ?? current.excluded,
      layers: { ...current.layers, ...layers },
    };
  }
  return current;
}

/** Fails fast when a stage reads a layer no earlier stage adds ("excluded" always exists). */
function checkOrder(stages: readonly Stage[]): void {
  const available = new Set<LayerName>(["excluded"]);
  for (const stage of stages) {
    for (const layer of stage.reads)
      if (!available.has(layer))
        throw new Error(`stage "${stage.name}" reads "${layer}", which no earlier stage adds`);
    for (const layer of stage.adds) available.add(layer);
  }
}
