import { compareWithBase } from "./test/compare-fixtures.ts";
for (const name of process.argv.slice(2)) {
  console.log("####", name);
  for (const c of await compareWithBase(name)) console.log(JSON.stringify(c, null, 1));
}
