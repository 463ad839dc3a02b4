import { useEffect, useRef } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { intakePrefill, type IntakeForm } from '../../../../shared/ticket';
import { severityForImpact } from '../../../../shared/severity';
import type { Policy } from '../../../../shared/policy';
import type { Config } from '../../config/config-store';

const sameCustomerFields = ['company', 'contactName', 'contactEmail', 'contactPhone', 'contractNumber'] as const;

/**
 * Fills the form from what the person picks: a customer brings its only site, its contract number,
 * company and usual contact; an asset brings its product line, product, version and serial. A
 * different customer clears what the previous one filled in (and the site and asset). Where the
 * policy ties severity to the impact class, a new impact sets the severity it gives.
 */
export function useIntakePrefill(form: UseFormReturn<IntakeForm>, config: Config, policy: Policy | undefined): void {
  const [customerId, siteId, assetId, impact] = useWatch({ control: form.control, name: ['customerId', 'siteId', 'assetId', 'impact'] });
  const filledFor = useRef<{ customerId: string; values: Partial<IntakeForm> }>({ customerId, values: {} });

  useEffect(() => {
    const values = form.getValues();
    const before = filledFor.current;
    if (before.customerId !== customerId) {
      // What the previous customer filled in (and nobody changed since) goes with it.
      for (const f of sameCustomerFields) if (before.values[f] !== undefined && values[f] === before.values[f]) form.setValue(f, '', { shouldDirty: true });
      if (before.customerId !== '') {
        form.setValue('siteId', '', { shouldDirty: true });
        form.setValue('assetId', '', { shouldDirty: true });
      }
    }
    const fill = intakePrefill(form.getValues(), config, Date.now());
    for (const [k, v] of Object.entries(fill) as Array<[keyof IntakeForm, string]>) {
      if (form.getValues(k) !== v) form.setValue(k, v as never, { shouldDirty: true });
    }
    filledFor.current = { customerId, values: before.customerId === customerId ? { ...before.values, ...fill } : fill };
  }, [customerId, siteId, assetId, config, form]);

  const lastImpact = useRef(impact);
  useEffect(() => {
    if (!policy) return;
    const derived = severityForImpact(policy, impact);
    // Only a change of impact (or a severity not chosen yet) moves the severity: a restored override stays.
    if (derived && (lastImpact.current !== impact || form.getValues('severity') === '')) form.setValue('severity', derived, { shouldDirty: true });
    lastImpact.current = impact;
  }, [impact, policy, form]);
}
