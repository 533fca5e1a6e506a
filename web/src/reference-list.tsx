/** The AWS pages a lesson or a project rests on, each opening in a new tab. */
export function ReferenceList({ references }: { references: string[] }) {
  return (
    <ul>
      {references.map((r) => (
        <li key={r}>
          <a href={r} target="_blank" rel="noopener noreferrer">
            {r.replace(/^https:\/\//, '')}
          </a>
        </li>
      ))}
    </ul>
  );
}
