#!/usr/bin/python3
"""SPEC section 4: the output loads unchanged in rdflib and in jsonld.js with
no network, and gives the same triples both ways.

usage: jsonld_js_test.py CLUSTERKG ARTICLES_DIR OUT_DIR
"""
import json, os, subprocess, sys

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic, graph_diff

cli, articles, out = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(out, exist_ok=True)
target = os.path.join(out, "sample.jsonld")
r = subprocess.run([cli, "extract", articles, "-o", target, "-q"], capture_output=True)
if r.returncode != 0:
    sys.exit(f"extract failed: {r.stderr[-300:]!r}")
js = subprocess.run(["node", os.path.join(here, "jsonld-js", "to_quads.mjs"), target],
                    capture_output=True)
if js.returncode != 0:
    sys.exit(f"jsonld.js failed: {js.stderr.decode()[-500:]}")


def term(t):
    if t["type"] == "NamedNode":
        return URIRef(t["value"])
    if t["type"] == "BlankNode":
        return BNode(t["value"].removeprefix("_:"))
    if "language" in t:
        return Literal(t["value"], lang=t["language"])
    if t["datatype"] == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(t["value"])  # RDF 1.1: a simple literal is an xsd:string
    return Literal(t["value"], datatype=URIRef(t["datatype"]))


from_js = Graph()
for s, p, o in json.loads(js.stdout.decode("utf-8")):
    from_js.add((term(s), term(p), term(o)))
from_rdflib = Graph()
from_rdflib.parse(target, format="json-ld")
print(f"rdflib: {len(from_rdflib)} triples, jsonld.js: {len(from_js)} triples")
if len(from_rdflib) < 500 or not isomorphic(from_rdflib, from_js):
    _, only_rdflib, only_js = graph_diff(from_rdflib, from_js)
    for t in list(only_rdflib)[:5]:
        print("only rdflib:", t)
    for t in list(only_js)[:5]:
        print("only jsonld.js:", t)
    sys.exit(1)
print("same triples both ways")
