/** Dutch number formats for the director's figures. */
export const percentText = (rate: number | null): string =>
  rate === null ? 'nog niet te bepalen' : `${Math.round(rate * 100)}%`;

export const countText = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
