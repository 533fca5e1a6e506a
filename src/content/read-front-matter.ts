import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Problem } from '../core/items/check-bank.ts';
import { parseYaml } from '../formats/yaml/parse-yaml-entries.ts';

export interface FrontMatterFile<T> {
  file: string;
  front: T;
  body: string;
  /** The file's line where the body starts. */
  bodyStart: number;
  /** A position in the file, for a problem. */
  at: (line: number, column?: number) => { file: string; line: number; column: number };
}

/**
 * Reads a Markdown file with YAML front matter between two "---" lines and validates the front matter
 * with `schema`; every problem says `file:line:col` (`kind` names the content in messages and codes).
 * Returns undefined when the file cannot be used.
 */
export async function readFrontMatter<S extends z.ZodType>(dir: string, name: string, schema: S, kind: string, problems: Problem[]): Promise<FrontMatterFile<z.infer<S>> | undefined> {
  const file = path.relative(process.cwd(), path.join(dir, name)) || name;
  const text = (await readFile(path.join(dir, name), 'utf8')).replace(/\r\n/g, '\n');
  const at = (line: number, column = 1) => ({ file, line, column });
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push({ severity: 'error', code: `${kind}-front-matter`, message: `a ${kind} starts with YAML front matter between two "---" lines`, ...at(1) });
    return undefined;
  }
  const [, frontText, body] = match as unknown as [string, string, string];
  const parsed = parseYaml(frontText, file);
  // Front-matter positions are one line down (the opening "---").
  problems.push(...parsed.problems.map((p) => ({ ...p, line: p.line + 1 })));
  if (parsed.value === undefined) return undefined;
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { line, column } = parsed.locate(issue.path as (string | number)[]);
      problems.push({ severity: 'error', code: `${kind}-schema`, message: `${issue.path.join('.')}: ${issue.message}`, ...at(line + 1, column) });
    }
    return undefined;
  }
  return { file, front: result.data, body, bodyStart: frontText.split('\n').length + 3, at };
}
