/** The UTC day of a time in milliseconds, as YYYY-MM-DD (ISO days compare as strings). */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
