import { open, rename } from 'node:fs/promises';
import path from 'node:path';

let sequence = 0;

/**
 * Replaces `file` so that readers see either the old or the new content, never a partial one: write a
 * temp file in the same folder, fsync it, rename it over the target (atomic on POSIX), fsync the folder
 * so the rename survives a crash.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${sequence++}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const folder = await open(path.dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
