/**
 * Where an e2e screenshot goes: the README's pictures under docs/screenshots are refreshed only on
 * request (`UPDATE_SCREENSHOTS=1 npm run test:e2e`), so that `npm test` leaves the checkout clean.
 */
export function docScreenshot(name: string): string {
  return process.env.UPDATE_SCREENSHOTS === '1' ? `docs/screenshots/${name}` : `test-results/screenshots/${name}`;
}
