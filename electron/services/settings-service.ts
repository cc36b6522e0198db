import { DEFAULT_SETTINGS, Settings } from '../../shared/domain/settings';
import type { SettingsRepo } from '../store/settings-repo';

export class SettingsService {
  constructor(private readonly repo: SettingsRepo) {}

  /** Stored values that no longer validate fall back to their defaults one by one. */
  get(): Settings {
    const stored = this.repo.all();
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const field = Settings.shape[key].safeParse(stored[key]);
      if (field.success) out[key] = field.data;
    }
    return out as Settings;
  }

  update(patch: Partial<Settings>): Settings {
    this.repo.setMany(patch);
    return this.get();
  }
}
