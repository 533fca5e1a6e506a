/**
 * Item text (always English, marked so screen readers pronounce it so in the French interface) as paragraphs: blank lines separate paragraphs; single line breaks (YAML block scalars
 * wrap long lines) are joined with spaces so text reflows at any width and zoom.
 */
export function Prose({ text, className, id }: { text: string; className?: string; id?: string }) {
  const paragraphs = text.trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' '));
  return (
    <div className={className} id={id} lang="en">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
