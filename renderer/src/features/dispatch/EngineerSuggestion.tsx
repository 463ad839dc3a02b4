import { useTranslation } from 'react-i18next';
import type { EngineerRanking } from '../../../../shared/dispatch';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The facts that placed an engineer, in the order the ranking weighs them. */
export function rankingReasons(t: Translate, r: EngineerRanking, ctx: { lineName?: string; region?: string; engineerRegion: string }): string[] {
  const f = r.facts;
  const out = [t(f.free ? 'dispatch.fact.free' : 'dispatch.fact.busy')];
  if (f.skilled !== undefined) out.push(t(f.skilled ? 'dispatch.fact.skilled' : 'dispatch.fact.unskilled', { line: ctx.lineName ?? '' }));
  if (f.inRegion !== undefined) out.push(t(f.inRegion ? 'dispatch.fact.inRegion' : 'dispatch.fact.outRegion', { region: ctx.engineerRegion, customerRegion: ctx.region ?? '' }));
  out.push(t(f.inHours ? 'dispatch.fact.inHours' : 'dispatch.fact.outHours'));
  out.push(t(`dispatch.travelEstimate.${f.travel}`));
  const h = Math.floor(f.bookedMinutes / 60);
  const m = Math.round(f.bookedMinutes % 60);
  out.push(f.bookedMinutes === 0 ? t('dispatch.fact.nothingBooked') : t('dispatch.fact.booked', { hours: h, minutes: m }));
  return out;
}

/** The proposed engineer for the slot, why, and a one-click switch when another one is selected. */
export function EngineerSuggestion({ best, selectedId, reasons, onUse }: { best: EngineerRanking | undefined; selectedId: string; reasons: string[]; onUse: () => void }) {
  const { t } = useTranslation();
  if (!best) return null;
  return (
    <div className="engineer-suggestion" data-testid="engineer-suggestion" data-engineer-id={best.engineer.id}>
      <p>
        <b>{t('dispatch.suggested', { name: best.engineer.name })}</b> <span className="muted" data-testid="suggestion-reason">{reasons.join(' · ')}</span>
      </p>
      {best.engineer.id !== selectedId && <button type="button" onClick={onUse}>{t('dispatch.useSuggestion', { name: best.engineer.name })}</button>}
    </div>
  );
}
