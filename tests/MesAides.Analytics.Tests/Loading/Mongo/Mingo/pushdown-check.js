// Runs the pushdown's pipelines with mingo (MongoDB's query language in JavaScript) over documents,
// so that MingoPushdownTests can check them without a MongoDB server.
// Usage: NODE_PATH=<dir>/node_modules node pushdown-check.js docs.jsonl pipelines.json groups.json
const fs = require("fs");
const { EJSON } = require("bson");
const mingo = require("mingo");

const [docsPath, pipelinesPath, outPath] = process.argv.slice(2);
const docs = fs.readFileSync(docsPath, "utf8").trim().split("\n").map(l => EJSON.parse(l, { relaxed: true }));
// mingo names an ObjectId's type after its JavaScript class.
const pipelines = EJSON.parse(fs.readFileSync(pipelinesPath, "utf8").replaceAll('"objectId"', '"objectid"'), { relaxed: true });
const out = {};
for (const name of ["rules", "daily", "housing", "geography"]) {
  out[name] = mingo.aggregate(docs, pipelines[name]);
}
out.doubtful = mingo.find(docs, pipelines.doubtful).all().map(d => d._id);
fs.writeFileSync(outPath, EJSON.stringify(out, { relaxed: false }));
