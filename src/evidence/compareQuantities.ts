import type { Quantity } from './readQuantities.js';

/** A figure with the day it was published: one point of a series. */
export interface DatedQuantity {
  quantity: Quantity;
  /** Days since 1970-01-01 of the publish date. */
  day: number;
}

/** Exact figures this close are one figure written with different rounding ("2.5" and "2.50"). */
const roundingTolerance = 0.005;
/** "About 2,900" covers figures within this share of 2,900. */
const aboutTolerance = 0.1;

/** The values a figure allows: a point up to rounding, a band for "about", a half-line for a bound. */
function rangeOf({ value, bound }: Quantity): [number, number] {
  const spread = Math.abs(value) * (bound === 'about' ? aboutTolerance : roundingTolerance);
  if (bound === 'atLeast') return [value, Number.POSITIVE_INFINITY];
  if (bound === 'atMost' || bound === 'upTo') return [Number.NEGATIVE_INFINITY, value];
  return [value - spread, value + spread];
}

/** Whether a figure's values come near `value` ("about 580" does "up to 600"; "150" does not). */
function reaches(figure: Quantity, value: number): boolean {
  const [low, high] = rangeOf(figure);
  return low <= value && high >= value * (1 - aboutTolerance);
}

/**
 * Whether two figures of the same kind can both be true: the values they allow overlap ("about 2,900"
 * and "2,950"; "more than 20" and "23"; "2.5" and "2.50"). "Up to 600" claims 600 can be reached, so
 * it cannot be true with "fewer than 150", a limit below it, nor with a figure well short of it ("up to
 * 40 per cent" and "23 per cent" are two accounts of one loss; "about 580" reaches it).
 */
export function areCompatible(a: Quantity, b: Quantity): boolean {
  if (a.bound === 'upTo' && b.bound === 'atMost') return a.value <= b.value;
  if (b.bound === 'upTo' && a.bound === 'atMost') return b.value <= a.value;
  if (a.bound === 'upTo' && (b.bound === 'exact' || b.bound === 'about')) return reaches(b, a.value);
  if (b.bound === 'upTo' && (a.bound === 'exact' || a.bound === 'about')) return reaches(a, b.value);
  const [lowA, highA] = rangeOf(a);
  const [lowB, highB] = rangeOf(b);
  return lowA <= highB && lowB <= highA;
}

/**
 * Whether two sentences' figures of one kind agree: some figure of one is compatible with some
 * figure of the other, or with the sum of the other's ("4%, 3% and 3%" is "10 per cent").
 */
export function doFiguresAgree(a: readonly Quantity[], b: readonly Quantity[]): boolean {
  const withSum = (figures: readonly Quantity[]): Quantity[] => {
    if (figures.length < 2 || figures.some(({ bound }) => bound !== 'exact')) return [...figures];
    const first = figures[0] as Quantity;
    const total = figures.reduce((sum, { value }) => sum + value, 0);
    return [...figures, { ...first, value: total, text: figures.map(({ text }) => text).join(' + ') }];
  };
  const left = withSum(a);
  const right = withSum(b);
  return left.some((x) => right.some((y) => areCompatible(x, y)));
}

/**
 * Whether the series, ordered by day, goes from one figure to the other and back ("4,200" on the 6th,
 * "2,900" on the 7th, "4,200" on the 9th): two sources repeating their own figures, not an update.
 */
export function doesAlternate(series: readonly DatedQuantity[], a: Quantity, b: Quantity): boolean {
  const ordered = [...series].sort((x, y) => x.day - y.day);
  const sequence = ordered.map(({ quantity, day }) => ({
    day,
    // "At least 120" fits both 310 and 640: it takes neither side.
    side:
      areCompatible(quantity, a) === areCompatible(quantity, b)
        ? null
        : areCompatible(quantity, a)
          ? 'a'
          : 'b',
  }));
  const marked = sequence.filter(({ side }) => side !== null);
  return marked.some((first, i) =>
    marked.some(
      (middle, j) =>
        j > i &&
        middle.day > first.day &&
        middle.side !== first.side &&
        marked.some((last, k) => k > j && last.day > middle.day && last.side === first.side),
    ),
  );
}

/**
 * Whether the two points sit in a run of the series that moves one way (rising or falling, with
 * compatible steps allowed) over at least three publish days and three values: a figure
 * updated over time, such as ships waiting 14, 23, "more than 20", 61. One drop that then holds
 * ("4,200", "2,900", "2,900") is not a trend, and a same-day pair never is.
 */
export function isTrend(series: readonly DatedQuantity[], a: DatedQuantity, b: DatedQuantity): boolean {
  if (a.day === b.day) return false;
  const [early, late] = a.day < b.day ? [a, b] : [b, a];
  const rising = late.quantity.value > early.quantity.value;
  const ordered = [...series].sort(
    (x, y) => x.day - y.day || (rising ? 1 : -1) * (x.quantity.value - y.quantity.value),
  );
  const step = (from: DatedQuantity, to: DatedQuantity) =>
    areCompatible(from.quantity, to.quantity) || to.quantity.value > from.quantity.value === rising;
  const inside = ordered.filter(({ day }) => day >= early.day && day <= late.day);
  if (!inside.every((point, index) => index === 0 || step(inside[index - 1] as DatedQuantity, point)))
    return false;
  const run = [...inside];
  for (const point of ordered.filter(({ day }) => day < early.day).reverse()) {
    if (!step(point, run[0] as DatedQuantity)) break;
    run.unshift(point);
  }
  for (const point of ordered.filter(({ day }) => day > late.day)) {
    if (!step(run.at(-1) as DatedQuantity, point)) break;
    run.push(point);
  }
  const values = new Set(run.map(({ quantity }) => quantity.value));
  return new Set(run.map(({ day }) => day)).size >= 3 && values.size >= 3;
}
