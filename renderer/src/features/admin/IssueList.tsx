import { useTranslation } from 'react-i18next';

/** Every validation problem of a configuration item, listed above its Save button. */
export function IssueList({ issues, testId }: { issues: readonly { path: string; message: string }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid={testId}>
      <strong>{t('admin.fixBeforeSaving', { count: issues.length })}</strong>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}><span className="mono">{i.path || t('admin.wholeItem')}</span>: {i.message}</li>
        ))}
      </ul>
    </div>
  );
}
