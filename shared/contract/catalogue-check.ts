// Whether what a ticket or an installed asset names is in the tenant's product catalogue. One
// check for the intake form, the device's mutation and the sync server, so they never disagree.
import { refused, type Refusal } from '../ticket/command';
import type { Asset, Product } from './schema';

/**
 * Why a new ticket's product line or product is not in the catalogue, or undefined when it is.
 * A tenant whose catalogue is empty has not adopted one yet: every product line is accepted then
 * (an organisation that has not set one up types names at intake). A retired product is still in
 * the catalogue: a device may have logged the case before it heard of the retirement, and what
 * it logged must not be lost; intake offers only products not retired.
 */
export function ticketCatalogueRefusal(ticket: { productLine: string; product: string }, products: readonly Product[]): Refusal | undefined {
  if (products.length === 0) return undefined;
  const line = products.filter((p) => p.productLine === ticket.productLine);
  if (line.length === 0) {
    return refused('not_in_catalogue', `product line "${ticket.productLine}" is not in the product catalogue; choose one of the catalogue's product lines`, { productLine: ticket.productLine, product: ticket.product }).refusal;
  }
  if (!line.some((p) => p.name === ticket.product)) {
    return refused('not_in_catalogue', `product "${ticket.product}" is not a product of line "${line[0]?.productLineName ?? ticket.productLine}" in the catalogue`, { productLine: line[0]?.productLineName ?? ticket.productLine, product: ticket.product }).refusal;
  }
  return undefined;
}

/** Why an installed asset's product is not in the catalogue, or undefined when it is (an empty catalogue accepts any, as for tickets). */
export function assetCatalogueRefusal(asset: Pick<Asset, 'id' | 'productId'>, products: readonly Product[]): Refusal | undefined {
  if (products.length === 0 || products.some((p) => p.id === asset.productId)) return undefined;
  return refused('not_in_catalogue', `asset ${asset.id} names product "${asset.productId}", which is not in the product catalogue`, { productLine: '', product: asset.productId }).refusal;
}
