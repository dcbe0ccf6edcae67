// Prints, as JSON, the quads that jsonld.js reads from a JSON-LD file,
// refusing any remote document: clusterkg's context is inline. (JSON rather
// than N-Quads: the N-Triples parser of Debian 12's rdflib 6.1 decodes an
// escaped backslash before "n" as a newline, which would make a literal
// holding JSON text differ for a reason outside both processors.)
import { readFile } from "node:fs/promises";
import jsonld from "jsonld";

const doc = JSON.parse(await readFile(process.argv[2], "utf8"));
const documentLoader = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};
const quads = await jsonld.toRDF(doc, { documentLoader });
const term = (t) => ({
  type: t.termType,
  value: t.value,
  ...(t.datatype ? { datatype: t.datatype.value } : {}),
  ...(t.language ? { language: t.language } : {}),
});
process.stdout.write(
  JSON.stringify(quads.map((q) => [term(q.subject), term(q.predicate), term(q.object)])),
);
