import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BankEntry } from '../../core/items/item-schema.ts';
import { bankEntrySchema } from '../../core/items/item-schema.ts';
import { parseContentFile } from '../yaml/parse-yaml-entries.ts';
import { writeYaml } from '../yaml/write-yaml.ts';
import type { ImportStore } from './plan-import.ts';

const COLLECTION = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/**
 * An import store that keeps each collection as one content file, `<dir>/<collection>.yaml`,
 * until imports are wired to the database. A save rewrites the file through a temporary file and
 * a rename, so a failed write never leaves half a file.
 */
export class YamlDirStore implements ImportStore {
  constructor(private readonly dir: string) {}

  private file(collection: string): string {
    if (!COLLECTION.test(collection)) throw new Error(`collection name "${collection}" must be lowercase letters, digits, ".", "_" or "-"`);
    return path.join(this.dir, `${collection}.yaml`);
  }

  private async read(collection: string): Promise<BankEntry[]> {
    const file = this.file(collection);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    const parsed = parseContentFile(text, file);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Error(`${file}:${errors[0]!.line}:${errors[0]!.column} ${errors[0]!.message}`);
    return parsed.entries.map((r) => bankEntrySchema.parse(r.value));
  }

  async existingIds(collection: string): Promise<Set<string>> {
    return new Set((await this.read(collection)).map((e) => e.id));
  }

  async saveItems(collection: string, entries: BankEntry[], options: { update: boolean }): Promise<void> {
    const current = await this.read(collection);
    const incoming = new Map(entries.map((e) => [e.id, e]));
    const merged = current.map((e) => (options.update && incoming.has(e.id) ? incoming.get(e.id)! : e));
    const have = new Set(current.map((e) => e.id));
    for (const e of entries) if (!have.has(e.id)) merged.push(e);
    const file = this.file(collection);
    await mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, writeYaml(merged).output);
    await rename(tmp, file);
  }
}
