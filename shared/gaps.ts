import { divRound, qtyUnits } from './money';
import { unitFactor } from './parse/numbers';
import type { EstimateLine } from './types/estimate';
import type { Cents } from './types/money';
import type { GapKind, LineGap, Match } from './types/reconciliation';

/** An exact unit factor as a fraction: how many `to` units in one `from` unit. */
function ratio(from: string, to: string): { num: bigint; den: bigint } {
  const f = from && to ? unitFactor(from, to) : 1;
  if (f === null || f === 1) return { num: 1n, den: 1n };
  return f >= 1 ? { num: BigInt(Math.round(f)), den: 1n } : { num: 1n, den: BigInt(Math.round(1 / f)) };
}

/**
 * A line's gap and its parts. Quantity part = (our qty − their qty) × their unit price, in the
 * insurer's unit; price part = gap − quantity part, so the two always add up to the gap.
 */
export function lineGap(ours: EstimateLine, match: Match | null): LineGap {
  if (!match) {
    return { ours, match: null, gap: ours.amount, kind: 'denied', quantityPart: null, pricePart: null };
  }
  const their = match.insurer;
  const { num, den } = ratio(ours.unit, their.unit); // our unit → their unit
  const ourQtyScaled = qtyUnits(ours.qty) * num; // in their units × den
  const theirQtyScaled = qtyUnits(their.qty) * den;
  const gap: Cents = ours.amount - their.amount;
  const qtyDiffers = ourQtyScaled !== theirQtyScaled;
  // Our price per our unit equals theirs when ourPrice × den = theirPrice × num.
  const priceDiffers = BigInt(ours.unitPrice) * den !== BigInt(their.unitPrice) * num;
  let quantityPart: Cents;
  if (!priceDiffers) quantityPart = qtyDiffers ? gap : 0; // same price: the whole gap is quantity
  else if (!qtyDiffers) quantityPart = 0; // same quantity: the whole gap is price
  else quantityPart = Number(divRound((ourQtyScaled - theirQtyScaled) * BigInt(their.unitPrice), 10000n * den));
  const pricePart = gap - quantityPart;
  let kind: GapKind = 'equal';
  if (qtyDiffers && priceDiffers) kind = 'quantity+price';
  else if (qtyDiffers) kind = 'quantity';
  else if (priceDiffers || gap !== 0) kind = 'price';
  return { ours, match, gap, kind, quantityPart, pricePart };
}
