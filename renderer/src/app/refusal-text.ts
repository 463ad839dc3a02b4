import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Refusal } from '../../../shared/ticket/command';
import type { MutationOutcome } from './mutations';

/** A domain command's refusal in the user's language; statuses in it are translated too. */
export function refusalText(t: TFunction, r: Pick<Refusal, 'message' | 'params'> & { code: string }): string {
  const params: Record<string, string | number> = { ...r.params };
  for (const k of ['from', 'to'] as const) if (typeof params[k] === 'string') params[k] = t(`status.${params[k]}`, { defaultValue: params[k] });
  // E-Down refused for the customer's contract: the same words intake uses for that reason.
  if (r.code === 'edown_not_eligible' && typeof params.problem === 'string') params.why = t(`intake.eDownWhy.${params.problem}`, { ...params, defaultValue: r.message });
  if (typeof params.visitStatus === 'string') params.visitStatus = t(`dispatch.status.${params.visitStatus}`, { defaultValue: params.visitStatus });
  return t(`refusal.${r.code}`, { ...params, defaultValue: r.message });
}

/**
 * Why a mutation did not apply, for the form that ran it: the translated refusal when a domain
 * command refused it, else the message the store gave, else `fallback`.
 */
export function useOutcomeText(): (r: MutationOutcome, fallback: string) => string {
  const { t } = useTranslation();
  return useCallback((r, fallback) => (r.refusal ? refusalText(t, r.refusal) : (r.message ?? fallback)), [t]);
}
