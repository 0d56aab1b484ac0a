import { test } from "node:test";
import assert from "node:assert/strict";
import { attributions, byCue } from "./helpers.js";

// Where source, cue and content spans begin and end, following the conventions of attribution corpora
// (PolNeAR): auxiliaries, negations and manner adverbs belong to the cue; appositives to the source; reported
// content stops where another clause with its own subject and cue begins.

test("a negated auxiliary written as one word is part of the cue, not of the source", () => {
  const list = attributions("Harbour officials don’t believe the ferry can sail before Friday.\n\nThe governor hasn't said whether the port will reopen.");
  const a = byCue(list, "don’t believe");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "Harbour officials");
  assert.deepEqual(a.content, ["the ferry can sail before Friday"]);
  const b = byCue(list, "hasn't said");
  assert.equal(b.source, "The governor");
  assert.deepEqual(b.content, ["whether the port will reopen"]);
});

test("a manner adverb before the verb and 'both' after an auxiliary are part of the cue", () => {
  const list = attributions(
    "The mayor repeatedly promised that the bridge would be rebuilt by spring.\n\nThe two unions have both argued that the shift rota is unsafe.",
  );
  const a = byCue(list, "repeatedly promised");
  assert.equal(a.source, "The mayor");
  assert.deepEqual(a.content, ["that the bridge would be rebuilt by spring"]);
  const b = byCue(list, "have both argued");
  assert.equal(b.source, "The two unions");
  assert.deepEqual(b.content, ["that the shift rota is unsafe"]);
});

test("'however' between subject and cue belongs to neither", () => {
  const list = attributions("Minister Olena Hrytsenko, however, said the grain corridor would stay open.");
  const a = byCue(list, "said");
  assert.equal(a.source, "Minister Olena Hrytsenko");
  assert.deepEqual(a.content, ["the grain corridor would stay open"]);
  assert.equal(a.speaker, "Olena Hrytsenko");
});

test("an inverted source keeps its whole appositive, commas included", () => {
  const a = byCue(
    attributions("“Nobody told us the water was rising,” said Marta Kovalenko, a nurse from Oleshky, Kherson region."),
    "said",
  );
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "Marta Kovalenko, a nurse from Oleshky, Kherson region");
  assert.deepEqual(a.content, ["“Nobody told us the water was rising,”"]);
  assert.equal(a.speaker, "Marta Kovalenko");
});

test("a relative clause with a cue of its own after an inverted source is a second attribution", () => {
  const list = attributions("“The shelling never stopped,” said Ivan Petrenko, who said he had left the village in March.");
  const outer = list.find((a) => a.content[0] === "“The shelling never stopped,”")!;
  assert.equal(outer.source, "Ivan Petrenko");
  assert.equal(outer.cue, "said");
  const inner = list.find((a) => a.source === "who")!;
  assert.equal(inner.kind, "indirect");
  assert.equal(inner.cue, "said");
  assert.deepEqual(inner.content, ["he had left the village in March"]);
  assert.equal(inner.speaker, "Ivan Petrenko");
});

test("a quote after a colon is the content alone: the words before the colon are not quoted content", () => {
  const a = byCue(attributions("The old rule still holds: “Nobody crosses the river after dark,” the ferryman said."), "said");
  assert.equal(a.kind, "direct");
  assert.deepEqual(a.content, ["“Nobody crosses the river after dark,”"]);
  assert.equal(a.source, "the ferryman");
});

test("reported content stops where a new subject and its cue begin after a comma", () => {
  const list = attributions("While only 7 percent of residents said they would leave, 40 percent said they could not afford to stay.");
  const first = list.find((a) => a.source === "7 percent of residents" || a.source === "only 7 percent of residents")!;
  assert.equal(first.cue, "said");
  assert.deepEqual(first.content, ["they would leave"]);
  const second = list.find((a) => a.source === "40 percent")!;
  assert.equal(second.cue, "said");
  assert.deepEqual(second.content, ["they could not afford to stay"]);
});

test("a relative clause's content ends before the main clause's verb", () => {
  const list = attributions("Dmytro Sahaidak, who said he drove the last bus out of town, said the road was already under fire.");
  const rel = list.find((a) => a.source === "who")!;
  assert.deepEqual(rel.content, ["he drove the last bus out of town"]);
  assert.equal(rel.speaker, "Dmytro Sahaidak");
});

