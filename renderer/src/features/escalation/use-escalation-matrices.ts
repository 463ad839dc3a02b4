import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { EscalationMatrix } from '../../../../shared/escalation';
import { useServices } from '../../app/services';
import { overlayMatrices, presetEscalationMatrices, type MatrixOverlay } from './matrices';

/** Presets overlaid by the stored matrices, live; also which ids are stored and which rows are invalid. */
export function useEscalationMatrixOverlay(): MatrixOverlay {
  const { db } = useServices();
  const rows = useLiveQuery(() => db.escalationMatrices.toArray(), [db]);
  return useMemo(() => overlayMatrices(presetEscalationMatrices, rows ?? []), [rows]);
}

/** The escalation matrices in force: presets, replaced by id by the admins' edits. */
export function useEscalationMatrices(): EscalationMatrix[] {
  return useEscalationMatrixOverlay().matrices;
}
