/** withBilling's starters for a test trigger that starts no pictures or modes: reaching one is a test bug. */
const never = () => Promise.reject(new Error('This test trigger starts no pictures or modes.'));
export const startsNothing = { requestMode: never, requestChartImage: never };