test("'Asked about …, X said': the question is content of its own, with no speaker, or the asker after 'by'", () => {
  const list = attributions(
    "Asked at a briefing on Monday about the grain deal, the spokesman said it would hold.\n\nWhen asked by reporters whether he would resign, Mayor Petro Hlib said he would not.",
  );
  const q1 = list.find((a) => a.cue === "Asked")!;
  assert.equal(q1.kind, "indirect");
  assert.equal(q1.source, null);
  assert.deepEqual(q1.content, ["about the grain deal"]);
  const q2 = list.find((a) => a.cue === "asked")!;
  assert.equal(q2.source, "reporters");
  assert.deepEqual(q2.content, ["whether he would resign"]);
  const answer = list.find((a) => a.source === "Mayor Petro Hlib")!;
  assert.equal(answer.cue, "said");
  assert.deepEqual(answer.content, ["he would not"]);
});

test("a name followed by an age and an appositive is one source", () => {
  const a = byCue(attributions("Oksana, 34, a teacher from the Donetsk region, said the school had been shut since March."), "said");
  assert.equal(a.source, "Oksana, 34, a teacher from the Donetsk region");
  assert.equal(a.speaker, "Oksana");
  assert.deepEqual(a.content, ["the school had been shut since March"]);
});

test("'which said' with no named entity before it speaks for the phrase it follows", () => {
  const list = attributions("The convoy was hit twice, according to the regional police, which said on Sunday that four trucks burned.");
  const a = list.find((x) => x.source === "which")!;
  assert.equal(a.cue, "said");
  assert.deepEqual(a.content, ["that four trucks burned"]);
  assert.equal(a.speaker, "regional police");
});

test("a possessive apostrophe after the words following a cue does not make them an inverted subject", () => {
  const a = byCue(attributions("Analyst Mikko Rantanen said the two armies’ figures would never match."), "said");
  assert.equal(a.source, "Analyst Mikko Rantanen");
  assert.deepEqual(a.content, ["the two armies’ figures would never match"]);
});

test("a cue inside a transcript turn belongs to the turn", () => {
  const list = attributions("Q: What happened on the bridge?\n\nA: I think the driver panicked, and the guards said nothing for an hour.");
  assert.equal(list.length, 2);
  const answer = list.find((a) => a.source === "A")!;
  assert.equal(answer.kind, "direct");
  assert.equal(answer.cue, ":");
  assert.deepEqual(answer.content, ["I think the driver panicked, and the guards said nothing for an hour."]);
});

test("a middle initial stays inside the source and the speaker's name, before and after the cue", () => {
  const list = attributions(
    "Harold T. Brenner said the county would reopen the shelter next week.\n\n“We ran out of beds by midnight,” said Lucia M. Ferreira, the shelter’s director.",
  );
  const a = list.find((x) => x.kind === "indirect")!;
  assert.equal(a.cue, "said");
  assert.equal(a.source, "Harold T. Brenner");
  assert.deepEqual(a.content, ["the county would reopen the shelter next week"]);
  assert.equal(a.speaker, "Harold T. Brenner");
  const b = list.find((x) => x.kind === "direct")!;
  assert.equal(b.cue, "said");
  assert.equal(b.source, "Lucia M. Ferreira, the shelter’s director");
  assert.deepEqual(b.content, ["“We ran out of beds by midnight,”"]);
  assert.equal(b.speaker, "Lucia M. Ferreira");
});

test("two subjects joined by 'and' are one source, a group", () => {
  const list = attributions(
    "But Mayor Ines Okafor and Councilman Reed Dalton say the budget is balanced.\n\nShe and her deputies have argued that the levy is unfair.\n\nThe Department of Health and Human Services said the rule would change.",
  );
  const a = byCue(list, "say");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "Mayor Ines Okafor and Councilman Reed Dalton");
  assert.deepEqual(a.content, ["the budget is balanced"]);
  assert.equal(a.type, "group");
  const b = byCue(list, "have argued");
  assert.equal(b.source, "She and her deputies");
  assert.deepEqual(b.content, ["that the levy is unfair"]);
  assert.equal(b.type, "group");
  const c = byCue(list, "said");
  assert.equal(c.source, "The Department of Health and Human Services");
  assert.deepEqual(c.content, ["the rule would change"]);
  assert.equal(c.type, "organization");
});

test("a clause before 'and' is not part of the next subject", () => {
  const a = byCue(attributions("The council thanked Okafor and Dalton said the vote was postponed."), "said");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "Dalton");
  assert.deepEqual(a.content, ["the vote was postponed"]);
});

test("an inverted source keeps a relative clause without a cue of its own", () => {
  const a = byCue(attributions("“The levee held,” said Tomas Reyes, who runs the pumping station."), "said");
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "Tomas Reyes, who runs the pumping station");
  assert.deepEqual(a.content, ["“The levee held,”"]);
  assert.equal(a.speaker, "Tomas Reyes");
});

