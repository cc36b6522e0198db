import { useCallback, useState } from 'react';
import type { FormDetail, FormProfile } from '../../../shared/domain/form';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../api/client';

export type ProfileSave = { phase: 'idle' | 'saving' | 'saved' } | { phase: 'failed'; error: AppError };

/**
 * The profile being corrected and its saving (`forms:saveProfile`). `saveIfDirty` is what filling
 * calls first, since main fills by the saved profile.
 */
export function useProfile(detail: FormDetail, onSaved: (detail: FormDetail) => void) {
  const [profile, setProfile] = useState<FormProfile>(detail.profile);
  const [save, setSave] = useState<ProfileSave>({ phase: 'idle' });
  const dirty = JSON.stringify(profile) !== JSON.stringify(detail.profile);

  const change = useCallback((next: FormProfile) => {
    setProfile(next);
    setSave((s) => (s.phase === 'saving' ? s : { phase: 'idle' }));
  }, []);

  /** Resolves to whether the profile main has is the one on screen. */
  const saveIfDirty = useCallback(async (): Promise<boolean> => {
    if (!dirty) return true;
    setSave({ phase: 'saving' });
    try {
      const saved = await call('forms:saveProfile', { profile });
      setProfile(saved.profile);
      setSave({ phase: 'saved' });
      onSaved(saved);
      return true;
    } catch (err) {
      setSave({ phase: 'failed', error: toAppError(err) });
      return false;
    }
  }, [dirty, profile, onSaved]);

  return { profile, dirty, save, change, saveIfDirty };
}
