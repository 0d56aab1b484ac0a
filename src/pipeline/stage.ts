import type { Document, Exclusion, LayerName, Layers } from "../model/document.js";

/** What a stage adds: new layers, or a new list of excluded regions. */
export type StageOutput = Partial<Layers> & { excluded?: Exclusion[] };

/**
 * One step of the per-document pipeline: a pure function from a document to the layers it adds.
 * `reads` and `adds` document the data flow and let the pipeline check the order of stages.
 */
export interface Stage {
  name: string;
  reads: readonly LayerName[];
  adds: readonly LayerName[];
  run(doc: Readonly<Document>): StageOutput;
}