test("a participle or prepositional adjunct after the name is not part of the source", () => {
  const list = attributions(
    "Mayor Ines Okafor, speaking to reporters outside City Hall, said the shelter would stay open.\n\nSenator Ruth Adeyemi, in a radio interview, said the tolls would rise.",
  );
  const a = list.find((x) => x.content[0] === "the shelter would stay open")!;
  assert.equal(a.kind, "indirect");
  assert.equal(a.cue, "said");
  assert.equal(a.source, "Mayor Ines Okafor");
  const b = list.find((x) => x.content[0] === "the tolls would rise")!;
  assert.equal(b.cue, "said");
  assert.equal(b.source, "Senator Ruth Adeyemi");
  const c = byCue(attributions("“We are not leaving,” said Dana Whitfield, speaking from her porch. “This is our home.”"), "said");
  assert.equal(c.kind, "direct");
  assert.equal(c.source, "Dana Whitfield");
  assert.deepEqual(c.content, ["“We are not leaving,”", "“This is our home.”"]);
});

test("a preposition inside the source: a study's author, an aide's principal, a count's bounds", () => {
  const list = attributions(
    [
      "A study by the Harlow Institute found that rents rose 9 percent.",
      "Aides to the governor say she will sign the bill.",
      "Six in 10 voters said the tax was unfair.",
      "Only 52 percent of residents said they trusted the council.",
      "More than four in 10 told pollsters that they would move.",
      "Many in the party argue the leader must go.",
    ].join("\n\n"),
  );
  const a = byCue(list, "found");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "A study by the Harlow Institute");
  assert.deepEqual(a.content, ["that rents rose 9 percent"]);
  assert.equal(a.speaker, "Harlow Institute");
  const b = byCue(list, "say");
  assert.equal(b.source, "Aides to the governor");
  assert.deepEqual(b.content, ["she will sign the bill"]);
  const said = list.filter((x) => x.cue === "said");
  assert.deepEqual(
    said.map((x) => [x.source, x.content[0], x.type]),
    [
      ["Six in 10 voters", "the tax was unfair", "group"],
      ["Only 52 percent of residents", "they trusted the council", "group"],
    ],
  );
  const c = byCue(list, "told");
  assert.equal(c.source, "More than four in 10");
  assert.deepEqual(c.content, ["that they would move"]);
  const d = byCue(list, "argue");
  assert.equal(d.source, "Many in the party");
  assert.deepEqual(d.content, ["the leader must go"]);
});

test("an inverted source's appositive stops before a participle, and a quote after the cue's adjunct continues", () => {
  const list = attributions("“The bridge is safe,” said Ana Ruiz, the city engineer, referring to the inspection report.");
  const a = list.find((x) => x.kind === "direct")!;
  assert.equal(a.cue, "said");
  assert.equal(a.source, "Ana Ruiz, the city engineer");
  assert.deepEqual(a.content, ["“The bridge is safe,”"]);
  const b = byCue(attributions("“We are staying,” Mayor Okafor said at a rally in the square. “This town is not for sale.”"), "said");
  assert.equal(b.kind, "direct");
  assert.equal(b.source, "Mayor Okafor");
  assert.deepEqual(b.content, ["“We are staying,”", "“This town is not for sale.”"]);
  const c = byCue(attributions("“We will not budge,” said Senator Paul Ortega in a statement. “The vote stands.”"), "said");
  assert.equal(c.source, "Senator Paul Ortega");
  assert.deepEqual(c.content, ["“We will not budge,”", "“The vote stands.”"]);
});

test("a prepositional phrase opening the clause without a comma is not part of the name after it", () => {
  const a = byCue(attributions("In a radio interview Mayor Ines Okafor said the shelter would stay open."), "said");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "Mayor Ines Okafor");
  assert.deepEqual(a.content, ["the shelter would stay open"]);
  assert.equal(a.speaker, "Ines Okafor");
  const b = byCue(attributions("Officials at the Kyiv office of the Red Cross said aid was delayed."), "said");
  assert.equal(b.source, "Officials at the Kyiv office of the Red Cross");
});

test("a joined name after a study's 'by' stays inside the source", () => {
  const a = byCue(attributions("Yet a 2014 study by Harvard and the University of Chicago found that the stadiums lost money."), "found");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "a 2014 study by Harvard and the University of Chicago");
  assert.deepEqual(a.content, ["that the stadiums lost money"]);
});

