/** The exam versions as radio buttons, one a line: the course's choice on the first launch and on the deep-linking picker. */
export function ExamRadios({ exams, value, onChange }: { exams: readonly { id: string; code: string; name: string }[]; value: string; onChange: (id: string) => void }) {
  return exams.map((x) => (
    <label key={x.id} className="choice-line">
      <input type="radio" name="exam" value={x.id} checked={value === x.id} onChange={() => onChange(x.id)} />{' '}
      <span>
        <strong>{x.code}</strong> {x.name}
      </span>
    </label>
  ));
}
