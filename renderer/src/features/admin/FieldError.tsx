/** The validation messages of one field, announced to screen readers. */
export function FieldError({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span className="error admin-field-error" role="alert">
      {messages.join('; ')}
    </span>
  );
}
