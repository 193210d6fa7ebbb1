/** A console command's refusal in words (an alert), or that it is being saved. */
import { useTranslation } from 'react-i18next';
import type { OperationState } from '../../collection/console/useOperation';
import { refusalText } from './words';

export function OperationStatus({ state, limits }: { state: OperationState; limits?: { allowance: number; max: number } }) {
  const { t } = useTranslation();
  if (state.status === 'refused') {
    return (
      <p role="alert" className="error">
        {refusalText(t, state.refusal.code, limits, state.refusal.details)}
      </p>
    );
  }
  return state.status === 'busy' ? <p className="hint">{t('selection.console.busy')}</p> : null;
}
