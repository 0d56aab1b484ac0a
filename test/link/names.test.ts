import assert from "node:assert/strict";
import { test } from "node:test";
import { clusterBlock } from "../../src/link/entities.js";
import { linkedType, nameKey, organizationKey, personKey } from "../../src/link/names.js";
import { statedOn, unitKind } from "../../src/link/records.js";

const key = (type: Parameters<typeof nameKey>[0], name: string) => nameKey(type, name)?.key ?? null;

test("transliteration and spelling variants of one person's name give one key", () => {
  assert.equal(key("person", "Zelensky"), key("person", "Zelenskyy"));
  assert.equal(key("person", "Zelenskiy"), key("person", "Zelenskyy"));
  assert.equal(key("person", "Prigozhin"), key("person", "Prigozhyn"));
  assert.equal(key("person", "Yevgeny Prigozhin"), key("person", "Evgeniy Prigozhyn"));
  assert.equal(key("person", "Sergei Sevryukov"), key("person", "Sergey Sevryukov"));
  assert.equal(key("person", "Lt. Gen. Sergey Sevryukov"), "sergei sevryukov");
  assert.equal(key("person", "Aleksei Navalny"), key("person", "Alexei Navalny"));
  assert.equal(key("person", "Mariya Ivanova"), key("person", "Maria Ivanova"));
  assert.equal(key("person", "Vladimir Vladimirovich Putin"), key("person", "Vladimir Putin"));
  assert.equal(key("person", "President Volodymyr Zelensky"), key("person", "Vladimir Zelensky"));
});

test("different names keep different keys", () => {
  assert.notEqual(key("person", "Maria Ivanova"), key("person", "Anna Ivanova"));
  assert.notEqual(key("person", "Sergei Sevryukov"), key("person", "Sergei Sevrukov"));
  assert.notEqual(key("person", "Roman Abramovich"), key("person", "Abramovich"), "a surname is never a patronymic");
  assert.equal(personKey("Roman Abramovich")?.surname, "abramovich");
  assert.equal(key("person", "he"), null);
});

test("a Russian ministry's many names are one body, the UK's ministry another", () => {
  const russian = [
    "Russia's Defence Ministry",
    "Russia’s Defence Ministry",
    "the Russian defense ministry",
    "Russia's defense ministry",
    "Russian Defense Ministry",
    "the Russian Defence Ministry",
    "Russian MoD",
    "Ministry of Defence of the Russian Federation",
  ];
  for (const n of russian) assert.equal(key("organization", n), "ru:ministry of defense", n);
  assert.equal(key("organization", "the UK’s Ministry of Defence"), "gb:ministry of defense");
  assert.equal(key("organization", "British Ministry of Defence"), "gb:ministry of defense");
  assert.equal(key("organization", "the Defense Ministry"), "ministry of defense", "no country: decided in context");
  assert.equal(key("organization", "Armed Forces of Ukraine"), key("organization", "Ukraine's military"));
  assert.equal(key("organization", "Ukraine’s armed forces"), "ua:armed forces");
  assert.equal(organizationKey("the Georgian Interior Ministry")?.key, "ge:ministry of internal affairs");
  assert.equal(organizationKey("Georgia's Ministry of Internal Affairs")?.key, "ge:ministry of internal affairs");
  assert.notEqual(key("organization", "Kherson regional military administration"), key("organization", "Kherson city military administration"));
});

test("a bare surname joins a full name only when the block has exactly one", () => {
  const one = clusterBlock("person", [
    { key: "ivanova", full: false },
    { key: "maria ivanova", full: true },
  ]);
  assert.equal(one.get("ivanova"), "maria ivanova");
  const two = clusterBlock("person", [
    { key: "ivanova", full: false },
    { key: "maria ivanova", full: true },
    { key: "anna ivanova", full: true },
  ]);
  assert.equal(two.get("ivanova"), "ivanova");
  assert.equal(two.get("anna ivanova"), "anna ivanova");
  assert.equal(two.get("maria ivanova"), "maria ivanova");
});

test("only capitalised names are people's names; a name's last word can say it is a body, outlet or place", () => {
  assert.equal(personKey("her husband"), null);
  assert.equal(personKey("Video footage"), null);
  assert.equal(personKey("And Kyiv"), null);
  assert.equal(personKey("Charles de Gaulle")?.key, "charles de gaule");
  assert.equal(linkedType("person", "Dnipro River"), "place");
  assert.equal(linkedType("person", "Kyiv Daily Wire"), "outlet");
  assert.equal(linkedType("person", "Russian MoD"), "organization");
  assert.equal(linkedType("person", "New Year"), null);
  assert.equal(linkedType("person", "Pavel Orlov"), "person");
});

test("unit kinds keep counts of people, of things, shares and durations apart", () => {
  assert.equal(unitKind(null), "count");
  assert.equal(unitKind("people"), "count");
  assert.equal(unitKind("drone"), "count:drone");
  assert.equal(unitKind("percentage"), "percent");
  assert.equal(unitKind("proportion"), "percent");
  assert.equal(unitKind("year of age"), "time:year of age");
  assert.equal(unitKind("dollar"), "currency:dollar");
});

test("a statement date is trusted only within two weeks before publication", () => {
  assert.equal(statedOn("2023-01-01", "2023-01-04", null), "2023-01-01");
  assert.equal(statedOn("2022-11-01", "2023-01-20", null), "2023-01-20", "a month from another clause");
  assert.equal(statedOn("2023-02-01", "2023-01-20", null), "2023-01-20", "after publication");
  assert.equal(statedOn(null, null, "2023-01-01"), "2023-01-01");
});
