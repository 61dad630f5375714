import { ZipArchive } from './zip';
import { parsePart } from './xml';

/**
 * Reads every part of a package through the zip checks (sizes, CRC, bomb limits) and every XML
 * part (.xml, .rels) through the XML parser (well-formed, UTF-8, no DOCTYPE), so that a copy of
 * the package made from its stored bytes is never less sound than what was read. Throws
 * WorkbookReadError naming the first part that fails.
 */
export function checkPackage(zip: ZipArchive, alreadyParsed: ReadonlySet<string> = new Set()): void {
  const none = () => {};
  for (const name of zip.names()) {
    if (zip.parsed.has(name) || alreadyParsed.has(name)) continue;
    if (/\.(xml|rels)$/i.test(name)) parsePart(zip, name, { open: none, close: none });
    else zip.stream(name, none);
  }
}
