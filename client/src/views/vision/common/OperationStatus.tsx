/** A vision command's refusal in words, or that it is being saved. */
import { useTranslation } from 'react-i18next';
import type { OperationState } from '../../collection/console/useOperation';
import { OperationStatus as Status } from '../../common/OperationStatus';
import { refusalText } from './refusal';

export function OperationStatus({ state }: { state: OperationState }) {
  const { t } = useTranslation();
  return <Status state={state} describe={(r) => refusalText(t, r.code, r.details)} busy={t('vision.console.busy')} />;
}
