/** A selection command's refusal in words (with the vote's limits), or that it is being saved. */
import { useTranslation } from 'react-i18next';
import type { OperationState } from '../../collection/console/useOperation';
import { OperationStatus as Status } from '../../common/OperationStatus';
import { refusalText } from './words';

export function OperationStatus({ state, limits }: { state: OperationState; limits?: { allowance: number; max: number } }) {
  const { t } = useTranslation();
  return <Status state={state} describe={(r) => refusalText(t, r.code, limits, r.details)} busy={t('selection.console.busy')} />;
}
