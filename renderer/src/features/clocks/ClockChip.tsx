import { useTranslation } from 'react-i18next';
import type { Clock } from '../../../../shared/sla/clocks';
import { clockUrgency, formatMinutes } from './format';

/** One clock, compact: its short name and remaining time, coloured by urgency. */
export function ClockChip({ clock }: { clock: Clock }) {
  const { t, i18n } = useTranslation();
  const urgency = clockUrgency(clock);
  const text = clock.state === 'met' ? '✓' : formatMinutes(clock.remainingMinutes, i18n.language);
  return (
    <span className={`chip clock-${urgency}`} title={`${t(`clocks.${clock.kind}`)} — ${t(`clockState.${clock.state}`)}`} data-clock={clock.kind}>
      <b>{t(`clocksShort.${clock.kind}`)}</b> {text}
    </span>
  );
}
