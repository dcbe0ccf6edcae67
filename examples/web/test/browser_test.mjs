// End-to-end test of the graph page in headless Chromium (Debian's
// chromium, driven by playwright-core): the page that `clusterkg extract
// --format html` writes for the sample articles draws one node per entity
// of the JSON-LD, finds an entity by its alias, and shows its aliases and
// an evidence sentence when it is clicked. Then a page of about 5,000
// entities from the generated corpus is opened, and the time until it is
// interactive is reported (not asserted).
//
// usage: node browser_test.mjs CLUSTERKG ARTICLES_DIR OUT_DIR [PYTHON GEN_CORPUS_PY]
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [cli, articles, out, python, genCorpus] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const failures = [];
const check = (cond, what) => {
  if (!cond) {
    failures.push(what);
    console.log("FAIL:", what);
  }
};

const run = (...args) => execFileSync(cli, args, { stdio: ["ignore", "pipe", "pipe"] });

// The page and the JSON-LD of the same articles.
const page = join(out, "samples.html");
const jsonld = join(out, "samples-web.jsonld");
run("extract", "-q", "-f", "html", "-o", page, articles);
run("extract", "-q", "--no-record", "-o", jsonld, articles);
const graph = JSON.parse(readFileSync(jsonld, "utf8"))["@graph"];
const notEntity = new Set(["NewsArticle", "ckg:RelationStatement", "ckg:CoOccurrence"]);
const types = (n) => (Array.isArray(n["@type"]) ? n["@type"] : [n["@type"]]);
const entities = graph.filter((n) => !types(n).some((t) => notEntity.has(t)));

// An entity with an alias and a relation with evidence: the test searches
// for it by the alias.
const statements = graph.filter((n) => n["@type"] === "ckg:RelationStatement");
const withEvidence = new Set(statements.flatMap((s) => [s["ckg:subject"]["@id"], s["ckg:object"]["@id"]]));
const target = entities
  .filter((e) => (e.alternateName || []).length && withEvidence.has(e["@id"]))
  .sort((a, b) => (b["ckg:mention"] || []).length - (a["ckg:mention"] || []).length)[0];
check(target, "the samples have an entity with an alias and a relation");
const alias = target.alternateName[0];
const sentences = new Set(statements
  .filter((s) => s["ckg:subject"]["@id"] === target["@id"] || s["ckg:object"]["@id"] === target["@id"])
  .flatMap((s) => s["ckg:evidence"].map((e) => e["ckg:sentence"])));

