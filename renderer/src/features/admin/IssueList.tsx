import { useTranslation } from 'react-i18next';
import { messageText, pathText } from './validation-text';

/** Every validation problem of a configuration item, listed above its Save button. */
export function IssueList({ issues, testId }: { issues: readonly { path: string; message: string }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid={testId}>
      <strong>{t('admin.fixBeforeSaving', { count: issues.length })}</strong>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}><span className="issue-where">{pathText(i.path, t)}</span>: {messageText(i.message, t)}</li>
        ))}
      </ul>
    </div>
  );
}
