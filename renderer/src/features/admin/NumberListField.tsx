import { useState } from 'react';
import { useController, type Control, type FieldPathByValue } from 'react-hook-form';
import type { PolicyInput } from '../../../../shared/policy';

type ListPath = FieldPathByValue<PolicyInput, number[] | undefined>;

function parseList(text: string): number[] {
  return text.split(/[\s,;]+/).filter(Boolean).map((x) => Number(x));
}

/** A comma-separated list of numbers ("10, 30, 60"); anything not a number reaches the schema as NaN and is reported there. */
export function NumberListField({ control, name, label, invalid }: { control: Control<PolicyInput>; name: ListPath; label: string; invalid: boolean }) {
  const { field } = useController({ control, name });
  const value = (field.value as number[] | undefined) ?? [];
  const [text, setText] = useState(value.join(', '));
  return (
    <input
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        field.onChange(parseList(e.target.value));
      }}
      onBlur={field.onBlur}
    />
  );
}
