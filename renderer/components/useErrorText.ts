import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorCode } from '../../shared/errors';
import type { ErrorParams } from '../../shared/errors';

/** Translates an error by its code; a code this build does not know reads as an internal error. */
export function useErrorText(): (error: { code: string; params?: ErrorParams }) => string {
  const { t } = useTranslation();
  return useCallback(
    (error) => t(`errors.${isErrorCode(error.code) ? error.code : 'internal'}`, error.params ?? {}),
    [t],
  );
}
