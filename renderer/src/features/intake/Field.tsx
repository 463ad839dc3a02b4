import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ControlProps = { 'aria-label'?: string; 'aria-required'?: boolean; 'aria-describedby'?: string };

/**
 * A labelled form field with its required mark and its error. The control is named by the field
 * label alone (the asterisk is visual; `aria-required` says it) and described by its error.
 */
export function Field({ name, required, error, children, wide }: { name: string; required: boolean; error?: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const label = t(`intake.fields.${name}`);
  const control = isValidElement(children)
    ? cloneElement(children as ReactElement<ControlProps>, { 'aria-label': label, 'aria-required': required, ...(error ? { 'aria-describedby': `err-${name}` } : {}) })
    : children;
  return (
    <label className={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`} data-field={name}>
      <span aria-hidden="true">
        {label}
        {required && <abbr title={t('intake.required')}> *</abbr>}
      </span>
      {control}
      {error && (
        <span className="error" role="alert" id={`err-${name}`}>
          {error}
        </span>
      )}
    </label>
  );
}
