import { test } from "node:test";
import assert from "node:assert/strict";
import { readQuantities, singular, type Quantity } from "../../src/figures/grammar.js";

/** Quantities that are amounts, as [text, value or [first, second], qualifier, unit]. */
function amounts(text: string): Array<[string, number | [number, number], string, string | null]> {
  return readQuantities(text)
    .filter((q) => q.role === "quantity")
    .map((q: Quantity) => [text.slice(q.start, q.end), q.value ?? [q.first!, q.second!], q.qualifier, q.unit]);
}

function roles(text: string): Array<[string, string]> {
  return readQuantities(text).map((q) => [text.slice(q.number.start, q.number.end), q.role]);
}

test("digits with group separators and decimals, and number words", () => {
  assert.deepEqual(amounts("The ministry said 134,500 reservists had been called up."), [["134,500 reservists", 134500, "exact", "reservist"]]);
  assert.deepEqual(amounts("Russia fired four rockets at the city overnight."), [["four rockets", 4, "exact", "rocket"]]);
  assert.deepEqual(amounts("Five hundred conscripts arrived in Belgorod."), [["Five hundred conscripts", 500, "exact", "conscript"]]);
  assert.deepEqual(amounts("Officials counted twenty-eight thousand six hundred forty-two ballots."), [
    ["twenty-eight thousand six hundred forty-two ballots", 28642, "exact", "ballot"],
  ]);
  assert.deepEqual(amounts("A dozen drones were shot down."), [["A dozen drones", 12, "approximate", "drone"]]);
  assert.deepEqual(amounts("The fund lost 1.5 million rubles."), [["1.5 million rubles", 1.5e6, "exact", "russian ruble"]]);
  assert.deepEqual(amounts("Kyiv asked for $1.3bn in aid."), [["$1.3bn", 1.3e9, "exact", "dollar"]]);
});

test("vague words give a range, never a made-up single number", () => {
  assert.deepEqual(amounts("Dozens of people were killed."), [["Dozens of people", [12, 120], "vague", "people"]]);
  assert.deepEqual(amounts("Hundreds of soldiers refused to fight."), [["Hundreds of soldiers", [100, 1000], "vague", "soldier"]]);
  assert.deepEqual(amounts("Tens of thousands of troops massed at the border."), [["Tens of thousands of troops", [1e4, 1e5], "vague", "troop"]]);
  assert.deepEqual(amounts("Millions of Ukrainians have fled."), [["Millions of Ukrainians", [1e6, 1e7], "vague", "ukrainian"]]);
  assert.deepEqual(amounts("Several hundred men deserted."), [["Several hundred men", [300, 900], "vague", "man"]]);
});

test("fractions and proportions", () => {
  assert.deepEqual(amounts("One in five Russians opposes the war, the poll found."), [["One in five Russians", 0.2, "exact", "% russian"]]);
  const third = amounts("A third of the battalion was lost.")[0]!;
  assert.equal(third[0], "A third of the battalion");
  assert.ok(Math.abs((third[1] as number) - 1 / 3) < 1e-9);
  assert.ok(Math.abs((amounts("Nearly two-thirds of the recruits had no training.")[0]![1] as number) - 2 / 3) < 1e-9);
});

test("percentages and ranges", () => {
  assert.deepEqual(amounts("Losses rose 12% in a week."), [["12%", 12, "exact", "percentage"]]);
  assert.deepEqual(amounts("Turnout was 5.5 per cent lower."), [["5.5 per cent", 5.5, "exact", "percentage"]]);
  assert.deepEqual(amounts("Between 300 and 400 soldiers were wounded."), [["Between 300 and 400 soldiers", [300, 400], "range", "soldier"]]);
  assert.deepEqual(amounts("Casualties could reach from 20 to 40 percent of the unit."), [["20 to 40 percent", [20, 40], "range", "percentage"]]);
  assert.deepEqual(amounts("About 20-40% of the men refused."), [["About 20-40%", [20, 40], "approximate", "percentage"]]);
  assert.deepEqual(amounts("The damage is put at $10 to $15 billion."), [["$10 to $15 billion", [1e10, 1.5e10], "range", "dollar"]]);
  assert.deepEqual(amounts("There are four to five thousand people."), [["four to five thousand people", [4000, 5000], "range", "people"]]);
  // a change then a level is not a range
  assert.deepEqual(amounts("The index rose 6.5% to 164p."), [
    ["6.5%", 6.5, "exact", "percentage"],
    ["164p", 164, "exact", "point"],
  ]);
});

test("qualifier phrases map to qualifiers", () => {
  const cases: Array<[string, string]> = [
    ["about 500 troops", "approximate"],
    ["nearly 500 troops", "approximate"],
    ["almost 500 troops", "approximate"],
    ["some 500 troops", "approximate"],
    ["roughly 500 troops", "approximate"],
    ["at least 500 troops", "at_least"],
    ["no fewer than 500 troops", "at_least"],
    ["more than 500 troops", "more_than"],
    ["over 500 troops", "more_than"],
    ["upwards of 500 troops", "more_than"],
    ["up to 500 troops", "at_most"],
    ["no more than 500 troops", "at_most"],
    ["as many as 500 troops", "at_most"],
    ["fewer than 500 troops", "less_than"],
    ["less than 500 troops", "less_than"],
    ["500 troops", "exact"],
    ["500 or more troops", "at_least"],
  ];
  for (const [phrase, qualifier] of cases) {
    const [q] = amounts(`Officials said ${phrase} took part.`);
    assert.ok(q, phrase);
    assert.equal(q[2], qualifier, phrase);
    assert.equal(q[1], 500, phrase);
  }
});

