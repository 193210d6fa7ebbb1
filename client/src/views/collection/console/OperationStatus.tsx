/** A command's refusal in words (an alert), or that it is being saved. Success is announced by the board. */
import { useTranslation } from 'react-i18next';
import { refusalText } from '../proposalText';
import type { OperationState } from './useOperation';

export function OperationStatus({ state }: { state: OperationState }) {
  const { t } = useTranslation();
  if (state.status === 'refused') {
    return (
      <p role="alert" className="error">
        {refusalText(t, state.refusal.code, state.refusal.details)}
      </p>
    );
  }
  return state.status === 'busy' ? <p className="hint">{t('collection.console.busy')}</p> : null;
}
