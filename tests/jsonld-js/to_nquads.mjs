// Prints the N-Quads that jsonld.js reads from a JSON-LD file, refusing any
// remote document: clusterkg's context is inline.
import { readFile } from "node:fs/promises";
import jsonld from "jsonld";

const doc = JSON.parse(await readFile(process.argv[2], "utf8"));
const documentLoader = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};
const nquads = await jsonld.toRDF(doc, { format: "application/n-quads", documentLoader });
process.stdout.write(nquads);
