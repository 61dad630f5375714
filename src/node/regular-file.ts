import fs from 'node:fs';

export type RegularFileFault = 'missing' | 'dir' | 'special' | 'empty';

/** A file's bytes, once it is known to be a regular, non-empty file; `say` words each fault. */
export function readRegularFile(file: string, say: (fault: RegularFileFault) => Error): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw say('missing');
  }
  if (stat.isDirectory()) throw say('dir');
  if (!stat.isFile()) throw say('special');
  if (stat.size === 0) throw say('empty');
  return fs.readFileSync(file);
}
