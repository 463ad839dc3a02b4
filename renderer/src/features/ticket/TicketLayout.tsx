import type { ReactNode } from 'react';

type Slots = { header: ReactNode; brief: ReactNode; main: ReactNode; side: ReactNode; dialogs?: ReactNode; labelledBy: string };

/**
 * The ticket page's frame: header (id, title, facts, actions), then what was reported (problem and
 * requester first, as an engineer scans), then the work (timeline) beside the clocks. Panels are
 * passed into named slots so that each stays its own component.
 */
export function TicketLayout({ header, brief, main, side, dialogs, labelledBy }: Slots) {
  return (
    <article className="ticket" aria-labelledby={labelledBy}>
      <header className="ticket-header">{header}</header>
      {brief}
      <div className="ticket-body">
        <section className="ticket-main">{main}</section>
        <aside className="ticket-side">{side}</aside>
      </div>
      {dialogs}
    </article>
  );
}
