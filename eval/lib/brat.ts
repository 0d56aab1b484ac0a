// The brat standoff reader lives with the learned tagger, which trains on the same files.
export { parseAnn, readSplit, type GoldFile, type GoldRelation, type SplitData } from "../../src/attribution/learned/brat.js";
