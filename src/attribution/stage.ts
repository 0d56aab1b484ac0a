import type { Stage } from "../pipeline/stage.js";
import { attribute } from "./attribute.js";
import { modelFromEnvironment, type AttributionModel } from "./learned/model.js";

/**
 * Pipeline stage: attributions (who said what, through whom) and the document's entities. `model` is a learned
 * tagger to use on top of the rules; by default the one $CLAIMTRACE_ATTRIBUTION_MODEL names, else rules only.
 */
export function attributionStageWith(model: () => AttributionModel | null): Stage {
  return {
    name: "attributions",
    reads: ["paragraphs", "sentences", "tokens"],
    adds: ["attributions", "entities"],
    run(doc) {
      const { attributions, entities } = attribute(
        {
          text: doc.text,
          paragraphs: doc.layers.paragraphs ?? [],
          sentences: doc.layers.sentences ?? [],
          tokens: doc.layers.tokens ?? [],
        },
        model(),
      );
      return { attributions, entities };
    },
  };
}

export const attributionStage: Stage = attributionStageWith(() => modelFromEnvironment());
