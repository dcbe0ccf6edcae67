#!/usr/bin/python3
"""End-to-end tests of the export tool: every output format loads, offsets are
exact, bad input is reported and the rest is still written.

usage: cli_test.py CLUSTERKG ARTICLES_DIR DATA_DIR OUT_DIR
"""
import json, os, socket, subprocess, sys
import xml.etree.ElementTree as ET

cli, articles, data, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)


from rdflib import Graph, Namespace, RDF  # noqa: E402


def no_network(*a, **k):
    raise RuntimeError("network access attempted")


class NoNetSocket(socket.socket):  # rdflib must not fetch anything
    def connect(self, *a, **k):
        no_network()


socket.socket = NoNetSocket
socket.create_connection = no_network

CKG = Namespace("https://w3id.org/clusterkg/vocab#")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, stdin=None):
    return subprocess.run([cli, *args], capture_output=True, input=stdin)


# 1. JSON-LD of the sample corpus: loads in rdflib, offsets exact.
target = os.path.join(out, "sample.jsonld")
r = run("extract", articles, "-o", target)
check(r.returncode == 0, f"extract exits 0, got {r.returncode}: {r.stderr[-300:]}")
check(b"7 articles, 0 failed" in r.stderr, f"summary names 7 articles: {r.stderr!r}")
g = Graph()
g.parse(target, format="json-ld")
check(len(g) > 500, f"JSON-LD has triples ({len(g)})")
clusters = set(g.subjects(RDF.type, CKG.IndustrialCluster))
check(len(clusters) >= 7, f"at least 7 clusters, got {len(clusters)}")
bad = total = 0
urls = {}
for art in g.subjects(RDF.type, __import__("rdflib").URIRef("https://schema.org/NewsArticle")):
    urls[art] = str(next(g.objects(art, __import__("rdflib").URIRef("https://schema.org/url"))))
for m in g.subjects(RDF.type, CKG.Mention):
    art = next(g.objects(m, CKG.article))
    url = urls[art]
    if not os.path.exists(url):
        continue  # a JSONL record: offsets count bytes of its text field
    raw = open(url, "rb").read()
    s, e = int(next(g.objects(m, CKG.start))), int(next(g.objects(m, CKG.end)))
    total += 1
    if raw[s:e].decode("utf-8") != str(next(g.objects(m, CKG.text))):
        bad += 1
check(total > 100 and bad == 0, f"mention offsets exact: {bad} wrong of {total}")

# 1b. The same inputs in reverse order give the same bytes.
files = sorted(os.path.join(articles, f) for f in os.listdir(articles))
r1 = run("extract", *files)
r2 = run("extract", *reversed(files))
check(r1.returncode == 0 and r1.stdout == r2.stdout, "output independent of input order")

# 1c. Any number of threads gives the same bytes and the same messages.
for fmt in ("jsonld", "ndjson"):
    runs = [run("extract", "-f", fmt, "-j", j, articles, data, "/nonexistent/y.txt") for j in ("1", "3")]
    check(runs[0].stdout == runs[1].stdout and runs[0].stderr == runs[1].stderr and
          runs[0].returncode == runs[1].returncode == 1, f"-j 1 and -j 3 give the same {fmt}")

# 2. NDJSON: one line per article, in input order, each a JSON-LD document.
r = run("extract", "--format", "ndjson", articles)
lines = r.stdout.decode().splitlines()
check(r.returncode == 0 and len(lines) == 7, f"7 NDJSON lines, got {len(lines)}")
for i, line in enumerate(lines):
    gl = Graph()
    gl.parse(data=line, format="json-ld")
    check(len(gl) > 10, f"NDJSON line {i} loads")
check(json.loads(lines[0])["@graph"][0]["url"].endswith("01-suzhou-nano.txt"), "NDJSON keeps input order")

