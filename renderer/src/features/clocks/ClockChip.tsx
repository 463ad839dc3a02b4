import { useRowText } from '../../i18n/use-row-text';
import type { Clock } from '../../../../shared/sla/clocks';
import { clockUrgency, formatMinutes } from './format';

/** One clock, compact: its short name and remaining time, coloured by urgency. */
export function ClockChip({ clock }: { clock: Clock }) {
  // Rendered three to a queue row: the lightweight labels, not useTranslation.
  const { text: t, language } = useRowText();
  const urgency = clockUrgency(clock);
  // A breached clock carries a mark as well as its colour, for people who do not see red.
  const text = clock.state === 'met' ? '✓' : `${clock.state === 'breached' ? '⚠ ' : ''}${formatMinutes(clock.remainingMinutes, language)}`;
  return (
    <span className={`chip clock-${urgency}`} title={`${t(`clocks.${clock.kind}`)} — ${t(`clockState.${clock.state}`)}`} data-clock={clock.kind}>
      <b>{t(`clocksShort.${clock.kind}`)}</b> {text}
    </span>
  );
}
