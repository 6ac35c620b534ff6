/**
 * What jsdom lacks and Fluent uses: ResizeObserver (MessageBar's reflow) and matchMedia. Imported first by
 * the component tests (the shared jest config has no per-project setup file).
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as Record<string, unknown>;
w['ResizeObserver'] ??= NoopResizeObserver;
w['matchMedia'] ??= (query: string) => ({
  matches: false,
  media: query,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  addListener: () => undefined,
  removeListener: () => undefined,
  onchange: null,
  dispatchEvent: () => false,
});
export {};
