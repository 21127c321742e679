/** Settings of the trend figure the trends page, the charts and `/data/trends.json` use (see src/pipeline/trends.ts). */
import type { TrendSettings } from '../pipeline/trends';

/** The latest 10 digests against the ones before; 3 papers at least; 1.5 times the earlier share to count as rising. */
export const TREND_SETTINGS: TrendSettings = { window: 10, minRecent: 3, minGrowth: 1.5 };

/** Items a term's or topic's feed keeps: its latest digests that brought papers. */
export const FEED_ITEMS = 20;
/** Paper titles a feed item lists (the digest page it links lists them all). */
export const FEED_TITLES = 10;
