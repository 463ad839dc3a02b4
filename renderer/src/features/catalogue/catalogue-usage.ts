import type { CatalogueUsage } from '../../../../shared/contract';
import type { ServiceDeskDb } from '../../data/db';
import type { Config } from '../../config';

/** Where the catalogue is named on this device (tickets, installed assets, visits), read when a delete is asked for. */
export async function readCatalogueUsage(db: ServiceDeskDb, config: Config): Promise<CatalogueUsage> {
  const [tickets, visits] = await Promise.all([db.tickets.toArray(), db.visits.toArray()]);
  return {
    tickets: tickets.map((t) => ({ id: t.id, productLine: t.productLine, product: t.product })),
    assets: [...config.assets.values()].map((a) => ({ id: a.id, productId: a.productId })),
    visits: visits.map((v) => ({ id: String(v.id), productLine: typeof v.productLine === 'string' ? v.productLine : undefined })),
  };
}
