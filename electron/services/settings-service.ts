import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, Settings } from '../../shared/domain/settings';
import { lockedSettings } from '../policy/load';
import type { PolicyState } from '../policy/load';
import { resolveEffective, settingsOverlay } from '../policy/resolve';
import type { SettingsRepo } from '../store/settings-repo';

export type SettingKey = keyof Settings;
export type SettingChange = <K extends SettingKey>(key: K, from: Settings[K], to: Settings[K]) => void;

const NO_POLICY: PolicyState = { kind: 'absent', path: '' };
const SettingsPatch = Settings.partial().strict();

/** User settings with the machine policy laid over them: what the policy fixes cannot be changed. */
export class SettingsService {
  constructor(
    private readonly repo: SettingsRepo,
    private readonly policy: () => PolicyState = () => NO_POLICY,
    private readonly onChange: SettingChange = () => {},
  ) {}

  /** The values in effect: stored ones (those that no longer validate fall back to defaults), then policy. */
  get(): Settings {
    const stored = this.stored();
    return { ...stored, ...settingsOverlay(this.policy(), stored) };
  }

  /** Keys the policy fixes; Settings shows them as managed by the organization. */
  locked(): SettingKey[] {
    return lockedSettings(this.policy());
  }

  /**
   * Refuses the whole patch if it would change a locked key (sending a locked key's current value
   * is harmless: a form may send every field). Reports each key whose effective value changed.
   */
  update(patch: Partial<Settings>): Settings {
    const checked = SettingsPatch.safeParse(patch);
    if (!checked.success) {
      const key = String(checked.error.issues[0]?.path[0] ?? '');
      throw new AppError('invalid_input', `invalid setting ${key}`, { key });
    }
    const state = this.policy();
    const before = this.get();
    const locked = lockedSettings(state);
    const entries = Object.entries(checked.data) as [SettingKey, unknown][];
    for (const [key, value] of entries) {
      if (locked.includes(key) && before[key] !== value) {
        throw new AppError('setting_locked', `${key} is managed by the organization`, { key });
      }
    }
    this.checkModel(state, checked.data.model);
    this.repo.setMany(Object.fromEntries(entries.filter(([key]) => !locked.includes(key))));
    const after = this.get();
    for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
      if (before[key] !== after[key]) this.onChange(key, before[key], after[key]);
    }
    return after;
  }

  private stored(): Settings {
    const stored = this.repo.all();
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
      const field = Settings.shape[key].safeParse(stored[key]);
      if (field.success) out[key] = field.data;
    }
    return out as Settings;
  }

  /** With a policy endpoint the user picks among its models only. */
  private checkModel(state: PolicyState, model: string | undefined): void {
    if (model === undefined || state.kind !== 'valid') return;
    const endpoint = resolveEffective(state, this.stored()).endpoint;
    if (endpoint && !endpoint.models.includes(model)) {
      throw new AppError('invalid_input', `model ${model} is not approved by the policy`, { key: 'model' });
    }
  }
}
