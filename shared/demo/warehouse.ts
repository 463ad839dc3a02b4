// Invented spare parts, stocked in the demo warehouse both on a device without a server (the
// app's first-run seed) and on the embedded demo server, under the same ids so that signing in
// later replaces the local rows instead of doubling them.

/** One stock line of the synced `warehouse` table (id = part id). */
export type DemoWarehousePart = { id: string; name: string; onHand: number };

/** The demo warehouse: parts for the demo product lines (edge routers, gateways, vaults). */
export const demoWarehouseParts: ReadonlyArray<DemoWarehousePart> = [
  { id: 'psu-650w', name: 'Power supply 650 W', onHand: 6 },
  { id: 'fan-tray-r9', name: 'Fan tray (R9 chassis)', onHand: 4 },
  { id: 'sfp-10g-lr', name: 'SFP+ 10G LR optic', onHand: 20 },
  { id: 'line-card-48p', name: 'Line card 48-port', onHand: 2 },
  { id: 'disk-2tb-sas', name: 'Disk 2 TB SAS (Vault DB)', onHand: 8 },
  { id: 'gw-crypto-module', name: 'Gateway crypto module', onHand: 3 },
];