const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
if (!executablePath) {
  console.log("FAIL: no chromium (scripts/setup.sh installs Debian's chromium)");
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--allow-file-access-from-files"],
});
try {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  const tab = await ctx.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(String(e)));
  tab.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) errors.push("request " + r.url());
  });
  await tab.goto(pathToFileURL(page).href);
  await tab.waitForFunction(() => window.ckg && window.ckg.ready, null, { timeout: 30000 });

  const drawn = await tab.evaluate(() => ({
    nodes: window.ckg.cy.nodes().length,
    visible: window.ckg.cy.nodes(":visible").length,
    relations: window.ckg.cy.edges(".relation").length,
  }));
  check(drawn.nodes === entities.length && drawn.visible === entities.length,
    `drawn nodes ${JSON.stringify(drawn)} = entities in the JSON-LD (${entities.length})`);
  check(drawn.relations === statements.length,
    `one edge per relation statement: ${drawn.relations} vs ${statements.length}`);

  // search by alias, pick the result, read the details panel
  await tab.fill("#search", alias);
  await tab.waitForSelector("#results li", { timeout: 5000 });
  const first = await tab.textContent("#results li:first-child");
  check(first.includes(target.name), `first result for ${alias} is ${target.name}: ${first}`);
  await tab.click("#results li:first-child");
  await tab.waitForSelector("#detail-name", { timeout: 5000 });
  const name = await tab.textContent("#detail-name");
  const aliases = await tab.$$eval("#detail-aliases li", (lis) => lis.map((l) => l.textContent));
  const shown = await tab.$$eval("#detail-evidence .sentence", (ds) => ds.map((d) => d.textContent));
  const selected = await tab.evaluate(() => window.ckg.cy.nodes(":selected").map((n) => n.id()));
  check(name === target.name, `details name ${name}`);
  check(aliases.includes(alias), `details aliases ${JSON.stringify(aliases)} include ${alias}`);
  check(shown.length > 0 && shown.every((s) => sentences.has(s)),
    `evidence sentences shown are the entity's: ${JSON.stringify(shown.slice(0, 2))}`);
  check(selected.length === 1 && selected[0] === target["@id"], `the node is selected: ${selected}`);

  // the type filter hides a type
  const places = entities.filter((e) => types(e)[0] === "Place").length;
  await tab.setChecked("#legend input[data-type='Place']", false);
  const hidden = await tab.waitForFunction(
    (want) => window.ckg.cy.nodes(":visible").length === want, entities.length - places,
    { timeout: 5000 }).then(() => true, () => false);
  const visible = await tab.evaluate(() => window.ckg.cy.nodes(":visible").length);
  check(hidden, `filtering out ${places} places leaves ${visible} of ${entities.length}`);
  await tab.setChecked("#legend input[data-type='Place']", true);

  // Chinese text renders in a CJK font (Debian fonts-noto-cjk)
  const cjk = await tab.evaluate(() => document.fonts.check("16px 'Noto Sans CJK SC'", "集群"));
  check(cjk, "a CJK font is available to the page");

  // the screenshot shows a cluster's profile (README)
  await tab.click("#clusters li:first-child");
  await tab.waitForSelector("#cluster-profile", { timeout: 5000 });
  await tab.waitForTimeout(400);  // the centring animation
  await tab.screenshot({ path: join(out, "viewer.png") });
  console.log("screenshot:", join(out, "viewer.png"));
  check(errors.length === 0, `no page errors and no network: ${errors.join("; ")}`);

  // examples/web/index.html as it is: opens JSON-LD and NDJSON files the
  // tool wrote through its file picker
  const ndjson = join(out, "samples-web.ndjson");
  run("extract", "-q", "--no-record", "-f", "ndjson", "-o", ndjson, articles);
  const viewer = join(articles, "..", "web", "index.html");
  for (const file of [jsonld, ndjson]) {
    await tab.goto(pathToFileURL(viewer).href);
    check(await tab.isVisible("#drop"), "the bare page asks for a file");
    await tab.setInputFiles("#file", file);
    await tab.waitForFunction(() => window.ckg && window.ckg.ready, null, { timeout: 30000 });
    const n = await tab.evaluate(() => window.ckg.cy.nodes().length);
    check(n === entities.length, `${file} opened in the bare page: ${n} nodes, ${entities.length} entities`);
  }

  // About 5,000 entities from the generated corpus: time to interactive.
  if (genCorpus) {
    const corpus = join(out, "web-corpus");
    execFileSync(python, [genCorpus, corpus, "--mb", "0.68", "--form", "jsonl"], { stdio: "ignore" });
    const big = join(out, "generated.html");
    run("extract", "-q", "-f", "html", "-o", big, corpus);
    const t0 = Date.now();
    await tab.goto(pathToFileURL(big).href);
    await tab.waitForFunction(() => window.ckg && window.ckg.ready, null, { timeout: 120000 });
    const wall = Date.now() - t0;
    const stats = await tab.evaluate(() => ({
      nodes: window.ckg.cy.nodes().length,
      edges: window.ckg.cy.edges().length,
      readyAt: Math.round(window.ckg.readyAt),
      drawMs: Math.round(window.ckg.readyMs),
    }));
    const c0 = Date.now();
    const someone = await tab.evaluate(() => window.ckg.cy.nodes()[0].id());
    await tab.evaluate((id) => window.ckg.select(id), someone);
    await tab.waitForSelector("#detail-name", { timeout: 10000 });
    const clickMs = Date.now() - c0;
    console.log(`generated graph: ${stats.nodes} nodes, ${stats.edges} edges; interactive ` +
      `${stats.readyAt} ms after navigation (layout and drawing ${stats.drawMs} ms, ` +
      `${wall} ms wall clock); a selection took ${clickMs} ms`);
    check(stats.nodes >= 4000, `the generated graph has about 5,000 nodes: ${stats.nodes}`);
  }
} finally {
  await browser.close();
}
console.log(`${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
