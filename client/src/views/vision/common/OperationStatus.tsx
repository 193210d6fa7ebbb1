/** A console command's refusal in words (an alert), or that it is being saved. */
import { useTranslation } from 'react-i18next';
import type { OperationState } from '../../collection/console/useOperation';
import { refusalText } from './refusal';

export function OperationStatus({ state }: { state: OperationState }) {
  const { t } = useTranslation();
  if (state.status === 'refused') {
    return (
      <p role="alert" className="error">
        {refusalText(t, state.refusal.code, state.refusal.details)}
      </p>
    );
  }
  return state.status === 'busy' ? <p className="hint">{t('vision.console.busy')}</p> : null;
}