# 3. GraphML and DOT.
r = run("extract", "--format", "graphml", articles)
root = ET.fromstring(r.stdout)
check(root.tag.endswith("graphml") and len(root.findall(".//{*}node")) > 50, "GraphML parses with nodes")
graphml = os.path.join(out, "sample.graphml")
open(graphml, "wb").write(r.stdout)
import networkx  # noqa: E402  (Debian python3-networkx)
gx = networkx.read_graphml(graphml)
names = {d.get("name") for _, d in gx.nodes(data=True)}
check(gx.number_of_nodes() > 50 and "苏州纳米新材料集群" in names, "networkx reads the GraphML")
kinds = {d.get("relation") for _, _, d in gx.edges(data=True)}
check({"mentions", "location", "promotionAgency"} <= kinds, f"GraphML edge relations: {kinds}")
r = run("extract", "--format", "dot", os.path.join(articles, "01-suzhou-nano.txt"))
check(r.stdout.startswith(b"digraph") and b"label=" in r.stdout, "DOT output")
dot = os.path.join(out, "sample.dot")
open(dot, "wb").write(r.stdout)
rendered = subprocess.run(["dot", "-Tsvg", dot], capture_output=True)
check(rendered.returncode == 0 and b"<svg" in rendered.stdout and
      "苏州纳米新材料集群".encode() in rendered.stdout, "graphviz renders the DOT")

# 4. Bad input: named on stderr with the position; the rest is still written.
bad_utf8 = os.path.join(data, "bad-utf8.txt")
empty = os.path.join(data, "empty.txt")
records = os.path.join(data, "bad-records.jsonl")
good = os.path.join(articles, "01-suzhou-nano.txt")
r = run("extract", bad_utf8, empty, "/nonexistent/x.txt", records, good)
err = r.stderr.decode()
check(r.returncode == 1, f"exit status 1 on bad input, got {r.returncode}")
check(f"{bad_utf8}: byte 24: invalid UTF-8" in err, f"invalid UTF-8 named with byte: {err}")
check(f"{empty}: empty article" in err, "empty file named")
check("/nonexistent/x.txt: no such file or directory" in err, "missing path named")
check(f"{records}:2: not a JSON object" in err, "bad JSONL line named with its line")
gb = Graph()
gb.parse(data=r.stdout.decode(), format="json-ld")
names = {str(o) for o in gb.objects(None, __import__("rdflib").URIRef("https://schema.org/name"))}
for n in ("苏州纳米新材料集群", "宁波磁性材料产业集群"):
    check(n in names, f"{n} still extracted next to bad input")
r = run("extract", "--format", "ndjson", bad_utf8, good)
lines = r.stdout.decode().splitlines()
check(len(lines) == 2 and "ckg:error" in json.loads(lines[0]), "NDJSON keeps a line for a failed article")

# 4b. A file over the size limit is refused before it is read.
huge = os.path.join(out, "huge.txt")
with open(huge, "wb") as f:
    f.truncate(100 * 1024 * 1024)  # sparse: 100 MB of NUL bytes, no disk used
r = run("extract", huge, good)
check(r.returncode == 1 and f"{huge}: 104857600 bytes is more than the limit of 33554432"
      in r.stderr.decode(), f"100 MB file refused: {r.stderr[-200:]!r}")
check("苏州纳米新材料集群" in r.stdout.decode(), "the other article is still written")
os.remove(huge)

# 4b'. JSON-LD goes through temporary files in $TMPDIR: none is left
# behind, and a $TMPDIR that cannot take them is named.
spool_dir = os.path.join(out, "spool-tmp")
os.makedirs(spool_dir, exist_ok=True)
r = subprocess.run([cli, "extract", articles], capture_output=True,
                   env={**os.environ, "TMPDIR": spool_dir})
check(r.returncode == 0 and r.stdout == r1.stdout,
      f"extract with its own TMPDIR gives the same bytes: {r.stderr[-300:]!r}")
check(os.listdir(spool_dir) == [], f"temporary files left behind: {os.listdir(spool_dir)}")
r = subprocess.run([cli, "extract", articles], capture_output=True,
                   env={**os.environ, "TMPDIR": "/nonexistent/tmp"})
check(r.returncode == 1 and r.stderr.decode().startswith(
      "clusterkg: /nonexistent/tmp: temporary file: cannot make a temporary file:"),
      f"a TMPDIR that does not exist is named: {r.returncode} {r.stderr[-300:]!r}")

