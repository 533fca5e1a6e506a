import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbEntries } from '../testing/arbitrary-entries.ts';
import { expectRoundTrip } from '../testing/round-trip.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { projectMarkdown, writeMarkdown } from './write-markdown.ts';

describe('Markdown', () => {
  it('round-trips generated single and multiple-response items', () => {
    fc.assert(fc.property(arbEntries(), (entries) => expectRoundTrip(entries, writeMarkdown, (o) => parseMarkdown(o), projectMarkdown)), { numRuns: 150, seed: 42 });
  });

  it('reads the layout of open-source banks, with options wrapped over several lines', () => {
    const text = `# AWS MLA-C01 practice questions

### A team needs to store training data cheaply.
Which service should it use?

- [ ] Amazon EBS provisioned IOPS
      volumes attached to each instance
- [x] Amazon S3
- [ ] Amazon EFS
- [ ] Amazon FSx for Lustre

**[⬆ Back to Top](#table-of-contents)**

Source: a blog post.

### Which TWO services can run Spark jobs? (Select TWO.)

* [x] AWS Glue
* [x] Amazon EMR
* [ ] Amazon Athena
  with federated queries
* [ ] Amazon Kinesis Data Streams
* [ ] AWS Lambda
`;
    const r = parseMarkdown(text);
    expect(r.entries).toHaveLength(2);
    expect(r.entries[0]).toMatchObject({ type: 'single', stem: 'A team needs to store training data cheaply.\nWhich service should it use?' });
    const [first, second] = r.entries;
    if (first?.type !== 'single' || second?.type !== 'multiple') throw new Error('types');
    expect(first.options[0]!.text).toBe('Amazon EBS provisioned IOPS volumes attached to each instance');
    expect(first.options.map((o) => o.correct)).toEqual([false, true, false, false]);
    expect(first.options[3]!.text).toBe('Amazon FSx for Lustre');
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'lossy', itemId: first.id, line: 14, message: 'dropped: text after the options (line 14)' }));
    expect(second.select).toBe(2);
    expect(second.options[2]!.text).toBe('Amazon Athena with federated queries');
    expect(r.entries[0]!.id).toMatch(/^md-[0-9a-f]{8}$/);
  });

  it('reports a question without options at its line', () => {
    const r = parseMarkdown('### Question one\n\ntext only\n\n### Two\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n');
    expect(r.entries).toHaveLength(1);
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'error', line: 1, column: 1, message: 'question has no "- [x]" / "- [ ]" options' }));
  });
});
