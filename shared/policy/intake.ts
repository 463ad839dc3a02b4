import type { Ticket } from '../ticket/schema';
import type { IntakeFieldName, Policy } from './schema';

type IntakeSource = Pick<Ticket, 'contactName' | 'contactEmail' | 'contactPhone' | 'productVersion' | 'description' | 'impact' | 'intake'>;

/** Required intake fields (per policy) that are still empty; fields without a ticket column live in `ticket.intake`. */
export function missingIntakeFields(ticket: IntakeSource, policy: Policy): IntakeFieldName[] {
  return policy.requiredIntakeFields.filter((f) => fieldValue(ticket, f).trim() === '');
}

function fieldValue(t: IntakeSource, f: IntakeFieldName): string {
  switch (f) {
    case 'contactName':
      return t.contactName;
    case 'contactEmail':
      return t.contactEmail;
    case 'contactPhone':
      return t.contactPhone;
    case 'productVersion':
      return t.productVersion;
    case 'description':
      return t.description;
    case 'impact':
      return t.impact;
    default:
      return t.intake[f] ?? '';
  }
}