# 4c. A directory of mixed files: each bad one named, the good ones written.
mixed = os.path.join(out, "mixed")
os.makedirs(os.path.join(mixed, "sub"), exist_ok=True)
os.makedirs(os.path.join(mixed, ".git"), exist_ok=True)
open(os.path.join(mixed, "a.txt"), "w").write("苏州纳米新材料集群发展。\n")
open(os.path.join(mixed, "sub", "b.html"), "w").write("<p>宁波磁性材料产业集群扩容。</p>")
open(os.path.join(mixed, "c.png"), "wb").write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
open(os.path.join(mixed, "d.txt"), "w").write("")
open(os.path.join(mixed, ".git", "e.txt"), "w").write("杭州数字安防集群")
open(os.path.join(mixed, "f.jsonl"), "w").write('{"text": "合肥智能语音集群"}\nnot json\n')
r = run("extract", "-f", "ndjson", mixed)
err = r.stderr.decode()
lines = r.stdout.decode().splitlines()
check(r.returncode == 1, f"mixed directory exits 1: {r.returncode}")
check(f"{mixed}/c.png: byte 8: NUL byte (binary file?)" in err, f"binary file named: {err}")
check(f"{mixed}/d.txt: empty article" in err, "empty file named")
check(f"{mixed}/f.jsonl:2: not a JSON object" in err, "bad record named")
check(len(lines) == 6, f"one NDJSON line per article, hidden folders skipped: {len(lines)}")
joined = "\n".join(lines)
for n in ("苏州纳米新材料集群", "宁波磁性材料产业集群", "合肥智能语音集群"):
    check(n in joined, f"{n} written next to the bad files")
check("杭州数字安防集群" not in joined, "hidden folders are skipped")

# 5. Standard input holds JSONL records.
r = run("extract", "-", stdin='{"id": "s1", "text": "苏州纳米新材料集群发展。"}\n'.encode())
check(r.returncode == 0 and "苏州纳米新材料集群" in r.stdout.decode(), "JSONL on standard input")

# 6. A broken rule pack exits 2 with file and line.
pack = os.path.join(out, "broken.yaml")
open(pack, "w").write("rules:\n  - id: x\n    type: Place\n    pattern: '(?P<name>[a'\n")
r = run("extract", "--rules", pack, good)
check(r.returncode == 2 and f"{pack}:4: x: bad pattern" in r.stderr.decode(), f"broken pack: {r.stderr!r}")

# 6b. stats and path.
r = run("stats", "--json", articles)
st = json.loads(r.stdout)
check(r.returncode == 0 and st["articles"] == 7 and st["entities"] > 50, "stats --json counts")
suzhou = [c for c in st["clusters"] if c["name"] == "苏州纳米新材料集群"]
check(len(suzhou) == 1 and suzhou[0]["promotion_agencies"] == ["苏州纳米科技发展有限公司"],
      "stats cluster profile")
r = run("stats", articles)
check(r.returncode == 0 and b"most central (betweenness):" in r.stdout, "stats table")
r = run("path", "华中科技大学", "武汉", articles)
check(r.returncode == 0 and r.stdout.decode().splitlines()[-1] == "  --mentions--> 武汉 (Place)",
      f"path: {r.stdout!r}")
r = run("path", "华中科技大学", "不存在的机构", articles)
check(r.returncode == 1 and "no entity named" in r.stderr.decode(), "path with an unknown name")

