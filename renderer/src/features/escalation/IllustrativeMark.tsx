import { useTranslation } from 'react-i18next';

/**
 * "Illustrative — set your own", next to a number or a recipient a support policy text does not
 * give: the shipped value is an example, and the tooltip says so, so an admin does not mistake it
 * for a vendor's promise.
 */
export function IllustrativeMark({ what }: { what: 'value' | 'recipients' }) {
  const { t } = useTranslation();
  const why = what === 'value' ? t('escalation.settings.illustrativeValueWhy') : t('escalation.settings.illustrativeRecipientsWhy');
  return (
    <em className="illustrative-mark" title={why} data-testid="illustrative-mark" data-what={what}>
      {t('escalation.settings.illustrative')}
      <span className="sr-only"> {why}</span>
    </em>
  );
}