test("'state' before a title, 'at least' before a count and 'early' are inside the source", () => {
  const list = attributions(
    "Afterward, state Sen. Jason Holsman said the filibuster would end.\n\nAt least four senators said the bill was dead.\n\nEarly results show the mayor winning.",
  );
  const said = list.filter((x) => x.cue === "said");
  assert.deepEqual(
    said.map((x) => [x.kind, x.source, x.content[0], x.speaker]),
    [
      ["indirect", "state Sen. Jason Holsman", "the filibuster would end", "Jason Holsman"],
      ["indirect", "At least four senators", "the bill was dead", "At least four senators"],
    ],
  );
  const a = byCue(list, "show");
  assert.equal(a.source, "Early results");
  assert.deepEqual(a.content, ["the mayor winning"]);
  assert.equal(a.type, "group");
});

test("the sentence's subject shared by a participle cue ends before its own verb", () => {
  const a = byCue(attributions("Mayor Ines Okafor released a statement Wednesday, saying the shelter would stay open."), "saying");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "Mayor Ines Okafor");
  assert.deepEqual(a.content, ["the shelter would stay open"]);
  const b = byCue(attributions("Carson took the stage on Tuesday, saying the race was not over."), "saying");
  assert.equal(b.source, "Carson");
  assert.deepEqual(b.content, ["the race was not over"]);
});

test("an inverted source keeps a party-and-state parenthesis and an appositive with initials in it", () => {
  const a = byCue(attributions("“The sanctions work,” said Rep. Joseph Crowley (D-N.Y.), a leading advocate for the refugees."), "said");
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "Rep. Joseph Crowley (D-N.Y.), a leading advocate for the refugees");
  assert.deepEqual(a.content, ["“The sanctions work,”"]);
  assert.equal(a.speaker, "Joseph Crowley");
  const b = byCue(attributions("“He listened,” said Victor Cha, who served as an adviser to President George W. Bush."), "said");
  assert.equal(b.source, "Victor Cha, who served as an adviser to President George W. Bush");
  assert.deepEqual(b.content, ["“He listened,”"]);
});

test("an adjunct and its comma opening the sentence are not the subject a participle cue shares", () => {
  const a = byCue(attributions("In August, several tenant groups went to court, saying the heating had failed."), "saying");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "several tenant groups");
  assert.deepEqual(a.content, ["the heating had failed"]);
  assert.equal(a.type, "group");
});

test("a relative clause without 'that' (a pronoun and its verb) stays inside the source", () => {
  const a = byCue(attributions("All the economists we interviewed said the plan was sound."), "said");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "All the economists we interviewed");
  assert.deepEqual(a.content, ["the plan was sound"]);
  assert.equal(a.type, "anonymous");
});

test("a month or a year between the source and its cue is not part of the source", () => {
  const list = attributions("An arbitration panel in 2001 found that the tariffs broke the treaty.\n\nFederal prosecutors in April said the developers had fled.");
  const a = byCue(list, "found");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "An arbitration panel");
  assert.deepEqual(a.content, ["that the tariffs broke the treaty"]);
  const b = byCue(list, "said");
  assert.equal(b.source, "Federal prosecutors");
  assert.deepEqual(b.content, ["the developers had fled"]);
});

test("a possessive before a cue noun is the source alone", () => {
  const a = byCue(attributions("The fact-checkers seized on Mayor Okafor’s claim that the bridge was safe."), "claim");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "Mayor Okafor’s");
  assert.deepEqual(a.content, ["that the bridge was safe"]);
  assert.equal(a.speaker, "Okafor");
});

test("a participle's agent and a ratio stay inside the source", () => {
  const list = attributions("A poll conducted by Edison Research found that turnout was high.\n\nAbout one in five said they would not vote.");
  const a = byCue(list, "found");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "A poll conducted by Edison Research");
  assert.deepEqual(a.content, ["that turnout was high"]);
  const b = byCue(list, "said");
  assert.equal(b.source, "About one in five");
  assert.deepEqual(b.content, ["they would not vote"]);
});

test("'on' before a day, a month or a medium and 'about' before a number are not part of the cue", () => {
  const list = attributions(
    "The harbour master declared on national television that the ferries would sail again.\n\nThe union warned on Wednesday that its members would strike.\n\nThe pollster predicted about one-third of the county would vote early.",
  );
  const a = byCue(list, "declared");
  assert.equal(a.source, "The harbour master");
  assert.deepEqual(a.content, ["that the ferries would sail again"]);
  const b = byCue(list, "warned");
  assert.equal(b.source, "The union");
  assert.deepEqual(b.content, ["that its members would strike"]);
  const c = byCue(list, "predicted");
  assert.equal(c.source, "The pollster");
  assert.deepEqual(c.content, ["about one-third of the county would vote early"]);
});