# 8. merge: shards extracted apart and merged give the bytes of one run.
half_a, half_b = files[: len(files) // 2], files[len(files) // 2 :]
shard_a = os.path.join(out, "shard-a.jsonld")
shard_b = os.path.join(out, "shard-b.ndjson")
r = run("extract", "-q", "-o", shard_a, *half_a)
check(r.returncode == 0, f"extract shard a: {r.stderr[-300:]!r}")
r = run("extract", "-q", "-f", "ndjson", "-o", shard_b, *half_b)
check(r.returncode == 0, f"extract shard b: {r.stderr[-300:]!r}")
r = run("merge", shard_a, shard_b)
check(r.returncode == 0 and r.stdout == r1.stdout, f"merge = one run: {r.returncode} {r.stderr[-300:]!r}")
r = run("merge", shard_b, shard_a)
check(r.stdout == r1.stdout, "merge in the other order = one run")
merged = os.path.join(out, "merged.jsonld")
open(merged, "wb").write(r.stdout)
r = run("merge", merged, shard_b)
check(r.returncode == 0 and r.stdout == r1.stdout and b"kept once" in r.stderr,
      f"an article merged twice is kept once: {r.stderr!r}")
r = run("merge", "-", stdin=open(shard_b, "rb").read())
r_b = run("extract", *half_b)
check(r.returncode == 0 and r.stdout == r_b.stdout, "merge reads NDJSON on standard input")
r = run("merge", "-f", "ndjson", merged)
r_nd = run("extract", "-f", "ndjson", *sorted(files))
check(r.stdout == r_nd.stdout, "merge -f ndjson = extract -f ndjson")
r = run("merge", "-f", "graphml", shard_a, shard_b)
r_gm = run("extract", "-f", "graphml", *files)
check(r.returncode == 0 and r.stdout == r_gm.stdout, "merge -f graphml = extract -f graphml")

# 8b. merge refuses what it cannot merge exactly, and keeps the rest.
lean = os.path.join(out, "lean.jsonld")
run("extract", "-q", "--no-record", "-o", lean, half_a[0])
r = run("merge", lean, shard_b)
err = r.stderr.decode()
check(r.returncode == 1 and f"{lean}: {half_a[0]}: has no ckg:record" in err, f"no record: {err}")
check(r.stdout == r_b.stdout, "the other shard is still merged")
extra = os.path.join(out, "extra.tsv")
open(extra, "w").write("视觉智能\tIndustry\n")
other = os.path.join(out, "other.ndjson")
run("extract", "-q", "-f", "ndjson", "--rules", extra, "-o", other, half_a[0])
r = run("merge", other)
check(r.returncode == 1 and "record: matched with rule pack" in r.stderr.decode(),
      f"another pack is refused: {r.stderr!r}")
r = run("merge", "--rules", extra, other)
check(r.returncode == 0, f"merge with the same packs: {r.stderr!r}")
broken = os.path.join(out, "broken.jsonld")
open(broken, "wb").write(open(shard_a, "rb").read()[:5000])
r = run("merge", broken, shard_b)
check(r.returncode == 1 and f"{broken}:" in r.stderr.decode() and "not JSON-LD" in r.stderr.decode(),
      f"a cut JSON-LD file is named with its line: {r.stderr!r}")
failed_nd = os.path.join(out, "failed.ndjson")
run("extract", "-q", "-f", "ndjson", "-o", failed_nd, empty, half_b[0])
r = run("merge", failed_nd)
check(r.returncode == 1 and f"{failed_nd}:1: {empty}: was not extracted" in r.stderr.decode(),
      f"a failed article is reported: {r.stderr!r}")
check("ckg:record" in r.stdout.decode(), "and the good one is written")

s1 = os.path.join(out, "stdin-1.ndjson")
s2 = os.path.join(out, "stdin-2.ndjson")
open(s1, "wb").write(run("extract", "-f", "ndjson", "-",
                         stdin='{"text": "苏州纳米新材料集群发展。"}\n'.encode()).stdout)
open(s2, "wb").write(run("extract", "-f", "ndjson", "-",
                         stdin='{"text": "宁波磁性材料产业集群发展。"}\n'.encode()).stdout)
r = run("merge", s1, s2)
check(r.returncode == 1 and f"{s2}: <stdin>:1: another article with this id was read from {s1}"
      in r.stderr.decode(), f"two articles under one id are not merged silently: {r.stderr!r}")

# 9. rules check reports every problem of a pack at once, with lines;
# rules test runs examples; explain shows mentions, what they beat, rules.
bad_pack = os.path.join(out, "bad-pack.yaml")
open(bad_pack, "w", encoding="utf-8").write(
    "rules:\n"                                             # 1
    "  - id: park.name\n"                                  # 2
    "    type: Organization\n"                             # 3
    "    pattern: '(?P<name>\\p{Han}{2,8}(?:园区|产业园)'\n"   # 4 missing )
    "  - id: park.zone\n"                                  # 5
    "    type: Place\n"                                    # 6
    "    pattern: '(?P<name>\\p{Han}{2,6}片区)'\n"          # 7
    "    colour: green\n"                                  # 8 unknown key
    "  - id: park.zone\n"                                  # 9 duplicate id
    "    type: Place\n"                                    # 10
    "    pattern: '(?P<name>\\p{Han}{2,6}园)'\n"            # 11
    "  - id: park.base\n"                                  # 12
    "    type: Place\n"                                    # 13
    "    pattern: '\\p{Han}{2,6}基地'\n"                    # 14 no capture
    "  - id: park.lab\n"                                   # 15
    "    type: Organization\n"                             # 16
    "    pattern: '(?P<name>星海\\p{Han}{2}所)'\n"           # 17
    "    examples:\n"                                      # 18
    "      - {text: '星海声学所开放。', name: 星海声学研究所}\n"  # 19 fails
)
r = run("rules", "check", bad_pack)
err = r.stderr.decode()
for want in [f"{bad_pack}:4: park.name: bad pattern: missing )",
             f"{bad_pack}:8: park.zone: unknown key \"colour\"",
             f"{bad_pack}:9: park.zone: duplicate id (first defined at {bad_pack}:5)",
             f"{bad_pack}:14: park.base: pattern has no capture (?P<name>...)",
             f"{bad_pack}:19: park.lab: example does not give \"星海声学研究所\"; "
             "the rule gives \"星海声学所\""]:
    check(want in err, f"rules check reports {want!r}: {err!r}")
check(r.returncode == 1, f"rules check exits 1 on problems: {r.returncode}")
check(len(err.strip().splitlines()) == 5, f"exactly five problems: {err!r}")
r = run("extract", "--rules", bad_pack, os.path.join(articles, "01-suzhou-nano.txt"))
check(r.returncode == 2 and f"{bad_pack}:4:" in r.stderr.decode(),
      f"extract refuses the broken pack: {r.returncode}")
r = run("rules", "test", "--require-examples")
check(r.returncode == 0 and b"0 failing examples" in r.stdout,
      f"the built-in pack's examples hold: {r.stdout!r} {r.stderr!r}")
r = run("explain", os.path.join(articles, "01-suzhou-nano.txt"))
txt = r.stdout.decode()
check(r.returncode == 0 and "Organization 苏州市人民政府 [80, 101) org.government" in txt
      and "beat Place 苏州 [80, 89) gazetteer:Place" in txt
      and "issuedBy: 《苏州市纳米新材料产业高质量发展三年行动方案》 -> 苏州市人民政府 rel.issued_by"
      in txt, f"explain shows mentions, overlaps and relations: {txt[:600]!r}")
raw = open(os.path.join(articles, "01-suzhou-nano.txt"), "rb").read()
check(raw[80:101].decode() == "苏州市人民政府", "explain's offsets are into the original input")
r = run("explain", "--json", os.path.join(articles, "01-suzhou-nano.txt"))
ej = json.loads(r.stdout)
gov = [m for s in ej["sentences"] for m in s["mentions"] if m["name"] == "苏州市人民政府"]
check(gov and gov[0]["raw"] == [80, 101] and gov[0]["rule"] == "org.government"
      and [(b["type"], b["name"], b["raw"], b["rule"]) for b in gov[0].get("beat", [])]
      == [("Place", "苏州", [80, 89], "gazetteer:Place")], f"explain --json: {gov!r}")

# 10. A pack from files declares a type (IndustrialPark) and a relation
# (parkIn) with two rules and a gazetteer; they reach every output format.
packs = os.path.join(os.path.dirname(articles), "packs", "parks")
park_args = ["-r", os.path.join(packs, "parks.yaml"), "-r", os.path.join(packs, "parks.tsv")]
park_article = os.path.join(packs, "article.txt")
r = run("rules", "check", os.path.join(packs, "parks.yaml"), os.path.join(packs, "parks.tsv"))
check(r.returncode == 0 and b"3 rules, 6 examples, 0 problems in the packs, 0 failing" in r.stdout,
      f"the park pack checks clean: {r.stdout!r} {r.stderr!r}")
park_jsonld = os.path.join(out, "parks.jsonld")
r = run("extract", *park_args, park_article, "-o", park_jsonld)
check(r.returncode == 0, f"extract with the park pack: {r.stderr!r}")
pg = Graph()
pg.parse(park_jsonld, format="json-ld")
SDO = Namespace("https://schema.org/")
parks = {str(next(pg.objects(p, SDO.name))) for p in pg.subjects(RDF.type, CKG.IndustrialPark)}
check(parks == {"星湖智造产业园", "北岭新能源产业基地", "南湖数字港"}, f"JSON-LD parks: {parks}")
park_in = {(str(next(pg.objects(a, SDO.name))), str(next(pg.objects(b, SDO.name))))
           for a, b in pg.subject_objects(CKG.parkIn)}
check(park_in == {("星湖智造产业园", "苏州")}, f"JSON-LD ckg:parkIn: {park_in}")
alias = {str(o) for p in pg.subjects(RDF.type, CKG.IndustrialPark)
         for o in pg.objects(p, SDO.alternateName)}
check(alias == {"数字港"}, f"the gazetteer alias: {alias}")
r = run("extract", *park_args, "-f", "graphml", park_article)
root = ET.fromstring(r.stdout)
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
keys = {k.get("attr.name"): k.get("id") for k in root.iter("{%s}key" % ns["g"])}
gm_parks = {n.find(f"g:data[@key='{keys['name']}']", ns).text
            for n in root.iter("{%s}node" % ns["g"])
            if n.find(f"g:data[@key='{keys['type']}']", ns) is not None
            and n.find(f"g:data[@key='{keys['type']}']", ns).text == "IndustrialPark"}
gm_rel = [e for e in root.iter("{%s}edge" % ns["g"])
          if e.find(f"g:data[@key='{keys['relation']}']", ns).text == "parkIn"]
check(gm_parks == parks and len(gm_rel) == 1, f"GraphML parks {gm_parks}, parkIn edges {len(gm_rel)}")
r = run("extract", *park_args, "-f", "dot", park_article)
dot = r.stdout.decode()
check(dot.count("type=IndustrialPark") == 3 and "[label=parkIn]" in dot,
      f"DOT parks and parkIn: {dot[:400]!r}")

# 11. The docs/rules.md tutorial: a cluster the built-in pack misses, a
# first rule dropped for a reason explain names, and the finished pack.
valleys = os.path.join(os.path.dirname(articles), "packs", "valleys")
valley = os.path.join(valleys, "article.txt")
r = run("explain", valley)
check(b"IndustrialCluster" not in r.stdout, f"the built-in pack misses the valley: {r.stdout!r}")
first = os.path.join(out, "valleys-first.yaml")
open(first, "w", encoding="utf-8").write(
    "rules:\n"
    "  - id: cluster.valley\n"
    "    type: IndustrialCluster\n"
    "    pattern: '(?P<name>\\p{Han}{2,8}?(?P<head>谷))(?:[^物歌底子]|$)'\n"
    "    trim: true\n"
    "    require_place: true\n"
    "    examples:\n"
    "      - {text: '临江激光谷去年实现产值420亿元。', name: 临江激光谷}\n")
r = run("explain", "-r", first, valley)
check("dropped IndustrialCluster 临江激光谷 [0, 15) cluster.valley: it does not start with a known "
      "place (require_place)" in r.stdout.decode(), f"explain names why: {r.stdout!r}")
r = run("rules", "check", first)
check(r.returncode == 1 and f"{first}:8: cluster.valley: example does not give \"临江激光谷\"; the "
      "rule matched \"临江激光谷\", dropped: it does not start with a known place (require_place)"
      in r.stderr.decode(), f"rules check says why the example fails: {r.stderr!r}")
r = run("rules", "test", os.path.join(valleys, "valleys.yaml"))
check(r.returncode == 0 and b"2 rules, 4 examples, 0 failing examples" in r.stdout,
      f"the finished pack's examples hold: {r.stdout!r} {r.stderr!r}")
r = run("explain", "-r", os.path.join(valleys, "valleys.yaml"), valley)
txt = r.stdout.decode()
check("IndustrialCluster 临江激光谷 [135, 150) cluster.valley" in txt
      and "promotionAgency: 临江激光谷 -> 临江光电产业促进会 rel.promotion_agency.by" in txt
      and "structure:cluster-industry" not in txt, f"the finished pack finds both: {txt!r}")

# 7. Usage errors exit 2; --version answers.
r = run("extract")
check(r.returncode == 2 and b"inputs is required" in r.stderr, f"usage error exits 2: {r.returncode}")
r = run("--version")
check(r.returncode == 0 and r.stdout.strip() == b"0.1.0", f"--version: {r.stdout!r}")

print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
