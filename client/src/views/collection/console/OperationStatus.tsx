/** A collection command's refusal in words, or that it is being saved. Success is announced by the board. */
import { useTranslation } from 'react-i18next';
import { OperationStatus as Status } from '../../common/OperationStatus';
import { refusalText } from '../proposalText';
import type { OperationState } from './useOperation';

export function OperationStatus({ state }: { state: OperationState }) {
  const { t } = useTranslation();
  return <Status state={state} describe={(r) => refusalText(t, r.code, r.details)} busy={t('collection.console.busy')} />;
}
