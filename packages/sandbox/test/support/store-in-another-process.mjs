// A FileStore of the built sandbox (dist/) in a process of its own, for
// test/shared-data-folder.test.ts: it opens the data folder `argv[2]`, receives the upload
// `argv[4]` and commits it, holding at the step `argv[3]` ("received", or a StoreStep of the
// commit) until a line comes on its stdin; then it prints the stored file as JSON.
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { FileStore } from "../../dist/file-store.js";

const [dataDir, holdAt, content] = process.argv.slice(2);
const stdin = createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();

async function hold(step) {
  if (step !== holdAt) return;
  process.stdout.write(`holding at ${step}\n`);
  await lines.next();
}

const store = await FileStore.open(dataDir, { onStep: hold });
const pending = await store.receive(Readable.from([Buffer.from(content)]));
await hold("received");
const file = await store.commit(pending, { fileName: "from-another-process.txt", contentType: "text/plain" });
process.stdout.write(`${JSON.stringify(file)}\n`);
stdin.close();
