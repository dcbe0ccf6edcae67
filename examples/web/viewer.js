// clusterkg graph viewer: reads the JSON-LD (or NDJSON) that clusterkg
// writes (docs/jsonld-vocabulary.md) and draws its entities with
// Cytoscape.js. The graph comes inlined in <script id="ckg-data"> (what
// `clusterkg extract --format html` writes) or from a file the user opens.
//
// For tests and scripts, window.ckg holds { cy, model, ready, readyMs,
// select(id) } once a graph is drawn; document fires "ckg:ready".
(function () {
  "use strict";

  const VOCAB = "https://w3id.org/clusterkg/vocab#";
  const SCHEMA = "https://schema.org/";

  // Base types: colour (as in the DOT output), shape and label.
  const TYPES = {
    Organization: { color: "#4e79a7", shape: "round-rectangle", label: "Organization 组织" },
    Place: { color: "#59a14f", shape: "ellipse", label: "Place 地点" },
    Policy: { color: "#e15759", shape: "diamond", label: "Policy 政策" },
    IndustrialCluster: { color: "#f28e2b", shape: "star", label: "Cluster 集群" },
    Industry: { color: "#edc948", shape: "triangle", label: "Industry 产业" },
    Event: { color: "#b07aa1", shape: "pentagon", label: "Event 活动" },
    Person: { color: "#ff9da7", shape: "ellipse", label: "Person 人物" },
    Publication: { color: "#9c755f", shape: "rectangle", label: "Publication 媒体" },
  };
  const OTHER = { color: "#bab0ac", shape: "hexagon" };
  const RELATIONS = {
    location: { color: "#59a14f", label: "location 位于" },
    containedInPlace: { color: "#8cd17d", label: "containedInPlace 隶属" },
    promotionAgency: { color: "#4e79a7", label: "promotionAgency 促进机构" },
    leadingEnterprise: { color: "#f28e2b", label: "leadingEnterprise 龙头企业" },
    issuedBy: { color: "#e15759", label: "issuedBy 发布" },
    industry: { color: "#edc948", label: "industry 产业" },
    partner: { color: "#b07aa1", label: "partner 合作" },
  };
  const OTHER_RELATION = { color: "#79706e" };
  const NOT_ENTITIES = new Set(["NewsArticle", "RelationStatement", "CoOccurrence", "Mention"]);

  const $ = (id) => document.getElementById(id);
  const el = (tag, props, ...children) => {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children) e.append(c);
    return e;
  };
  const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  // "ckg:IndustrialCluster", "Place", "https://…#IndustrialPark" -> local name
  const local = (term) => String(term).replace(/^.*[#/:]/, "");
  const refId = (v) => (v && typeof v === "object" ? v["@id"] : v);
  const typeStyle = (t) => TYPES[t] || OTHER;
  const relationStyle = (p) => RELATIONS[p] || OTHER_RELATION;

  // ---- reading -----------------------------------------------------------

  // The nodes of one JSON-LD document or of an NDJSON file (one document
  // per line), merged by @id.
  function nodesOf(text) {
    let docs;
    try {
      docs = [JSON.parse(text)];
    } catch (e) {
      docs = text.split("\n").filter((l) => l.trim()).map((l, i) => {
        try {
          return JSON.parse(l);
        } catch (err) {
          throw new Error("line " + (i + 1) + " is not JSON: " + err.message);
        }
      });
    }
    const nodes = [];
    for (const d of docs) {
      if (Array.isArray(d)) nodes.push(...d);
      else if (d["@graph"]) nodes.push(...d["@graph"]);
      else nodes.push(d);
    }
    return nodes;
  }

  // The model the views need: entities, articles, relations with their
  // evidence, co-occurrences.
  function buildModel(nodes) {
    const entities = new Map(), articles = new Map(), relations = [], cooc = new Map();
    const relationKeys = new Set();
    for (const n of nodes) {
      const types = list(n["@type"]).map(local);
      const id = n["@id"];
      if (!id) continue;
      if (types.includes("NewsArticle")) {
        articles.set(id, {
          id,
          headline: n.headline || n.url || id,
          date: n.datePublished || "",
          url: n.url || "",
        });
      } else if (types.includes("RelationStatement")) {
        const key = refId(n["ckg:subject"]) + " " + local(refId(n["ckg:predicate"])) + " " +
          refId(n["ckg:object"]);
        if (relationKeys.has(key)) {
          const r = relations.find((x) => x.key === key);
          r.evidence.push(...list(n["ckg:evidence"]).map(evidenceOf));
          continue;
        }
        relationKeys.add(key);
        relations.push({
          key,
          source: refId(n["ckg:subject"]),
          target: refId(n["ckg:object"]),
          predicate: local(refId(n["ckg:predicate"])),
          evidence: list(n["ckg:evidence"]).map(evidenceOf),
        });
      } else if (types.includes("CoOccurrence")) {
        const [a, b] = list(n["ckg:entity"]).map(refId);
        const key = a < b ? a + " " + b : b + " " + a;
        const prev = cooc.get(key);
        cooc.set(key, { a, b, count: (prev ? prev.count : 0) + Number(n["ckg:count"] || 1) });
      } else if (!types.some((t) => NOT_ENTITIES.has(t)) && n.name !== undefined) {
        const prev = entities.get(id);
        const mentions = list(n["ckg:mention"]).map((m) => ({
          article: refId(m["ckg:article"]),
          start: m["ckg:start"],
          end: m["ckg:end"],
          text: m["ckg:text"],
          rule: m["ckg:rule"],
        }));
        if (prev) {  // NDJSON: one entity in many articles' documents
          prev.mentions.push(...mentions);
          for (const a of list(n.alternateName)) if (!prev.aliases.includes(a)) prev.aliases.push(a);
          continue;
        }
        entities.set(id, {
          id,
          name: String(n.name),
          type: types[0],
          subtypes: types.slice(1),
          aliases: list(n.alternateName).map(String),
          sameAs: list(n.sameAs).map(refId),
          mentions,
        });
      }
    }
    // relations between entities that are drawn
    const kept = relations.filter((r) => entities.has(r.source) && entities.has(r.target));
    const co = [...cooc.values()].filter((c) => entities.has(c.a) && entities.has(c.b));
    return { entities, articles, relations: kept, cooccurrences: co };
  }

  function evidenceOf(e) {
    return {
      article: refId(e["ckg:article"]),
      sentence: e["ckg:sentence"] || "",
      start: e["ckg:start"],
      end: e["ckg:end"],
      rule: e["ckg:rule"] || "",
    };
  }

  // ---- drawing -----------------------------------------------------------

  let cy = null, model = null, current = null, timings = {};

  function elementsOf(m, withCooc = true) {
    const els = [];
    for (const e of m.entities.values()) {
      const articles = new Set(e.mentions.map((x) => x.article)).size;
      const st = typeStyle(e.type);
      els.push({
        group: "nodes",
        data: {
          id: e.id,
          label: e.name,
          type: e.type,
          color: st.color,
          shape: st.shape,
          size: Math.round(16 + 9 * Math.log2(1 + e.mentions.length)),
          mentions: e.mentions.length,
          articles,
        },
      });
    }
    m.relations.forEach((r, i) => {
      els.push({
        group: "edges",
        classes: "relation",
        data: {
          id: "r" + i, source: r.source, target: r.target, predicate: r.predicate,
          color: relationStyle(r.predicate).color, index: i,
        },
      });
    });
    if (withCooc) els.push(...coocElements(m));
    return els;
  }

  function coocElements(m) {
    const els = [];
    const maxCount = m.cooccurrences.reduce((a, c) => Math.max(a, c.count), 1);
    m.cooccurrences.forEach((c, i) => {
      els.push({
        group: "edges",
        classes: "cooc",
        data: {
          id: "c" + i, source: c.a, target: c.b, count: c.count,
          width: 0.5 + 4 * Math.sqrt(c.count / maxCount),
        },
      });
    });
    return els;
  }

  const STYLE = [
    {
      selector: "node",
      style: {
        "background-color": "data(color)", shape: "data(shape)", width: "data(size)",
        height: "data(size)", label: "data(label)", "font-size": 11, "text-valign": "bottom",
        "text-margin-y": 3, "min-zoomed-font-size": 7, color: "#1f2328",
        "text-outline-color": "#fff", "text-outline-width": 1.5,
        "font-family": "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif",
      },
    },
    {
      selector: "edge.relation",
      style: {
        "line-color": "data(color)", "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", width: 2, "arrow-scale": 0.8,
      },
    },
    {
      selector: "edge.cooc",
      style: {
        "line-color": "#c9ced4", width: "data(width)", "curve-style": "haystack", opacity: 0.55,
      },
    },
    { selector: "edge.relation.labelled", style: { label: "data(predicate)", "font-size": 9, color: "#555", "text-rotation": "autorotate" } },
    { selector: ".faded", style: { opacity: 0.08, "text-opacity": 0 } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#0969da" } },
    { selector: ".hidden", style: { display: "none" } },
  ];

  function layoutOptions(n) {
    // large graphs: the spectral draft only, which settles at once
    const big = n > 1500;
    return {
      name: "fcose", quality: big ? "draft" : "default", randomize: true, animate: false,
      fit: true, padding: 20, nodeRepulsion: 6000, idealEdgeLength: 60, numIter: big ? 200 : 1500,
      packComponents: true, nodeDimensionsIncludeLabels: false, tile: true,
    };
  }

  // The force layout over the entities and their relations (co-occurrence
  // edges are drawn but do not pull: they are many, and the relations carry
  // the structure). Small graphs: fcose. Large ones: positions from
  // forceLayout below, which settles thousands of nodes in a fraction of a
  // second.
  const BIG = 1500;
  function runLayout() {
    if (model.entities.size > BIG) {
      const pos = forceLayout(model);
      cy.nodes().positions((n) => pos.get(n.id()));
      cy.fit(undefined, 20);
      return;
    }
    cy.elements().not(".cooc").layout(layoutOptions(model.entities.size)).run();
  }

  // A Barnes-Hut force layout: nodes repel (through a quadtree, theta 0.9),
  // relations pull like springs, a weak gravity keeps components together;
  // a fixed number of cooling rounds from a deterministic spiral, so the
  // same graph is drawn the same way. Returns Map id -> {x, y}.
  function forceLayout(m, rounds = 100, gravity = 1, springs = 0.3) {
    const ids = [...m.entities.keys()];
    const index = new Map(ids.map((id, i) => [id, i]));
    const n = ids.length;
    const x = new Float64Array(n), y = new Float64Array(n);
    const fx = new Float64Array(n), fy = new Float64Array(n);
    const mass = new Float64Array(n).fill(1);
    const edges = m.relations.map((r) => [index.get(r.source), index.get(r.target)]);
    for (const [a, b] of edges) { mass[a] += 0.3; mass[b] += 0.3; }
    const spread = 30 * Math.sqrt(n);
    for (let i = 0; i < n; ++i) {
      const r = spread * Math.sqrt((i + 0.5) / n), t = i * 2.399963;
      x[i] = r * Math.cos(t);
      y[i] = r * Math.sin(t);
    }
    const k = 40, theta2 = 0.81;
    // the quadtree, flat: per cell its mass, centre of mass, corner, side,
    // four children and the one point it holds (-1: none or several)
    const cap = 8 * n + 64;
    const cm = new Float64Array(cap), mx = new Float64Array(cap), my = new Float64Array(cap);
    const ox = new Float64Array(cap), oy = new Float64Array(cap), side = new Float64Array(cap);
    const kids = new Int32Array(cap * 4), point = new Int32Array(cap);
    let cells = 0;
    const cell = (x0, y0, s) => {
      const c = cells++;
      cm[c] = 0; mx[c] = 0; my[c] = 0; ox[c] = x0; oy[c] = y0; side[c] = s; point[c] = -1;
      kids[c * 4] = kids[c * 4 + 1] = kids[c * 4 + 2] = kids[c * 4 + 3] = -1;
      return c;
    };
    const quadrant = (c, i) => (x[i] >= ox[c] + side[c] / 2 ? 1 : 0) + (y[i] >= oy[c] + side[c] / 2 ? 2 : 0);
    const child = (c, q) => {
      if (kids[c * 4 + q] < 0) {
        const h = side[c] / 2;
        kids[c * 4 + q] = cell(ox[c] + (q & 1 ? h : 0), oy[c] + (q & 2 ? h : 0), h);
      }
      return kids[c * 4 + q];
    };
    const stack = new Int32Array(cap);
    for (let round = 0; round < rounds; ++round) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let i = 0; i < n; ++i) {
        if (x[i] < x0) x0 = x[i];
        if (x[i] > x1) x1 = x[i];
        if (y[i] < y0) y0 = y[i];
        if (y[i] > y1) y1 = y[i];
      }
      cells = 0;
      const root = cell(x0, y0, Math.max(x1 - x0, y1 - y0) + 1);
      for (let i = 0; i < n; ++i) {
        let c = root;
        for (let depth = 0; ; ++depth) {
          const empty = cm[c] === 0;
          const w = cm[c] + mass[i];
          mx[c] = (mx[c] * cm[c] + x[i] * mass[i]) / w;
          my[c] = (my[c] * cm[c] + y[i] * mass[i]) / w;
          cm[c] = w;
          if (empty) { point[c] = i; break; }
          if (depth > 30 || cells + 2 > cap) { point[c] = -1; break; }  // merged
          if (point[c] >= 0) {  // move the one point down
            const j = point[c];
            point[c] = -1;
            const d = child(c, quadrant(c, j));
            cm[d] = mass[j]; mx[d] = x[j]; my[d] = y[j]; point[d] = j;
          }
          c = child(c, quadrant(c, i));
        }
      }
      for (let i = 0; i < n; ++i) {
        let ax = 0, ay = 0, top = 0;
        stack[top++] = root;
        while (top) {
          const c = stack[--top];
          if (point[c] === i) continue;
          const dx = x[i] - mx[c], dy = y[i] - my[c];
          const d2 = dx * dx + dy * dy + 0.01;
          const leaf = kids[c * 4] < 0 && kids[c * 4 + 1] < 0 && kids[c * 4 + 2] < 0 && kids[c * 4 + 3] < 0;
          if (leaf || side[c] * side[c] < theta2 * d2) {
            const f = (k * k * cm[c]) / d2;
            ax += dx * f; ay += dy * f;
          } else {
            for (let q = 0; q < 4; ++q) if (kids[c * 4 + q] >= 0) stack[top++] = kids[c * 4 + q];
          }
        }
        fx[i] = ax; fy[i] = ay;
      }
      for (const [a, b] of edges) {
        const dx = x[a] - x[b], dy = y[a] - y[b];
        const f = (springs * Math.sqrt(dx * dx + dy * dy)) / k;
        fx[a] -= dx * f; fy[a] -= dy * f;
        fx[b] += dx * f; fy[b] += dy * f;
      }
      const temp = (spread / 10) * (1 - round / rounds) + 1;
      for (let i = 0; i < n; ++i) {
        fx[i] -= gravity * mass[i] * x[i];
        fy[i] -= gravity * mass[i] * y[i];
        const d = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]);
        if (d > 0) {
          const step = Math.min(d / mass[i], temp);
          x[i] += (fx[i] / d) * step;
          y[i] += (fy[i] / d) * step;
        }
      }
    }
    const out = new Map();
    for (let i = 0; i < n; ++i) out.set(ids[i], { x: x[i], y: y[i] });
    return out;
  }

  function draw(m, title) {
    const t0 = performance.now();
    model = m;
    if (cy) cy.destroy();
    $("drop").hidden = true;
    if (title) {
      $("title").textContent = title;
      document.title = title + " — clusterkg";
    }
    // a large graph starts without its co-occurrence edges (they are most
    // of its edges); ticking the box adds them
    const big = m.entities.size > BIG;
    if (big) $("cooc").checked = false;
    const els = elementsOf(m, !big);
    const t1 = performance.now();
    if (big) {  // positions first, then one drawing
      const pos = forceLayout(m);
      for (const e of els) if (e.group === "nodes") e.position = pos.get(e.data.id);
    }
    const t2 = performance.now();
    cy = cytoscape({
      container: $("graph"), elements: els, style: STYLE, wheelSensitivity: 0.3,
      layout: { name: "preset", fit: true, padding: 20 },
      textureOnViewport: big, hideEdgesOnViewport: big, minZoom: 0.02, maxZoom: 5,
    });
    if (!$("cooc").checked) cy.edges(".cooc").addClass("hidden");
    // straight edges without arrows draw much faster
    if (big) cy.style().selector("edge.relation").style({ "curve-style": "haystack" }).update();
    if (!big) runLayout();
    timings.layout = t2 - t1 + (big ? 0 : performance.now() - t2);
    timings.draw = performance.now() - t2 - (big ? 0 : timings.layout);
    cy.on("tap", "node", (ev) => select(ev.target.id()));
    cy.on("tap", (ev) => { if (ev.target === cy) clearSelection(); });
    buildLegend(m);
    buildClusters(m);
    $("counts").textContent = m.entities.size + " entities, " + m.relations.length +
      " relations, " + m.cooccurrences.length + " co-occurrences, " + m.articles.size + " articles";
    const readyMs = performance.now() - t0;
    // readyAt: milliseconds since the page began loading
    window.ckg = { cy, model: m, ready: true, readyMs, readyAt: performance.now(), timings, select };
    document.dispatchEvent(new CustomEvent("ckg:ready", { detail: { readyMs } }));
  }

  function buildLegend(m) {
    const counts = new Map();
    for (const e of m.entities.values()) counts.set(e.type, (counts.get(e.type) || 0) + 1);
    const legend = $("legend");
    legend.replaceChildren();
    const order = Object.keys(TYPES).filter((t) => counts.has(t))
      .concat([...counts.keys()].filter((t) => !TYPES[t]).sort());
    for (const t of order) {
      const box = el("input", { type: "checkbox", checked: true });
      box.dataset.type = t;
      box.addEventListener("change", () => {
        cy.nodes().filter((n) => n.data("type") === t).toggleClass("hidden", !box.checked);
      });
      const st = typeStyle(t);
      const sw = el("span", { className: "swatch" });
      sw.style.background = st.color;
      legend.append(el("li", {}, el("label", {}, box, " ", sw, " ", (TYPES[t] ? TYPES[t].label : t) +
        " (" + counts.get(t) + ")")));
    }
    const edges = $("edge-legend");
    edges.replaceChildren();
    const preds = [...new Set(m.relations.map((r) => r.predicate))].sort();
    for (const p of preds) {
      const sw = el("span", { className: "edge-swatch" });
      sw.style.background = relationStyle(p).color;
      edges.append(el("li", {}, sw, " ", (RELATIONS[p] ? RELATIONS[p].label : p)));
    }
    const sw = el("span", { className: "edge-swatch" });
    sw.style.background = "#c9ced4";
    edges.append(el("li", {}, sw, " co-occurrence 共现"));
  }

  function buildClusters(m) {
    const ul = $("clusters");
    ul.replaceChildren();
    const clusters = [...m.entities.values()].filter((e) => e.type === "IndustrialCluster")
      .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    for (const c of clusters.slice(0, 200)) {
      const li = el("li", { textContent: c.name, title: c.name });
      li.addEventListener("click", () => select(c.id));
      ul.append(li);
    }
  }

  // ---- selection and details ----------------------------------------------

  function clearSelection() {
    current = null;
    cy.elements().removeClass("faded labelled");
    cy.nodes().unselect();
    $("details").replaceChildren(el("p", { className: "hint",
      textContent: "Click a node, or search for a name, to see its aliases, relations and evidence." }));
  }

  function select(id) {
    const node = cy.getElementById(id);
    const e = model.entities.get(id);
    if (!e || node.empty()) return false;
    current = id;
    cy.nodes().unselect();
    node.select();
    const hood = node.closedNeighborhood();
    cy.elements().addClass("faded");
    hood.removeClass("faded");
    cy.edges().removeClass("labelled");
    hood.edges(".relation").addClass("labelled");
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
    showDetails(e);
    return true;
  }

  function entityLink(id) {
    const e = model.entities.get(id);
    const a = el("a", { className: "entity", textContent: e ? e.name : id, href: "#" });
    a.addEventListener("click", (ev) => { ev.preventDefault(); select(id); });
    return a;
  }

  function articleLine(id) {
    const a = model.articles.get(id);
    const span = el("span", { className: "src" });
    if (!a) {
      span.textContent = id;
      return span;
    }
    const link = el("a", { textContent: a.headline, href: a.url || "#", target: "_blank" });
    span.append(link);
    if (a.date) span.append(" · " + a.date);
    return span;
  }

  function showDetails(e) {
    const d = $("details");
    d.replaceChildren();
    const st = typeStyle(e.type);
    const badge = el("span", { className: "badge", textContent: e.type });
    badge.style.background = st.color;
    d.append(el("h2", { id: "detail-name", textContent: e.name }), badge);
    if (e.subtypes.length) d.append(" ", el("span", { className: "muted", textContent: e.subtypes.map(local).join(", ") }));
    const articles = new Set(e.mentions.map((m) => m.article));
    d.append(el("p", { id: "detail-mentions", textContent: e.mentions.length + " mentions in " +
      articles.size + " article" + (articles.size === 1 ? "" : "s") }));
    d.append(el("h3", { textContent: "Aliases 别名" }));
    const aliases = el("ul", { id: "detail-aliases" });
    for (const a of e.aliases) aliases.append(el("li", { textContent: a }));
    if (!e.aliases.length) aliases.append(el("li", { className: "muted", textContent: "none" }));
    d.append(aliases);
    for (const s of e.sameAs) {
      d.append(el("p", { className: "muted", textContent: "sameAs " + s }));
    }

    const out = model.relations.filter((r) => r.source === e.id);
    const inc = model.relations.filter((r) => r.target === e.id);
    if (e.type === "IndustrialCluster") d.append(clusterProfile(e, out, inc));

    d.append(el("h3", { textContent: "Relations 关系" }));
    const rl = el("ul", { id: "detail-relations" });
    for (const r of out) rl.append(el("li", {}, r.predicate + " → ", entityLink(r.target)));
    for (const r of inc) rl.append(el("li", {}, entityLink(r.source), " → " + r.predicate));
    if (!out.length && !inc.length) rl.append(el("li", { className: "muted", textContent: "none" }));
    d.append(rl);

    d.append(el("h3", { textContent: "Evidence 依据" }));
    const ev = el("div", { id: "detail-evidence" });
    let shown = 0;
    for (const r of out.concat(inc)) {
      for (const x of r.evidence) {
        if (shown >= 30) break;
        const other = r.source === e.id ? r.target : r.source;
        const div = el("div", { className: "evidence" },
          el("div", { className: "sentence", textContent: x.sentence }),
          el("div", { className: "src" }, r.predicate + " · ", entityLink(other), " · ",
            articleLine(x.article), " · " + x.rule));
        ev.append(div);
        ++shown;
      }
    }
    if (!shown) {
      // no relation: the places the entity is named
      for (const m of e.mentions.slice(0, 10)) {
        ev.append(el("div", { className: "evidence" },
          el("div", { className: "sentence", textContent: m.text + " [" + m.start + ", " + m.end + ")" }),
          el("div", { className: "src" }, articleLine(m.article), " · " + m.rule)));
      }
    }
    d.append(ev);

    d.append(el("h3", { textContent: "Articles 文章" }));
    const al = el("ul");
    for (const a of [...articles].slice(0, 30)) al.append(el("li", {}, articleLine(a)));
    d.append(al);
  }

  // A cluster's profile: where it is, who promotes and leads it, its
  // industries, the policies and events around it.
  function clusterProfile(e, out, inc) {
    const box = el("div", { id: "cluster-profile" });
    box.append(el("h3", { textContent: "Cluster profile 集群概况" }));
    const groups = [
      ["Places 地点", out.filter((r) => r.predicate === "location").map((r) => r.target)],
      ["Promotion agencies 促进机构", out.filter((r) => r.predicate === "promotionAgency").map((r) => r.target)],
      ["Leading enterprises 龙头企业", out.filter((r) => r.predicate === "leadingEnterprise").map((r) => r.target)],
      ["Industries 产业", out.filter((r) => r.predicate === "industry").map((r) => r.target)],
    ];
    // policies and events named in the cluster's articles
    const arts = new Set(e.mentions.map((m) => m.article));
    const near = (type) => [...model.entities.values()]
      .filter((x) => x.type === type && x.mentions.some((m) => arts.has(m.article)))
      .map((x) => x.id);
    groups.push(["Policies 政策 (same articles)", near("Policy")]);
    groups.push(["Events 活动 (same articles)", near("Event")]);
    for (const [title, ids] of groups) {
      const uniq = [...new Set(ids)];
      const p = el("p", {}, el("strong", { textContent: title + ": " }));
      if (!uniq.length) p.append(el("span", { className: "muted", textContent: "—" }));
      uniq.slice(0, 20).forEach((id, i) => { if (i) p.append("、"); p.append(entityLink(id)); });
      box.append(p);
    }
    void inc;
    return box;
  }

  // ---- search --------------------------------------------------------------

  function searchMatches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    for (const e of model.entities.values()) {
      const name = e.name.toLowerCase();
      const aliases = e.aliases.map((a) => a.toLowerCase());
      // the name itself, an alias itself, then names and aliases holding it
      let rank = name === q ? 0 : aliases.includes(q) ? 1 : name.startsWith(q) ? 2
        : name.includes(q) ? 3 : aliases.some((a) => a.includes(q)) ? 4 : -1;
      if (rank >= 0) hits.push([rank, -e.mentions.length, e.name, e]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
    return hits.slice(0, 20).map((h) => h[3]);
  }

  function showResults() {
    const ol = $("results");
    ol.replaceChildren();
    if (!model) return;
    const hits = searchMatches($("search").value);
    ol.hidden = hits.length === 0;
    hits.forEach((e, i) => {
      const li = el("li", {}, el("span", { textContent: e.name }),
        el("span", { className: "type", textContent: e.type + (e.aliases.length ? " · " + e.aliases.slice(0, 3).join(", ") : "") }));
      if (i === 0) li.classList.add("active");
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(e.id); });
      ol.append(li);
    });
  }

  function pick(id) {
    $("results").hidden = true;
    select(id);
  }

  // ---- wiring ----------------------------------------------------------------

  function load(text, title) {
    try {
      const t0 = performance.now();
      const nodes = nodesOf(text);
      const t1 = performance.now();
      const m = buildModel(nodes);
      timings = { parse: t1 - t0, model: performance.now() - t1 };
      draw(m, title);
    } catch (err) {
      $("drop").hidden = false;
      $("drop").textContent = "Cannot read " + (title || "the file") + ": " + err.message;
    }
  }

  function readFile(file) {
    const reader = new FileReader();
    reader.onload = () => load(String(reader.result), file.name);
    reader.readAsText(file);
  }

  function init() {
    if (typeof cytoscapeFcose !== "undefined") cytoscape.use(cytoscapeFcose);
    $("search").addEventListener("input", showResults);
    $("search").addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        const hits = model ? searchMatches($("search").value) : [];
        if (hits.length) pick(hits[0].id);
      } else if (ev.key === "Escape") {
        $("results").hidden = true;
      }
    });
    $("search").addEventListener("blur", () => { $("results").hidden = true; });
    $("cooc").addEventListener("change", () => {
      if (!cy) return;
      if ($("cooc").checked && cy.edges(".cooc").empty()) cy.add(coocElements(model));
      cy.edges(".cooc").toggleClass("hidden", !$("cooc").checked);
    });
    $("relayout").addEventListener("click", () => {
      if (cy) runLayout();
    });
    $("file").addEventListener("change", (ev) => {
      if (ev.target.files.length) readFile(ev.target.files[0]);
    });
    const g = $("graph");
    g.addEventListener("dragover", (ev) => { ev.preventDefault(); $("drop").classList.add("over"); });
    g.addEventListener("dragleave", () => $("drop").classList.remove("over"));
    g.addEventListener("drop", (ev) => {
      ev.preventDefault();
      $("drop").classList.remove("over");
      if (ev.dataTransfer.files.length) readFile(ev.dataTransfer.files[0]);
    });
    const inline = $("ckg-data");
    if (inline) {
      load(inline.textContent, inline.dataset.title || "clusterkg graph");
    } else {
      $("drop").hidden = false;
    }
  }

  window.ckgViewer = { nodesOf, buildModel, forceLayout };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
