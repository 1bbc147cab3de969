// One clock for every live screen. A stream of thousands of events is folded into state as it
// arrives; screens hear about it once per FEED_INTERVAL_MS and Ink redraws at most MAX_FPS times
// a second, so what is drawn is never more than about one 15 fps frame (66.7 ms) behind the stream
// even when the event loop is busy with it (measured by `npm run bench`).
export const FEED_INTERVAL_MS = 33;
/** Above the feed's rate, so Ink's own throttle never holds a frame back. */
export const MAX_FPS = 40;
