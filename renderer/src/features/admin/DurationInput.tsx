import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useController, type Control, type FieldPath } from 'react-hook-form';
import type { PolicyInput } from '../../../../shared/policy';
import { parseDuration, splitDuration } from './duration';

type Props = { control: Control<PolicyInput>; name: FieldPath<PolicyInput>; allowDays: boolean; label: string };

/**
 * A clock target typed and shown as people think of it ("4 h", "1 h 30 min", "2 d") while the
 * policy keeps minutes. What cannot be read says why under the field and leaves the form unsaveable.
 */
export function DurationInput({ control, name, allowDays, label }: Props) {
  const { t } = useTranslation();
  const { field } = useController({ control, name });
  // null: show the stored value in words; a string: what the user is typing.
  const [typed, setTyped] = useState<string | null>(null);
  const value = typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : undefined;
  const shown = typed ?? (value === undefined ? '' : splitDuration(value, allowDays).map(([unit, n]) => `${n} ${t(`admin.duration.${unit}`)}`).join(' '));
  const parsed = typed === null ? undefined : parseDuration(typed, allowDays);
  const problem = parsed && !parsed.ok ? t(`admin.duration.problems.${parsed.problem}`) : undefined;
  return (
    <span className="duration-input">
      <input
        type="text"
        inputMode="text"
        aria-label={label}
        aria-invalid={problem !== undefined}
        title={t(allowDays ? 'admin.duration.hintDays' : 'admin.duration.hint')}
        value={shown}
        ref={field.ref}
        size={12}
        onChange={(e) => {
          setTyped(e.target.value);
          const p = parseDuration(e.target.value, allowDays);
          field.onChange(p.ok ? p.minutes : Number.NaN);
        }}
        onBlur={() => {
          if (parsed?.ok) setTyped(null);
          field.onBlur();
        }}
      />
      {value !== undefined && <span className="muted duration-stored">{t('admin.duration.stored', { minutes: value })}</span>}
      {problem && <span className="error" role="alert">{problem}</span>}
    </span>
  );
}
