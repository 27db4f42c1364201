import type { ReactNode } from 'react';

export interface Choice {
  value: string;
  label: ReactNode;
}

/**
 * A labelled `<select>` over a list of choices (cells, actors, versions…), with an optional first choice for
 * "none" / "all" (value ''). Written once so that every form of the room renders its choices the same way.
 */
export function ChoiceSelect(props: {
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  choices: readonly Choice[];
  empty?: ReactNode;
  required?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <label className={props.className}>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} required={props.required} data-testid={props.testId}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The room's cells as choices. */
export const cellChoices = (cells: ReadonlyArray<{ id: string; label: string }>): Choice[] => cells.map((c) => ({ value: c.id, label: c.label }));