test("units and counted nouns", () => {
  const units = (t: string) => amounts(t).map((q) => q[3]);
  assert.deepEqual(units("The drone flew 87 mph (140 km/h) for 30 minutes."), ["mile per hour", "kilometre per hour", "minute"]);
  assert.deepEqual(units("Brent rose to $87 a barrel and 800,000 barrels a day were cut."), ["dollar per barrel", "barrel per day"]);
  assert.deepEqual(units("A 25-year-old conscript and a 5.2 litre engine."), ["year of age", "litre"]);
  assert.deepEqual(units("The hryvnia fell to 36.9 hryvnias, or 2.4 shekels."), ["ukrainian hryvnia", "shekel"]);
  assert.deepEqual(units("He has 15 other men from his company with him."), ["other man"]);
  assert.deepEqual(units("Militants seized 14 first-team players."), ["first-team player"]);
  assert.deepEqual(units("Soldiers quartered in 63 buildings were killed."), ["building"]);
});

test("numbers that are not amounts: dates, years, times, ordinals, labels, identifiers, scores", () => {
  assert.deepEqual(roles("The invasion began on Feb. 24 and the talks on 24 February."), [["24", "date"], ["24", "date"]]);
  assert.deepEqual(roles("He was mobilised in 2022."), [["2022", "year"]]);
  assert.deepEqual(roles("Updated at 10:32 a.m. and again at 5 pm."), [["10", "time"], ["5", "time"]]);
  assert.deepEqual(roles("Officers of the 12th Main Directorate and the 1444th Motorised Rifle Regiment."), [["12", "ordinal"], ["1444", "ordinal"]]);
  assert.deepEqual(roles("Under Article 5 the case went to Section 427."), [["5", "label"], ["427", "label"]]);
  assert.deepEqual(roles("A Su-25 crashed; COVID-19 spread."), [["25", "identifier"], ["19", "identifier"]]);
  assert.deepEqual(roles("Shakhtar won 2-1 in Warsaw."), [["2-1", "score"]]);
  assert.deepEqual(roles("The 1990s were different."), [["1990", "decade"]]);
  // a year after a qualifier with a counted noun is a count
  assert.deepEqual(amounts("More than 2000 people fled.")[0]![1], 2000);
});

test("pronoun 'one' and compounds are not amounts", () => {
  assert.deepEqual(amounts("No one was hurt, and each one of them left."), []);
  const weak = readQuantities("It was one of the proudest moments in his life.").filter((q) => q.role === "quantity");
  assert.equal(weak.length, 1);
  assert.equal(weak[0]!.weak, true);
});

test("a bare number coordinated with a counted one shares its unit", () => {
  assert.deepEqual(amounts("The ministry counted 68,400 conscripts in October and 95,800 in November."), [
    ["68,400 conscripts", 68400, "exact", "conscript"],
    ["95,800", 95800, "exact", "conscript"],
  ]);
  // a percentage does not lend its unit to a level
  assert.deepEqual(amounts("The index gained 0.7 percent to 6,327.80."), [
    ["0.7 percent", 0.7, "exact", "percentage"],
    ["6,327.80", 6327.8, "exact", null],
  ]);
});

test("singular forms", () => {
  assert.equal(singular("casualties"), "casualty");
  assert.equal(singular("servicemen"), "serviceman");
  assert.equal(singular("men"), "man");
  assert.equal(singular("viruses"), "virus");
  assert.equal(singular("first-team players"), "first-team player");
});

test("a number with a glued scale at the very start of a sentence", () => {
  // the currency look-behind must not read before the first lexeme
  assert.deepEqual(amounts("35m of them voted."), [["35m", 35_000_000, "exact", null]]);
});

test("a bare number joined by 'or'/'and' to a counted one takes its unit", () => {
  assert.deepEqual(amounts("Tickets cost seven or eight dollars at the gate."), [
    ["seven", 7, "exact", "dollar"],
    ["eight dollars", 8, "exact", "dollar"],
  ]);
  assert.deepEqual(amounts("A room costs 40 or $45 a month."), [
    ["40", 40, "exact", "dollar per month"],
    ["$45 a month", 45, "exact", "dollar per month"],
  ]);
  assert.deepEqual(amounts("The drones carry three-, four- and five-kilogram warheads.").map((a) => [a[0], a[3]]), [
    ["three", "kilogram"],
    ["four", "kilogram"],
    ["five-kilogram", "kilogram"],
  ]);
  // a comma alone is no list, and a qualified second number is a different claim
  assert.deepEqual(amounts("The index closed at 7,412, 12 per cent above its low.").map((a) => a[3]), [null, "percentage"]);
  assert.deepEqual(amounts("Voters chose between the two and up to 20 percent stayed home.").map((a) => a[3]), [null, "percentage"]);
});

test("scientific notation", () => {
  assert.deepEqual(amounts("Each particle weighs about 1.67×10−27 kilograms."), [["about 1.67×10−27 kilograms", 1.67e-27, "approximate", "kilogram"]]);
  assert.deepEqual(amounts("The sample held 6.2x10^9 cells."), [["6.2x10^9 cells", 6.2e9, "exact", "cell"]]);
});

test("street numbers are labels, also before the street word and in spans", () => {
  assert.deepEqual(roles("The shelter at 16-18 Mill Road and the flat at 3 Avenue Kleber were hit."), [["16", "label"], ["3", "label"]]);
  assert.deepEqual(roles("Shells hit 9 E 71st St on Monday."), [["9", "label"], ["71", "ordinal"]]);
});

test("half a million is a number, a qualified half a share", () => {
  assert.deepEqual(amounts("The repairs cost over half a million dollars."), [["over half a million dollars", 500_000, "more_than", "dollar"]]);
  assert.deepEqual(amounts("More than half of the voters stayed home."), [["More than half of the voters", 0.5, "more_than", "% voter"]]);
});
