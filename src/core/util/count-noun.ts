/** A count and its English noun: "1 minute", "0 minutes", "3 minutes". */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
