import type { SettingsStore, SettingsVersion } from '../../src/app/ports/settingsStore';

/** The settings store's contract in memory: a save on a version that moved on is 'stale'. */
export class MemorySettingsStore implements SettingsStore {
  versions: SettingsVersion[] = [];
  async current() {
    return this.versions.at(-1);
  }
  async save(next: SettingsVersion, expected: number) {
    if ((this.versions.at(-1)?.version ?? 0) !== expected) return 'stale' as const;
    this.versions.push(structuredClone(next));
    return 'saved' as const;
  }
  async history() {
    return [...this.versions].reverse();
  }
}
