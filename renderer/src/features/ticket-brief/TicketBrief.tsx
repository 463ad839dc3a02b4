import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/ticket';
import { EDownAnswersPanel } from './EDownAnswersPanel';
import './ticket-brief.css';

type Row = { field: string; value: ReactNode };

/** Rows whose value is present; a field intake left empty is not shown at all (no wall of dashes). */
function present(rows: Array<{ field: string; value: ReactNode }>): Row[] {
  return rows.filter((r) => r.value !== undefined && r.value !== null && r.value !== '');
}

function Facts({ rows, testId }: { rows: Row[]; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('ticket-brief.nothing')}</p>;
  return (
    <dl className="brief-facts" data-testid={testId}>
      {rows.map((r) => (
        <div key={r.field} data-field={r.field}>
          <dt>{t(`intake.fields.${r.field}`)}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Everything intake captured, in the order an engineer scans it: what is broken and whom to call
 * first, then the product and service identifiers, then the long texts (configuration, logs) folded.
 */
export function TicketBrief({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const x = ticket.intake;
  const started = x.problemStartedAt && !Number.isNaN(Date.parse(x.problemStartedAt)) ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(x.problemStartedAt)) : x.problemStartedAt;
  const problem = present([
    { field: 'channel', value: t(`intake.channels.${ticket.channel}`) },
    { field: 'problemStartedAt', value: started },
    { field: 'intermittent', value: x.intermittent === 'intermittent' || x.intermittent === 'permanent' ? t(`intake.${x.intermittent}`) : undefined },
  ]);
  const contact = present([
    { field: 'contactName', value: ticket.contactName },
    { field: 'contactEmail', value: ticket.contactEmail && <a href={`mailto:${ticket.contactEmail}`}>{ticket.contactEmail}</a> },
    { field: 'contactPhone', value: ticket.contactPhone && <a href={`tel:${ticket.contactPhone.replace(/[^+\d]/g, '')}`}>{ticket.contactPhone}</a> },
    { field: 'company', value: x.company },
    { field: 'contractNumber', value: x.contractNumber },
  ]);
  const product = present([
    { field: 'productLine', value: ticket.productLine },
    { field: 'product', value: ticket.product },
    { field: 'productVersion', value: ticket.productVersion },
    { field: 'productSerial', value: x.productSerial },
    { field: 'patchLevel', value: x.patchLevel },
    { field: 'operatingSystem', value: x.operatingSystem },
    { field: 'database', value: x.database },
    { field: 'serviceId', value: x.serviceId },
    { field: 'circuitId', value: x.circuitId },
    { field: 'ipAddress', value: x.ipAddress },
  ]);
  return (
    <section className="ticket-brief" aria-label={t('ticket-brief.title')}>
      <div className="brief-card brief-problem">
        <h2>{t('intake.sections.problem')}</h2>
        {ticket.description ? <p className="brief-description" data-testid="ticket-description">{ticket.description}</p> : <p className="muted">{t('ticket-brief.noDescription')}</p>}
        {problem.length > 0 && <Facts rows={problem} testId="brief-problem" />}
      </div>
      <div className="brief-card brief-contact">
        <h2>{t('intake.sections.customer')}</h2>
        <Facts rows={contact} testId="brief-contact" />
      </div>
      <div className="brief-card brief-product">
        <h2>{t('intake.sections.product')}</h2>
        <Facts rows={product} testId="brief-product" />
      </div>
      {ticket.eDown && <EDownAnswersPanel answers={ticket.eDown} />}
      {(x.configuration || x.logs) && (
        <div className="brief-card brief-long">
          {x.configuration && <LongText field="configuration" text={x.configuration} />}
          {x.logs && <LongText field="logs" text={x.logs} />}
        </div>
      )}
    </section>
  );
}

/** Configuration and logs can be pages long: folded, opened on demand, kept verbatim. */
function LongText({ field, text }: { field: string; text: string }) {
  const { t } = useTranslation();
  return (
    <details data-field={field}>
      <summary>{t(`intake.fields.${field}`)} <span className="muted">{t('ticket-brief.lines', { count: text.split('\n').length })}</span></summary>
      <pre className="brief-pre">{text}</pre>
    </details>
  );
}
