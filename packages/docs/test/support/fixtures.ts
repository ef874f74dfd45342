/** The picture the samples upload: `pic.jpg` in the folder a sample runs in. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ContentType } from "@lucca-api/types";

/** A JPEG's start-of-image and JFIF markers, then bytes that make the content recognisable. */
export const pictureBytes = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
  ...new TextEncoder().encode("a portrait, for the docs samples"),
  0xff, 0xd9,
]);
export const pictureName = "pic.jpg";
/** Typed `ContentType`, so the compiler checks that the API accepts it (image/jpeg would not compile). */
export const pictureType: ContentType = "image/jpg";

/** A fresh folder to run a sample in, holding `pic.jpg` when `withPicture`. */
export async function sampleWorkDir(withPicture: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "docs-sample-run-"));
  if (withPicture) await writeFile(path.join(dir, pictureName), pictureBytes);
  return dir;
}
