import { useTranslation } from 'react-i18next';
import { messageText } from './validation-text';

/** The validation messages of one field, in the user's language, announced to screen readers. */
export function FieldError({ messages }: { messages: readonly string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <span className="error admin-field-error" role="alert">
      {messages.map((m) => messageText(m, t)).join('; ')}
    </span>
  );
}
