import type { Stage } from "../pipeline/stage.js";
import { attribute } from "./attribute.js";

/** Pipeline stage: attributions (who said what, through whom) and the document's entities. */
export const attributionStage: Stage = {
  name: "attributions",
  reads: ["paragraphs", "sentences", "tokens"],
  adds: ["attributions", "entities"],
  run(doc) {
    const { attributions, entities } = attribute({
      text: doc.text,
      paragraphs: doc.layers.paragraphs ?? [],
      sentences: doc.layers.sentences ?? [],
      tokens: doc.layers.tokens ?? [],
    });
    return { attributions, entities };
  },
};
