import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled form field with its required mark and its error, tied together for screen readers. */
export function Field({ name, required, error, children, wide }: { name: string; required: boolean; error?: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`} data-field={name}>
      <span>
        {t(`intake.fields.${name}`)}
        {required && <abbr title={t('intake.required')}> *</abbr>}
      </span>
      {children}
      {error && (
        <span className="error" role="alert" id={`err-${name}`}>
          {error}
        </span>
      )}
    </label>
  );
}
