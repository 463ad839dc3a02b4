import { useTranslation } from 'react-i18next';
import type { EDownAnswers } from '../../../../shared/ticket';

/** The E-Down questionnaire as answered when production went down: the reason and who to call first. */
export function EDownAnswersPanel({ answers }: { answers: EDownAnswers }) {
  const { t, i18n } = useTranslation();
  const since = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(answers.downSince);
  return (
    <div className="brief-card brief-edown" data-testid="edown-answers">
      <h2>{t('edown.title')}</h2>
      <dl className="brief-facts">
        <div className="wide"><dt>{t('edown.reason')}</dt><dd>{t(`edown.reasons.${answers.reason}`)}</dd></div>
        <div><dt>{t('edown.usersAffected')}</dt><dd>{t('ticket-brief.usersOf', { affected: answers.usersAffected, total: answers.usersTotal })}</dd></div>
        <div><dt>{t('edown.downSince')}</dt><dd>{since}</dd></div>
        <div><dt>{t('edown.technicalContact')}</dt><dd>{answers.technicalContact}</dd></div>
        <div className="wide"><dt>{t('edown.actionsTaken')}</dt><dd className="brief-description">{answers.actionsTaken}</dd></div>
      </dl>
    </div>
  );
}
