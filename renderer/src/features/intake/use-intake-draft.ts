import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IntakeForm } from '../../../../shared/ticket';

const KEY = 'service-desk.intake-draft';

/** The half-typed form survives leaving the screen, a reload or a crash; cleared once saved. */
export function loadIntakeDraft(): Partial<IntakeForm> | undefined {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    return raw && typeof raw === 'object' ? (raw as Partial<IntakeForm>) : undefined;
  } catch {
    return undefined;
  }
}

export function clearIntakeDraft(): void {
  localStorage.removeItem(KEY);
}

export function useIntakeDraftAutosave(form: UseFormReturn<IntakeForm>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = form.watch((values) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => localStorage.setItem(KEY, JSON.stringify(values)), 250);
    });
    return () => {
      sub.unsubscribe();
      // Flush on leave so the last keystrokes are kept.
      if (timer) {
        clearTimeout(timer);
        localStorage.setItem(KEY, JSON.stringify(form.getValues()));
      }
    };
  }, [form]);
}