test("a description of the last noun that closes the sentence is not part of the reported content", () => {
  const list = attributions(
    "The council endorsed Maria Delgado, a former teacher who ran the district’s literacy program.\n\nThe mayor said the budget would fund two new libraries, a promise she first made in March.",
  );
  const a = byCue(list, "endorsed");
  assert.deepEqual(a.content, ["Maria Delgado"]);
  const b = byCue(list, "said");
  assert.equal(b.source, "The mayor");
  assert.deepEqual(b.content, ["the budget would fund two new libraries"]);
});

test("a speech gerund after a preposition is a cue whose speaker is the sentence's subject", () => {
  const list = attributions(
    "The health minister opened the briefing by saying that the clinics would reopen in June.\n\nThe coach was fined for saying the referee had been paid off.",
  );
  const [a, b] = list.filter((x) => x.cue === "saying");
  assert.ok(a && b);
  assert.equal(a.source, "The health minister");
  assert.deepEqual(a.content, ["that the clinics would reopen in June"]);
  assert.equal(b.source, "The coach");
  assert.deepEqual(b.content, ["the referee had been paid off"]);
});

test("an adjunct that closes the sentence after the cue leaves the content before it", () => {
  const list = attributions(
    "The line will reopen by the end of the month, the rail operator’s spokesman said on a call with reporters.\n\nMost of the stations will stay closed until March, officials said during a hearing at the statehouse.",
  );
  const [a, b] = list.filter((x) => x.cue === "said");
  assert.ok(a && b);
  assert.equal(a.source, "the rail operator’s spokesman");
  assert.deepEqual(a.content, ["The line will reopen by the end of the month"]);
  assert.equal(b.source, "officials");
  assert.deepEqual(b.content, ["Most of the stations will stay closed until March"]);
});

test("a verb that raises a cue through 'to' is part of it ('continued to call for', 'went on to say', 'seemed to confirm')", () => {
  const list = attributions(
    "The mayor continued to call for an independent inquiry into the fire.\n\nThe fire chief went on to say that the alarms had been switched off.\n\nThe engineer seemed to confirm that the dam had been poorly maintained.",
  );
  const a = byCue(list, "continued to call for");
  assert.equal(a.source, "The mayor");
  assert.deepEqual(a.content, ["an independent inquiry into the fire"]);
  const b = byCue(list, "went on to say");
  assert.equal(b.source, "The fire chief");
  assert.deepEqual(b.content, ["that the alarms had been switched off"]);
  const c = byCue(list, "seemed to confirm");
  assert.equal(c.source, "The engineer");
  assert.deepEqual(c.content, ["that the dam had been poorly maintained"]);
});

test("'plan', 'show' or 'report' after a possessive or a noun of its kind is a noun, not a cue", () => {
  const list = attributions(
    "The mayor’s plan to close two libraries drew protests on Monday.\n\nSpeaking on a radio show last week, the senator said the bill was dead.",
  );
  assert.equal(list.filter((a) => a.cue === "plan" || a.cue === "show").length, 0);
  const a = byCue(list, "said");
  assert.equal(a.source, "the senator");
  assert.deepEqual(a.content, ["the bill was dead"]);
});

test("'called' naming something after an indefinite noun and 'phone calls' are no cues", () => {
  const list = attributions(
    "Parents at the school joined a new group called Safe Streets Now last spring.\n\nThe union made hundreds of phone calls to voters.\n\nThe senator called the proposal “a disgrace.”",
  );
  assert.equal(list.filter((a) => a.cue === "calls").length, 0);
  const a = byCue(list, "called");
  assert.equal(a.source, "The senator");
});

test("'seemed' or 'appeared' before a state or a place is no cue", () => {
  const list = attributions(
    "On Wednesday the governor appears before the delegates in Denver.\n\nThe minister seemed like a man in a hurry.\n\nThe minister appeared to suggest that the tax would rise.",
  );
  assert.equal(list.filter((a) => a.cue === "appears" || a.cue === "seemed").length, 0);
  assert.deepEqual(byCue(list, "appeared to suggest").content, ["that the tax would rise"]);
});

test("'out' after a cue verb is part of the cue ('called out')", () => {
  const a = byCue(attributions("The senator called out the mayor for the delays on the bridge."), "called out");
  assert.equal(a.source, "The senator");
  assert.deepEqual(a.content, ["the mayor for the delays on the bridge"]);
});
